/**
 * Where the surplus can go (docs/transfer.md): townships over capacity send their surplus manure, in pig
 * equivalents, to townships with headroom within the farthest distance manure is carried. The plan places the most
 * surplus that can be placed and, among the plans that place that much, has the least Σ PE × km. These are the pure
 * parts: distances, which pairs are within reach, and the totals of a plan; the plan itself is solved in
 * src/transfer/solve.ts.
 */

/** The Earth's mean radius, km: great-circle distances as the haversine formula gives them. */
export const EARTH_RADIUS_KM = 6371.0;

/** A place in decimal degrees. */
export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

const RADIAN = Math.PI / 180;

/** The great-circle distance between two places, km (haversine). */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * RADIAN;
  const dLon = (b.lon - a.lon) * RADIAN;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIAN) * Math.cos(b.lat * RADIAN) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A township as the plan sees it: what it must send (surplus) or can take (headroom), in PE, and where it is. */
export interface TransferSite {
  /** Surplus: stock − capacity when over capacity, else 0. */
  readonly surplusPe: number;
  /** Headroom: capacity − stock when under capacity, else 0. */
  readonly headroomPe: number;
  /** Where it is; a township without a location sends and receives nothing. */
  readonly at?: LonLat;
}

/** A township's surplus and headroom from its stock and capacity (one of them is 0). */
export function surplusAndHeadroom(stockPe: number, capacityPe: number): { surplusPe: number; headroomPe: number } {
  return { surplusPe: Math.max(0, stockPe - capacityPe), headroomPe: Math.max(0, capacityPe - stockPe) };
}

/** A pair within reach: a township with surplus (index), one with headroom, and the distance between them. */
export interface Arc {
  readonly from: number;
  readonly to: number;
  readonly km: number;
}

/**
 * Every pair of a township with surplus and one with headroom at most `maxKm` apart. Townships are put in cells of a
 * grid at least `maxKm` wide everywhere, so that each is compared only with those of its own and the next cells:
 * a province's 40,000 townships make no 40,000² comparisons.
 */
export function reachableArcs(sites: readonly TransferSite[], maxKm: number): Arc[] {
  const senders: number[] = [];
  const receivers: number[] = [];
  sites.forEach((s, i) => {
    if (!s.at) return;
    if (s.surplusPe > 0) senders.push(i);
    else if (s.headroomPe > 0) receivers.push(i);
  });
  if (senders.length === 0 || receivers.length === 0) return [];
  // A degree of latitude is at least 110.5 km; a degree of longitude at least that × cos of the highest latitude.
  const latStep = maxKm / 110.5;
  // (A loop, not Math.max(...list): a country's townships are more arguments than a call takes.)
  const highest = Math.min(89, [...senders, ...receivers].reduce((max, i) => Math.max(max, Math.abs(sites[i]!.at!.lat)), 0) + latStep);
  const lonStep = Math.min(360, latStep / Math.cos(highest * RADIAN));
  const cell = (p: LonLat) => [Math.floor(p.lat / latStep), Math.floor(p.lon / lonStep)] as const;
  const grid = new Map<string, number[]>();
  for (const j of receivers) {
    const [y, x] = cell(sites[j]!.at!);
    const key = `${y},${x}`;
    const list = grid.get(key);
    if (list) list.push(j);
    else grid.set(key, [j]);
  }
  const arcs: Arc[] = [];
  for (const i of senders) {
    const a = sites[i]!.at!;
    const [y, x] = cell(a);
    const near: number[] = [];
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) near.push(...(grid.get(`${y + dy},${x + dx}`) ?? []));
    for (const j of [...new Set(near)].sort((p, q) => p - q)) {
      const km = greatCircleKm(a, sites[j]!.at!);
      if (km <= maxKm) arcs.push({ from: i, to: j, km });
    }
  }
  return arcs;
}

/** A flow of the plan: from a township with surplus to one with headroom, PE a year, over km. */
export interface Flow {
  readonly from: number;
  readonly to: number;
  readonly pe: number;
  readonly km: number;
}

/** What a plan does to each township, and its totals. */
export interface PlanTotals {
  readonly sentPe: readonly number[];
  readonly receivedPe: readonly number[];
  /** Surplus that stays where it is: no receiver within reach, or none with headroom left. */
  readonly unplacedPe: readonly number[];
  readonly surplusPe: number;
  readonly placedPe: number;
  readonly peKm: number;
}

/** The totals of a plan: each township's sent, received and unplaced PE, and the plan's placed PE and PE × km. */
export function planTotals(sites: readonly TransferSite[], flows: readonly Flow[]): PlanTotals {
  const sentPe = sites.map(() => 0);
  const receivedPe = sites.map(() => 0);
  let placedPe = 0;
  let peKm = 0;
  for (const f of flows) {
    sentPe[f.from]! += f.pe;
    receivedPe[f.to]! += f.pe;
    placedPe += f.pe;
    peKm += f.pe * f.km;
  }
  const unplacedPe = sites.map((s, i) => Math.max(0, s.surplusPe - sentPe[i]!));
  return { sentPe, receivedPe, unplacedPe, surplusPe: sites.reduce((n, s) => n + s.surplusPe, 0), placedPe, peKm };
}

/** A township's load index after the plan: (stock − sent + received) ÷ capacity; null without capacity. */
export function loadIndexAfter(stockPe: number, capacityPe: number, sentPe: number, receivedPe: number): number | null {
  return capacityPe > 0 ? (stockPe - sentPe + receivedPe) / capacityPe : null;
}

/**
 * Why a township keeps surplus that the plan does not place: it has no location; no township with headroom is within
 * reach; or those within reach are full (in a plan that places the most, a receiver within reach with room left
 * would have taken more).
 */
export type UnplacedReason = 'no-location' | 'none-within-reach' | 'receivers-full';

export function unplacedReason(site: TransferSite, pairsWithinReach: number): UnplacedReason {
  if (!site.at) return 'no-location';
  return pairsWithinReach === 0 ? 'none-within-reach' : 'receivers-full';
}
