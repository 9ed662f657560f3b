// The transfer plan (docs/transfer.md): optimal against an independent solver on random instances, within reach,
// surplus and headroom; and the case docs/transfer.md works by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greatCircleKm, planTotals, reachableArcs, type Arc, type TransferSite } from '../../src/method/transfer.js';
import { solveTransfer } from '../../src/transfer/solve.js';
import { minCostMaxFlow } from '../min-cost-flow.js';

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Townships around 柳州 (109.4°E, 24.3°N) within about a degree, some over capacity, some under, one in ten unlocated. */
const instance = fc
  .array(
    fc.record({
      lon: fc.double({ min: 108.9, max: 109.9, noNaN: true }),
      lat: fc.double({ min: 23.8, max: 24.8, noNaN: true }),
      // Whole pig equivalents and hundredths: a statistics table's figures, not a solver's rounding.
      stock: fc.integer({ min: 0, max: 5_000_000 }).map((x) => x / 100),
      capacity: fc.integer({ min: 0, max: 5_000_000 }).map((x) => x / 100),
      unlocated: fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((ts) =>
    ts.map((t): TransferSite => ({
      surplusPe: Math.max(0, t.stock - t.capacity),
      headroomPe: Math.max(0, t.capacity - t.stock),
      ...(t.unlocated ? {} : { at: { lon: t.lon, lat: t.lat } }),
    })),
  );

describe('the transfer plan', () => {
  it('places as much as an independent min-cost max-flow, at its PE × km, never beyond reach, surplus or headroom (200 instances)', async () => {
    await fc.assert(
      fc.asyncProperty(instance, fc.double({ min: 5, max: 60, noNaN: true }), async (sites, maxKm) => {
        const arcs = reachableArcs(sites, maxKm);
        const flows = await solveTransfer(sites, arcs);
        const plan = planTotals(sites, flows);
        const check = minCostMaxFlow(sites, arcs);
        expect(near(plan.placedPe, check.placed), `placed ${plan.placedPe} vs ${check.placed}`).toBe(true);
        expect(near(plan.peKm, check.cost), `PE × km ${plan.peKm} vs ${check.cost}`).toBe(true);
        for (const f of flows) {
          expect(f.pe).toBeGreaterThan(0);
          expect(f.km).toBeLessThanOrEqual(maxKm);
          expect(greatCircleKm(sites[f.from]!.at!, sites[f.to]!.at!)).toBeCloseTo(f.km, 9);
        }
        sites.forEach((s, i) => {
          expect(plan.sentPe[i]!).toBeLessThanOrEqual(s.surplusPe * (1 + 1e-9) + 1e-9);
          expect(plan.receivedPe[i]!).toBeLessThanOrEqual(s.headroomPe * (1 + 1e-9) + 1e-9);
          if (!s.at) expect(plan.sentPe[i]! + plan.receivedPe[i]!).toBe(0);
        });
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('finds every pair within reach: the grid gives the pairs of a comparison of all with all', () => {
    fc.assert(
      fc.property(instance, fc.double({ min: 1, max: 120, noNaN: true }), (sites, maxKm) => {
        const all: string[] = [];
        sites.forEach((a, i) =>
          sites.forEach((b, j) => {
            if (a.at && b.at && a.surplusPe > 0 && b.headroomPe > 0 && greatCircleKm(a.at, b.at) <= maxKm) all.push(`${i}>${j}`);
          }),
        );
        expect(
          reachableArcs(sites, maxKm)
            .map((a) => `${a.from}>${a.to}`)
            .sort(),
        ).toEqual(all.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('the case worked by hand in docs/transfer.md', async () => {
    // A and B over capacity (1,000 and 500 PE); C and D with headroom (800 and 600); E's 2,000 beyond reach.
    const sites: TransferSite[] = [
      { surplusPe: 1000, headroomPe: 0 },
      { surplusPe: 500, headroomPe: 0 },
      { surplusPe: 0, headroomPe: 800 },
      { surplusPe: 0, headroomPe: 600 },
      { surplusPe: 0, headroomPe: 2000 },
    ];
    const arcs: Arc[] = [
      { from: 0, to: 2, km: 10 },
      { from: 0, to: 3, km: 20 },
      { from: 1, to: 2, km: 15 },
      { from: 1, to: 3, km: 12 },
    ];
    const flows = await solveTransfer(sites, arcs);
    const plan = planTotals(sites, flows);
    const pe = (from: number, to: number) => flows.find((f) => f.from === from && f.to === to)?.pe ?? 0;
    expect(plan.placedPe).toBeCloseTo(1400, 6);
    expect(plan.peKm).toBeCloseTo(16_000, 4);
    expect([pe(0, 2), pe(0, 3), pe(1, 2), pe(1, 3)].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([800, 100, 0, 500]);
    expect(plan.unplacedPe.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([100, 0, 0, 0, 0]);
  });

  it('places the most even when it takes the longest chain of changes: 40 senders, 40 receivers, 1 km pairs one way, 30 km the other', async () => {
    // Sender i reaches receiver i at 30 km and receiver i − 1 at 1 km. The cheap pairs place 39 PE; all 40 are placed
    // only by every sender using its 30 km pair, a change along the whole chain: the plan must find it.
    const k = 40;
    const sites: TransferSite[] = [
      ...Array.from({ length: k }, () => ({ surplusPe: 1, headroomPe: 0 })),
      ...Array.from({ length: k }, () => ({ surplusPe: 0, headroomPe: 1 })),
    ];
    const arcs: Arc[] = Array.from({ length: k }, (_, i) => [
      { from: i, to: k + i, km: 30 },
      ...(i > 0 ? [{ from: i, to: k + i - 1, km: 1 }] : []),
    ]).flat();
    const flows = await solveTransfer(sites, arcs);
    const totals = planTotals(sites, flows);
    expect(totals.placedPe).toBeCloseTo(k, 9);
    expect(totals.peKm).toBeCloseTo(30 * k, 6);
    expect(near(totals.peKm, minCostMaxFlow(sites, arcs).cost)).toBe(true);
  });

  it('measures distance on the sphere of radius 6,371.0 km: a degree of a meridian is 111.19 km', () => {
    expect(greatCircleKm({ lon: 109.4, lat: 24 }, { lon: 109.4, lat: 25 })).toBeCloseTo((6371.0 * Math.PI) / 180, 9);
    // 柳州 to 南宁, by the spherical law of cosines (another formula for the same distance).
    const [a, b] = [
      { lon: 109.4155, lat: 24.3255 },
      { lon: 108.3665, lat: 22.817 },
    ];
    const r = Math.PI / 180;
    const cosines = 6371.0 * Math.acos(Math.sin(a.lat * r) * Math.sin(b.lat * r) + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r));
    expect(greatCircleKm(a, b)).toBeCloseTo(cosines, 6);
  });
});
