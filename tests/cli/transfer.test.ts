// landcap transfer (docs/transfer.md) through the command line: a city's three counties, their townships located by
// a places file; the plan checked against an independent solver over distances worked out here another way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, hasStackTrace, landcapInProcess } from '../helpers.js';
import { minCostMaxFlow } from '../min-cost-flow.js';

const DIR = 'tests/fixtures/regions';
const ARGS = ['--crops', `${DIR}/crops.csv`, '--livestock', `${DIR}/livestock.csv`, '--places', `${DIR}/places.csv`];

interface Plan {
  maxKm: number;
  flows: { from: string; fromCounty: string; to: string; toCounty: string; pe: number; km: number }[];
  townships: {
    name: string;
    county: string;
    stockPe: number;
    capacityPe: number;
    surplusPe: number;
    sentPe: number;
    receivedPe: number;
    unplacedPe: number;
    unplacedReason?: string;
    loadIndexAfter: number | null;
  }[];
  total: { surplusPe: number; placedPe: number; unplacedPe: number; peKm: number };
}

/** The great-circle distance by the spherical law of cosines (the program uses the haversine). */
function cosinesKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  return 6371.0 * Math.acos(Math.min(1, Math.sin(a.lat * r) * Math.sin(b.lat * r) + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r)));
}

async function plan(extra: string[] = []): Promise<Plan> {
  const r = await landcapInProcess(['transfer', '--format', 'json', ...ARGS, ...extra]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Plan;
}

describe('landcap transfer', () => {
  for (const maxKm of [20, 30, 45]) {
    it(`within ${maxKm} km: the most placed at the least PE × km, as an independent solver finds it`, async () => {
      const p = await plan(['--max-km', String(maxKm)]);
      const places = readFileSync(join(ROOT, DIR, 'places.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map(([, county, name, lon, lat]) => ({ county: county!, name: name!, at: { lon: Number(lon), lat: Number(lat) } }));
      const sites = p.townships.map((t) => ({
        surplusPe: Math.max(0, t.stockPe - t.capacityPe),
        headroomPe: Math.max(0, t.capacityPe - t.stockPe),
        at: places.find((x) => x.county === t.county && x.name === t.name)!.at,
      }));
      const arcs = sites.flatMap((a, i) =>
        sites.flatMap((b, j) => (a.surplusPe > 0 && b.headroomPe > 0 && cosinesKm(a.at, b.at) <= maxKm ? [{ from: i, to: j, km: cosinesKm(a.at, b.at) }] : [])),
      );
      const check = minCostMaxFlow(sites, arcs);
      expect(p.total.placedPe).toBeCloseTo(check.placed, 4);
      expect(p.total.peKm).toBeCloseTo(check.cost, 2);
      expect(p.total.unplacedPe).toBeCloseTo(p.total.surplusPe - p.total.placedPe, 4);
      for (const f of p.flows) expect(f.km).toBeLessThanOrEqual(maxKm);
      for (const t of p.townships) {
        expect(t.sentPe).toBeLessThanOrEqual(t.surplusPe + 1e-6);
        expect(t.stockPe - t.sentPe + t.receivedPe).toBeLessThanOrEqual(Math.max(t.stockPe, t.capacityPe) + 1e-6);
      }
      // Why surplus stays: no receiver within reach, or every receiver within reach full (worked out here).
      p.townships.forEach((t, i) => {
        if (t.unplacedPe <= 1e-6) return expect(t.unplacedReason).toBeUndefined();
        const within = arcs.filter((a) => a.from === i).map((a) => p.townships[a.to]!);
        if (within.length === 0) return expect(t.unplacedReason).toBe('none-within-reach');
        expect(t.unplacedReason).toBe('receivers-full');
        for (const r of within) expect(r.receivedPe).toBeCloseTo(r.capacityPe - r.stockPe, 4);
      });
    });
  }

  it('at 30 km: 柳江区拉堡镇 sends to 柳城县东风镇, 鹿寨县东风镇 to 中渡镇, each receiver filled to its capacity', async () => {
    const p = await plan();
    expect(p.flows.map((f) => [f.fromCounty, f.from, f.toCounty, f.to])).toEqual([
      ['柳江区', '拉堡镇', '柳城县', '东风镇'],
      ['鹿寨县', '东风镇', '鹿寨县', '中渡镇'],
    ]);
    for (const name of [
      ['柳城县', '东风镇'],
      ['鹿寨县', '中渡镇'],
    ]) {
      const t = p.townships.find((x) => x.county === name[0] && x.name === name[1])!;
      expect(t.loadIndexAfter).toBeCloseTo(1, 9);
    }
  });

  it('writes the flows as CSV for programs: city, county and township each in a column, the numbers as the JSON has them', async () => {
    const p = await plan();
    const csv = await landcapInProcess(['transfer', '--format', 'csv', ...ARGS]);
    const rows = csv.stdout.replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['From · City', 'From · County', 'From', 'To · City', 'To · County', 'To', 'PE a year', 'km']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[4], r[5]])).toEqual(p.flows.map((f) => [f.fromCounty, f.from, f.toCounty, f.to]));
    rows.slice(1).forEach((r, i) => {
      expect(Number(r[6])).toBeCloseTo(p.flows[i]!.pe, 9);
      expect(Number(r[7])).toBeCloseTo(p.flows[i]!.km, 9);
    });
  });

  it('shows the plan in Chinese, and refuses a distance that is none (exit 2)', async () => {
    const zh = await landcapInProcess(['transfer', '--lang', 'zh', ...ARGS]);
    expect(zh.stdout).toContain('粪污转运方案（运距 30.0 km 以内）');
    expect(zh.stdout).toContain('柳江区拉堡镇');
    const bad = await landcapInProcess(['transfer', ...ARGS, '--max-km', '0']);
    expect(bad.status).toBe(2);
    expect(hasStackTrace(bad.stderr)).toBe(false);
    const none = await landcapInProcess(['transfer', '--crops', `${DIR}/crops.csv`, '--livestock', `${DIR}/livestock.csv`]);
    expect(none.status).toBe(2);
  });
});
