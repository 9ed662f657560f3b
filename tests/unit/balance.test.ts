import { describe, expect, it } from 'vitest';
import { chainConstants } from '../../src/coefficients/coefficients.js';
import { loadCoefficients } from '../../src/coefficients/load.js';
import { defaultParameters, type Parameters } from '../../src/params/params.js';
import { totalBalance, townshipBalance } from '../../src/method/balance.js';

const c = await loadCoefficients();
const k = chainConstants(c);
const params = (over: Partial<Parameters>): Parameters => ({ ...defaultParameters(c).values, ...over });

describe('township balance', () => {
  it('follows the N chain by hand', () => {
    // Crop N 10,000 kg on grade II and 2,000 kg on grade I; MS 0.5, UR 0.25; 7 kg N per PE; stock 3,000 PE.
    // Fertilised: 10,000 × 0.45 + 2,000 × 0.35 = 5,200; manure demand 5,200 × 0.5 ÷ 0.25 = 10,400 kg; capacity 10,400 ÷ 7.
    const b = townshipBalance('甲镇', { N: { I: 2_000, II: 10_000, III: 0 } }, 3_000, params({ basis: 'N' }), k);
    expect(b.nutrients.N).toEqual({ cropDemandKg: 12_000, manureDemandKg: 10_400, supplyPerPeKg: 7, capacityPe: 10_400 / 7 });
    expect(b.capacityPe).toBeCloseTo(1_485.714285714, 8);
    expect(b.headroomPe).toBeCloseTo(1_485.714285714 - 3_000, 8);
    expect(b.loadIndex).toBeCloseTo(3_000 / 1_485.714285714, 9);
    expect(b.grade).toBe('V'); // 2.019
    expect(b.status).toBe('overloaded');
    expect(b.nutrients.P).toBeUndefined();
  });

  it('follows the P chain by hand', () => {
    // Crop P 1,500 kg on grade III; MS 0.4, UR 0.30; 1.2 kg P per PE: 1,500 × 0.55 × 0.4 ÷ 0.3 = 1,100 kg → 916.67 PE.
    const b = townshipBalance('乙乡', { P: { I: 0, II: 0, III: 1_500 } }, 500, params({ basis: 'P', manureShare: 0.4 }), k);
    expect(b.nutrients.P!.manureDemandKg).toBeCloseTo(1_100, 9);
    expect(b.capacityPe).toBeCloseTo(916.6666667, 6);
    expect(b.loadIndex).toBeCloseTo(500 / 916.6666667, 8);
    expect(b.status).toBe('ok');
    expect(b.grade).toBe('II');
  });

  it('takes the smaller capacity with basis both, and names the limiting nutrient', () => {
    // N: 7,000 × 0.45 × 0.5 ÷ 0.25 = 6,300 kg → 900 PE.  P: 1,000 × 0.45 × 0.5 ÷ 0.3 = 750 kg → 625 PE.
    const b = townshipBalance('丙镇', { N: { I: 0, II: 7_000, III: 0 }, P: { I: 0, II: 1_000, III: 0 } }, 600, params({ basis: 'both' }), k);
    expect(b.nutrients.N!.capacityPe).toBeCloseTo(900, 9);
    expect(b.nutrients.P!.capacityPe).toBeCloseTo(625, 9);
    expect(b.capacityPe).toBe(b.nutrients.P!.capacityPe);
    expect(b.limitingNutrient).toBe('P');
    expect(b.status).toBe('warning'); // 600 / 625 = 0.96
  });

  it('marks stock without land as no-land', () => {
    const b = townshipBalance('丁镇', {}, 100, params({}), k);
    expect(b).toMatchObject({ capacityPe: 0, loadIndex: null, grade: null, status: 'no-land', headroomPe: -100 });
  });
});

describe('total balance', () => {
  it('sums the townships; with both, the smaller capacity of each', () => {
    const p = params({ basis: 'both' });
    const a = townshipBalance('甲', { N: { I: 0, II: 7_000, III: 0 }, P: { I: 0, II: 1_000, III: 0 } }, 600, p, k); // N 900, P 625
    const b = townshipBalance('乙', { N: { I: 0, II: 700, III: 0 }, P: { I: 0, II: 1_000, III: 0 } }, 50, p, k); // N 90, P 625
    const total = totalBalance('TOTAL', [a, b], p, k);
    expect(total.capacityPe).toBeCloseTo(625 + 90, 9);
    expect(total.nutrients.N!.capacityPe).toBeCloseTo(990, 9);
    expect(total.nutrients.P!.capacityPe).toBeCloseTo(1_250, 9);
    expect(total.stockPe).toBe(650);
    expect(total.loadIndex).toBeCloseTo(650 / 715, 12);
    expect(total.status).toBe('warning');
  });
});
