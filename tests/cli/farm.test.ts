import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, landcap, landcapInProcess, writeFiles } from '../helpers.js';

async function farm(args: string[]) {
  const r = await landcapInProcess(['farm', '--format', 'json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

// Wheat 400 + maize 600 kg/亩 a year: N uptake 4 × 3.0 + 6 × 2.3 = 25.8 kg/亩, P 4 × 1.0 + 6 × 0.3 = 5.8 kg/亩.
// Grade II (FS 0.45), manure share 0.5: d(N) = 25.8 × 0.45 × 0.5 ÷ 0.25 = 23.22, d(P) = 5.8 × 0.45 × 0.5 ÷ 0.30 = 4.35 kg/亩.
const ROTATION = ['--crop', '小麦=400', '--crop', '玉米=600', '--manure-share', '0.5', '--soil-grade', 'II'];

describe('landcap farm', () => {
  it('a pig farm: 1,000 pigs supply 7,000 kg N and 1,200 kg P; N needs the more land', async () => {
    const f = await farm(['--stock', '生猪=1000', ...ROTATION]);
    expect(f.nutrients.N.supplyKg).toBeCloseTo(7_000, 9);
    expect(f.nutrients.P.supplyKg).toBeCloseTo(1_200, 9);
    expect(f.nutrients.N.demandPerMuKg).toBeCloseTo(23.22, 12);
    expect(f.nutrients.P.demandPerMuKg).toBeCloseTo(4.35, 12);
    expect(f.nutrients.N.landMu).toBeCloseTo(7_000 / 23.22, 9);
    expect(f.nutrients.P.landMu).toBeCloseTo(1_200 / 4.35, 9);
    expect(f.limitingNutrient).toBe('N');
    expect(f.landMu).toBeCloseTo(301.4642549, 6);
    expect(f.landHa).toBeCloseTo(301.4642549 / 15, 6);
  });

  it('the same farm selling its composted solids: only the liquid part, N 50% and P 20%', async () => {
    const f = await farm(['--stock', '生猪=1000', ...ROTATION, '--solids-sold']);
    expect(f.nutrients.N.supplyKg).toBeCloseTo(3_500, 9);
    expect(f.nutrients.P.supplyKg).toBeCloseTo(240, 9);
    expect(f.nutrients.N.landMu).toBeCloseTo(3_500 / 23.22, 9);
    expect(f.nutrients.P.landMu).toBeCloseTo(240 / 4.35, 9);
    expect(f.animals[0].liquidShare).toEqual({ N: 0.5, P: expect.closeTo(0.2, 12) });
  });

  it('a mixed dairy and poultry farm: 300 dairy cows and 50,000 layers are 4,000 PE', async () => {
    const f = await farm(['--stock', '奶牛=300', '--stock', '蛋鸡=50000', ...ROTATION]);
    expect(f.animals.map((a: { pe: number }) => a.pe)).toEqual([2_000, 2_000]);
    expect(f.nutrients.N.supplyKg).toBeCloseTo(28_000, 9);
    expect(f.nutrients.P.supplyKg).toBeCloseTo(4_800, 9);
    expect(f.nutrients.N.landMu).toBeCloseTo(28_000 / 23.22, 9);
    expect(f.nutrients.P.landMu).toBeCloseTo(4_800 / 4.35, 9);
    // Solids sold: the cows' liquid part only (N 50%, P 20%); poultry manure is all solid.
    const sold = await farm(['--stock', '奶牛=300', '--stock', '蛋鸡=50000', ...ROTATION, '--solids-sold']);
    expect(sold.nutrients.N.supplyKg).toBeCloseTo(7_000, 9);
    expect(sold.nutrients.P.supplyKg).toBeCloseTo(480, 9);
    expect(sold.animals[1].supplyKg).toEqual({ N: 0, P: 0 });
  });

  it('takes a retention, a local species with its factor, a local crop with its uptake, and a livestock file', async () => {
    // 1,200 rabbits at 0.15 PE = 180 PE; N retention 0.5: 180 × 11 × 0.5 = 990 kg N.
    // 藜麦 200 kg/亩 at 2.5 kg N per 100 kg: 5 kg/亩 × 0.45 × 0.5 ÷ 0.25 = 4.5 kg/亩 → 220 亩.
    const f = await farm(['--stock', '兔=1200:0.15', '--crop', '藜麦=200:2.5:0.4', '--n-retention', '0.5', '--manure-share', '0.5']);
    expect(f.nutrients.N.supplyKg).toBeCloseTo(990, 9);
    expect(f.nutrients.N.landMu).toBeCloseTo(220, 9);
    const dir = writeFiles({ 'farm.csv': '畜种,存栏量,猪当量系数\n生猪,600,\n山羊,1000,\n' });
    const fromFile = await farm(['--livestock', join(dir, 'farm.csv'), ...ROTATION]);
    // 600 pigs + 1,000 goats × 0.4 = 1,000 PE, as the pig farm above.
    expect(fromFile.nutrients.N.supplyKg).toBeCloseTo(7_000, 9);
    expect(fromFile.animals[1]).toMatchObject({ species: '羊', from: `${join(dir, 'farm.csv')}:3` });
  });

  it('prints the steps as text and Markdown', () => {
    const r = landcap(['farm', '--stock', '生猪=1000', ...ROTATION]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('F(N) = Σ PE × 11 kg × 7/11 (default: supply per PE ÷ excretion per PE) = 7,000.00 kg');
    expect(r.stdout).toContain('d(N) = 25.80 × FS 45% (soil grade II) × MS 50% ÷ UR 25% = 23.22 kg/亩');
    expect(r.stdout).toContain('the farm needs 301.46 亩 (20.10 公顷) of this rotation; N is the limiting nutrient');
    const md = landcap(['farm', '--stock', '生猪=1000', ...ROTATION, '--format', 'md', '--lang', 'zh']);
    expect(md.stdout).toContain('## 规模养殖场配套土地面积');
    expect(md.stdout).toContain('| 小麦 | 400.00 kg |');
  });

  it('bad input: located or named, exit 1 or 2, no stack trace', () => {
    const cases: [string[], number, string][] = [
      [['--stock', '生诸=100', '--crop', '小麦=400'], 2, 'unknown species "生诸" (did you mean "生猪"?)'],
      [['--stock', '马=10', '--crop', '小麦=400'], 2, 'the guide gives no pig-equivalent factor for 马'],
      [['--stock', '生猪=lots', '--crop', '小麦=400'], 2, '"生猪=lots" is not SPECIES=HEAD'],
      [['--stock', '生猪=0', '--crop', '小麦=400'], 2, '"生猪=0" is not SPECIES=HEAD or SPECIES=HEAD:PE_FACTOR (HEAD and PE_FACTOR above 0)'],
      [['--stock', '生猪=10', '--crop', '小麦=0'], 2, '(numbers above 0; yield in kg per 亩)'],
      [['--stock', '生猪=100'], 2, 'give the rotation'],
      [['--crop', '小麦=400'], 2, 'give the farm stock'],
      [['--stock', '生猪=100', '--crop', '小卖=400'], 2, 'unknown crop "小卖" (did you mean "小麦"?)'],
      // A yield in 吨 per 亩: said so, with no header to rewrite (it is an option).
      [['--stock', '生猪=100', '--crop', '甘蔗=5'], 2, 'is the yield in 吨 per 亩? In kg that is 5,000 per 亩'],
      [['--stock', '兔=100:0.15', '--crop', '小麦=400', '--solids-sold'], 2, 'no solid-manure share is known for 兔'],
      [['--stock', '生猪=100', '--crop', '小麦=400', '--n-retention', '2'], 2, '--n-retention: must be a share'],
      [['--livestock', 'tests/fixtures/bad/livestock-problems.csv', '--crop', '小麦=400'], 1, 'livestock-problems.csv:2:2: error species-unknown'],
    ];
    for (const [args, status, message] of cases) {
      const r = landcap(['farm', ...args]);
      expect(r.status, args.join(' ')).toBe(status);
      expect(r.stderr).toContain(message);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });
});
