// The package as a user gets it: `npm pack`, installed globally from the tarball into a fresh prefix, used from a
// folder outside the source tree — the command (`--version`, `report`, `--help`) and the library, imported by its
// name, running the README's example and giving the report the command gives.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
let dir: string;
let prefix: string;
let files: string[];

/** Runs a command in the user's folder, with an environment that points nowhere into the source tree. */
function run(command: string, args: string[]) {
  const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: dir, LANG: 'C.UTF-8', NO_COLOR: '1' };
  const r = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = tempDir('landcap-package-');
  prefix = join(dir, 'prefix');
  // dist/ is built by the test command before the tests run.
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = pack!.files.map((f) => f.path);
  const npmCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--cache', npmCache, join(dir, pack!.filename)],
    {
      cwd: dir,
      stdio: 'pipe',
    },
  );
}, 300_000);

describe('the package', () => {
  it('holds only what a user needs', () => {
    const top = new Set(files.map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'bin', 'data', 'dist', 'package.json', 'schemas']);
    expect(files).toEqual(expect.arrayContaining(['dist/api.js', 'dist/api.d.ts', 'dist/bundle/landcap.cjs', 'schemas/report.v1.schema.json']));
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('dist/cli/'))).toEqual([]);
  });

  it('installed from the tarball: --version, report on the bundled sample, --help', () => {
    const version = run('landcap', ['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
    const report = run('landcap', ['report']);
    expect(report.status, report.stderr).toBe(0);
    // The sample's county total (the plan's worked example: capacity 3,458,620.56 PE, stock 2,113,408 PE).
    expect(report.stdout).toMatch(/TOTAL.*2,113,408.*3,458,621/);
    const help = run('landcap', ['--help']);
    expect(help.status).toBe(0);
    for (const command of ['report', 'validate', 'explain', 'compare', 'farm', 'init', 'coefficients']) expect(help.stdout).toContain(command);
  });

  it('imported by its name, computes the report the command writes', () => {
    const script = join(prefix, 'lib', 'same-as-cli.mjs');
    writeFileSync(
      script,
      `import { computeReport, parameterSet, renderReport, sample } from 'landcap';
const files = sample();
const { report } = await computeReport(files, await parameterSet({ file: files.params }));
process.stdout.write(await renderReport(report, 'json'));
`,
    );
    const library = run('node', [script]);
    expect(library.status, library.stderr).toBe(0);
    const cli = run('landcap', ['report', '--format', 'json']);
    expect(library.stdout).toBe(cli.stdout);
    expect((JSON.parse(library.stdout) as { townships: unknown[] }).townships).toHaveLength(34);
  });

  it('runs the library example of docs/library.md', () => {
    const page = readFileSync(join(ROOT, 'docs', 'library.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(page)![1]!;
    const script = join(prefix, 'lib', 'readme-example.mjs');
    writeFileSync(script, example);
    const r = run('node', [script]);
    expect(r.status, r.stderr).toBe(0);
    const [total, , ...rest] = r.stdout.split('\n');
    // manure share 0.45 instead of the sample's 0.4: the capacity grows by 45/40.
    expect(Number(total!.split(' ')[0])).toBeCloseTo((3_458_620.56 * 0.45) / 0.4, 0);
    expect(r.stdout).toContain('| 城关街道 |');
    // 1000 亩 × 600 kg/亩 of maize: 600,000 kg × 2.3 kg N / 100 kg × 45% × 50% ÷ 25% ÷ 7 kg per PE.
    expect(Number(rest.filter(Boolean).at(-1))).toBeCloseTo((600_000 * 0.023 * 0.45 * 0.5) / 0.25 / 7, 6);
  });
});
