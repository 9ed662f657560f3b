import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, landcap, landcapInProcess, tempDir, writeFiles } from '../helpers.js';

async function run(args: string[]) {
  const r = await landcapInProcess(args);
  expect(hasStackTrace(r.stderr)).toBe(false);
  return r;
}

async function reportJson(args: string[]) {
  const r = await run(['report', '--format', 'json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe('scenarios', () => {
  it('a +x% change of every stock row scales stockPe by (1 + x)', async () => {
    const dir = tempDir('landcap-scenario-');
    const base = await reportJson([]);
    await fc.assert(
      fc.asyncProperty(fc.double({ min: -100, max: 300, noNaN: true }), async (x) => {
        const file = join(dir, 'scenario.json');
        writeFileSync(file, JSON.stringify({ stock: [{ percent: x }] }));
        const scenario = await reportJson(['--scenario', file]);
        for (const [i, t] of scenario.townships.entries()) expect(relative(t.stockPe, base.townships[i].stockPe * (1 + x / 100))).toBeLessThan(1e-12);
        expect(relative(scenario.total.stockPe, base.total.stockPe * (1 + x / 100))).toBeLessThan(1e-12);
        // Capacity does not move with stock.
        expect(scenario.total.capacityPe).toBe(base.total.capacityPe);
      }),
      { numRuns: 30 },
    );
  });

  it('a scenario that changes nothing reproduces the baseline byte for byte', async () => {
    const noop = writeFiles({
      'empty.json': '{}',
      'zero.json': JSON.stringify({
        name: 'nothing',
        stock: [{ percent: 0 }, { species: '生猪', add: 0 }],
        crops: [{ percent: 0 }, { crop: '玉米', of: 'area', percent: 0 }],
      }),
    });
    for (const format of ['json', 'table', 'csv', 'md']) {
      const base = await run(['report', '--format', format, '--headroom', '--range']);
      for (const file of ['empty.json', 'zero.json']) {
        const scenario = await run(['report', '--format', format, '--headroom', '--range', '--scenario', join(noop, file)]);
        expect(scenario.status).toBe(0);
        expect(scenario.stdout).toBe(base.stdout);
      }
    }
  });

  it('applies parameter, stock and crop changes, and adds rows for new farms and crops', async () => {
    const dir = writeFiles({
      'crops.csv': 'township,crop,area_mu,yield_kg_per_mu,production_kg\n甲镇,玉米,1000,500,\n甲镇,小麦,,,100000\n',
      'livestock.csv': 'township,species,stock\n甲镇,生猪,1000\n',
      'scenario.json': JSON.stringify({
        name: '2030',
        parameters: { manureShare: 0.4 },
        stock: [
          { township: '甲镇', species: '猪', percent: 10 },
          { township: '甲镇', species: '奶牛', add: 150 },
        ],
        crops: [
          { crop: '玉米', of: 'area', add: 500 },
          { township: '甲镇', crop: '大豆', set: 20000 },
        ],
      }),
    });
    const args = ['--crops', join(dir, 'crops.csv'), '--livestock', join(dir, 'livestock.csv')];
    const r = await reportJson([...args, '--scenario', join(dir, 'scenario.json')]);
    const t = r.townships[0];
    // Stock: 1,000 × 1.1 pigs + 150 dairy cows × 100/15.
    expect(t.stockPe).toBeCloseTo(1_100 + 1_000, 9);
    // Crop N: maize on 1,500 亩 × 500 kg, wheat 100,000 kg, soybean 20,000 kg.
    expect(t.nutrients.N.cropDemandKg).toBeCloseTo((750_000 * 2.3 + 100_000 * 3 + 20_000 * 7.2) / 100, 6);
    expect(t.nutrients.N.manureDemandKg).toBeCloseTo((t.nutrients.N.cropDemandKg * 0.45 * 0.4) / 0.25, 6);
    expect(r.parameterSources.manureShare).toEqual({ from: 'file', file: join(dir, 'scenario.json') });
    // Flags still win over the scenario.
    const flagged = await reportJson([...args, '--scenario', join(dir, 'scenario.json'), '--set', 'manureShare=0.5']);
    expect(flagged.parameters.manureShare).toBe(0.5);
    expect(flagged.parameterSources.manureShare).toEqual({ from: 'flag', flag: '--set manureShare' });
  });

  it('a change naming a township no file lists is an error with the likeliest township, not a township of its own', () => {
    const dir = writeFiles({
      'crops.csv': '乡镇,作物,产量(吨)\n拉堡镇,玉米,2000\n进德镇,玉米,1500\n',
      'livestock.csv': '乡镇,畜种,存栏量(头)\n拉堡镇,生猪,1000\n进德镇,生猪,800\n',
      'scenario.json': JSON.stringify({ stock: [{ township: '拉堡', species: '肉牛', add: 100 }, { township: '进德镇', species: '肉牛', add: 50 }] }),
    });
    const args = ['report', '--crops', join(dir, 'crops.csv'), '--livestock', join(dir, 'livestock.csv'), '--scenario', join(dir, 'scenario.json')];
    const r = landcap(args);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'scenario.json')}:0:0: error scenario-township-unknown the scenario names township "拉堡", which no input file lists (hint: is it "拉堡镇"?`);
    // 进德镇's new farm is a change the files' township takes: no error of its own.
    expect(r.stderr.match(/scenario-township-unknown/g)).toHaveLength(1);
    expect(landcap([...args, '--lang', 'zh']).stderr).toContain('情景文件中的乡镇“拉堡”在各输入文件中都没有');
  });

  it('--set takes every parameter by name or flag name', async () => {
    const a = await reportJson(['--set', 'manureShare=0.45', '--set', 'n-use-rate=28%', '--set', 'soilGrade=I', '--set', 'stockRatio=生猪=0.5']);
    const b = await reportJson(['--manure-share', '0.45', '--n-use-rate', '0.28', '--soil-grade', 'I', '--stock-ratio', '生猪=0.5']);
    expect(a.townships).toEqual(b.townships);
    expect(a.parameters).toEqual(b.parameters);
    const bad = await run(['report', '--set', 'colour=red']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--set: "colour=red" is not name=value with a parameter name');
  });

  it('rejects a bad scenario file with its place in the file (exit 2)', async () => {
    const dir = writeFiles({
      'two.json': JSON.stringify({ stock: [{ species: '生猪', percent: 5, add: 3 }] }),
      'species.json': JSON.stringify({ stock: [{ species: '生诸', percent: 5 }] }),
      'key.json': JSON.stringify({ stocks: [] }),
      'json.json': '{ stock: ',
      'below.json': JSON.stringify({ stock: [{ species: '生猪', add: -1e9 }] }),
      'area.json': JSON.stringify({ crops: [{ crop: '人工林地', of: 'area', add: 5 }] }),
    });
    const expectations: [string, string][] = [
      ['two.json', 'stock[0]: give exactly one of percent, add, set'],
      ['species.json', 'stock[0].species: unknown species "生诸" (did you mean "生猪"?)'],
      ['key.json', 'unknown key(s) stocks'],
      ['json.json', 'not valid JSON'],
      ['below.json', 'stock[0]: takes 生猪 in 城关街道 below zero'],
    ];
    for (const [file, message] of expectations) {
      const r = await run(['report', '--scenario', join(dir, file)]);
      expect(r.status, file).toBe(2);
      expect(r.stderr).toContain(`${join(dir, file)}: ${message}`);
    }
    const area = await run(['report', '--sample', 'beipiao-county-2024', '--scenario', join(dir, 'area.json')]);
    expect(area.status).toBe(0);
    const forest = await run([
      'report',
      '--crops',
      'tests/fixtures/bad/measure.csv',
      '--livestock',
      'tests/fixtures/good/livestock.csv',
      '--scenario',
      join(dir, 'area.json'),
    ]);
    expect(forest.status).toBe(1);
  });
});

describe('landcap compare', () => {
  it('prints the differences township by township between two report files', async () => {
    const dir = writeFiles({ 'scenario.json': JSON.stringify({ name: 'more pigs', stock: [{ township: '城关街道', species: '生猪', add: 5000 }] }) });
    const base = landcap(['report', '--format', 'json', '--output', join(dir, 'base.json')]);
    const scen = landcap(['report', '--format', 'json', '--scenario', join(dir, 'scenario.json'), '--output', join(dir, 'more.json')]);
    expect(base.status + scen.status).toBe(0);
    const r = landcap(['compare', join(dir, 'base.json'), join(dir, 'more.json'), '--format', 'json']);
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout);
    const changed = c.townships.filter((t: { change: { stockPe: number } }) => t.change.stockPe !== 0);
    expect(changed.map((t: { name: string }) => t.name)).toEqual(['城关街道']);
    expect(changed[0].change.stockPe).toBeCloseTo(5_000, 9);
    expect(changed[0].change.headroomPe).toBeCloseTo(-5_000, 9);
    expect(c.total.change.stockPe).toBeCloseTo(5_000, 9);
    // The same, from the scenario directly: two runs on the same inputs.
    const direct = landcap(['compare', '--scenario', join(dir, 'scenario.json'), '--format', 'json']);
    expect(JSON.parse(direct.stdout).townships.map((t: { change: unknown }) => t.change)).toEqual(c.townships.map((t: { change: unknown }) => t.change));
    const table = landcap(['compare', join(dir, 'base.json'), join(dir, 'more.json')]);
    expect(table.stdout).toContain('城关街道');
    expect(table.stdout).toMatch(/\+5,000/);
    expect(table.stderr).toBe('');
    // A report of another basis: compared, with a warning that the capacities are not of one measure.
    expect(landcap(['report', '--format', 'json', '--basis', 'P', '--output', join(dir, 'p.json')]).status).toBe(0);
    const mixed = landcap(['compare', join(dir, 'base.json'), join(dir, 'p.json')]);
    expect(mixed.status).toBe(0);
    expect(mixed.stderr).toContain(`warning: ${join(dir, 'base.json')} is on the nitrogen basis, ${join(dir, 'p.json')} on the phosphorus basis`);
  });

  it('refuses files that are not reports, and a wrong number of arguments (exit 2)', () => {
    const dir = writeFiles({ 'x.json': '{"a":1}' });
    const r = landcap(['compare', join(dir, 'x.json'), join(dir, 'x.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a landcap report');
    expect(landcap(['compare', join(dir, 'x.json')]).status).toBe(2);
    expect(landcap(['compare', join(dir, 'missing.json'), join(dir, 'x.json')]).status).toBe(2);
    expect(readFileSync(join(dir, 'x.json'), 'utf8')).toBe('{"a":1}');
  });
});
