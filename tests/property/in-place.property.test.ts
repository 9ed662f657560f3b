// Clean lines read in place (CleanLine, CropReader.readClean, LivestockReader.readClean) against every line read as
// a Row: every sum, every count, every problem with its place and wording must be the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCoefficients } from '../../src/coefficients/load.js';
import { loadDataset } from '../../src/dataset/dataset.js';
import { defaultParameters } from '../../src/params/params.js';
import { ProblemLog } from '../../src/validate/problems.js';
import { outcome, writeDataset, type Files } from './random-dataset.js';

async function load(files: Files, basis: 'N' | 'P' | 'both', inPlace: boolean) {
  const c = await loadCoefficients();
  const params = { ...defaultParameters(c).values, basis };
  const log = new ProblemLog();
  const dataset = await loadDataset(files, params, c, log, { parallel: false, inPlace });
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
});
