// Local names and local coefficients (docs/local.md): a southern district's statistics as they are named — 早稻 and
// 晚稻, 糖料蔗, 沙田柚 and 砂糖橘, 速生桉, 能繁母猪 beside 生猪 — and its own dictionary of crops, species and values,
// read through the real binary and checked against figures worked out here by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, hasStackTrace, landcap, tempDir } from '../helpers.js';

const DIR = 'tests/fixtures/local';
const CROPS = `${DIR}/crops.csv`;
const LIVESTOCK = `${DIR}/livestock.csv`;
const LOCAL = `${DIR}/本地词典.csv`;

interface Township {
  name: string;
  stockPe: number;
  capacityPe: number;
  limitingNutrient?: string;
  forestShare?: number;
  nutrients: Record<string, { cropDemandKg: number; capacityPe: number }>;
}
interface Use {
  name: string;
  value: string;
  provenance: string;
  source: string;
}
interface ReportJson {
  townships: Township[];
  warnings: { code: string; file: string; line: number; column: number }[];
  coefficients: {
    uptake: Record<string, Use[]>;
    peFactors: Use[];
    names: { name: string; means: string; relation: string; provenance: string; source: string; rows: number }[];
  };
}

function report(args: readonly string[]): { json: ReportJson; stderr: string } {
  const r = landcap(['report', '--format', 'json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as ReportJson, stderr: r.stderr };
}

// The uptakes per 100 kg the district's rows take: the guide's as docs/method.md lists them, and the dictionary's.
const UPTAKE: Record<string, { N: number; P: number }> = {
  水稻: { N: 2.0, P: 0.8 }, // N from the dictionary (2.0 over the guide's 2.2), P the guide's
  甘蔗: { N: 0.18, P: 0.016 },
  柑橘: { N: 0.6, P: 0.11 },
  桉树: { N: 3.3, P: 3.3 }, // per m³
  木薯: { N: 0.3, P: 0.05 },
  蔬菜: { N: 0.3, P: 0.08 },
  莲藕: { N: 0.4, P: 0.1 },
};
// The rows as the district writes them, with the crop each is counted as; 早稻 and 晚稻 of 百朋镇 are left out, as its
// 稻谷 counts them already. Production in kg (t × 1000), or m³ for the forest.
const ROWS: [string, string, number][] = [
  ['拉堡镇', '水稻', 4_800_000], // 早稻
  ['拉堡镇', '水稻', 4_180_000], // 晚稻
  ['拉堡镇', '甘蔗', 100_000_000], // 糖料蔗
  ['拉堡镇', '柑橘', 6_000_000], // 沙田柚
  ['拉堡镇', '柑橘', 5_000_000], // 砂糖橘
  ['拉堡镇', '蔬菜', 10_000_000],
  ['拉堡镇', '莲藕', 2_250_000],
  ['百朋镇', '水稻', 6_000_000], // 稻谷
  ['百朋镇', '木薯', 6_000_000],
  ['百朋镇', '桉树', 9000 * 100], // 速生桉: 9,000 m³, uptake per m³ (the demand is m³ × uptake)
  ['成团镇', '水稻', 7_200_000], // 双季稻
  ['成团镇', '甘蔗', 75_000_000], // 甘蔗（糖料蔗）
  ['成团镇', '柑橘', 2_000_000], // 脐橙
];
// Head × PE per head: 能繁母猪 of 拉堡镇 left out (inside its 生猪); 百朋镇's pig members summed; 水牛 read as 肉牛 (100/30);
// 黄牛 with the dictionary's own 100/30; poultry 100/2500.
const STOCK: Record<string, number> = {
  拉堡镇: 30000 + (1200 * 100) / 30 + (200000 * 100) / 2500,
  百朋镇: 15000 + 1500 + 6000 + (800 * 100) / 30,
  成团镇: 20000 + (500 * 100) / 30 + (300 * 100) / 30,
};
// The chain with the defaults, soil grade II: capacity = demand × 45% × 50% ÷ use rate ÷ supply per PE.
const CHAIN = { N: (0.45 * 0.5) / 0.25 / 7, P: (0.45 * 0.5) / 0.3 / 1.2 };

function demand(township: string, n: 'N' | 'P'): number {
  return ROWS.filter(([t]) => t === township).reduce((sum, [, crop, kg]) => sum + (kg / 100) * UPTAKE[crop]![n], 0);
}

describe('a southern district in its own names, with its local dictionary', () => {
  it('gives, for every township, the N and P capacity and the stock worked out by hand', () => {
    const { json, stderr } = report(['--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL, '--basis', 'both']);
    expect(json.townships.map((t) => t.name)).toEqual(['拉堡镇', '百朋镇', '成团镇']);
    for (const t of json.townships) {
      for (const n of ['N', 'P'] as const) {
        expect(t.nutrients[n]!.cropDemandKg, `${t.name} ${n}`).toBeCloseTo(demand(t.name, n), 6);
        expect(t.nutrients[n]!.capacityPe, `${t.name} ${n}`).toBeCloseTo(demand(t.name, n) * CHAIN[n], 6);
      }
      expect(t.capacityPe).toBeCloseTo(Math.min(demand(t.name, 'N') * CHAIN.N, demand(t.name, 'P') * CHAIN.P), 6);
      expect(t.stockPe, t.name).toBeCloseTo(STOCK[t.name]!, 6);
    }
    // 百朋镇's forest: 9,000 m³ × 3.3 of its N demand, the limiting nutrient.
    const baipeng = json.townships[1]!;
    expect(baipeng.limitingNutrient).toBe('N');
    expect(baipeng.forestShare).toBeCloseTo((9000 * 3.3) / demand('百朋镇', 'N'), 12);
    // The parts beside their wholes: left out, each said at its row.
    expect(json.warnings.map((w) => [w.file, w.code, w.line, w.column])).toEqual([
      [CROPS, 'part-of-whole', 10, 2],
      [CROPS, 'part-of-whole', 11, 2],
      [LIVESTOCK, 'part-of-whole', 3, 2],
    ]);
    expect(stderr).toContain(`${CROPS}:10:2: warning part-of-whole "早稻" is a part of "稻谷" (line 9)`);
  });

  it('shows each local value and name with its source, apart from the guide’s: JSON, Markdown, HTML and explain', () => {
    const source = '柳江区 2022 年水稻养分吸收量田间试验（示例数值） (tests/fixtures/local/本地词典.csv:7)';
    const buffalo = '柳江区畜牧站：本区水牛以肉用和役用为主，按肉牛折算';
    const { json } = report(['--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL]);
    const rice = json.coefficients.uptake.N!.find((u) => u.name === '水稻')!;
    expect(rice).toMatchObject({ value: '2', provenance: 'local', source });
    expect(json.coefficients.uptake.N!.find((u) => u.name === '甘蔗')).toMatchObject({ provenance: 'guide-unverified' });
    expect(json.coefficients.peFactors.find((u) => u.name === '黄牛')).toMatchObject({ value: '100/30', provenance: 'local' });
    expect(json.coefficients.names.find((n) => n.name === '水牛')).toMatchObject({ means: '肉牛', relation: 'member', provenance: 'local' });
    expect(json.coefficients.names.find((n) => n.name === '水牛')!.source).toContain(buffalo);
    expect(json.coefficients.names.find((n) => n.name === '早稻')).toMatchObject({ means: '水稻', provenance: 'landcap', rows: 1 });
    for (const format of ['md', 'html']) {
      const r = landcap(['report', '--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL, '--format', format]);
      expect(r.status).toBe(0);
      expect(r.stdout, format).toContain('柳江区 2022 年水稻养分吸收量田间试验');
      expect(r.stdout, format).toContain(buffalo);
    }
    const zh = landcap(['--lang', 'zh', 'report', '--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL, '--format', 'md']);
    expect(zh.stdout).toContain('取自本地词典（6 项数值和名称）：水稻 氮吸收量 2 — 柳江区 2022 年水稻养分吸收量田间试验');
    const explain = landcap(['explain', '--township', '拉堡镇', '--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL]);
    expect(explain.status, explain.stderr).toBe(0);
    expect(explain.stdout).toContain('柳江区 2022 年水稻养分吸收量田间试验');
    expect(explain.stdout).toContain(buffalo);
  });

  it('grades a local crop by its own land use: 莲藕 on 水田 takes the paddy grade, not 旱地’s', () => {
    const dir = tempDir();
    const soil = join(dir, 'soil.csv');
    writeFileSync(soil, '乡镇,用地类型,氮分级\n拉堡镇,水田,I\n拉堡镇,旱地,III\n');
    const r = landcap(['explain', '--township', '拉堡镇', '--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL, '--soil', soil, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const crops = (JSON.parse(r.stdout) as { crops: { cropAsWritten: string; landUse: string; nutrients: { N: { soilGrade: string } } }[] }).crops;
    const lotus = crops.find((c) => c.cropAsWritten === '莲藕')!;
    expect([lotus.landUse, lotus.nutrients.N.soilGrade]).toEqual(['水田', 'I']);
    expect(crops.find((c) => c.cropAsWritten === '糖料蔗')!.nutrients.N.soilGrade).toBe('III');
  });

  it('reads the dictionary from a workbook, and from the parameters file (relative to it), the same', () => {
    const base = report(['--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL]).json;
    const book = report(['--crops', CROPS, '--livestock', LIVESTOCK, '--local', `${DIR}/本地词典.xlsx`]).json;
    expect(book.townships).toEqual(base.townships);
    expect(book.coefficients.uptake.N!.find((u) => u.name === '水稻')!.source).toContain('本地词典.xlsx[本地词典]:8');
    const dir = tempDir();
    writeFileSync(join(dir, '本地词典.csv'), readFileSync(join(ROOT, LOCAL)));
    writeFileSync(join(dir, 'params.json'), JSON.stringify({ local: '本地词典.csv' }));
    const viaParams = report(['--crops', CROPS, '--livestock', LIVESTOCK, '--params', join(dir, 'params.json')]).json;
    expect(viaParams.townships).toEqual(base.townships);
  });

  it('without the dictionary, the district’s own names are errors whose hints mislead nowhere', () => {
    const r = landcap(['validate', CROPS, LIVESTOCK]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${CROPS}:7:2: error crop-unknown unknown crop "蔬菜" (hint: define it in a local dictionary (--local FILE`);
    expect(r.stderr).toContain(`${LIVESTOCK}:4:2: error species-cattle the guide does not say how to count "水牛"`);
    expect(r.stderr).not.toMatch(/did you mean "(甜菜|甘蔗|番茄|烟叶|奶牛|水稻|谷子|桃)"/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a whole with its parts gives the capacity of the whole alone, and says so', () => {
    const dir = tempDir();
    const livestock = join(dir, 'livestock.csv');
    writeFileSync(livestock, '乡镇,畜种,存栏量(头)\n百朋镇,生猪,100\n');
    const whole = join(dir, 'whole.csv');
    const withParts = join(dir, 'with-parts.csv');
    writeFileSync(whole, '乡镇,作物,总产量(吨)\n百朋镇,稻谷,6000\n百朋镇,花生,300\n');
    // The parts first and after: which comes first in the file changes nothing.
    writeFileSync(withParts, '乡镇,作物,总产量(吨)\n百朋镇,早稻,3200\n百朋镇,花生,300\n百朋镇,油料,300\n百朋镇,稻谷,6000\n百朋镇,晚稻,2800\n');
    const a = report(['--crops', whole, '--livestock', livestock, '--basis', 'both']).json;
    const b = report(['--crops', withParts, '--livestock', livestock, '--basis', 'both']).json;
    expect(b.townships).toEqual(a.townships);
    // 6,000 t of rice at 2.2 kg N per 100 kg and 300 t of groundnut counted as 油料 at 7.19: the whole's alone.
    expect(a.townships[0]!.nutrients.N!.cropDemandKg).toBeCloseTo(6_000_000 * 0.022 + 300_000 * 0.0719, 6);
    expect(b.warnings.map((w) => [w.code, w.line]).sort()).toEqual([
      ['part-of-whole', 2],
      ['part-of-whole', 3],
      ['part-of-whole', 6],
    ]);
  });

  it('a dictionary with errors stops the run before the data is read: located, exit 1', () => {
    const r = landcap(['report', '--crops', CROPS, '--livestock', LIVESTOCK, '--local', 'tests/fixtures/bad/local-problems.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tests/fixtures/bad/local-problems.csv:2:8: error local-source-missing');
    expect(r.stderr).not.toContain(CROPS);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('validate checks a dictionary alone, and the data with it; a dictionary with errors, with the data, is no crash', () => {
    const alone = landcap(['validate', '--local', LOCAL]);
    expect(alone.status, alone.stderr).toBe(0);
    expect(alone.stdout).toContain(`${LOCAL}: local, utf-8, 6 row(s)`);
    expect(landcap(['validate', '--local', LOCAL, CROPS, LIVESTOCK]).status).toBe(0);
    const bad = landcap(['validate', '--format', 'json', '--local', 'tests/fixtures/bad/local-problems.csv', CROPS]);
    expect(bad.status).toBe(1);
    expect(hasStackTrace(bad.stderr)).toBe(false);
    // The data is not read with a dictionary that has errors: its names would only bury them.
    const json = JSON.parse(bad.stdout) as { files: { path: string; rows: number }[]; errors: unknown[] };
    expect(json.files.map((f) => [f.path, f.rows])).toEqual([
      ['tests/fixtures/bad/local-problems.csv', 9],
      [CROPS, 0],
    ]);
    expect(json.errors).toHaveLength(9);
  });

  it('scenarios, farm and coefficients take the dictionary’s names', () => {
    const dir = tempDir();
    const scenario = join(dir, 'scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify({ crops: [{ township: '百朋镇', crop: '木薯', percent: 100 }], stock: [{ species: '水牛', add: 0, township: '成团镇' }] }),
    );
    const base = report(['--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL]).json;
    const changed = report(['--crops', CROPS, '--livestock', LIVESTOCK, '--local', LOCAL, '--scenario', scenario]).json;
    // Doubling 6,000 t of cassava adds 6,000,000 kg × 0.3% of N demand to 百朋镇.
    expect(changed.townships[1]!.nutrients.N!.cropDemandKg - base.townships[1]!.nutrients.N!.cropDemandKg).toBeCloseTo(6_000_000 * 0.003, 6);
    const farm = landcap(['farm', '--local', LOCAL, '--stock', '水牛=300', '--crop', '木薯=1500', '--format', 'json']);
    expect(farm.status, farm.stderr).toBe(0);
    expect(farm.stdout).toContain('"peFactor": "100/30"');
    expect(farm.stdout).toContain('"species": "水牛 → 肉牛"');
    const noLocal = landcap(['farm', '--stock', '水牛=300', '--crop', '玉米=600']);
    expect(noLocal.status).toBe(2);
    expect(noLocal.stderr).toContain('the guide does not say how to count "水牛"');
    const listing = landcap(['coefficients', '--local', LOCAL, '--table', 'crops', '--format', 'csv']);
    expect(listing.stdout).toMatch(/^木薯,,field,kg,旱地,0\.3,local,0\.05,local,0,,/m);
  });
});

describe('the names of docs/local.md, and the hint each gets', async () => {
  const { loadCoefficients } = await import('../../src/coefficients/load.js');
  const { cropIndex } = await import('../../src/input/crops.js');
  const { speciesIndex } = await import('../../src/input/livestock.js');
  const c = await loadCoefficients();
  const doc = readFileSync(join(ROOT, 'docs/local.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| (\S+) \| (作物|畜种) \| (.+) \|$/gm)].map((m) => ({ name: m[1]!, kind: m[2]!, expected: m[3]! }));

  it('lists at least 30 names as statistics write them', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  for (const { name, kind, expected } of rows) {
    it(`${name}: ${expected}`, () => {
      const index = kind === '作物' ? cropIndex(c) : speciesIndex(c);
      const named = index.lookup(name);
      const value = named.value as { crop?: string; species?: string; peFactor?: unknown; oneOf?: string[] } | undefined;
      let got: string;
      if (value && kind === '畜种' && !value.peFactor)
        got = value.oneOf?.length ? 'species-cattle: write 肉牛 or 奶牛, or map it locally' : 'species-needs-factor';
      else if (value) got = `read as ${value.crop ?? value.species}${named.alias ? ` (${named.alias.relation})` : ''}`;
      else {
        const hint = index.nearest(name);
        got = hint ? `hint: ${hint}` : 'no hint: define it locally';
      }
      expect(got).toBe(expected);
    });
  }
});
