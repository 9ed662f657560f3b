import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { landcap } from '../helpers.js';

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
      'fertilisation-shares',
      'soil-thresholds',
      'load-grades',
      'nutrients',
    ]);
    const maize = json.crops.find((c: { crop: string }) => c.crop === '玉米');
    expect(maize).toMatchObject({ n_uptake: 2.3, n_provenance: 'plan', p_uptake: 0.3, p_provenance: 'guide-unverified', land_use: '旱地' });
    expect(json.species.find((s: { species: string }) => s.species === '奶牛')).toMatchObject({ pe_factor: '100/15', provenance: 'plan' });
    for (const row of json.crops) expect(row.n_provenance).toMatch(/^(plan|lit|guide-unverified)$/);
    expect(json['crop-aliases']).toContainEqual({ alias: '稻谷', crop: '水稻', relation: 'synonym' });
    expect(json['crop-aliases']).toContainEqual({ alias: '花生', crop: '油料', relation: 'member' });
    expect(json['species-aliases']).toContainEqual({ alias: '鹅', species: '家禽', relation: 'member' });
  });

  it('prints one table as CSV, Markdown and a terminal table', () => {
    const csv = landcap(['coefficients', '--table', 'species', '--format', 'csv']);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.species === '羊')).toMatchObject({ pe_factor: '100/250', pe_per_head: '0.4' });
    const md = landcap(['coefficients', '--table', 'load-grades', '--format', 'md']);
    expect(md.stdout).toContain('| IV | 1.5 | 较严重 | serious | lit |');
    const table = landcap(['coefficients', '--table', 'fertilisation-shares']);
    expect(table.stdout).toMatch(/II\s+│ 0\.45\s+│ plan/);
  });

  it('rejects an unknown table with exit 2', () => {
    const r = landcap(['coefficients', '--table', 'cows']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("argument 'cows' is invalid");
  });
});
