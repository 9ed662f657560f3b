import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COUNTY, hasStackTrace, landcap, writeFiles } from '../helpers.js';

const nutrient = z.strictObject({ cropDemandKg: z.number(), manureDemandKg: z.number(), supplyPerPeKg: z.number(), capacityPe: z.number() });
const balance = z.object({
  name: z.string(),
  stockPe: z.number(),
  capacityPe: z.number(),
  headroomPe: z.number(),
  loadIndex: z.number().nullable(),
  grade: z.enum(['I', 'II', 'III', 'IV', 'V', 'VI']).nullable(),
  status: z.enum(['ok', 'warning', 'overloaded', 'no-land']),
  nutrients: z.object({ N: nutrient.optional(), P: nutrient.optional() }),
});
/** The JSON report as docs/cli.md describes it, written here independently of the code. */
const reportSchema = z.object({
  schemaVersion: z.literal(1),
  basis: z.enum(['N', 'P', 'both']),
  parameters: z.object({
    basis: z.enum(['N', 'P', 'both']),
    manureShare: z.number(),
    nUseRate: z.number(),
    pUseRate: z.number(),
    nSupplyPerPe: z.number(),
    pSupplyPerPe: z.number(),
    soilGrade: z.enum(['I', 'II', 'III']),
  }),
  townships: z.array(balance).min(1),
  total: balance.extend({ name: z.literal('TOTAL') }),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), file: z.string(), line: z.number().int().positive() })),
});
type ReportJson = z.infer<typeof reportSchema>;

function reportJson(args: string[]): ReportJson {
  const r = landcap(['report', '--format', 'json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return reportSchema.parse(JSON.parse(r.stdout));
}

/** Table 3-2 recomputed by hand: production (kg) × N uptake per 100 kg, and forest m³ × 2.90 kg/m³. */
const TABLE_3_2: [number, number][] = [
  [880_000, 3.0],
  [680_000_000, 2.3],
  [13_500_000, 3.8],
  [2_500_000, 7.2],
  [590_000, 0.5],
  [40_447_000, 0.28],
  [345_095_000, 0.33],
  [28_996_000, 0.34],
  [60_500_000, 0.15],
  [3_700_000, 0.28],
  [11_700_000, 0.19],
  [270_000, 0.21],
  [2_420_000, 0.74],
  [2_880_000, 7.19],
  [2_450_000, 3.85],
  [33_873_588.52, 0.2],
];
const COUNTY_CROP_N = TABLE_3_2.reduce((sum, [kg, uptake]) => sum + (kg * uptake) / 100, 0) + 5_310_867.94 * 2.9;

const close = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

describe('the county example of the reference plan (sample a)', () => {
  let county: ReportJson;
  beforeAll(() => {
    county = reportJson(['--sample', 'beipiao-county-2024']);
  });

  it('reproduces manure N demand 24,210,343.95 kg, capacity 3,458,620.56 PE and stock 2,113,408 PE', () => {
    const n = county.total.nutrients.N!;
    // 33,625,477.70 kg crop N (table 3-2; 33,625,477.703 unrounded) × 0.45 × 0.40 ÷ 0.25, ÷ 7.0.
    expect(Math.abs(n.cropDemandKg - 33_625_477.7)).toBeLessThan(0.01);
    expect(close(n.cropDemandKg, COUNTY_CROP_N)).toBeLessThan(1e-12);
    expect(Math.abs(n.manureDemandKg - 24_210_343.95)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(county.total.capacityPe - 3_458_620.56)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(county.total.stockPe - 2_113_408)).toBeLessThan(1e-6);
    expect(county.total.loadIndex).toBeCloseTo(2_113_408 / 3_458_620.5637, 6);
    expect(county.total.grade).toBe('II');
    expect(county.total.status).toBe('ok');
    expect(county.parameters).toMatchObject({ manureShare: 0.4, nUseRate: 0.25, soilGrade: 'II', nSupplyPerPe: 7 });
  });

  it('reports the grassland row of table 3-1, whose yield is per hectare, at its place', () => {
    expect(county.warnings).toHaveLength(1);
    expect(county.warnings[0]).toMatchObject({ code: 'production-mismatch', file: 'data/samples/beipiao-county-2024/crops.csv', line: 17 });
    const r = landcap(['report', '--sample', 'beipiao-county-2024', '--format', 'json']);
    expect(r.stderr).toContain('data/samples/beipiao-county-2024/crops.csv:17:6: warning production-mismatch');
    expect(r.stderr).toContain('per 公顷');
  });

  it('warns about table 3-2 maize production (68,000,000 kg against 1,250,000 亩 × 544 kg)', () => {
    const crops = readFileSync(join(COUNTY, 'crops.csv'), 'utf8').replace('680000000.00', '68000000.00');
    const dir = writeFiles({ 'crops.csv': crops });
    const r = landcap([
      'report',
      '--crops',
      join(dir, 'crops.csv'),
      '--livestock',
      join(COUNTY, 'livestock.csv'),
      '--params',
      join(COUNTY, 'params.json'),
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${join(dir, 'crops.csv')}:3:6: warning production-mismatch`);
    expect(r.stderr).toMatch(/1\/10/);
    const json = reportSchema.parse(JSON.parse(r.stdout));
    expect(json.warnings.map((w) => [w.code, w.line])).toEqual([
      ['production-mismatch', 3],
      ['production-mismatch', 17],
    ]);
    // The production column is what the guide uses: 68,000,000 × 2.3 / 100 less crop N than the plan's total.
    expect(close(json.total.nutrients.N!.cropDemandKg, COUNTY_CROP_N - (680_000_000 - 68_000_000) * 0.023)).toBeLessThan(1e-12);
  });
});

describe('the township sample (sample b)', () => {
  it('runs by default and sums exactly to the county sample', () => {
    const townships = reportJson([]);
    const county = reportJson(['--sample', 'beipiao-county-2024']);
    expect(townships.townships.length).toBe(34);
    expect(townships.warnings).toEqual([]);
    for (const key of ['stockPe', 'capacityPe', 'headroomPe'] as const) expect(close(townships.total[key], county.total[key])).toBeLessThan(1e-9);
    for (const key of ['cropDemandKg', 'manureDemandKg', 'capacityPe'] as const)
      expect(close(townships.total.nutrients.N![key], county.total.nutrients.N![key])).toBeLessThan(1e-9);
    // The total is the sum of its townships.
    const sum = townships.townships.reduce((a, t) => a + t.capacityPe, 0);
    expect(close(sum, townships.total.capacityPe)).toBeLessThan(1e-12);
  });

  it('lists every township and the total in all four formats', () => {
    const names = reportJson([]).townships.map((t) => t.name);
    const table = landcap(['report']);
    const md = landcap(['report', '--format', 'md']);
    const csv = landcap(['report', '--format', 'csv']);
    for (const r of [table, md, csv]) expect(r.status).toBe(0);
    const csvRows = parse(csv.stdout) as string[][];
    expect(csvRows.slice(1).map((row) => row[0])).toEqual([...names, 'TOTAL']);
    for (const name of names) {
      expect(table.stdout).toContain(name);
      expect(md.stdout).toContain(`| ${name} |`);
    }
    expect(table.stdout).toContain('TOTAL');
    expect(md.stdout).toContain('| **TOTAL** |');
    // Chinese output names the total 合计 and counts in 万.
    const zh = landcap(['report', '--lang', 'zh']);
    expect(zh.stdout).toContain('合计');
    expect(zh.stdout).toContain('211.34万');
    expect(zh.stdout).toContain('345.86万');
  });

  it('draws the 60 most loaded of many townships in the HTML charts, says so, and lists them all in its table', () => {
    // 100 townships: the nth has n × 10 pigs on the same land, so the most loaded are the last 60.
    const n = 100;
    const dir = writeFiles({
      'crops.csv': `乡镇,作物,总产量(kg)\n${Array.from({ length: n }, (_, i) => `镇${i + 1},玉米,1000000`).join('\n')}\n`,
      'livestock.csv': `乡镇,畜种,存栏量(头)\n${Array.from({ length: n }, (_, i) => `镇${i + 1},生猪,${(i + 1) * 10}`).join('\n')}\n`,
    });
    const r = landcap(['--lang', 'zh', 'report', '--crops', join(dir, 'crops.csv'), '--livestock', join(dir, 'livestock.csv'), '--format', 'html']);
    expect(r.status, r.stderr).toBe(0);
    const bars = [...r.stdout.matchAll(/class="bar status-[a-z-]+" data-township="([^"]+)"/g)].map((m) => m[1]);
    expect(bars).toEqual(Array.from({ length: 60 }, (_, i) => `镇${n - i}`));
    expect(r.stdout).toContain('图中为 100 个乡镇中负荷最高的 60 个；下表列出全部乡镇。');
    expect(r.stdout.match(/<tr class="status-/g)).toHaveLength(n);
    // A county's townships are all drawn, without the note.
    expect(landcap(['report', '--format', 'html']).stdout).not.toContain('most loaded of');
  });

  it('writes --output atomically and prints nothing to stdout', () => {
    const dir = writeFiles({});
    const out = join(dir, 'report.json');
    const r = landcap(['report', '--format', 'json', '--output', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(reportSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).townships).toHaveLength(34);
  });

  it("without --format, the output file's name says the format; a --format its name contradicts is refused", () => {
    const dir = writeFiles({});
    const json = JSON.parse(landcap(['report', '--format', 'json']).stdout) as unknown;
    expect(landcap(['report', '--output', join(dir, 'r.json')]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toEqual(json);
    expect(landcap(['report', '--output', join(dir, 'r.HTML')]).status).toBe(0);
    expect(readFileSync(join(dir, 'r.HTML'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(landcap(['report', '--output', join(dir, 'r.xlsx')]).status).toBe(0);
    expect(readFileSync(join(dir, 'r.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    // validate's JSON, likewise; a name that says no format (.txt) keeps the default.
    expect(landcap(['validate', '--sample', 'beipiao-county-2024', '--output', join(dir, 'v.json')]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'v.json'), 'utf8')).valid).toBe(true);
    expect(landcap(['report', '--output', join(dir, 'r.txt')]).status).toBe(0);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toContain('TOTAL');
    const r = landcap(['report', '--format', 'csv', '--output', join(dir, 'wrong.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--format csv with --output ${join(dir, 'wrong.xlsx')}: the file's name says xlsx; give --format xlsx, or another file name`);
    expect(existsSync(join(dir, 'wrong.xlsx'))).toBe(false);
  });

  it('--fail-on-overload exits 1 when a township is overloaded, 0 when none is', () => {
    expect(landcap(['report', '--fail-on-overload']).status).toBe(1);
    expect(landcap(['report', '--sample', 'beipiao-county-2024', '--fail-on-overload']).status).toBe(0);
  });

  it('flags override the parameters file, and every value states its source', () => {
    const r = landcap(['report', '--format', 'json', '--manure-share', '50%', '--basis', 'both']);
    const json = JSON.parse(r.stdout);
    expect(json.parameters.manureShare).toBe(0.5);
    expect(json.parameterSources.manureShare).toEqual({ from: 'flag', flag: '--manure-share' });
    expect(json.parameterSources.nUseRate).toEqual({ from: 'file', file: 'data/samples/beipiao-townships-2024/params.json' });
    expect(json.parameterSources.pUseRate).toEqual({ from: 'default', provenance: 'guide-unverified' });
    for (const t of json.townships) {
      expect(t.capacityPe).toBe(Math.min(t.nutrients.N.capacityPe, t.nutrients.P.capacityPe));
      expect(t.limitingNutrient).toBe(t.nutrients.P.capacityPe < t.nutrients.N.capacityPe ? 'P' : 'N');
    }
  });
});

describe('bad input to report', () => {
  it('places the problem of a parameters file: a JSON syntax error at its line and column, a value of the wrong type quoted (exit 2)', () => {
    const dir = writeFiles({
      'syntax.json': '{\n  "basis": "N",\n  "manureShare": 0.4\n  "nUseRate": 0.25\n}\n',
      'percent.json': JSON.stringify({ manureShare: '40%' }),
      'ratio.json': JSON.stringify({ stockRatio: { 生猪: true } }),
    });
    const expectations: [string, string][] = [
      ['syntax.json', 'not valid JSON: '],
      ['syntax.json', ' (line 4, column 3)\n'],
      ['percent.json', 'manureShare: "40%" is not a number\n'],
      ['ratio.json', 'stockRatio.生猪: "true" is not a number\n'],
    ];
    for (const [file, message] of expectations) {
      const r = landcap(['report', '--params', join(dir, file)]);
      expect(r.status, file).toBe(2);
      expect(r.stderr).toContain(message);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  const livestock = 'township,species,stock\n甲镇,生猪,100\n';
  const run = (files: Record<string, string>, extra: string[] = []) => {
    const dir = writeFiles(files);
    const out = join(dir, 'out.json');
    const args = ['report', '--format', 'json', '--output', out, ...extra];
    if (files['crops.csv'] !== undefined) args.push('--crops', join(dir, 'crops.csv'));
    if (files['livestock.csv'] !== undefined) args.push('--livestock', join(dir, 'livestock.csv'));
    const r = landcap(args, { cwd: dir });
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(existsSync(out)).toBe(false);
    return { ...r, dir };
  };

  it('unknown crop: located, with the nearest known name as a hint, exit 1', () => {
    const r = run({ 'crops.csv': 'township,crop,production_kg\n甲镇,玉米粒,1000\n', 'livestock.csv': livestock });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('crops.csv:2:2: error crop-unknown unknown crop "玉米粒"');
    expect(r.stderr).toContain('did you mean "玉米"');
  });

  it('negative and non-numeric numbers: each located, exit 1', () => {
    const r = run({ 'crops.csv': 'township,crop,production_kg\n甲镇,玉米,-5\n甲镇,小麦,lots\n', 'livestock.csv': livestock });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('crops.csv:2:3: error number-negative');
    expect(r.stderr).toContain('crops.csv:3:3: error number-invalid "production_kg": "lots" is not a number');
  });

  it('missing required column: named, exit 1', () => {
    const r = run({ 'crops.csv': 'township,production_kg\n甲镇,1000\n', 'livestock.csv': livestock });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/crops\.csv:1:0: error header-missing-column .*crop\/作物/);
  });

  it('empty file: exit 1', () => {
    const r = run({ 'crops.csv': '', 'livestock.csv': livestock });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('crops.csv:1:0: error file-empty');
  });

  it('missing file: exit 2, the path named', () => {
    const r = run({ 'livestock.csv': livestock }, ['--crops', 'nowhere.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nowhere.csv: no such file');
  });

  it('unknown option: exit 2 with the usage', () => {
    const r = run({}, ['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('bad parameter value: exit 2, the flag named with the valid range', () => {
    const r = run({}, ['--manure-share', '40']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--manure-share: must be a share from 1% to 100% (40% is 0.4)');
  });
});
