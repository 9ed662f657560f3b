// Tables as statistics and workbooks give them: one district's data (柳江区, tests/fixtures/liujiang, written by its
// make.py) in every shape users have gives the same report, equal to the numbers worked out here by hand.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, hasStackTrace, landcap, tempDir, writeFiles } from '../helpers.js';

const DIR = 'tests/fixtures/liujiang';
const CROPS = ['crops-long.csv', 'crops-wide-gbk.csv', 'crops-titled.csv', 'liujiang-2024.xlsx'];
const LIVESTOCK = ['livestock-long.csv', 'livestock-wide.csv', 'livestock-unit.csv', 'liujiang-2024.xlsx', 'livestock-yearbook.xlsx'];

interface Problem {
  file: string;
  line: number;
  column: number;
  code: string;
  sheet?: string;
  cell?: string;
}
interface Township {
  name: string;
  stockPe: number;
  capacityPe: number;
  loadIndex: number;
  status: string;
  nutrients: { N: { cropDemandKg: number } };
}
interface ReportJson {
  townships: Township[];
  total: Township;
  warnings: Problem[];
  notes?: Problem[];
}

function report(crops: string, livestock: string, dir = DIR): { json: ReportJson; stderr: string } {
  const r = landcap(['report', '--crops', join(dir, crops), '--livestock', join(dir, livestock), '--format', 'json']);
  expect(r.status, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as ReportJson, stderr: r.stderr };
}

/** Problems as [file (in the fixtures' folder), code, line, column]. */
const placed = (problems: readonly Problem[]) => problems.map((n) => [n.file.replace(`${DIR}/`, ''), n.code, n.line, n.column]);

/** The townships as the report gives them, without what only says where the figures came from. */
const figures = (json: ReportJson) => JSON.stringify([json.townships, json.total]);

/**
 * 拉堡镇 and 进德镇 by hand, with the guide's defaults (N basis, manure share 50%, N use rate 25%, soil grade II: 45%,
 * 7 kg N per pig equivalent) and the guide's uptake per 100 kg (水稻 2.2, 玉米 2.3, 甘蔗 0.18, 柑橘 0.6) and PE factors
 * (肉牛 100/30, 羊 100/250, 家禽 100/2500); production in 吨 × 1000 kg.
 */
const BY_HAND = {
  拉堡镇: {
    cropDemandKg: (8100 * 2.2 + 2400 * 2.3 + 22500 * 0.18 + 4500 * 0.6) * 10,
    stockPe: 15000 + (800 * 100) / 30 + (1200 * 100) / 250 + (52000 * 100) / 2500,
  },
  进德镇: {
    cropDemandKg: (5400 * 2.2 + 1560 * 2.3 + 40500 * 0.18 + 2600 * 0.6) * 10,
    stockPe: 22000 + (1500 * 100) / 30 + (600 * 100) / 250 + (86000 * 100) / 2500,
  },
};

describe('one district in every shape', () => {
  const base = report('crops-long.csv', 'livestock-long.csv').json;

  it('gives, from the long form, the numbers worked out by hand for two townships', () => {
    expect(base.townships.map((t) => t.name)).toEqual(['拉堡镇', '进德镇', '穿山镇', '百朋镇']);
    for (const [name, hand] of Object.entries(BY_HAND)) {
      const t = base.townships.find((x) => x.name === name)!;
      expect(t.nutrients.N.cropDemandKg).toBeCloseTo(hand.cropDemandKg, 6);
      const capacity = (hand.cropDemandKg * 0.45 * 0.5) / 0.25 / 7;
      expect(t.capacityPe).toBeCloseTo(capacity, 6);
      expect(t.stockPe).toBeCloseTo(hand.stockPe, 6);
      expect(t.loadIndex).toBeCloseTo(hand.stockPe / capacity, 9);
    }
    expect(base.townships.find((t) => t.name === '拉堡镇')!.status).toBe('ok');
    expect(base.townships.find((t) => t.name === '进德镇')!.status).toBe('warning');
  });

  for (const crops of CROPS)
    for (const livestock of LIVESTOCK)
      it(`gives the same townships, numbers and statuses from ${crops} and ${livestock}`, () => {
        const { json, stderr } = report(crops, livestock);
        expect(figures(json)).toBe(figures(base));
        expect(hasStackTrace(stderr)).toBe(false);
      });

  it('says what it left out and where: the title, the totals row and column, the notes, the 其中 column', () => {
    const { json } = report('crops-wide-gbk.csv', 'livestock-wide.csv');
    expect(placed(json.notes ?? [])).toEqual([
      ['crops-wide-gbk.csv', 'title-skipped', 1, 0],
      ['crops-wide-gbk.csv', 'total-column', 3, 2],
      ['crops-wide-gbk.csv', 'total-row', 8, 0],
      ['crops-wide-gbk.csv', 'note-line-skipped', 9, 0],
      ['livestock-wide.csv', 'title-skipped', 1, 0],
      ['livestock-wide.csv', 'part-left-out', 3, 3],
    ]);
    expect(json.warnings).toEqual([]);
  });

  it('locates a problem in a workbook at its sheet and cell', () => {
    const r = landcap(['validate', '--format', 'json', join(DIR, 'liujiang-2024.xlsx')]);
    const json = JSON.parse(r.stdout) as { files: { path: string; kind: string; sheet: string; rows: number }[]; notes: Problem[] };
    expect(json.files.map((f) => [f.path, f.kind, f.sheet, f.rows])).toEqual([
      [`${DIR}/liujiang-2024.xlsx[农作物]`, 'crops', '农作物', 5],
      [`${DIR}/liujiang-2024.xlsx[畜禽]`, 'livestock', '畜禽', 4],
    ]);
    const part = json.notes.find((n) => n.code === 'part-left-out')!;
    expect(part).toMatchObject({ file: `${DIR}/liujiang-2024.xlsx[畜禽]`, line: 2, column: 3, sheet: '畜禽', cell: 'C2' });
  });

  it('reads the sheet --sheet names, and says which sheets there are when it names none', () => {
    const named = landcap(['report', '--crops', join(DIR, 'liujiang-2024.xlsx'), '--sheet', 'crops=农作物', '--livestock', join(DIR, 'livestock-long.csv')]);
    expect(named.status, named.stderr).toBe(0);
    const wrong = landcap(['report', '--crops', join(DIR, 'liujiang-2024.xlsx'), '--sheet', 'crops=作物', '--livestock', join(DIR, 'livestock-long.csv')]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`${DIR}/liujiang-2024.xlsx:1:0: error sheet-not-found the workbook has no sheet "作物" (its sheets: 农作物, 畜禽)`);
    const bad = landcap(['report', '--sheet', 'crop', '--crops', join(DIR, 'crops-long.csv'), '--livestock', join(DIR, 'livestock-long.csv')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--sheet crop: write KIND=SHEET');
  });

  it('reads headers as yearbooks write them: a title naming only units, species with a unit and no measure, a header row and its lower half', () => {
    const titled = report('crops-titled.csv', 'livestock-long.csv').json;
    const book = `${DIR}/livestock-yearbook.xlsx[畜禽存栏]`;
    const yearbook = report('crops-long.csv', 'livestock-yearbook.xlsx').json;
    expect(placed([...(titled.notes ?? []), ...(yearbook.notes ?? [])])).toEqual([
      ['crops-titled.csv', 'title-skipped', 1, 0],
      ['crops-titled.csv', 'unit-from-title', 2, 3],
      ['crops-titled.csv', 'unit-from-title', 2, 4],
      ['livestock-yearbook.xlsx[畜禽存栏]', 'title-skipped', 1, 0],
      ['livestock-yearbook.xlsx[畜禽存栏]', 'measure-from-title', 3, 4],
      ['livestock-yearbook.xlsx[畜禽存栏]', 'measure-from-title', 3, 5],
      ['livestock-yearbook.xlsx[畜禽存栏]', 'measure-from-title', 3, 6],
      ['livestock-yearbook.xlsx[畜禽存栏]', 'part-left-out', 4, 3],
    ]);
    expect(titled.warnings).toEqual([]);
    // The workbook has two livestock sheets: the visible one is read, and the hidden one named.
    expect(yearbook.warnings.map((w) => [w.code, w.line])).toEqual([['sheet-several', 1]]);
    expect(yearbook.notes!.find((n) => n.code === 'measure-from-title')).toMatchObject({ file: book, sheet: '畜禽存栏', cell: 'D3' });
    // The second sheet: 肉牛存栏（头） written once in the upper row, the row under it 生猪's 存栏（头） and 其中.
    const second = landcap(['report', '--crops', join(DIR, 'crops-long.csv'), '--livestock', join(DIR, 'livestock-yearbook.xlsx'), '--sheet', 'livestock=畜禽存栏2', '--format', 'json']);
    expect(second.status, second.stderr).toBe(0);
    const json = JSON.parse(second.stdout) as ReportJson;
    expect(figures(json)).toBe(figures(base));
    expect(json.warnings).toEqual([]);
  });

  it('titles and lines around the header as yearbooks have them: each unit where it belongs, column numbers skipped', () => {
    const dir = writeFiles({
      'crops.csv': '乡镇,作物,产量(吨)\n拉堡镇,水稻,8100\n进德镇,水稻,5400\n',
      // Two head units in the title: each column in the one its animals are counted in.
      'two-units.csv': '2024年各乡镇畜禽存栏（单位：头、万羽）\n乡镇,生猪存栏,家禽存栏\n拉堡镇,15000,5.2\n进德镇,22000,8.6\n',
      // 公斤/亩 is a yield's unit, not 公斤 and 亩.
      'yield-unit.csv': '2024年各乡镇农作物（单位：亩、公斤/亩、吨）\n乡镇,作物,播种面积,单产,产量\n拉堡镇,水稻,18000,450,8100\n进德镇,水稻,12000,450,5400\n',
      // The units at the right of the line under the title.
      'unit-right.csv': '2024年柳江区各乡镇畜禽存栏情况,,\n,,单位：万头\n乡镇,畜种,存栏量\n拉堡镇,生猪,1.5\n进德镇,生猪,2.2\n',
      // The units in a row of their own under the header.
      'units-row.csv': '乡镇,生猪存栏,家禽存栏\n单位,头,万羽\n拉堡镇,15000,5.2\n进德镇,22000,8.6\n',
      'units-long.csv': '乡镇,畜种,存栏\n,,万头\n拉堡镇,生猪,1.5\n进德镇,生猪,2.2\n',
      // Names alone under a title that says what they count.
      'bare.csv':
        '2024年柳江区各乡镇畜禽年末存栏（单位：头、只、万羽）\n乡镇,生猪,其中：能繁母猪,肉牛,羊,家禽,备注\n拉堡镇,15000,1500,800,300,5.2,\n进德镇,22000,2100,1500,500,8.6,新建猪场1个\n',
      'by-item.csv': readFileSync('tests/fixtures/bad/unit-by-item.csv', 'utf8'),
      'by-measure.csv': '乡镇,存栏（头、只、万羽）,,\n,生猪,羊,家禽\n拉堡镇,15000,300,5.2\n进德镇,22000,,\n',
      'by-column.csv': '乡镇,生猪存栏（头、万羽）,家禽存栏（头、万羽）\n拉堡镇,15000,5.2\n进德镇,22000,\n',
      // Two units animals are counted in alike: which one holds is not guessed.
      'head-or-10k.csv': '乡镇,畜种,存栏量（头、万头）\n拉堡镇,生猪,15000\n',
      // Names alone beside a column with its measure; poultry in the title's 万只.
      'bare-beside.csv': '2024年各乡镇畜禽存栏（单位：头、只）\n乡镇,生猪存栏（头）,肉牛,羊,家禽\n拉堡镇,15000,800,300,52000\n进德镇,22000,1500,500,86000\n',
      'wan-zhi.csv': '2024年各乡镇畜禽年末存栏（单位：头、只、万只）\n乡镇,生猪,肉牛,羊,家禽\n拉堡镇,15000,800,300,5.2\n进德镇,22000,1500,500,8.6\n',
      'no-measure.csv': '乡镇,生猪存栏（头）,肉牛\n拉堡镇,15000,800\n进德镇,22000,1500\n',
      // Figures landcap does not use beside the long form's or a wide table's (irrigated area, a scale farms' share, all
      // raised): unknown columns, not items; units named with slashes, 只 and 万只 together.
      'extra.csv': '乡镇,畜种,存栏（头）,规模场存栏（头）\n拉堡镇,生猪,15000,7500\n进德镇,生猪,22000,9000\n',
      'raised.csv': '乡镇,生猪饲养量（头）,生猪存栏（头）\n拉堡镇,45000,15000\n进德镇,66000,22000\n',
      'slashes.csv': '乡镇,畜种,存栏（头/只/羽）\n拉堡镇,生猪,15000\n进德镇,生猪,22000\n',
      'wan-zhi-header.csv': '乡镇,畜种,存栏（头、只、万只）\n拉堡镇,生猪,15000\n拉堡镇,羊,300\n拉堡镇,家禽,5.2\n进德镇,生猪,22000\n',
      // Header cells broken over lines in the workbook, or spaced out.
      'broken.csv': '乡\u3000\u3000镇,"畜种\n名称","存栏量\n（头）"\n拉堡镇,生猪,15000\n进德镇,生猪,22000\n',
      // A form's column numbers under the header.
      'numbered.csv': '乡镇,生猪存栏（头）,家禽存栏（万羽）\n甲,1,2\n拉堡镇,15000,5.2\n进德镇,22000,8.6\n',
    });
    const stock = (livestock: string, crops = 'crops.csv') => {
      const r = landcap(['report', '--crops', join(dir, crops), '--livestock', join(dir, livestock), '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as ReportJson;
      return { townships: json.townships.map((t) => [t.name, t.stockPe, t.nutrients.N.cropDemandKg]), notes: json.notes ?? [], warnings: json.warnings };
    };
    const twoUnits = stock('two-units.csv');
    expect(twoUnits.townships.map(([name, pe]) => [name, pe])).toEqual([
      ['拉堡镇', 15000 + (52000 * 100) / 2500],
      ['进德镇', 22000 + (86000 * 100) / 2500],
    ]);
    expect(twoUnits.warnings).toEqual([]);
    expect(stock('broken.csv').townships.map(([name, pe]) => [name, pe])).toEqual([
      ['拉堡镇', 15000],
      ['进德镇', 22000],
    ]);
    // Names alone under a title that says what they count: items in its measure, each in the unit its animals take.
    const bareStock = stock('bare.csv');
    expect(bareStock.townships.map(([name, pe]) => [name, pe])).toEqual([
      ['拉堡镇', 15000 + (800 * 100) / 30 + (300 * 100) / 250 + (52000 * 100) / 2500],
      ['进德镇', 22000 + (1500 * 100) / 30 + (500 * 100) / 250 + (86000 * 100) / 2500],
    ]);
    expect(bareStock.warnings.map((w) => [w.code, w.line, w.column])).toEqual([['header-unknown-column', 2, 7]]);
    const withoutSows = bareStock.townships.map(([name, pe]) => [name, pe]);
    expect(stock('bare-beside.csv').townships.map(([name, pe]) => [name, pe])).toEqual(withoutSows);
    expect(stock('wan-zhi.csv').townships.map(([name, pe]) => [name, pe])).toEqual(withoutSows);
    const noMeasure = landcap(['validate', join(dir, 'no-measure.csv')]);
    expect(noMeasure.status).toBe(1);
    expect(noMeasure.stderr).toContain('no-measure.csv:1:3: error header-measure-missing');
    // Several units in one header: each row in the one its animals are counted in.
    expect(stock('by-item.csv').townships.map(([name, pe]) => [name, pe])).toEqual([
      ['拉堡镇', 15000 + (300 * 100) / 250 + (52000 * 100) / 2500],
      ['进德镇', 22000],
    ]);
    expect(stock('by-measure.csv').townships).toEqual(stock('by-item.csv').townships);
    expect(stock('by-column.csv').townships.map(([name, pe]) => [name, pe])).toEqual([
      ['拉堡镇', 15000 + (52000 * 100) / 2500],
      ['进德镇', 22000],
    ]);
    for (const file of ['extra.csv', 'raised.csv', 'slashes.csv'])
      expect(stock(file).townships.map(([name, pe]) => [name, pe])).toEqual([
        ['拉堡镇', 15000],
        ['进德镇', 22000],
      ]);
    expect(stock('extra.csv').warnings.map((w) => [w.code, w.column])).toEqual([['header-unknown-column', 4]]);
    expect(stock('wan-zhi-header.csv').townships.map(([name, pe]) => [name, pe])).toEqual([
      ['拉堡镇', 15000 + (300 * 100) / 250 + (52000 * 100) / 2500],
      ['进德镇', 22000],
    ]);
    // Two years' columns of one item: which year is the user's to keep, and the hint says so.
    const twoYears = writeFiles({ 'l.csv': '乡镇,2023年生猪存栏（头）,2024年生猪存栏（头）\n拉堡镇,16000,15000\n' });
    expect(landcap(['validate', join(twoYears, 'l.csv')]).stderr).toContain("(hint: a year before the item: landcap reads one year's figures");
    const cropYears = writeFiles({ 'c.csv': '乡镇,作物,播种面积（亩）,2023年产量（吨）,2024年产量（吨）\n拉堡镇,水稻,18000,8000,8100\n' });
    expect(landcap(['validate', join(cropYears, 'c.csv')]).stderr).toContain(
      `c.csv:1:5: warning header-unknown-column unknown column "2024年产量（吨）" is ignored (hint: a year before the header: landcap reads one year's figures`,
    );
    const headOr10k = landcap(['validate', '--kind', 'livestock', join(dir, 'head-or-10k.csv')]);
    expect(headOr10k.status).toBe(1);
    expect(headOr10k.stderr).toContain('head-or-10k.csv:1:3: error header-unknown-unit');
    const unitsRow = stock('units-row.csv');
    expect(unitsRow.townships).toEqual(twoUnits.townships);
    expect(unitsRow.warnings).toEqual([]);
    const yields = stock('two-units.csv', 'yield-unit.csv');
    expect(yields.townships.map(([name]) => name)).toEqual(['拉堡镇', '进德镇']);
    expect(yields.townships[0]![2]).toBeCloseTo((8100 * 1000 * 2.2) / 100, 6);
    expect(yields.townships[1]![2]).toBeCloseTo((5400 * 1000 * 2.2) / 100, 6);
    expect(stock('unit-right.csv').townships.map(([name, pe]) => [name, pe])).toEqual([
      ['拉堡镇', 15000],
      ['进德镇', 22000],
    ]);
    // A measure above its items (播种面积（亩） over 水稻, 玉米, then 产量（吨） over them again), livestock likewise.
    const inverted = writeFiles({
      'c.csv': '乡镇,播种面积（亩）,,产量（吨）,\n,水稻,玉米,水稻,玉米\n拉堡镇,18000,6000,8100,2400\n进德镇,12000,4000,5400,1560\n',
      'long.csv': '乡镇,作物,播种面积(亩),产量(吨)\n拉堡镇,水稻,18000,8100\n拉堡镇,玉米,6000,2400\n进德镇,水稻,12000,5400\n进德镇,玉米,4000,1560\n',
      'l.csv': '乡镇,存栏（头）,\n,生猪,肉牛\n拉堡镇,15000,800\n进德镇,22000,1500\n',
      // Items with their own units under the measure, a 其中 among them.
      'units.csv': '乡镇,存栏,,,\n,生猪（头）,其中：能繁母猪（头）,肉牛（头）,家禽（万羽）\n拉堡镇,15000,1500,800,5.2\n进德镇,22000,2100,1500,8.6\n',
      'mixed.csv': '乡镇,存栏（头）,,,\n,生猪,其中：能繁母猪,肉牛,家禽（万羽）\n拉堡镇,15000,1500,800,5.2\n进德镇,22000,2100,1500,8.6\n',
    });
    const inv = (crops: string) => {
      const r = landcap(['report', '--crops', join(inverted, crops), '--livestock', join(inverted, 'l.csv'), '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as ReportJson;
    };
    expect(figures(inv('c.csv'))).toBe(figures(inv('long.csv')));
    expect(inv('c.csv').townships.map((t) => t.stockPe)).toEqual([15000 + (800 * 100) / 30, 22000 + (1500 * 100) / 30]);
    for (const file of ['units.csv', 'mixed.csv']) {
      const r = landcap(['report', '--crops', join(inverted, 'long.csv'), '--livestock', join(inverted, file), '--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as ReportJson;
      expect(json.townships.map((t) => t.stockPe)).toEqual([15000 + (800 * 100) / 30 + (52000 * 100) / 2500, 22000 + (1500 * 100) / 30 + (86000 * 100) / 2500]);
      expect(json.warnings).toEqual([]);
    }
    // Last year's table in a hidden sheet before this year's: this year's is read, and the other named.
    const years = landcap(['report', '--crops', join(DIR, 'crops-two-years.xlsx'), '--livestock', join(DIR, 'livestock-long.csv'), '--format', 'json']);
    expect(years.status, years.stderr).toBe(0);
    expect(figures(JSON.parse(years.stdout) as ReportJson)).toBe(figures(report('crops-long.csv', 'livestock-long.csv').json));
    expect(years.stderr).toContain('warning sheet-several several sheets hold a crops table: "2024年" is read, not 2023年 (hidden)');
    // A row hidden in the sheet (an old township) is left out, and said.
    const hidden = report('crops-long.csv', 'livestock-hidden-row.xlsx').json;
    expect(figures(hidden)).toBe(figures(report('crops-long.csv', 'livestock-long.csv').json));
    expect(hidden.warnings.map((w) => [w.code, w.line])).toEqual([['rows-hidden', 10]]);
    // Both years visible: refused, until the sheet is named.
    const visible = ['--crops', join(DIR, 'crops-years-visible.xlsx'), '--livestock', join(DIR, 'livestock-long.csv'), '--format', 'json'];
    const ambiguous = landcap(['report', ...visible]);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('crops-years-visible.xlsx:1:0: error sheet-ambiguous several visible sheets hold a crops table (2023年, 2024年)');
    const named = landcap(['report', ...visible, '--sheet', 'crops=2024年']);
    expect(named.status, named.stderr).toBe(0);
    expect(figures(JSON.parse(named.stdout) as ReportJson)).toBe(figures(report('crops-long.csv', 'livestock-long.csv').json));
    // Names padded with spaces (拉 堡 镇) are the township's name.
    const padded = writeFiles({ 'c.csv': readFileSync(join(DIR, 'crops-long.csv'), 'utf8').replaceAll('拉堡镇', '拉 堡 镇').replaceAll('进德镇', '进　德　镇') });
    const pad = landcap(['report', '--crops', join(padded, 'c.csv'), '--livestock', join(DIR, 'livestock-long.csv'), '--format', 'json']);
    expect(pad.status, pad.stderr).toBe(0);
    expect(figures(JSON.parse(pad.stdout) as ReportJson)).toBe(figures(report('crops-long.csv', 'livestock-long.csv').json));
    // A row of units under a long form's header, and under a wide one.
    expect(stock('units-long.csv').townships.map(([name, pe]) => [name, pe])).toEqual([
      ['拉堡镇', 15000],
      ['进德镇', 22000],
    ]);
    // A note's numbered lines after it are the note's.
    const notes = writeFiles({ 'c.csv': '乡镇,作物,产量(吨)\n拉堡镇,水稻,8100\n进德镇,水稻,5400\n注：产量为全年产量。\n1. 甘蔗为糖料蔗\n2. 水稻含早晚两季\n' });
    const noted = landcap(['validate', '--format', 'json', join(notes, 'c.csv')]);
    expect(noted.status, noted.stderr).toBe(0);
    expect((JSON.parse(noted.stdout) as { notes: Problem[] }).notes.map((n) => [n.code, n.line])).toEqual([['note-line-skipped', 4]]);
    // A table printed over two pages, with its title and header again on the second, and a sign-off under it.
    const pages = landcap(['report', '--crops', 'tests/fixtures/bad/pages.csv', '--livestock', join(inverted, 'l.csv'), '--format', 'json']);
    expect(pages.status, pages.stderr).toBe(0);
    expect(figures(JSON.parse(pages.stdout) as ReportJson)).toBe(figures(inv('long.csv')));
    expect((JSON.parse(pages.stdout) as ReportJson).warnings).toEqual([]);
    // A group beside its members and above them (粮食作物, 其中：稻谷, 玉米): the members counted, the group left out; with
    // none of its members (大牲畜 alone), refused.
    const groups = landcap(['report', '--crops', 'tests/fixtures/bad/groups.csv', '--livestock', join(inverted, 'l.csv'), '--format', 'json']);
    expect(groups.status, groups.stderr).toBe(0);
    expect(figures(JSON.parse(groups.stdout) as ReportJson)).toBe(figures(inv('long.csv')));
    // The group after its items, the first township's too: what the items leave of it is said where it differs.
    const after = writeFiles({ 'c.csv': '乡镇,稻谷产量（吨）,粮食作物产量（吨）\n拉堡镇,8100,10500\n进德镇,5400,5400\n' });
    const afterJson = JSON.parse(landcap(['validate', '--format', 'json', join(after, 'c.csv')]).stdout) as { warnings: Problem[] };
    expect(afterJson.warnings.map((w) => [w.code, w.line, w.column])).toEqual([['group-items-differ', 2, 3]]);
    const cattle = writeFiles({
      'l.csv': '乡镇,大牲畜存栏（头）,其中：肉牛存栏（头）,生猪存栏（头）\n拉堡镇,800,800,15000\n进德镇,1500,1500,22000\n',
      'alone.csv': '乡镇,大牲畜存栏（头）,生猪存栏（头）\n拉堡镇,800,15000\n进德镇,1500,22000\n',
    });
    const withMembers = landcap(['report', '--crops', join(inverted, 'long.csv'), '--livestock', join(cattle, 'l.csv'), '--format', 'json']);
    expect(withMembers.status, withMembers.stderr).toBe(0);
    expect(figures(JSON.parse(withMembers.stdout) as ReportJson)).toBe(figures(inv('long.csv')));
    const alone = landcap(['report', '--crops', join(inverted, 'long.csv'), '--livestock', join(cattle, 'alone.csv')]);
    expect(alone.status).toBe(1);
    expect(alone.stderr).toContain('alone.csv:2:2: error group-unlisted "大牲畜" is a group of items (牛、肉牛、奶牛、水牛、黄牛、牦牛、马、驴、骡、骆驼)');
    // The long form likewise: the title, 续表 and the header again are no townships.
    const longPages = writeFiles({
      'l.csv': '2024年各乡镇畜禽存栏\n乡镇,畜种,存栏（头）\n拉堡镇,生猪,15000\n拉堡镇,肉牛,800\n表2（续）\n2024年各乡镇畜禽存栏\n乡镇,畜种,存栏（头）\n进德镇,生猪,22000\n进德镇,肉牛,1500\n,,审核人：覃芳\n',
    });
    const lp = landcap(['report', '--crops', join(inverted, 'long.csv'), '--livestock', join(longPages, 'l.csv'), '--format', 'json']);
    expect(lp.status, lp.stderr).toBe(0);
    expect(figures(JSON.parse(lp.stdout) as ReportJson)).toBe(figures(inv('long.csv')));
    expect(((JSON.parse(lp.stdout) as ReportJson).notes ?? []).map((n) => [n.code, n.line])).toEqual([
      ['title-skipped', 1],
      ['header-repeated', 5],
      ['header-repeated', 6],
      ['header-repeated', 7],
      ['note-line-skipped', 10],
    ]);
    const numbered = stock('numbered.csv');
    expect(numbered.townships.map(([name]) => name)).toEqual(['拉堡镇', '进德镇']);
    expect(numbered.notes.map((n) => [n.code, n.line])).toContainEqual(['column-numbers-skipped', 2]);
  });

  it('measures as yearbooks word them (生猪期末存栏, 年末肉牛存栏), and a livestock table with one crop column', () => {
    const dir = writeFiles({
      'l.csv': '乡镇,生猪期末存栏（头）,年末肉牛存栏（头）,肉类总产量（吨）\n拉堡镇,15000,800,3000\n进德镇,22000,1500,4000\n',
      'c.csv': '乡镇,水稻播种面积（亩）,水稻产量（吨）\n拉堡镇,18000,8100\n进德镇,12000,5400\n',
    });
    const r = landcap(['report', '--crops', join(dir, 'c.csv'), '--livestock', join(dir, 'l.csv'), '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ReportJson).townships.map((t) => [t.name, t.stockPe])).toEqual([
      ['拉堡镇', 15000 + (800 * 100) / 30],
      ['进德镇', 22000 + (1500 * 100) / 30],
    ]);
    // The township column as forms head it.
    for (const header of ['单位名称', '地区', '镇（街道）', '镇街']) {
      const named = writeFiles({ 'c.csv': `${header},作物,产量(吨)\n拉堡镇,水稻,8100\n` });
      expect(landcap(['validate', join(named, 'c.csv')]).status, header).toBe(0);
    }
    // validate tells the kind by the most items: three species columns and one of meat are a livestock table.
    const v = landcap(['validate', '--format', 'json', join(dir, 'l.csv')]);
    expect(v.status, v.stderr).toBe(0);
    const json = JSON.parse(v.stdout) as { files: { kind: string }[]; warnings: Problem[] };
    expect(json.files[0]!.kind).toBe('livestock');
    expect(json.warnings.map((w) => [w.code, w.column])).toEqual([['header-unknown-column', 4]]);
  });

  it('a 其中 column is checked against the whole it is part of, not the column before it', () => {
    const dir = writeFiles({
      // 其中：能繁母猪 after 羊: 1,500 sows are more than 1,200 sheep, and no more than 15,000 pigs.
      'l.csv': '乡镇,生猪存栏（头）,羊存栏（只）,其中：能繁母猪（头）\n拉堡镇,15000,1200,1500\n进德镇,22000,600,2100\n',
      // 18,000 sows are more than 15,000 pigs.
      'bad.csv': '乡镇,生猪存栏（头）,羊存栏（只）,其中：能繁母猪（头）\n拉堡镇,15000,1200,18000\n',
    });
    const ok = landcap(['validate', '--format', 'json', join(dir, 'l.csv')]);
    expect(ok.status, ok.stderr).toBe(0);
    const notes = (JSON.parse(ok.stdout) as { notes: (Problem & { message: string })[] }).notes;
    expect(notes.map((n) => [n.code, n.line, n.column])).toEqual([['part-left-out', 2, 4]]);
    expect(notes[0]!.message).toBe('"其中：能繁母猪" is a part (其中) of "生猪": it is left out, as "生猪" already counts it');
    const bad = landcap(['validate', join(dir, 'bad.csv')]);
    expect(bad.stderr).toContain('bad.csv:2:4: warning part-exceeds-whole the part "其中：能繁母猪" (18,000) is larger than "生猪" (15,000)');
  });

  it('a species with a head unit and no measure, under no title naming one: an error at its header cell, not a column left out', () => {
    const dir = writeFiles({ 'l.csv': '乡镇,生猪存栏（头）,肉牛（头）\n拉堡镇,15000,800\n' });
    const r = landcap(['validate', join(dir, 'l.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('l.csv:1:3: error header-measure-missing column "肉牛（头）" gives 肉牛 and a unit, but not what it counts (存栏 | 出栏)');
    // Only such columns: still what they are, not a file of no kind.
    const only = writeFiles({ 'l.csv': '乡镇,生猪（头）,肉牛（头）\n拉堡镇,15000,800\n' });
    const o = landcap(['validate', '--format', 'json', join(only, 'l.csv')]);
    expect((JSON.parse(o.stdout) as { errors: Problem[] }).errors.map((e) => [e.code, e.column])).toEqual([
      ['header-measure-missing', 2],
      ['header-measure-missing', 3],
    ]);
    const zh = landcap(['validate', '--lang', 'zh', join(dir, 'l.csv')]);
    expect(zh.stderr).toContain('列“肉牛（头）”写了肉牛和单位，未写是哪一项（存栏或出栏）');
    // A unit that fits one measure says it: 水稻（吨） is a production, 水稻（亩） an area.
    const crops = writeFiles({ 'c.csv': '乡镇,水稻（亩）,水稻（吨）\n拉堡镇,18000,8100\n' });
    const c = landcap(['report', '--crops', join(crops, 'c.csv'), '--livestock', join(DIR, 'livestock-long.csv'), '--format', 'json']);
    expect(c.status, c.stderr).toBe(0);
    const labao = (JSON.parse(c.stdout) as ReportJson).townships.find((t) => t.name === '拉堡镇')!;
    expect(labao.nutrients.N.cropDemandKg).toBeCloseTo(8100 * 1000 * 0.022, 6);
  });

  it('reads a workbook written by another program (openpyxl, as LibreOffice and WPS-like tools write them) the same', () => {
    const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0);
    if (!python) {
      // CI installs python3-openpyxl (.ci/run): there the check must run.
      expect(process.env.LANDCAP_REQUIRE_OPENPYXL, 'python3-openpyxl is needed').toBeUndefined();
      return;
    }
    const dir = tempDir();
    copyFileSync(join(ROOT, DIR, 'make.py'), join(dir, 'make.py'));
    const made = spawnSync(python, ['make.py'], { cwd: dir, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(existsSync(join(dir, 'liujiang-2024.xlsx'))).toBe(true);
    expect(figures(report('liujiang-2024.xlsx', 'liujiang-2024.xlsx', dir).json)).toBe(figures(base));
  });
});

describe('mistakes of tables as they come', () => {
  it('a totals row 5% off: total-mismatch at that row, and the report of the townships', () => {
    const { json } = report('crops-total-off.csv', 'livestock-long.csv');
    const mismatch = json.warnings.filter((w) => w.code === 'total-mismatch');
    expect(mismatch.map((w) => [w.line, w.column])).toEqual([[6, 4]]);
    expect(figures(json)).toBe(figures(report('crops-long.csv', 'livestock-long.csv').json));
  });

  it('a production in 吨 under a header without a unit: unit-assumed at the header, yield-implausible at each production cell', () => {
    const r = landcap(['validate', '--format', 'json', join(DIR, 'crops-unitless-tonnes.csv')]);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as { errors: (Problem & { hint: string })[]; warnings: Problem[] };
    expect(json.warnings.map((w) => [w.code, w.line, w.column])).toEqual([['unit-assumed', 1, 4]]);
    expect(json.errors.map((e) => [e.code, e.line, e.column])).toEqual(Array.from({ length: 16 }, (_, i) => ['yield-implausible', i + 2, 4]));
    expect(json.errors[0]!.hint).toContain('× 1000 gives 450 per 亩');
  });

  it('拉堡 in one file and 拉堡镇 in the other: an error whose hint names the township, in validate and in report', () => {
    const message =
      'township "拉堡" of the livestock file is not in the crops file, which has "拉堡镇": one township written two ways, whose livestock would be counted without its land (hint: write "拉堡镇" in both files)';
    const v = landcap(['validate', join(DIR, 'crops-long.csv'), join(DIR, 'livestock-labao.csv')]);
    expect(v.status).toBe(1);
    expect(v.stderr).toContain(`${DIR}/livestock-labao.csv:2:0: error township-written-otherwise ${message}`);
    const r = landcap(['report', '--crops', join(DIR, 'crops-long.csv'), '--livestock', join(DIR, 'livestock-labao.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${DIR}/livestock-labao.csv:2:0: error township-written-otherwise ${message}`);
    // Numbered (1.拉堡镇) or with the district before it (柳江区拉堡镇): the same. A township of livestock alone, with a
    // name near one of the crops file's, keeps the warning of a township without land, and the hint.
    const dir = writeFiles({
      'numbered.csv': '乡镇,畜种,存栏（头）\n1.拉堡镇,生猪,15000\n',
      'prefixed.csv': '乡镇,畜种,存栏（头）\n柳江区拉堡镇,生猪,15000\n',
      'near.csv': '乡镇,畜种,存栏（头）\n拉宝镇,生猪,300\n',
    });
    for (const file of ['numbered.csv', 'prefixed.csv']) {
      const n = landcap(['validate', join(DIR, 'crops-long.csv'), join(dir, file)]);
      expect(n.stderr).toMatch(/:2:0: error township-written-otherwise township "(1\.|柳江区)拉堡镇" of the livestock file is not in the crops file, which has "拉堡镇"/);
    }
    const near = landcap(['validate', join(DIR, 'crops-long.csv'), join(dir, 'near.csv')]);
    expect(near.status).toBe(0);
    expect(near.stderr).toContain('near.csv:2:0: warning township-no-land township "拉宝镇" has livestock but no crop land in the crops file (hint: is it "拉堡镇"');
  });

  it('a totals row labelled with the district (柳江区) is refused, not counted as a township; labelled 合计, it is checked and left out', () => {
    const crops = 'tests/fixtures/bad/crops-district-row.csv';
    const livestock = 'tests/fixtures/bad/livestock-district-row.csv';
    const r = landcap(['report', '--crops', crops, '--livestock', livestock, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${crops}:8:1: error total-unlabelled "柳江区" holds the sum of the other townships' figures, or near it (水稻: 36,360,000 against 36,360,000`);
    expect(r.stderr).toContain(`${livestock}:3:1: error total-unlabelled "柳江区" holds the sum of the other townships' figures, or near it (生猪: 148,000 against 148,000`);
    // As 合计 (and as 总计（全区）), the rows are totals: the report is that of the five townships alone.
    const relabel = (file: string, label: string) => readFileSync(file, 'utf8').replace(/^柳江区,/m, `${label},`);
    const without = (file: string) => readFileSync(file, 'utf8').replace(/^柳江区,.*\n/m, '');
    const dir = writeFiles({
      'c-total.csv': relabel(crops, '合计'),
      'l-total.csv': relabel(livestock, '总计（全区）'),
      'c-none.csv': without(crops),
      'l-none.csv': without(livestock),
    });
    const labelled = landcap(['report', '--crops', join(dir, 'c-total.csv'), '--livestock', join(dir, 'l-total.csv'), '--format', 'json']);
    const none = landcap(['report', '--crops', join(dir, 'c-none.csv'), '--livestock', join(dir, 'l-none.csv'), '--format', 'json']);
    expect(labelled.status, labelled.stderr).toBe(0);
    const numbers = (out: string) => {
      const j = JSON.parse(out) as { townships: unknown[]; total: unknown };
      return { townships: j.townships, total: j.total };
    };
    expect(numbers(labelled.stdout)).toEqual(numbers(none.stdout));
    expect((JSON.parse(labelled.stdout) as { townships: unknown[] }).townships).toHaveLength(5);
    // Labelled with the district's name, a row a little off the townships' sum (a state farm's herd in it) is a totals
    // row all the same; a township's name keeps the tight bound.
    const near = (label: string) =>
      writeFiles({ 'l.csv': `乡镇,畜种,存栏量(头)\n甲镇,生猪,100\n甲镇,肉牛,10\n乙镇,生猪,200\n乙镇,肉牛,20\n丙镇,生猪,300\n丙镇,肉牛,30\n${label},生猪,600\n${label},肉牛,65\n` });
    expect(landcap(['validate', join(near('柳江区'), 'l.csv')]).stderr).toContain('l.csv:8:1: error total-unlabelled "柳江区"');
    expect(landcap(['validate', join(near('丁镇'), 'l.csv')]).status).toBe(0);
    // One item equal to the others' sum is no sign of a totals row (a township may have as many pigs as three others).
    const one = writeFiles({ 'l.csv': '乡镇,畜种,存栏量(头)\n甲镇,生猪,600\n乙镇,生猪,100\n丙镇,生猪,200\n丁镇,生猪,300\n' });
    expect(landcap(['validate', join(one, 'l.csv')]).status).toBe(0);
  });

  it('a township cell left empty under a named one (merged cells saved as CSV): the hint names the row above and the way out', () => {
    const dir = writeFiles({ 'c.csv': '乡镇,作物,面积（亩）,产量（吨）\n拉堡镇,水稻,18000,8100\n,玉米,6000,2400\n进德镇,水稻,12000,5400\n' });
    const r = landcap(['validate', join(dir, 'c.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('c.csv:3:1: error cell-required "乡镇" is empty (hint: the row above names 拉堡镇: a township cell merged over several rows');
    expect(landcap(['validate', '--lang', 'zh', join(dir, 'c.csv')]).stderr).toContain('提示：上一行为拉堡镇');
    // The first row has no row above to name.
    const first = writeFiles({ 'c.csv': '乡镇,作物,产量（吨）\n,水稻,8100\n' });
    expect(landcap(['validate', join(first, 'c.csv')]).stderr).toMatch(/c\.csv:2:1: error cell-required "乡镇" is empty\n/);
  });

  it('a table saved as tab-separated text under a .csv name reads as the same table; a unit written in the cells gets a hint', () => {
    const dir = writeFiles({
      'comma.csv': '乡镇,作物,面积（亩）,产量（吨）\n拉堡镇,水稻,18000,8100\n进德镇,"水稻",12000,5400\n',
      'tabs.csv': '乡镇\t作物\t面积（亩）\t产量（吨）\n拉堡镇\t水稻\t18000\t8100\n进德镇\t"水稻"\t12000\t5400\n',
      'l.csv': '乡镇,畜种,存栏（头）\n拉堡镇,生猪,15000\n进德镇,生猪,22000\n',
      'in-cells.csv': '乡镇,畜种,存栏\n拉堡镇,生猪,1.15万\n进德镇,生猪,22000头\n',
    });
    const run = (crops: string) => landcap(['report', '--crops', join(dir, crops), '--livestock', join(dir, 'l.csv'), '--format', 'json']);
    const tabs = run('tabs.csv');
    expect(tabs.status, tabs.stderr).toBe(0);
    expect(figures(JSON.parse(tabs.stdout) as ReportJson)).toBe(figures(JSON.parse(run('comma.csv').stdout) as ReportJson));
    const cells = landcap(['validate', join(dir, 'in-cells.csv')]);
    expect(cells.stderr).toContain('in-cells.csv:2:3: error number-invalid "存栏": "1.15万" is not a number (hint: a 万 in the cell: write the number in full (1.15万 → 11,500)');
    expect(cells.stderr).toContain('in-cells.csv:3:3: error number-invalid "存栏": "22000头" is not a number (hint: a unit in the cell (头): write the number alone, and the unit once in the header (存栏(头)))');
  });

  it("a yearbook's dash for no figure (—, -, ……): not a number, with a hint to leave the cell empty, in both languages", () => {
    const dir = writeFiles({ 'c.csv': '乡镇,作物,播种面积(亩),产量(公斤)\n拉堡镇,水稻,1000,450000\n进德镇,水稻,—,\n穿山镇,水稻,-,\n百朋镇,水稻,……,\n成团镇,水稻,12-3,\n' });
    const r = landcap(['validate', join(dir, 'c.csv')]);
    expect(r.status).toBe(1);
    const hint = "(hint: a yearbook's dash marks no figure: leave the cell empty, or write 0 where it means none)";
    for (const [line, value] of [[3, '—'], [4, '-'], [5, '……']] as const)
      expect(r.stderr).toContain(`c.csv:${line}:3: error number-invalid "播种面积(亩)": "${value}" is not a number ${hint}`);
    expect(r.stderr).toMatch(/c\.csv:6:3: error number-invalid "播种面积\(亩\)": "12-3" is not a number\n/);
    expect(landcap(['validate', '--lang', 'zh', join(dir, 'c.csv')]).stderr).toContain('提示：年鉴中的“—”表示无数据');
  });

  it('units in the title (万头、万羽、万只): each column read in the one its animals are counted in', () => {
    const dir = writeFiles({ 'l.csv': '2024年各乡镇畜禽存栏（单位：万头、万羽、万只）\n乡镇,生猪存栏,羊存栏,家禽存栏\n拉堡镇,3.2,0.12,42\n进德镇,4.5,0.06,60\n' });
    const r = landcap(['validate', join(dir, 'l.csv')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('l.csv:2:2: note unit-from-title "生猪存栏" gives no unit: read in 万头');
    expect(r.stderr).toContain('l.csv:2:3: note unit-from-title "羊存栏" gives no unit: read in 万只');
    expect(r.stderr).toContain('l.csv:2:4: note unit-from-title "家禽存栏" gives no unit: read in 万羽');
  });

  it("validate of landcap's own report workbook: no sheet of input data, not its coefficients read as a local dictionary", () => {
    const dir = writeFiles({});
    expect(landcap(['report', '--output', join(dir, 'r.xlsx')]).status).toBe(0);
    const r = landcap(['validate', join(dir, 'r.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('r.xlsx:1:0: error sheet-not-found no sheet of the workbook has a crops|livestock|soil table');
    expect(r.stderr).not.toContain('local-');
  });

  it('an Excel 97–2003 workbook: exit 2, and what to do', () => {
    const r = landcap(['report', '--crops', join(DIR, 'old-format.xls'), '--livestock', join(DIR, 'livestock-long.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `${DIR}/old-format.xls: is an Excel 97–2003 (.xls) or WPS (.et) workbook, which landcap does not read: open it in Excel or WPS and save it as .xlsx`,
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('report with no input files says on stderr that it runs the bundled sample', () => {
    const r = landcap(['report']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('landcap: no input files given: running the bundled sample beipiao-townships-2024');
    expect(landcap(['report', '--sample', 'beipiao-townships-2024']).stderr).not.toContain('no input files given');
  });

  it('prints a message repeated for many rows once, with how many more and where', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 45 }, (_, i) => `镇${i},木薯,100,1000,0.4`).join('\n');
    const crops = join(dir, 'crops.csv');
    const livestock = join(dir, 'livestock.csv');
    writeFileSync(crops, `乡镇,作物,面积(亩),产量(kg),n_uptake\n${rows}\n`);
    writeFileSync(livestock, '乡镇,畜种,存栏量(头)\n镇0,生猪,10\n');
    const r = landcap(['report', '--crops', crops, '--livestock', livestock]);
    const lines = r.stderr.split('\n').filter((l) => l.includes('crop-local-uptake'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`${crops}:2:2: warning crop-local-uptake`);
    expect(lines[1]).toContain(`${crops}: crop-local-uptake as on line 2, 44 more times: lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …`);
    const json = JSON.parse(landcap(['report', '--crops', crops, '--livestock', livestock, '--format', 'json']).stdout) as ReportJson;
    expect(json.warnings.filter((w) => w.code === 'crop-local-uptake')).toHaveLength(45);
  });
});
