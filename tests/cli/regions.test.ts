// Counties and cities above the township (docs/input.md, regions): one city, three counties, each with its own 东风镇.
// Each county's subtotal must equal a report of that county's files alone, and the city the total — in every format,
// the workbook read back by an independent reader (openpyxl).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, hasStackTrace, landcapInProcess, tempDir } from '../helpers.js';

const DIR = 'tests/fixtures/regions';
const COUNTIES = ['柳江区', '柳城县', '鹿寨县'];
const ALL = ['--crops', `${DIR}/crops.csv`, '--livestock', `${DIR}/livestock.csv`];
const county = (c: string) => ['--crops', `${DIR}/crops-${c}.csv`, '--livestock', `${DIR}/livestock-${c}.csv`];

interface Balance {
  name: string;
  county?: string;
  city?: string;
  level?: string;
  parent?: string;
  stockPe: number;
  capacityPe: number;
  headroomPe: number;
  loadIndex: number | null;
  status: string;
  [k: string]: unknown;
}
interface ReportJson {
  townships: Balance[];
  regions?: Balance[];
  total: Balance;
}

/** Runs landcap in this process (the binary's own start is tested elsewhere): its output, when it succeeds. */
async function run(args: readonly string[]): Promise<string> {
  const r = await landcap(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const landcap = (args: readonly string[]) => landcapInProcess(args, { LANG: 'C.UTF-8', NO_COLOR: '1' });

const json = async (args: readonly string[], basis = 'N'): Promise<ReportJson> =>
  JSON.parse(await run(['report', '--format', 'json', '--basis', basis, ...args])) as ReportJson;

/** The figures of a balance, without what names it. */
function figures(b: Balance): Record<string, unknown> {
  const { name: _n, county: _c, city: _ci, level: _l, parent: _p, ...rest } = b;
  return rest;
}

/** A CSV (no quoted cells in these files) as rows of cells, the byte-order mark dropped. */
const csvRows = (text: string) =>
  text
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));

describe('regions: one city, three counties, a 东风镇 in each', () => {
  for (const basis of ['N', 'P', 'both']) {
    it(`JSON, basis ${basis}: three 东风镇; each county's subtotal is its files' report alone; the city is the total`, async () => {
      const all = await json(ALL, basis);
      const dongfeng = all.townships.filter((t) => t.name === '东风镇');
      expect(dongfeng.map((t) => t.county)).toEqual(COUNTIES);
      expect(dongfeng.every((t) => t.city === '柳州市')).toBe(true);
      expect(all.townships).toHaveLength(6);
      expect(all.regions!.map((r) => [r.level, r.name, r.parent ?? ''])).toEqual([
        ['county', '柳江区', '柳州市'],
        ['county', '柳城县', '柳州市'],
        ['county', '鹿寨县', '柳州市'],
        ['city', '柳州市', ''],
      ]);
      for (const c of COUNTIES) {
        const alone = await json(county(c), basis);
        const region = all.regions!.find((r) => r.level === 'county' && r.name === c)!;
        expect(figures(region)).toEqual(figures(alone.total));
        // And its townships are the county file's, figure for figure.
        expect(all.townships.filter((t) => t.county === c)).toEqual(alone.townships);
      }
      expect(figures(all.regions!.find((r) => r.level === 'city')!)).toEqual(figures(all.total));
    });
  }

  it('by hand: 柳城县 东风镇 (N basis) — 9,000 亩 rice of 4,050 t, 15,000 亩 cane of 67,500 t; 9,000 pigs and 1,500 beef cattle', async () => {
    const t = (await json(ALL)).townships.find((x) => x.county === '柳城县' && x.name === '东风镇')!;
    // Crop N demand: 4,050,000 kg × 2.2/100 + 67,500,000 kg × 0.18/100 = 89,100 + 121,500 = 210,600 kg.
    const demand = (4_050_000 * 2.2) / 100 + (67_500_000 * 0.18) / 100;
    // Manure N demand at soil grade II: × 45% fertilisation share × 50% manure share ÷ 25% use rate; ÷ 7 kg per PE.
    const capacity = (demand * 0.45 * 0.5) / 0.25 / 7;
    expect(t.capacityPe).toBeCloseTo(capacity, 6);
    expect(t.stockPe).toBeCloseTo(9000 + (1500 * 100) / 30, 9);
  });

  it('CSV, Markdown, terminal table and HTML: a subtotal row after each county, its figures those of the county alone; the city the total', async () => {
    for (const c of COUNTIES) {
      // CSV: the subtotal row's figures are the county file's total row's, to 15 digits.
      const all = csvRows(await run(['report', '--format', 'csv', ...ALL]));
      const alone = csvRows(await run(['report', '--format', 'csv', ...county(c)]));
      expect(all[0]!.slice(0, 3)).toEqual(['City', 'County', 'Township']);
      const subtotal = all.find((r) => r[1] === c && r[2] === 'Subtotal')!;
      expect(subtotal.slice(3)).toEqual(alone.at(-1)!.slice(3));
      // The subtotal comes right after the county's last township.
      const at = all.indexOf(subtotal);
      expect(all[at - 1]![1]).toBe(c);
      expect(all[at - 1]![2]).not.toBe('Subtotal');

      // Markdown and the terminal table, in English (whole numbers): the same cells as the county's total row.
      const mdRow = (text: string, pick: (cells: string[]) => boolean) =>
        text
          .split('\n')
          .filter((l) => l.startsWith('|'))
          .map((l) =>
            l
              .split('|')
              .slice(1, -1)
              .map((x) => x.trim().replace(/\*\*/g, '')),
          )
          .find(pick)!;
      const md = await run(['report', '--format', 'md', ...ALL]);
      const mdAlone = await run(['report', '--format', 'md', ...county(c)]);
      expect(mdRow(md, (r) => r[1] === c && r[2] === 'Subtotal').slice(3)).toEqual(mdRow(mdAlone, (r) => r[0] === 'TOTAL').slice(3));
      const tableRow = (text: string, pick: (cells: string[]) => boolean) =>
        text
          .split('\n')
          .filter((l) => l.startsWith('│'))
          .map((l) =>
            l
              .split('│')
              .slice(1, -1)
              .map((x) => x.trim()),
          )
          .find(pick)!;
      const table = await run(['report', ...ALL]);
      const tableAlone = await run(['report', ...county(c)]);
      expect(tableRow(table, (r) => r[1] === c && r[2] === 'Subtotal').slice(3)).toEqual(tableRow(tableAlone, (r) => r[0] === 'TOTAL').slice(3));

      // HTML: the table's subtotal row.
      const htmlRow = (text: string, pick: (cells: string[]) => boolean) =>
        [...text.matchAll(/<tr class="[^"]*">(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((x) => x[1]!)).find(pick)!;
      const html = await run(['report', '--format', 'html', ...ALL]);
      const htmlAlone = await run(['report', '--format', 'html', ...county(c)]);
      expect(htmlRow(html, (r) => r[1] === c && r[2] === 'Subtotal').slice(3)).toEqual(htmlRow(htmlAlone, (r) => r[0] === 'TOTAL').slice(3));
      expect(html).toContain('<tr class="subtotal status-');

      // And the city's subtotal row is the total row, figure for figure, in each format.
      const city = (r: string[]) => r[0] === '柳州市' && r[1] === 'all counties' && r[2] === 'Subtotal';
      const total = (r: string[]) => r[0] === 'TOTAL';
      expect(all.find(city)!.slice(3)).toEqual(all.find(total)!.slice(3));
      expect(mdRow(md, city).slice(3)).toEqual(mdRow(md, total).slice(3));
      expect(tableRow(table, city).slice(3)).toEqual(tableRow(table, total).slice(3));
      expect(htmlRow(html, city).slice(3)).toEqual(htmlRow(html, total).slice(3));
    }
  });

  it('a yearbook table: 柳江区小计 rows (county cell empty) left out and checked against their county, 早稻 and 晚稻 against 早稻 and 晚稻', async () => {
    const wide = ['--crops', `${DIR}/crops-wide-subtotals.csv`, '--livestock', `${DIR}/livestock.csv`];
    const fromWide = await json(wide);
    const fromLong = await json(ALL);
    expect(fromWide.townships.map((t) => [t.county, t.name])).toEqual(fromLong.townships.map((t) => [t.county, t.name]));
    fromWide.townships.forEach((t, i) => {
      expect(t.capacityPe).toBeCloseTo(fromLong.townships[i]!.capacityPe, 6);
      expect(t.stockPe).toBe(fromLong.townships[i]!.stockPe);
    });
    // The one error the table has: 鹿寨县's 小计 of 甘蔗 production 5% above its townships' (line 10, column 8).
    const v = await landcap(['validate', '--format', 'json', `${DIR}/crops-wide-subtotals.csv`]);
    const checked = JSON.parse(v.stdout) as { warnings: { code: string; line: number; column: number }[] };
    expect(checked.warnings.map((w) => [w.code, w.line, w.column])).toEqual([['total-mismatch', 10, 8]]);
  });

  it('explain --county naming a county without that township says which counties have it', async () => {
    const r = await landcap(['explain', '--township', '中渡镇', '--county', '柳江区', ...ALL]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no township "中渡镇" in 柳江区; it has one in 鹿寨县');
  });

  it('the HTML page charts the counties', async () => {
    const html = await run(['report', '--format', 'html', '--lang', 'zh', ...ALL]);
    expect(html).toContain('各县（市、区）负荷指数');
    const chart = /<svg id="county-chart".*?<\/svg>/s.exec(html)![0];
    expect([...chart.matchAll(/data-township="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([...COUNTIES].sort());
    // The townships' charts name each 东风镇 with its county.
    expect(html).toContain('data-township="柳城县东风镇"');
  });

  it('--by county and --by city: only those subtotals and the total; --by city without a city column is a usage error', async () => {
    const rows = csvRows(await run(['report', '--format', 'csv', '--by', 'county', ...ALL]));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['City', 'County'],
      ['柳州市', '柳江区'],
      ['柳州市', '柳城县'],
      ['柳州市', '鹿寨县'],
      ['TOTAL', ''],
    ]);
    const cities = csvRows(await run(['report', '--format', 'csv', '--by', 'city', ...ALL]));
    expect(cities.map((r) => r[0])).toEqual(['City', '柳州市', 'TOTAL']);
    const none = await landcap([
      'report',
      '--by',
      'city',
      '--crops',
      'tests/fixtures/liujiang/crops-long.csv',
      '--livestock',
      'tests/fixtures/liujiang/livestock-long.csv',
    ]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--by city');
    expect(hasStackTrace(none.stderr)).toBe(false);
  });

  it('explain: a name of three counties is an error listing them; --county chooses one', async () => {
    const r = await landcap(['explain', '--township', '东风镇', ...ALL]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('柳江区, 柳城县, 鹿寨县');
    expect(r.stderr).toContain('--county');
    const zh = await landcap(['explain', '--township', '东风镇', '--lang', 'zh', ...ALL]);
    expect(zh.stderr).toContain('柳江区、柳城县、鹿寨县');
    const one = JSON.parse(await run(['explain', '--township', '东风镇', '--county', '柳城县', '--format', 'json', ...ALL])) as {
      township: string;
      county: string;
      crops: unknown[];
    };
    expect(one.county).toBe('柳城县');
    expect(one.crops).toHaveLength(2);
  });

  it('a livestock file without a county column is read by name where the name is one township', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'livestock.csv'), '乡镇,畜种,存栏(头)\n拉堡镇,生猪,36000\n拉堡镇,家禽,120000\n');
    const r = await json(['--crops', `${DIR}/crops.csv`, '--livestock', join(dir, 'livestock.csv')]);
    const laibao = r.townships.find((t) => t.name === '拉堡镇')!;
    expect(laibao.county).toBe('柳江区');
    expect(laibao.stockPe).toBeCloseTo(36000 + (120000 * 100) / 2500, 9);
    expect(r.townships).toHaveLength(6);
  });

  it('a scenario names a township by county; without the county, a name of three counties is refused', async () => {
    const dir = tempDir();
    const scenario = (change: object) => {
      const path = join(dir, `s${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(path, JSON.stringify({ stock: [change] }));
      return path;
    };
    const base = await json(ALL);
    const s = await json([...ALL, '--scenario', scenario({ township: '东风镇', county: '鹿寨县', species: '生猪', add: -10000 })]);
    const before = base.townships.find((t) => t.county === '鹿寨县' && t.name === '东风镇')!;
    const after = s.townships.find((t) => t.county === '鹿寨县' && t.name === '东风镇')!;
    expect(after.stockPe).toBeCloseTo(before.stockPe - 10000, 9);
    for (const c of ['柳江区', '柳城县'])
      expect(s.townships.find((t) => t.county === c && t.name === '东风镇')).toEqual(base.townships.find((t) => t.county === c && t.name === '东风镇'));
    const refused = await landcap(['report', ...ALL, '--scenario', scenario({ township: '东风镇', species: '生猪', percent: -10 })]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('"county"');
  });

  it('compare: townships and counties matched by county, not merged by name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'base.json'), await run(['report', '--format', 'json', ...ALL]));
    const path = join(dir, 's.json');
    writeFileSync(path, JSON.stringify({ stock: [{ township: '东风镇', county: '柳江区', species: '生猪', set: 0 }] }));
    writeFileSync(join(dir, 'scenario.json'), await run(['report', '--format', 'json', ...ALL, '--scenario', path]));
    const c = JSON.parse(await run(['compare', join(dir, 'base.json'), join(dir, 'scenario.json'), '--format', 'json'])) as {
      townships: { name: string; county?: string; change: { stockPe: number } }[];
      regions: { name: string; level: string; change: { stockPe: number } }[];
    };
    expect(c.townships).toHaveLength(6);
    const changed = c.townships.filter((t) => t.change.stockPe !== 0);
    expect(changed.map((t) => [t.county, t.name])).toEqual([['柳江区', '东风镇']]);
    expect(changed[0]!.change.stockPe).toBeCloseTo(-21000, 6);
    expect(c.regions.filter((r) => r.change.stockPe !== 0).map((r) => r.name)).toEqual(['柳江区', '柳州市']);
    const table = await run(['compare', join(dir, 'base.json'), join(dir, 'scenario.json')]);
    expect(table).toContain('柳江区 东风镇');
    expect(table).toContain('柳江区 Subtotal');
  });
});

describe('the workbook (--format xlsx), read back by openpyxl', () => {
  const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0);
  interface XCell {
    value: string | number | null;
    format: string;
    bold: boolean;
    fill: string | null;
  }
  const read = (path: string) =>
    JSON.parse(spawnSync(python!, [join(ROOT, DIR, 'read-xlsx.py'), path], { encoding: 'utf8' }).stdout) as {
      name: string;
      freeze: string | null;
      rows: XCell[][];
      widths: Record<string, number>;
    }[];

  it('is refused without --output (exit 2), and never written over an input', async () => {
    const r = await landcap(['report', '--format', 'xlsx', ...ALL]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--output');
    const over = await landcap(['report', '--format', 'xlsx', ...ALL, '--output', `${DIR}/crops.csv`]);
    expect(over.status).toBe(2);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: every township's and region's figures are numbers equal to the JSON; sheets, headers, status colours`, async () => {
      if (!python) {
        expect(process.env.LANDCAP_REQUIRE_OPENPYXL, 'python3-openpyxl is needed').toBeUndefined();
        return;
      }
      const dir = tempDir();
      const out = join(dir, 'report.xlsx');
      await run(['report', '--format', 'xlsx', '--basis', 'both', '--lang', lang, ...ALL, '--output', out]);
      const book = read(out);
      const words =
        lang === 'zh'
          ? {
              sheets: ['承载力测算', '养分测算明细', '参数', '系数'],
              head: ['市', '县（市、区）', '乡镇', '存栏（猪当量）'],
              subtotal: '小计',
              total: '合计',
              over: '超载',
            }
          : {
              sheets: ['Balance', 'Nutrient chain', 'Parameters', 'Coefficients'],
              head: ['City', 'County', 'Township', 'Stock (PE)'],
              subtotal: 'Subtotal',
              total: 'TOTAL',
              over: 'overloaded',
            };
      expect(book.map((s) => s.name)).toEqual(words.sheets);
      const [sheet] = book;
      expect(sheet!.freeze).toBe('D2');
      const head = sheet!.rows[0]!.map((c) => c.value);
      expect(head.slice(0, 4)).toEqual(words.head);
      const report = await json(ALL, 'both');
      const expected = [
        ...COUNTIES.flatMap((c) => [...report.townships.filter((t) => t.county === c), report.regions!.find((r) => r.level === 'county' && r.name === c)!]),
        report.regions!.find((r) => r.level === 'city')!,
        report.total,
      ];
      const body = sheet!.rows.slice(1);
      expect(body).toHaveLength(expected.length);
      body.forEach((row, i) => {
        const b = expected[i]!;
        // Stock, capacity, headroom and load index: numbers, equal to the JSON's.
        expect([row[3]!.value, row[4]!.value, row[5]!.value, row[6]!.value]).toEqual([b.stockPe, b.capacityPe, b.headroomPe, b.loadIndex]);
        expect(typeof row[3]!.value).toBe('number');
        if (b.level !== undefined || b === report.total) expect(row[3]!.bold).toBe(true);
        if (b.level === 'county') expect([row[1]!.value, row[2]!.value]).toEqual([b.name, words.subtotal]);
      });
      expect(body.at(-1)![0]!.value).toBe(words.total);
      // Status cells in words, coloured: overloaded red.
      const status = head.indexOf(lang === 'zh' ? '状态' : 'Status');
      const over = body.find((r) => r[status]!.value === words.over)!;
      expect(over[status]!.fill).toBe('FFFFCDD2');
      expect(new Set(body.map((r) => r[status]!.fill)).size).toBeGreaterThan(1);
      // Counts shown in 万 in Chinese, whole with separators in English; the load index to three decimals.
      expect(body[0]![3]!.format).toBe(lang === 'zh' ? '0\\.0,"万"' : '#,##0');
      expect(body[0]![6]!.format).toBe('0.000');
      // The chain behind each capacity, row for row: each nutrient's capacity as in the JSON.
      const chain = book[1]!;
      expect(chain.freeze).toBe('D2');
      const capacityOf = (n: 'N' | 'P') =>
        chain.rows[0]!.findIndex((c) => String(c.value).includes(lang === 'zh' ? `以${n === 'N' ? '氮' : '磷'}为基础的承载力` : `${n} capacity`));
      chain.rows.slice(1).forEach((row, i) => {
        const nutrients = expected[i]!.nutrients as Record<'N' | 'P', { capacityPe: number }>;
        expect([row[capacityOf('N')]!.value, row[capacityOf('P')]!.value]).toEqual([nutrients.N.capacityPe, nutrients.P.capacityPe]);
      });
      // Coefficients with their provenance; parameters with their source.
      expect(book[3]!.rows.some((r) => r[1]!.value === '水稻' && r[2]!.value === 2.2)).toBe(true);
      expect(book[2]!.rows.length).toBeGreaterThan(3);
    });
  }

  it('validate and compare write workbooks too; problems get their own sheet', async () => {
    if (!python) {
      expect(process.env.LANDCAP_REQUIRE_OPENPYXL, 'python3-openpyxl is needed').toBeUndefined();
      return;
    }
    const dir = tempDir();
    const out = join(dir, 'problems.xlsx');
    const v = await landcap(['validate', '--format', 'xlsx', '--output', out, `${DIR}/crops.csv`, 'tests/fixtures/bad/livestock-ambiguous.csv']);
    expect(v.status).toBe(1);
    const book = read(out);
    expect(book.map((s) => s.name)).toEqual(['Problems', 'Files']);
    expect(book[0]!.rows[1]!.map((c) => c.value)).toEqual([
      'tests/fixtures/bad/livestock-ambiguous.csv',
      2,
      0,
      'error',
      'township-ambiguous',
      expect.stringContaining('东风镇'),
      expect.stringContaining('county'),
    ]);
    const base = join(dir, 'base.json');
    writeFileSync(base, await run(['report', '--format', 'json', ...ALL]));
    const cmp = join(dir, 'compare.xlsx');
    await run(['compare', base, base, '--format', 'xlsx', '--output', cmp]);
    const rows = read(cmp)[0]!.rows;
    expect(rows).toHaveLength(1 + 6 + 4 + 1);
    expect(rows[1]![0]!.value).toBe('柳江区 东风镇');
    expect(rows[1]![1]!.value).toBe(rows[1]![2]!.value);
    expect(typeof rows[1]![1]!.value).toBe('number');
    // Each figure's change beside its two runs: none, between a report and itself.
    expect(rows[0]!.map((c) => c.value).slice(1, 4)).toEqual(['Stock (PE), base', 'Stock (PE), scenario', 'Stock Δ (PE)']);
    expect(rows[1]![3]!.value).toBe(0);
  });
});

describe('Chinese output with regions and --basis both (snapshots)', () => {
  const slips = (text: string) => {
    // None of the English words or formatting slips a county official would stumble on.
    for (const word of ['both', 'overloaded', 'warning', 'TOTAL', 'Subtotal', 'n_uptake', '[options]', '****']) expect(text).not.toContain(word);
    expect(text).not.toMatch(/\bok\b/);
    expect(text).not.toMatch(/\d{7,}\.\d{6,}/);
    expect(text).not.toMatch(/（[^（）]*（[^（）]*）[^（）]*）/);
  };
  for (const format of ['table', 'md', 'csv'] as const) {
    it(format, async () => {
      const text = await run(['report', '--lang', 'zh', '--basis', 'both', '--format', format, ...ALL]);
      slips(text);
      expect(text).toContain('小计');
      await expect(text).toMatchFileSnapshot(`../__snapshots__/regions.zh.${format === 'table' ? 'txt' : format}`);
    });
  }
  it('the CSV keeps full precision: the county subtotal to 15 digits', async () => {
    const rows = csvRows(await run(['report', '--lang', 'zh', '--basis', 'both', '--format', 'csv', ...ALL]));
    const head = rows[0]!;
    const stock = head.indexOf('存栏（猪当量）');
    const subtotal = rows.find((r) => r[1] === '柳江区' && r[2] === '小计')!;
    expect(Number(subtotal[stock])).toBeCloseTo(21000 + (800 * 100) / 30 + (60000 * 100) / 2500 + 36000 + (120000 * 100) / 2500, 9);
    expect(subtotal[stock]).toBe('66866.6666666667');
  });
});
