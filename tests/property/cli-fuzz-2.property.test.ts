import fc from 'fast-check';
import { describe, it } from 'vitest';
import { landcap, landcapInProcess, tempDir } from '../helpers.js';
import { check, prepare, run } from './cli-fuzz.js';

// No input makes the CLI fail badly: 10,000 random and mutated inputs in all, in two files that run side by side
// (this is half 2 of them), and a few dozen through the real binary.
describe('no input makes the CLI fail badly (2 of 2)', () => {
  it('5,000 random and mutated inputs to the main function', async () => {
    const dir = tempDir('landcap-fuzz-');
    await fc.assert(
      fc.asyncProperty(run, async (r) => {
        const args = prepare(dir, r);
        check(dir, args, r, await landcapInProcess(args));
      }),
      { numRuns: 5_000 },
    );
  }, 600_000);

  it('20 through the real binary', () => {
    const dir = tempDir('landcap-fuzz-bin-');
    fc.assert(
      fc.property(run, (r) => {
        const args = prepare(dir, r);
        check(dir, args, r, landcap(args));
      }),
      { numRuns: 20 },
    );
  }, 600_000);
});
