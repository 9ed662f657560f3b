// The reports of the bundled samples, byte for byte as landcap wrote them before reading was made fast
// (tests/expected/, written by the release before the parallel reader), and a large file read in parallel
// against the same file read in one stream, through the real binary.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, landcap, tempDir } from '../helpers.js';

const C = 'data/samples/beipiao-county-2024';
const T = 'data/samples/beipiao-townships-2024';
const REPORT = ['report', '--format', 'json'];

const CASES: Record<string, string[]> = {
  county: [...REPORT, '--crops', `${C}/crops.csv`, '--livestock', `${C}/livestock.csv`],
  'county-params': [...REPORT, '--crops', `${C}/crops.csv`, '--livestock', `${C}/livestock.csv`, '--params', `${C}/params.json`],
  townships: [...REPORT, '--crops', `${T}/crops.csv`, '--livestock', `${T}/livestock.csv`, '--params', `${T}/params.json`],
  'townships-both': [...REPORT, '--basis', 'both', '--crops', `${T}/crops.csv`, '--livestock', `${T}/livestock.csv`],
  'townships-2030': [
    ...REPORT,
    '--crops',
    `${T}/crops.csv`,
    '--livestock',
    `${T}/livestock.csv`,
    '--params',
    `${T}/params.json`,
    '--scenario',
    `${T}/scenario-2030.json`,
  ],
};

describe('reports of the samples', () => {
  for (const [name, args] of Object.entries(CASES)) {
    it(`${name}: the same JSON as stored`, () => {
      const r = landcap(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(ROOT, 'tests/expected', `${name}.json`), 'utf8'));
    });
  }

  it('a national-size file: the same report read by worker threads as read in one stream', () => {
    // The townships sample, each township repeated as 镇 1 … 镇 200 of a province: about 3 MB, read in parts.
    const dir = tempDir();
    const [cropsHeader, ...crops] = readFileSync(join(ROOT, T, 'crops.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const [livestockHeader, ...livestock] = readFileSync(join(ROOT, T, 'livestock.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const copies = (rows: string[]) => Array.from({ length: 200 }, (_, k) => rows.map((row) => row.replace(/^([^,]+),/, `$1 ${k + 1},`))).flat();
    writeFileSync(join(dir, 'crops.csv'), [cropsHeader, ...copies(crops)].join('\n') + '\n');
    writeFileSync(join(dir, 'livestock.csv'), [livestockHeader, ...copies(livestock)].join('\n') + '\n');
    // Above the size from which a file is read in parts.
    expect(statSync(join(dir, 'crops.csv')).size).toBeGreaterThan(2 << 20);
    const args = [...REPORT, '--crops', join(dir, 'crops.csv'), '--livestock', join(dir, 'livestock.csv')];
    const parallel = landcap(args);
    const single = landcap(args, { env: { LANDCAP_THREADS: '1' } });
    expect(parallel.status).toBe(0);
    expect(JSON.parse(parallel.stdout).townships).toHaveLength(34 * 200);
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.stderr).toBe(single.stderr);
  });
});
