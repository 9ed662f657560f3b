import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, landcapBinary, runEnv, tempDir } from '../helpers.js';

// bin/landcap.js compiles the bundle with the code the build stored of it (bin/bundle.cjs): used when whole, left
// unused when damaged (V8 does not check it, and a damaged one would stop Node itself), the output the same.

const bundleDir = join(ROOT, 'dist/bundle');
const codeName = () => readdirSync(bundleDir).find((f) => /^landcap\.[0-9a-f]+\.cache$/.test(f))!;

/** Whether V8 took the stored code, as a separate Node process sees it. */
function codeTaken(bundle: string): string {
  const script = `const r = require(${JSON.stringify(join(ROOT, 'bin/bundle.cjs'))}).compileBundle(${JSON.stringify(bundle)}); process.stdout.write(String(r.script.cachedDataRejected))`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

/** A copy of the package whose stored code is `code` (and its bundle `bundle`): bin/ and dist/bundle/ copied, the rest linked. */
function packageWithCode(code: Buffer, bundle = readFileSync(join(bundleDir, 'landcap.cjs'))): string {
  const dir = tempDir('landcap-start-');
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist/bundle'), { recursive: true });
  writeFileSync(join(dir, 'dist/bundle/landcap.cjs'), bundle);
  writeFileSync(join(dir, 'dist/bundle', codeName()), code);
  for (const f of ['package.json', 'data', 'node_modules', 'dist/coefficients.json']) symlinkSync(join(ROOT, f), join(dir, f));
  return dir;
}

describe('start-up with the stored code', () => {
  it('the build stores the code of its bundle, and this Node takes it; the bundle runs strict, as its modules do', () => {
    expect(codeName()).toBeDefined();
    expect(codeTaken(join(bundleDir, 'landcap.cjs'))).toBe('false');
    expect(readFileSync(join(bundleDir, 'landcap.cjs'), 'utf8')).toMatch(/^'use strict';\n/);
  });

  it('a bundle edited since (the same length) runs as edited: the code stored of the old one is left unused', () => {
    const bundle = readFileSync(join(bundleDir, 'landcap.cjs'), 'utf8');
    expect(bundle).toContain('no input files given');
    const edited = Buffer.from(bundle.replace('no input files given', 'NO INPUT FILES GIVEN'), 'utf8');
    const dir = packageWithCode(readFileSync(join(bundleDir, codeName())), edited);
    expect(codeTaken(join(dir, 'dist/bundle/landcap.cjs'))).toBe('undefined');
    const r = spawnSync(process.execPath, [join(dir, 'bin/landcap.js'), 'report', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: runEnv() });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('NO INPUT FILES GIVEN');
  });

  it('a damaged stored code is left unused: the same report, exit 0, nothing on stderr but the sample note', () => {
    const expected = landcapBinary(['report', '--format', 'json']);
    expect(expected.status).toBe(0);
    const code = readFileSync(join(bundleDir, codeName()));
    for (const damage of [
      (b: Buffer) => b.fill(0x78, 5000, 5100), // bytes changed within
      (b: Buffer) => b.subarray(0, b.length >> 1), // cut short
      () => Buffer.alloc(0), // empty
    ]) {
      const dir = packageWithCode(damage(Buffer.from(code)));
      // Not taken (no code given: undefined), and the run as before.
      expect(codeTaken(join(dir, 'dist/bundle/landcap.cjs'))).toBe('undefined');
      const r = spawnSync(process.execPath, [join(dir, 'bin/landcap.js'), 'report', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: runEnv() });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
      expect(r.stderr).toBe(expected.stderr);
    }
  });

  it('a checkout not built (or being built): a message and exit 2, no stack trace', () => {
    const dir = tempDir('landcap-start-');
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    const r = spawnSync(process.execPath, [join(dir, 'bin/landcap.js'), 'report'], { cwd: dir, encoding: 'utf8', env: runEnv() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`landcap: ${join(dir, 'dist/bundle/landcap.cjs')} is missing: landcap is not built, or a build is under way (run npm run build in ${dir})\n`);
  });
});
