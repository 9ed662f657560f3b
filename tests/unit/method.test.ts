import { describe, expect, it } from 'vitest';
import { capacityPe, headroomPe, loadIndex } from '../../src/method/capacity.js';
import { cropNutrientDemandKg } from '../../src/method/crop-demand.js';
import { fertilisedDemandKg, manureDemandFromFertilisedKg } from '../../src/method/manure-demand.js';
import { headFromPigEquivalents, parseFraction, pigEquivalents, stockFromSlaughter } from '../../src/method/pig-equivalent.js';
import { productionFromAreaAndYield, relativeDifference } from '../../src/method/production.js';
import { soilGradeOfMeasurement, resolveSoilGrade } from '../../src/method/soil-grade.js';
import { balanceStatus, loadGrade } from '../../src/method/load-grade.js';

describe('crop nutrient demand', () => {
  it('is production ÷ 100 × uptake for crops counted in kg (N and P)', () => {
    // 小麦: 880,000 kg × 3.0 kg N / 100 kg = 26,400 kg N (reference plan table 3-2); P 1.0 → 8,800 kg.
    expect(cropNutrientDemandKg(880_000, 3.0, 'kg')).toBe(26_400);
    expect(cropNutrientDemandKg(880_000, 1.0, 'kg')).toBe(8_800);
    // 番茄: 345,095,000 × 0.33 / 100 = 1,138,813.5 (table 3-2).
    expect(cropNutrientDemandKg(345_095_000, 0.33, 'kg')).toBeCloseTo(1_138_813.5, 6);
  });
  it('is m³ × uptake per m³ for plantation forest', () => {
    // 人工林地: 5,310,867.94 m³ × 2.90 = 15,401,517.026 (table 3-2 prints 15,401,517.02).
    expect(cropNutrientDemandKg(5_310_867.94, 2.9, 'm3')).toBeCloseTo(15_401_517.026, 4);
  });
});

describe('production', () => {
  it('multiplies area and yield in matching units', () => {
    expect(productionFromAreaAndYield(1_250_000, 'mu', 544, 'mu')).toBe(680_000_000);
    expect(productionFromAreaAndYield(10, 'ha', 7_500, 'ha')).toBe(75_000);
  });
  it('converts between 亩 and 公顷 with 15 亩 = 1 公顷', () => {
    // 3,186,520.76 亩 × 25 m³/公顷 = 5,310,867.93 m³ (table 3-1: 5,310,867.94).
    expect(productionFromAreaAndYield(3_186_520.76, 'mu', 25, 'ha')).toBeCloseTo(5_310_867.933, 3);
    // 2 公顷 × 500 kg/亩 = 30 亩 × 500 = 15,000 kg.
    expect(productionFromAreaAndYield(2, 'ha', 500, 'mu')).toBe(15_000);
  });
  it('measures relative difference against the larger value', () => {
    expect(relativeDifference(100, 99)).toBeCloseTo(0.01, 12);
    expect(relativeDifference(0, 0)).toBe(0);
  });
});

describe('manure nutrient demand', () => {
  const shares = { I: 0.35, II: 0.45, III: 0.55 };
  /** M = (Σ D × FS) × MS ÷ UR, as the balance works it out. */
  const manureDemand = (byGrade: Partial<Record<'I' | 'II' | 'III', number>>, manureShare: number, useRate: number) =>
    manureDemandFromFertilisedKg(fertilisedDemandKg(byGrade, shares), manureShare, useRate);
  it('is D × FS × MS ÷ UR', () => {
    // The county example: 33,625,477.70 × 0.45 × 0.40 ÷ 0.25 = 24,210,343.944.
    expect(manureDemand({ II: 33_625_477.7 }, 0.4, 0.25)).toBeCloseTo(24_210_343.944, 3);
    // P: 1,000 kg × 0.35 × 0.5 ÷ 0.30 = 583.333…
    expect(manureDemand({ I: 1_000 }, 0.5, 0.3)).toBeCloseTo(583.3333333333, 8);
  });
  it('sums the fertilised demand over soil grades', () => {
    // (100 × 0.35 + 200 × 0.45 + 300 × 0.55) × 0.5 ÷ 0.25 = (35 + 90 + 165) × 2 = 580.
    expect(manureDemand({ I: 100, II: 200, III: 300 }, 0.5, 0.25)).toBeCloseTo(580, 10);
    expect(manureDemand({ I: 0, II: 1_000, III: 0 }, 0.4, 0.25)).toBe((1_000 * 0.45 * 0.4) / 0.25);
    expect(manureDemand({ I: 0, II: 0, III: 0 }, 0.4, 0.25)).toBe(0);
  });
});

describe('capacity, load index and headroom', () => {
  it('divides manure demand by supply per PE (N 7.0, P 1.2)', () => {
    expect(capacityPe(24_210_343.944, 7)).toBeCloseTo(3_458_620.5634, 3);
    expect(capacityPe(1_200, 1.2)).toBeCloseTo(1_000, 10);
  });
  it('gives the load index and a signed headroom', () => {
    expect(loadIndex(2_113_408, 3_458_620.5634)).toBeCloseTo(0.6110552, 6);
    expect(loadIndex(10, 0)).toBeNull();
    expect(headroomPe(100, 150)).toBe(-50);
  });
});

describe('pig equivalents', () => {
  it('convert stock with exact fractions (100 pigs = 15 dairy = 30 beef = 250 sheep = 2,500 poultry)', () => {
    const f = (t: string) => parseFraction(t)!;
    expect(pigEquivalents(15, f('100/15'))).toBe(100);
    expect(pigEquivalents(30, f('100/30'))).toBe(100);
    expect(pigEquivalents(250, f('100/250'))).toBe(100);
    expect(pigEquivalents(2_500, f('100/2500'))).toBe(100);
    // The county's stock: 613,300 + 135,500 × 100/30 + 1,400 × 100/15 + 573,400 × 0.4 + 20,243,700 × 0.04 = 2,113,408.
    const total =
      pigEquivalents(613_300, f('1')) +
      pigEquivalents(135_500, f('100/30')) +
      pigEquivalents(1_400, f('100/15')) +
      pigEquivalents(573_400, f('100/250')) +
      pigEquivalents(20_243_700, f('100/2500'));
    expect(total).toBeCloseTo(2_113_408, 6);
  });
  it('convert back to head and from slaughter with a ratio', () => {
    expect(headFromPigEquivalents(100, parseFraction('100/15')!)).toBeCloseTo(15, 12);
    expect(stockFromSlaughter(1_000, 0.55)).toBeCloseTo(550, 12);
  });
  it('parse only positive ratios', () => {
    expect(parseFraction('100/15')).toEqual({ numerator: 100, denominator: 15 });
    expect(parseFraction('0.4')).toEqual({ numerator: 0.4, denominator: 1 });
    expect(parseFraction('1/0')).toBeUndefined();
    expect(parseFraction('abc')).toBeUndefined();
    // Not a positive ratio: no PE factor.
    expect(parseFraction('0')).toBeUndefined();
    expect(parseFraction('0/3')).toBeUndefined();
    expect(parseFraction('-1')).toBeUndefined();
  });
});

describe('soil grade', () => {
  const dry = { gradeIAbove: 1.0, gradeIIIBelow: 0.8 };
  it('grades a measurement, boundaries in grade II', () => {
    expect(soilGradeOfMeasurement(1.01, dry)).toBe('I');
    expect(soilGradeOfMeasurement(1.0, dry)).toBe('II');
    expect(soilGradeOfMeasurement(0.8, dry)).toBe('II');
    expect(soilGradeOfMeasurement(0.79, dry)).toBe('III');
  });
  it('follows the precedence: land-use row, township row, default', () => {
    const thresholds = () => dry;
    const rows = new Map([
      ['菜地' as const, { file: 's.csv', line: 2, landUse: '菜地' as const, values: { N: { grade: 'I' as const } } }],
      [null, { file: 's.csv', line: 3, landUse: null, values: { N: { measured: 0.5, unit: 'g/kg' }, P: { grade: 'III' as const } } }],
    ]);
    expect(resolveSoilGrade(rows, '菜地', 'N', 'II', thresholds).grade).toBe('I');
    const fromMeasured = resolveSoilGrade(rows, '旱地', 'N', 'II', thresholds);
    expect(fromMeasured.grade).toBe('III');
    expect(fromMeasured.source).toMatchObject({ from: 'soil', line: 3, gradedAs: '旱地' });
    // The 菜地 row has no P value: the township row's applies.
    expect(resolveSoilGrade(rows, '菜地', 'P', 'II', thresholds).grade).toBe('III');
    expect(resolveSoilGrade(undefined, '菜地', 'P', 'II', thresholds)).toEqual({ grade: 'II', source: { from: 'parameter' } });
  });
});

describe('load grade and status', () => {
  const bounds = [
    { grade: 'I' as const, maxLoadIndex: 0.4 },
    { grade: 'II' as const, maxLoadIndex: 0.7 },
    { grade: 'III' as const, maxLoadIndex: 1.0 },
    { grade: 'IV' as const, maxLoadIndex: 1.5 },
    { grade: 'V' as const, maxLoadIndex: 2.5 },
    { grade: 'VI' as const, maxLoadIndex: null },
  ];
  it('grades the load index with inclusive upper bounds', () => {
    expect(loadGrade(0.4, bounds)).toBe('I');
    expect(loadGrade(0.41, bounds)).toBe('II');
    expect(loadGrade(1.0, bounds)).toBe('III');
    expect(loadGrade(2.5, bounds)).toBe('V');
    expect(loadGrade(2.51, bounds)).toBe('VI');
    expect(loadGrade(null, bounds)).toBeNull();
  });
  it('gives the status: ok ≤ 0.7 < warning ≤ 1.0 < overloaded; no-land without capacity', () => {
    const t = { warningAbove: 0.7, overloadedAbove: 1.0 };
    expect(balanceStatus(70, 100, t)).toBe('ok');
    expect(balanceStatus(71, 100, t)).toBe('warning');
    expect(balanceStatus(100, 100, t)).toBe('warning');
    expect(balanceStatus(101, 100, t)).toBe('overloaded');
    expect(balanceStatus(5, 0, t)).toBe('no-land');
    expect(balanceStatus(0, 0, t)).toBe('ok');
  });
});
