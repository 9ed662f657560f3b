// Random crops and livestock files as counties export them — bad cells, repeated rows, comments, quotes, units,
// names with spaces — for the tests that compare two ways of reading the same files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Dataset } from '../../src/dataset/dataset.js';
import { basisNutrients } from '../../src/method/types.js';
import type { ProblemLog } from '../../src/validate/problems.js';
import { tempDir } from '../helpers.js';

const CROPS = [
  '小麦',
  '水稻',
  '玉米',
  '番茄',
  '西红柿',
  '花生',
  '油菜',
  'corn',
  '苹果',
  '苜蓿',
  '杨树',
  '稻谷',
  '芋头',
  'wheat',
  '小 麦',
  ' 小麦',
  '玉米\u3000',
  'Wheat',
  '\u00a0水稻',
  '小麦\t',
];
const SPECIES = ['生猪', '猪', 'pig', '奶牛', '肉牛', '羊', '山羊', '绵羊', '家禽', '鸡', '鹿', '兔', '羊驼', 'Sheep', ' 生猪', '奶牛 ', '马'];
const LAND_USES = ['', '', '', '旱地', '水田', '菜地', 'paddy', '湿地', ' 旱地', 'dry land', 'Paddy', ' '];

/** A small seeded generator, so that a failing case can be rerun from its seed. */
export function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  return { int, pick, chance };
}

type Random = ReturnType<typeof random>;

/** A number cell as spreadsheets export them, now and then a bad or an odd one. */
function numberCell(r: Random, max: number): string {
  if (r.chance(0.02))
    return r.pick(['', 'abc', '-5', '1,234.5', '１２．５', ' 7 ', 'NaN', '1e3', '12,34', '1.', '.5', '00012', '0', '12345678901234567', '1234.1234567890123']);
  const v = r.int(max * 100) / 100;
  return r.chance(0.5) ? String(v) : v.toFixed(r.int(3));
}

/** Rows of a township, in blocks as a county's file lists them, with repeated rows, comments and empty lines. */
function lines(r: Random, townships: number, row: (township: string) => string[], quoting: boolean): string[] {
  const out: string[] = [];
  const padded = r.chance(0.7);
  for (let t = 0; t < townships; t++) {
    // Now and then a township listed again further down, or a row without one, or one written with spaces.
    // Names of other lengths too: 镇1 before 镇10.
    const number = r.chance(0.003) ? r.int(townships) : t;
    const name = `镇${padded ? String(number).padStart(3, '0') : number}`;
    const township = r.chance(0.02) ? '' : r.chance(0.02) ? r.pick([` ${name}`, `${name}\u3000`, `${name}\t`]) : name;
    for (let k = 1 + r.int(6); k > 0; k--) {
      if (r.chance(0.02)) out.push('');
      if (r.chance(0.02)) out.push('# 备注');
      const cells = row(township);
      if (r.chance(0.01)) cells.push(r.pick(['多余', '']));
      if (r.chance(0.01)) cells.pop();
      if (quoting && r.chance(0.05)) {
        const i = r.int(cells.length);
        cells[i] = `"${cells[i]}${r.pick([',', '\n', '""', ''])}"`;
      }
      out.push(cells.join(','));
    }
  }
  return out;
}

export interface Files {
  readonly crops: string;
  readonly livestock: string;
}

export function writeDataset(seed: number): Files & { readonly note: string } {
  const r = random(seed);
  const dir = tempDir('landcap-random-');
  const townships = 20 + r.int(150);
  const quoting = r.chance(0.3);
  const crlf = r.chance(0.3);
  const gbk = r.chance(0.2);
  const bom = !gbk && r.chance(0.3);
  const write = (name: string, text: string[]) => {
    const path = join(dir, name);
    const joined = text.join(crlf ? '\r\n' : '\n') + (r.chance(0.7) ? (crlf ? '\r\n' : '\n') : '');
    writeFileSync(path, gbk ? iconv.encode(joined, 'gb18030') : (bom ? '\uFEFF' : '') + joined);
    return path;
  };
  const withLandUse = r.chance(0.5);
  const withUptake = r.chance(0.2);
  // Quantities in the units counties use; now and then a quantity in two columns, an unknown column, one without a header.
  const cropsHeader = [
    r.pick(['township', '乡镇']),
    r.pick(['crop', '作物']),
    r.pick(['area_mu', '面积(亩)', '面积(公顷)', '面积(万亩)']),
    r.pick(['yield_kg_per_mu', '亩产(kg)', '单产(kg/公顷)', '亩产(斤)']),
    r.pick(['production_kg', '产量(吨)', '总产量(万吨)', 'production_m3']),
  ];
  const big = { production_kg: 5_000_000, '产量(吨)': 5_000, '总产量(万吨)': 0.5, production_m3: 50_000 }[cropsHeader[4]!]!;
  const perHectare = cropsHeader[3] === '单产(kg/公顷)' ? 15 : 1;
  const extra = r.chance(0.1) ? r.pick(['面积(公顷)', '备注', '']) : undefined;
  if (extra !== undefined) cropsHeader.push(extra);
  if (withLandUse) cropsHeader.push('land_use');
  if (withUptake) cropsHeader.push('n_uptake');
  // The columns in another order now and then (cells beyond the header's stay at the end).
  const order = cropsHeader.map((_, i) => i);
  if (r.chance(0.3))
    for (let i = order.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  const ordered = (cells: string[]) => [...order.map((i) => cells[i]!), ...cells.slice(order.length)];
  // A spreadsheet's export now and then ends every row in empty cells, under empty header cells or none.
  const trailing = r.pick(['', '', '', 'rows', 'both']);
  const cropsHeaderLine = ordered(cropsHeader).join(',') + (trailing === 'both' ? ',,' : '');
  const crops = write('crops.csv', [
    ...(r.chance(0.3) ? ['# 作物产量', ''] : []),
    cropsHeaderLine,
    ...lines(
      r,
      townships,
      (township) => {
        const production = r.chance(0.3) ? numberCell(r, big) : '';
        const cells = [township, r.pick(CROPS), numberCell(r, 3000), numberCell(r, 900 * perHectare), production];
        if (extra !== undefined) cells.push(r.chance(0.3) ? numberCell(r, 200) : '');
        if (withLandUse) cells.push(r.pick(LAND_USES));
        if (withUptake) cells.push(r.chance(0.2) ? numberCell(r, 5) : '');
        const line = ordered(cells);
        if (trailing !== '') line.push('', '');
        return line;
      },
      quoting,
    ),
  ]);
  const withFactor = r.chance(0.2);
  const withSlaughter = r.chance(0.3);
  const stockHeader = r.pick(['stock', '存栏(头)', '存栏(万头)']);
  const livestock = write('livestock.csv', [
    ['township', 'species', stockHeader, ...(withSlaughter ? ['slaughter'] : []), ...(withFactor ? ['pe_factor'] : [])].join(','),
    ...lines(
      r,
      townships,
      (township) => [
        township,
        r.pick(SPECIES),
        r.chance(withSlaughter ? 0.2 : 0) ? '' : numberCell(r, stockHeader === '存栏(万头)' ? 2 : 20_000),
        ...(withSlaughter ? [r.chance(0.5) ? numberCell(r, 30_000) : ''] : []),
        ...(withFactor ? [r.chance(0.2) ? r.pick(['1/3', '0.5', 'x']) : ''] : []),
      ],
      quoting,
    ),
  ]);
  return {
    crops,
    livestock,
    note: `seed ${seed}: ${townships} townships, quoting ${quoting}, crlf ${crlf}, gbk ${gbk}, bom ${bom}, crops header ${cropsHeaderLine}`,
  };
}

/** Everything loadDataset gives, as plain data to compare. */
export function outcome(dataset: Dataset, log: ProblemLog, basis: 'N' | 'P' | 'both') {
  return {
    townships: [...dataset.townships.values()].map((t) => ({
      name: t.name,
      cropRows: t.cropRows,
      livestockRows: t.livestockRows,
      firstLivestockLine: t.firstLivestockLine,
      stockPe: t.stockPe,
      demand: basisNutrients(basis).map((n) => t.demandByGrade(n, (lu) => (lu === '水田' ? 'I' : lu === null ? 'III' : 'II'))),
    })),
    files: dataset.files,
    used: { crops: [...dataset.used.crops], species: [...dataset.used.species] },
    problems: log.problems,
  };
}
