import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// The JSON reports of the samples, the scenario sample and a generated 10,000-township dataset (bases N, P, both; with
// and without soil) have the digests that commit 4c64e1b's reports have: the code's shape changes, its numbers do not.
it('the same numbers as commit 4c64e1b, byte for byte', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/same-numbers.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stdout).not.toContain('DIFFERENT');
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(r.stdout.match(/^same /gm)?.length).toBe(13);
}, 120_000);
