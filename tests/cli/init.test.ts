import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { landcap, tempDir } from '../helpers.js';

describe('landcap init', () => {
  it('writes templates in both header styles that validate, and work once filled in', () => {
    const dir = join(tempDir(), 'new');
    const r = landcap(['init', dir]);
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'crops.csv',
      'crops.zh.csv',
      'livestock.csv',
      'livestock.zh.csv',
      'local.csv',
      'local.zh.csv',
      'params.json',
      'soil.csv',
      'soil.zh.csv',
    ]);
    expect(readFileSync(join(dir, 'crops.zh.csv'), 'utf8')).toMatch(/^\uFEFF# /);
    const empty = landcap(['validate', '--format', 'json', ...['crops', 'livestock', 'soil'].map((k) => join(dir, `${k}.csv`))]);
    expect(empty.status).toBe(0);
    // The header is line 3, after two comment lines; the example row is a comment too.
    expect(JSON.parse(empty.stdout).warnings.map((w: { code: string; line: number }) => [w.code, w.line])).toEqual([
      ['file-no-rows', 3],
      ['file-no-rows', 3],
      ['file-no-rows', 3],
    ]);
    // Uncomment the example rows: the English and Chinese templates give the same report.
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').replace(/^# 城关街道/m, '城关街道'));
    }
    const run = (suffix: string) =>
      landcap([
        'report',
        '--format',
        'json',
        '--params',
        join(dir, 'params.json'),
        ...['crops', 'livestock', 'soil'].flatMap((k) => [`--${k}`, join(dir, `${k}${suffix}.csv`)]),
      ]);
    const en = run('');
    const zh = run('.zh');
    expect(en.status, en.stderr).toBe(0);
    expect(zh.status, zh.stderr).toBe(0);
    expect(JSON.parse(zh.stdout).townships).toEqual(JSON.parse(en.stdout).townships);
    expect(JSON.parse(en.stdout).townships[0].name).toBe('城关街道');
    // The local dictionaries' example rows, uncommented, are read as they say, in either header style.
    for (const suffix of ['', '.zh']) {
      const local = join(dir, `local${suffix}.csv`);
      writeFileSync(local, readFileSync(local, 'utf8').replace(/^# (水牛|木薯)/gm, '$1'));
      // The template's source to fill in is no source.
      const unfilled = landcap(['validate', local]);
      expect(unfilled.status).toBe(1);
      expect(unfilled.stderr).toContain(`${local}:5:8: error local-source-missing "木薯" has no source`);
      writeFileSync(local, readFileSync(local, 'utf8').replace(/,"?[（(][^\n]*$/m, ',县农业技术推广站 2024 年木薯养分测定'));
      const listing = landcap(['coefficients', '--local', local, '--table', 'species-aliases', '--format', 'json']);
      expect(listing.status, listing.stderr).toBe(0);
      expect(JSON.parse(listing.stdout)['species-aliases']).toContainEqual(expect.objectContaining({ alias: '水牛', species: '肉牛', provenance: 'local' }));
    }
  });

  it('does not overwrite without --force (exit 2)', () => {
    const dir = tempDir();
    expect(landcap(['init', dir]).status).toBe(0);
    const again = landcap(['init', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('(--force to overwrite)');
    expect(landcap(['init', dir, '--force']).status).toBe(0);
  });

  it('makes the folder and its missing parents; a folder the system cannot hold is an I/O error (exit 2), not a hang', () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    expect(landcap(['init', dir]).status).toBe(0);
    expect(readdirSync(dir)).toContain('crops.csv');
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    const under = landcap(['init', join(file, 'sub')]);
    expect(under.status).toBe(2);
    expect(under.stderr).toContain('no such folder, or not a folder');
    // procfs answers ENOENT for a new folder, on which Node's recursive mkdir loops for ever.
    if (process.platform === 'linux') {
      const proc = landcap(['init', '/proc/landcap-init-test'], { timeoutMs: 20_000 });
      expect(proc.status).toBe(2);
      expect(proc.stderr).toBe('landcap: /proc/landcap-init-test: no such folder, or not a folder\n');
    }
  });
});
