// The parallel reading of large files (worker threads over newline-aligned parts) against a plain single-stream
// read of the same files: every sum, every problem with its place and wording, every count must be the same.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadCoefficients } from '../../src/coefficients/load.js';
import { loadDataset, Tally, type Dataset, type LoadOptions } from '../../src/dataset/dataset.js';
import { basisNutrients } from '../../src/method/types.js';
import { readInParallel, WorkerPool } from '../../src/parallel/parallel.js';
import { defaultParameters } from '../../src/params/params.js';
import { ProblemLog } from '../../src/validate/problems.js';
import { tempDir } from '../helpers.js';

const CROPS = ['小麦', '水稻', '玉米', '番茄', '西红柿', '花生', '油菜', 'corn', '苹果', '苜蓿', '杨树', '稻谷', '芋头', 'wheat', '小 麦'];
const SPECIES = ['生猪', '猪', 'pig', '奶牛', '肉牛', '羊', '山羊', '绵羊', '家禽', '鸡', '鹿', '兔', '羊驼', 'Sheep'];
const LAND_USES = ['', '', '', '旱地', '水田', '菜地', 'paddy', '湿地'];

/** A small seeded generator, so that a failing case can be rerun from its seed. */
function random(seed: number) {
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

/** A number cell as spreadsheets export them, now and then a bad one. */
function numberCell(r: Random, max: number): string {
  if (r.chance(0.02)) return r.pick(['', 'abc', '-5', '1,234.5', '１２．５', ' 7 ', 'NaN', '1e3', '12,34']);
  const v = r.int(max * 100) / 100;
  return r.chance(0.5) ? String(v) : v.toFixed(r.int(3));
}

/** Rows of a township, in blocks as a county's file lists them, with repeated rows, comments and empty lines. */
function lines(r: Random, townships: number, row: (township: string) => string[], quoting: boolean): string[] {
  const out: string[] = [];
  for (let t = 0; t < townships; t++) {
    // Now and then a township listed again further down, or a row without one.
    const township = r.chance(0.02) ? '' : `镇${String(r.chance(0.003) ? r.int(townships) : t).padStart(3, '0')}`;
    for (let k = 1 + r.int(6); k > 0; k--) {
      if (r.chance(0.02)) out.push('');
      if (r.chance(0.02)) out.push('# 备注');
      const cells = row(township);
      if (r.chance(0.01)) cells.push('多余');
      if (quoting && r.chance(0.05)) {
        const i = r.int(cells.length);
        cells[i] = `"${cells[i]}${r.pick([',', '\n', '""', ''])}"`;
      }
      out.push(cells.join(','));
    }
  }
  return out;
}

interface Files {
  readonly crops: string;
  readonly livestock: string;
}

function writeDataset(seed: number): Files & { readonly note: string } {
  const r = random(seed);
  const dir = tempDir('landcap-parallel-');
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
  const withUptake = r.chance(0.3);
  const cropsHeader = r.chance(0.5)
    ? ['township', 'crop', 'area_mu', 'yield_kg_per_mu', 'production_kg']
    : ['乡镇', '作物', '面积(亩)', '亩产(kg)', '产量(吨)'];
  if (withLandUse) cropsHeader.push('land_use');
  if (withUptake) cropsHeader.push('n_uptake');
  const crops = write('crops.csv', [
    ...(r.chance(0.3) ? ['# 作物产量', ''] : []),
    cropsHeader.join(','),
    ...lines(
      r,
      townships,
      (township) => {
        const production = r.chance(0.3) ? numberCell(r, cropsHeader[4] === '产量(吨)' ? 5_000 : 5_000_000) : '';
        const cells = [township, r.pick(CROPS), numberCell(r, 3000), numberCell(r, 900), production];
        if (withLandUse) cells.push(r.pick(LAND_USES));
        if (withUptake) cells.push(r.chance(0.2) ? numberCell(r, 5) : '');
        return cells;
      },
      quoting,
    ),
  ]);
  const withFactor = r.chance(0.3);
  const livestock = write('livestock.csv', [
    ['township', 'species', 'stock', ...(withFactor ? ['pe_factor'] : [])].join(','),
    ...lines(
      r,
      townships,
      (township) => [township, r.pick(SPECIES), numberCell(r, 20_000), ...(withFactor ? [r.chance(0.2) ? r.pick(['1/3', '0.5', 'x']) : ''] : [])],
      quoting,
    ),
  ]);
  return { crops, livestock, note: `seed ${seed}: ${townships} townships, quoting ${quoting}, crlf ${crlf}, gbk ${gbk}, bom ${bom}` };
}

/** Everything loadDataset gives, as plain data to compare. */
function outcome(dataset: Dataset, log: ProblemLog, basis: 'N' | 'P' | 'both') {
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

/** Whether the crops file is read in parts, rather than again in one stream (see readInParallel). */
async function readsInParts(files: Files, parts: number): Promise<boolean> {
  const c = await loadCoefficients();
  const pool = new WorkerPool(parts);
  try {
    const options = { params: defaultParameters(c).values, strict: false, tally: new Tally(['N']), log: new ProblemLog(), pool, minBytes: 0, parts };
    return (await (await readInParallel(files.crops, 'crops', 'auto', options))?.merge()) !== undefined;
  } finally {
    await pool.close();
  }
}

async function load(files: Files, basis: 'N' | 'P' | 'both', parallel: LoadOptions['parallel']) {
  const c = await loadCoefficients();
  const params = { ...defaultParameters(c).values, basis };
  const log = new ProblemLog();
  const dataset = await loadDataset(files, params, c, log, { parallel });
  return outcome(dataset, log, basis);
}

describe('reading large files in parallel', () => {
  it('gives what one stream gives, on random files with bad cells, repeated rows, quotes and multi-line cells', async () => {
    let inParts = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom('N' as const, 'both' as const),
        async (seed, parts, basis) => {
          const files = writeDataset(seed);
          const single = await load(files, basis, false);
          const parallel = await load(files, basis, { minBytes: 0, parts });
          expect(parallel, files.note).toEqual(single);
          if (await readsInParts(files, parts)) inParts++;
        },
      ),
      { numRuns: 40 },
    );
    // Files with quotes, or with a name repeated across parts, are read in one stream: most are read in parts.
    expect(inParts).toBeGreaterThan(8);
  }, 120_000);

  it('splits a file without quotes into the parts asked for, and finds a repeated row across parts', async () => {
    const dir = tempDir('landcap-parallel-');
    const rows = Array.from({ length: 4000 }, (_, i) => `镇${String(Math.floor(i / 4)).padStart(4, '0')},${['小麦', '玉米', '水稻', '大豆'][i % 4]},10,400,`);
    // The last row repeats the first: they fall in different parts.
    rows.push('镇0000,小麦,5,400,');
    const crops = join(dir, 'crops.csv');
    writeFileSync(crops, ['township,crop,area_mu,yield_kg_per_mu,production_kg', ...rows].join('\n') + '\n');
    const livestock = join(dir, 'livestock.csv');
    writeFileSync(livestock, 'township,species,stock\n镇0000,生猪,100\n');
    const { planParts } = await import('../../src/parallel/plan.js');
    expect((await planParts(crops, 'utf-8', 3, 0))!.ranges).toHaveLength(3);
    // Read again in one stream, for the repeated row: the same problem, at the same place, the row not counted.
    expect(await readsInParts({ crops, livestock }, 3)).toBe(false);
    const parallel = await load({ crops, livestock }, 'N', { minBytes: 0, parts: 3 });
    expect(parallel.problems).toEqual([
      expect.objectContaining({ file: crops, line: 4002, column: 2, code: 'duplicate-row', args: { key: '镇0000 小麦', firstLine: 2 } }),
    ]);
    expect(parallel).toEqual(await load({ crops, livestock }, 'N', false));
    // Without it, read in parts, townships across part boundaries included.
    writeFileSync(crops, ['township,crop,area_mu,yield_kg_per_mu,production_kg', ...rows.slice(0, -1)].join('\n') + '\n');
    expect(await readsInParts({ crops, livestock }, 3)).toBe(true);
    expect(await load({ crops, livestock }, 'N', { minBytes: 0, parts: 3 })).toEqual(await load({ crops, livestock }, 'N', false));
  });
});
