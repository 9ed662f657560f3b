import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, landcap, tempDir } from './helpers.js';

/** The README and the docs: each console example shows the real output, each CSV example is read without an error. */
const pages = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the README', () => {
  it('is short, and quick start is the two commands', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    expect(readme).toContain('```sh\nnpm install && npx landcap report\nnpm test\n```');
  });

  it('refers to no document outside the repository', () => {
    for (const page of pages) expect(readFileSync(join(ROOT, page), 'utf8'), page).not.toMatch(/\.\.\/shared|METHOD\.md|CONTRACT\.md|DESIGN\.md/);
  });
});

for (const page of pages) {
  const text = readFileSync(join(ROOT, page), 'utf8');
  const examples = [...text.matchAll(/```console\n\$ landcap([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1]!.trim().split(/\s+/), shown: m[2]! }));
  const csvs = [...text.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]!);
  if (examples.length === 0 && csvs.length === 0) continue;
  describe(page, () => {
    for (const { args, shown } of examples) {
      it(`shows the real output of landcap ${args.join(' ')}`, () => {
        const cwd = args[0] === 'init' ? tempDir() : ROOT;
        const r = landcap(args, { cwd, env: { NO_COLOR: '1' } });
        expect(`${r.stderr}${r.stdout}`.trimEnd()).toBe(shown.trimEnd());
      });
    }
    if (csvs.length > 0)
      it('shows CSV examples that landcap reads without errors', () => {
        for (const csv of csvs) {
          const file = join(tempDir(), 'example.csv');
          writeFileSync(file, csv);
          const r = landcap(['validate', file]);
          expect(r.status, `${csv}\n${r.stderr}`).toBe(0);
        }
      });
  });
}
