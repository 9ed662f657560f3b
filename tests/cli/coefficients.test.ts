import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, landcap, tempDir } from '../helpers.js';

describe('landcap coefficients', () => {
  it('prints every table with provenance as JSON', () => {
    const r = landcap(['coefficients', '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      'crops',
      'crop-aliases',
      'species',
      'species-aliases',
      'groups',
      'fertilisation-shares',
      'soil-thresholds',
      'load-grades',
      'nutrients',
    ]);
    const maize = json.crops.find((c: { crop: string }) => c.crop === '玉米');
    expect(maize).toMatchObject({ n_uptake: 2.3, n_provenance: 'plan', p_uptake: 0.3, p_provenance: 'guide-unverified', land_use: '旱地' });
    expect(json.species.find((s: { species: string }) => s.species === '奶牛')).toMatchObject({ pe_factor: '100/15', provenance: 'plan' });
    for (const row of json.crops) expect(row.n_provenance).toMatch(/^(plan|lit|guide-unverified)$/);
    const alias = (table: string, name: string) => json[table].find((a: { alias: string }) => a.alias === name);
    expect(alias('crop-aliases', '稻谷')).toMatchObject({ crop: '水稻', relation: 'synonym', provenance: 'landcap' });
    expect(alias('crop-aliases', '早稻')).toMatchObject({ crop: '水稻', relation: 'member', provenance: 'landcap' });
    expect(alias('crop-aliases', '早稻').source).toContain('稻谷');
    expect(alias('crop-aliases', '花生')).toMatchObject({ crop: '油料', relation: 'member' });
    expect(alias('species-aliases', '鹅')).toMatchObject({ species: '家禽', relation: 'member' });
    expect(json.species.find((s: { species: string }) => s.species === '水牛')).toMatchObject({ pe_factor: null, one_of: '肉牛|奶牛' });
    expect(json.groups.find((g: { group: string }) => g.group === '大牲畜')).toMatchObject({ kind: 'species', members: '牛 肉牛 奶牛 水牛 黄牛 牦牛 马 驴 骡 骆驼' });
  });

  it('prints one table as CSV, Markdown and a terminal table', () => {
    const csv = landcap(['coefficients', '--table', 'species', '--format', 'csv']);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.species === '羊')).toMatchObject({ pe_factor: '100/250', pe_per_head: '0.4' });
    const md = landcap(['coefficients', '--table', 'load-grades', '--format', 'md']);
    expect(md.stdout).toContain('| IV | 1.5 | 较严重 | serious | published studies |');
    const table = landcap(['coefficients', '--table', 'fertilisation-shares']);
    expect(table.stdout).toMatch(/II\s+│ 0\.45\s+│ reference plan/);
    // In Chinese, the tables' names, their columns and the provenance are in Chinese; the data stays as it is.
    const zh = landcap(['--lang', 'zh', 'coefficients', '--table', 'load-grades', '--format', 'md']).stdout;
    expect(zh).toContain('### 负荷指数分级（data/coefficients/load-grades.csv）');
    expect(zh).toContain('| 分级 | 负荷指数上限 | 含义 | 来源类别 | 来源 |');
    expect(zh).toContain('| IV | 1.5 | 较严重 | 公开文献 |');
    expect(zh).not.toContain('serious');
  });

  it('rejects an unknown table with exit 2', () => {
    const r = landcap(['coefficients', '--table', 'cows']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("argument 'cows' is invalid");
  });

  it('start from the tables the build checked while the files are those, and read the files again once one is edited', () => {
    // A copy of the built package, whose stored tables say 9.9 for maize's N uptake (the file says 2.3).
    const pkg = tempDir('landcap-package-');
    for (const part of ['bin', 'dist', 'data', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const stored = join(pkg, 'dist', 'coefficients.json');
    const compiled = JSON.parse(readFileSync(stored, 'utf8')) as { coefficients: { crops: [string, { uptake: { N: { value: number } } }][] } };
    compiled.coefficients.crops.find(([name]) => name === '玉米')![1].uptake.N.value = 9.9;
    writeFileSync(stored, JSON.stringify(compiled));
    const maizeN = () => {
      const r = spawnSync(process.execPath, [join(pkg, 'bin', 'landcap.js'), 'coefficients', '--table', 'crops', '--format', 'json'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { crops: { crop: string; n_uptake: number }[] }).crops.find((c) => c.crop === '玉米')!.n_uptake;
    };
    expect(maizeN()).toBe(9.9);
    // The file edited: 2.3 → 2.4 is read from it.
    const crops = join(pkg, 'data', 'coefficients', 'crops.csv');
    writeFileSync(crops, readFileSync(crops, 'utf8').replace('玉米,maize,field,kg,旱地,2.3,', '玉米,maize,field,kg,旱地,2.4,'));
    expect(maizeN()).toBe(2.4);
  });
});
