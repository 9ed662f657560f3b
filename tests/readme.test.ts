import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, landcap, tempDir } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```console\n\$ landcap([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1]!.trim().split(/\s+/), shown: m[2]! }));

describe('the README', () => {
  it('has worked examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  for (const { args, shown } of examples) {
    it(`shows the real output of landcap ${args.join(' ')}`, () => {
      const cwd = args[0] === 'init' ? tempDir() : ROOT;
      const r = landcap(args, { cwd, env: { NO_COLOR: '1' } });
      expect(`${r.stderr}${r.stdout}`.trimEnd()).toBe(shown.trimEnd());
    });
  }

  it('quick start is the two commands', () => {
    expect(readme).toContain('```sh\nnpm install && npx landcap report\nnpm test\n```');
  });

  it('shows CSV examples that landcap reads without errors', () => {
    for (const [, csv] of readme.matchAll(/```csv\n([\s\S]*?)```/g)) {
      const dir = tempDir();
      const file = join(dir, 'example.csv');
      writeFileSync(file, csv!);
      const r = landcap(['validate', file]);
      expect(r.status, `${csv}\n${r.stderr}`).toBe(0);
    }
  });
});
