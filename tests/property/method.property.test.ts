import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, type Parameters } from '../../src/api.js';
import type { Balance } from '../../src/method/balance.js';
import { tempDir } from '../helpers.js';

const TOWNSHIPS = ['甲镇', '乙乡', '丙街道', '丁镇', '戊乡'];
const CROPS = ['小麦', '玉米', '水稻', '番茄', '大白菜', '苹果', '苜蓿', '人工林地', '花生'];
const SPECIES = ['生猪', '奶牛', '肉牛', '羊', '家禽', '山羊'];

const cropRows = fc.uniqueArray(
  fc.record({ township: fc.constantFrom(...TOWNSHIPS), crop: fc.constantFrom(...CROPS), production: fc.integer({ min: 0, max: 100_000_000 }) }),
  { minLength: 1, maxLength: 25, selector: (r) => `${r.township}|${r.crop}` },
);
const livestockRows = fc.uniqueArray(
  fc.record({ township: fc.constantFrom(...TOWNSHIPS), species: fc.constantFrom(...SPECIES), stock: fc.integer({ min: 0, max: 100_000 }) }),
  { maxLength: 20, selector: (r) => `${r.township}|${r.species}` },
);
const parameters = fc.record({
  basis: fc.constantFrom<Parameters['basis']>('N', 'P', 'both'),
  manureShare: fc.constantFrom(0.3, 0.4, 0.5),
  soilGrade: fc.constantFrom<Parameters['soilGrade']>('I', 'II', 'III'),
});

type CropRow = { township: string; crop: string; production: number };
type LivestockRow = { township: string; species: string; stock: number };

/** Writes the rows as the two CSV files (forest rows in m³) and computes the report in-process. */
async function compute(crops: CropRow[], livestock: LivestockRow[], params: Partial<Parameters>, scale = 1) {
  const dir = tempDir('landcap-prop-');
  const cropCsv = [
    'township,crop,production_kg,production_m3',
    ...crops.map((r) => (r.crop === '人工林地' ? `${r.township},${r.crop},,${r.production * scale}` : `${r.township},${r.crop},${r.production * scale},`)),
  ];
  writeFileSync(join(dir, 'crops.csv'), cropCsv.join('\n'));
  writeFileSync(join(dir, 'livestock.csv'), ['township,species,stock', ...livestock.map((r) => `${r.township},${r.species},${r.stock}`)].join('\n'));
  const { report, problems } = await computeReport({ crops: join(dir, 'crops.csv'), livestock: join(dir, 'livestock.csv') }, params);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return report!;
}

const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
const byName = (list: readonly Balance[]) => new Map(list.map((b) => [b.name, b]));

describe('properties of the method', () => {
  it('capacity is linear in production', async () => {
    await fc.assert(
      fc.asyncProperty(cropRows, livestockRows, parameters, fc.integer({ min: 2, max: 1000 }), async (crops, livestock, params, k) => {
        const base = await compute(crops, livestock, params);
        const scaled = await compute(crops, livestock, params, k);
        const baseByName = byName(base.townships);
        for (const t of scaled.townships) {
          expect(relative(t.capacityPe, k * baseByName.get(t.name)!.capacityPe)).toBeLessThan(1e-12);
          expect(t.stockPe).toBe(baseByName.get(t.name)!.stockPe);
        }
        expect(relative(scaled.total.capacityPe, k * base.total.capacityPe)).toBeLessThan(1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('row order changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        cropRows,
        livestockRows,
        parameters,
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (crops, livestock, params, keys) => {
          const shuffle = <T>(rows: T[]) =>
            rows
              .map((r) => [keys.next().value as number, r] as const)
              .sort((a, b) => a[0] - b[0])
              .map(([, r]) => r);
          const a = await compute(crops, livestock, params);
          const b = await compute(shuffle(crops), shuffle(livestock), params);
          expect(byName(b.townships)).toEqual(byName(a.townships));
          expect(b.total).toEqual(a.total);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the total equals the sum of the townships', async () => {
    await fc.assert(
      fc.asyncProperty(cropRows, livestockRows, parameters, async (crops, livestock, params) => {
        const r = await compute(crops, livestock, params);
        const sum = (f: (b: Balance) => number) => r.townships.reduce((s, t) => s + f(t), 0);
        for (const f of [(b: Balance) => b.stockPe, (b: Balance) => b.capacityPe, (b: Balance) => b.headroomPe]) {
          expect(Math.abs(f(r.total) - sum(f))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(f(r.total))));
        }
        for (const n of ['N', 'P'] as const) {
          if (!r.total.nutrients[n]) continue;
          const demand = sum((b) => b.nutrients[n]!.manureDemandKg);
          expect(Math.abs(r.total.nutrients[n]!.manureDemandKg - demand)).toBeLessThanOrEqual(1e-9 * Math.max(1, demand));
        }
      }),
      { numRuns: 60 },
    );
  });
});
