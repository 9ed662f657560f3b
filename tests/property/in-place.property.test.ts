// Clean lines read in place (CleanLine, CropReader.readClean, LivestockReader.readClean) against every line read as
// a Row: every sum, every count, every problem with its place and wording must be the same.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCoefficients } from '../../src/coefficients/load.js';
import { loadDataset } from '../../src/dataset/dataset.js';
import { defaultParameters } from '../../src/params/params.js';
import { ProblemLog } from '../../src/validate/problems.js';
import type { EncodingOption } from '../../src/io/csv.js';
import { tempDir } from '../helpers.js';
import { outcome, writeDataset, type Files } from './random-dataset.js';

async function load(files: Files, basis: 'N' | 'P' | 'both', inPlace: boolean, encoding: EncodingOption = 'auto') {
  const c = await loadCoefficients();
  const params = { ...defaultParameters(c).values, basis };
  const log = new ProblemLog();
  const dataset = await loadDataset(files, params, c, log, { parallel: false, inPlace, encoding });
  return outcome(dataset, log, basis);
}

describe('reading clean lines in place', () => {
  it('gives what reading every line as a row gives, on random files with bad cells, odd names and units', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom('N' as const, 'P' as const, 'both' as const), async (seed, basis) => {
        const files = writeDataset(seed);
        expect(await load(files, basis, true), files.note).toEqual(await load(files, basis, false));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('stops where every line read as a row stops, at bytes the encoding given does not decode', async () => {
    const dir = tempDir('landcap-in-place-');
    const rows = Array.from({ length: 2000 }, (_, i) => `镇${Math.floor(i / 4)},${['小麦', '玉米', '水稻', '大豆'][i % 4]},10,400,`);
    const gbk = iconv.encode(['township,crop,area_mu,yield_kg_per_mu,production_kg', ...rows].join('\n') + '\n', 'gb18030');
    const crops = join(dir, 'crops.csv');
    const livestock = join(dir, 'livestock.csv');
    writeFileSync(livestock, 'township,species,stock\n镇0,生猪,100\n');
    // GBK read as UTF-8: stopped at the first row.
    writeFileSync(crops, gbk);
    const asUtf8 = await load({ crops, livestock }, 'N', true, 'utf-8');
    expect(asUtf8.problems).toContainEqual(expect.objectContaining({ file: crops, line: 2, code: 'encoding-invalid' }));
    expect(asUtf8).toEqual(await load({ crops, livestock }, 'N', false, 'utf-8'));
    // GB18030 with a byte that is not on line 1502, and one in a comment on line 12 (comments are not read): the
    // rows before line 1502 are read, in place or not.
    const at = (row: number) => gbk.indexOf(Buffer.from(iconv.encode(`${rows[row]}\n`, 'gb18030')));
    const bad = Buffer.from([0xff]);
    const comment = Buffer.concat([Buffer.from('# '), bad, Buffer.from('\n')]);
    const damaged = Buffer.concat([gbk.subarray(0, at(10)), comment, gbk.subarray(at(10), at(1499)), bad, gbk.subarray(at(1499))]);
    writeFileSync(crops, damaged);
    const asGb = await load({ crops, livestock }, 'N', true, 'gb18030');
    expect(asGb.problems).toContainEqual(expect.objectContaining({ file: crops, line: 1502, code: 'encoding-invalid' }));
    expect(asGb.townships.reduce((n, t) => n + t.cropRows, 0)).toBe(1499);
    expect(asGb).toEqual(await load({ crops, livestock }, 'N', false, 'gb18030'));
  });
});
