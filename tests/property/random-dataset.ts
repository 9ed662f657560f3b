// Random crops and livestock files as counties export them — bad cells, repeated rows, comments, quotes, units,
// names with spaces — for the tests that compare two ways of reading the same files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
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
/**
 * Names of a clean dataset: crops and species of the guide's tables, no two of them one row's key (花生 and 油菜 are two
 * rows of 油料, not a repeated one), and land uses; a township has at most 5 rows.
 */
const CLEAN_CROPS = ['小麦', '水稻', '玉米', '番茄', '花生', '油菜', '苹果', '苜蓿'];
/** Yields per 亩 (kg) a clean file gives each crop: within the credible range of data/coefficients/crops.csv. */
const CLEAN_YIELDS: Record<string, readonly [number, number]> = {
  小麦: [40, 700],
  水稻: [50, 700],
  玉米: [50, 700],
  番茄: [300, 700],
  花生: [15, 700],
  油菜: [15, 700],
  苹果: [100, 700],
  苜蓿: [50, 700],
};
const CLEAN_SPECIES = ['生猪', '奶牛', '肉牛', '羊', '家禽'];
const CLEAN_LAND_USES = ['', '', '旱地', '水田', '菜地', 'paddy', 'dry land'];

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

/** A number cell as spreadsheets export them, now and then (unless `clean`) a bad or an odd one. */
function numberCell(r: Random, max: number, clean = false): string {
  if (!clean && r.chance(0.02))
    return r.pick(['', 'abc', '-5', '1,234.5', '１２．５', ' 7 ', 'NaN', '1e3', '12,34', '1.', '.5', '00012', '0', '12345678901234567', '1234.1234567890123']);
  const v = r.int(max * 100) / 100;
  return r.chance(0.5) ? String(v) : v.toFixed(r.int(3));
}

/** A yield within [min, max] per 亩, written in the column's unit (per 公顷, in 斤): rounded up to two decimals. */
function cleanYield(r: Random, [min, max]: readonly [number, number], perUnit: number): string {
  const perMu = min + (r.int((max - min) * 100) + 1) / 100;
  return (Math.ceil(perMu * perUnit * 100) / 100).toFixed(2);
}

/**
 * Rows of a township (the k-th of its rows: row(township, k)), in blocks as a county's file lists them, with comments
 * and empty lines; unless `clean`, with repeated rows, rows without a township and townships written with spaces.
 */
function lines(r: Random, townships: number, row: (township: string, k: number) => string[], quoting: boolean, clean: boolean): string[] {
  const out: string[] = [];
  const padded = r.chance(0.7) || clean;
  for (let t = 0; t < townships; t++) {
    // Now and then a township listed again further down, or a row without one, or one written with spaces.
    // Names of other lengths too: 镇1 before 镇10.
    const number = !clean && r.chance(0.003) ? r.int(townships) : t;
    const name = townshipName(number, padded);
    const township = clean ? name : r.chance(0.02) ? '' : r.chance(0.02) ? r.pick([` ${name}`, `${name}\u3000`, `${name}\t`]) : name;
    for (let k = 1 + r.int(clean ? CLEAN_SPECIES.length : 6); k > 0; k--) {
      if (r.chance(0.02)) out.push('');
      if (r.chance(0.02)) out.push('# 备注');
      const cells = row(township, k);
      if (!clean && r.chance(0.01)) cells.push(r.pick(['多余', '']));
      if (!clean && r.chance(0.01)) cells.pop();
      if (quoting && r.chance(0.05)) {
        const i = r.int(cells.length);
        cells[i] = `"${cells[i]}${clean ? '' : r.pick([',', '\n', '""', ''])}"`;
      }
      out.push(cells.join(','));
    }
  }
  return out;
}

const townshipName = (number: number, padded: boolean) => `镇${padded ? String(number).padStart(3, '0') : number}`;

export interface Files {
  readonly crops: string;
  readonly livestock: string;
  readonly soil?: string;
}

/**
 * A random dataset; `clean`: one without errors — names of the guide's tables, numbers that pass their checks, no
 * repeated row — and with a soil file, so that a report is built from it.
 */
export function writeDataset(seed: number, { clean = false } = {}): Files & { readonly note: string } {
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
    r.pick(['production_kg', '产量(吨)', '总产量(万吨)', ...(clean ? [] : ['production_m3'])]),
  ];
  const big = { production_kg: 5_000_000, '产量(吨)': 5_000, '总产量(万吨)': 0.5, production_m3: 50_000 }[cropsHeader[4]!]!;
  // The yield column's unit, per kg per 亩.
  const perHectare = cropsHeader[3] === '单产(kg/公顷)' ? 15 : cropsHeader[3] === '亩产(斤)' ? 2 : 1;
  const extra = !clean && r.chance(0.1) ? r.pick(['面积(公顷)', '备注', '']) : undefined;
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
      (township, k) => {
        const production = r.chance(0.3) ? numberCell(r, big, clean) : '';
        // A clean file's crops are each another in a township (k is at most 5), and their yields within every bound.
        const crop = clean ? CLEAN_CROPS[(townshipOffset(township) + k) % CLEAN_CROPS.length]! : r.pick(CROPS);
        const yieldCell = clean ? cleanYield(r, CLEAN_YIELDS[crop]!, perHectare) : numberCell(r, 900 * perHectare);
        const cells = [township, crop, numberCell(r, 3000, clean), yieldCell, production];
        if (extra !== undefined) cells.push(r.chance(0.3) ? numberCell(r, 200) : '');
        if (withLandUse) cells.push(r.pick(clean ? CLEAN_LAND_USES : LAND_USES));
        if (withUptake) cells.push(r.chance(0.2) ? numberCell(r, 5, clean) : '');
        const line = ordered(cells);
        if (trailing !== '') line.push('', '');
        return line;
      },
      quoting,
      clean,
    ),
  ]);
  const withFactor = !clean && r.chance(0.2);
  const withSlaughter = r.chance(0.3);
  const stockHeader = r.pick(['stock', '存栏(头)', '存栏(万头)']);
  const livestock = write('livestock.csv', [
    ['township', 'species', stockHeader, ...(withSlaughter ? ['slaughter'] : []), ...(withFactor ? ['pe_factor'] : [])].join(','),
    ...lines(
      r,
      townships,
      (township, k) => [
        township,
        clean ? CLEAN_SPECIES[(townshipOffset(township) + k) % CLEAN_SPECIES.length]! : r.pick(SPECIES),
        !clean && r.chance(withSlaughter ? 0.2 : 0) ? '' : numberCell(r, stockHeader === '存栏(万头)' ? 2 : 20_000, clean),
        ...(withSlaughter ? [r.chance(0.5) ? numberCell(r, 30_000, clean) : ''] : []),
        ...(withFactor ? [r.chance(0.2) ? r.pick(['1/3', '0.5', 'x']) : ''] : []),
      ],
      quoting,
      clean,
    ),
  ]);
  // A clean dataset's soil: grades (as written, or measured) for some townships, for all their land or by land use.
  const soil = clean
    ? write('soil.csv', [
        'township,land_use,n_grade,p_grade,total_n',
        ...Array.from({ length: townships }, (_, t) => t)
          .filter(() => r.chance(0.5))
          .flatMap((t) =>
            (r.chance(0.5) ? [''] : ['', '旱地', '水田', '菜地'].filter(() => r.chance(0.5))).map((landUse) => {
              // A row gives one value at least.
              const values = [r.pick(['I', 'II', 'III', '一级', '2', '']), r.pick(['I', 'III', '']), r.pick(['', '0.8', '1.6'])];
              return [townshipName(t, true), landUse, ...(values.join('') === '' ? ['II', '', ''] : values)].join(',');
            }),
          ),
      ])
    : undefined;
  return {
    crops,
    livestock,
    ...(soil ? { soil } : {}),
    note: `seed ${seed}${clean ? ', clean, with soil' : ''}: ${townships} townships, quoting ${quoting}, crlf ${crlf}, gbk ${gbk}, bom ${bom}, crops header ${cropsHeaderLine}`,
  };
}

/** Where a township's crops (and species) start in a clean dataset's lists: its number's last digit. */
function townshipOffset(township: string): number {
  return Number(township.at(-1));
}
