import { capacityPe, headroomPe, loadIndex } from './capacity.js';
import { ExactSum } from './exact-sum.js';
import { balanceStatus, loadGrade, type LoadGradeBound, type StatusThresholds } from './load-grade.js';
import { fertilisedDemandKg, manureDemandFromFertilisedKg } from './manure-demand.js';
import { headFromPigEquivalents } from './pig-equivalent.js';
import { basisNutrients, type Basis, type Fraction, type LoadGrade, type Nutrient, type SoilGrade, type Status } from './types.js';

/**
 * The guide's chain for a township, step by step over plain numbers: crop demand by soil grade → manure demand →
 * capacity per nutrient (guide steps 1–4); with basis "both" the smaller capacity, the limiting nutrient; then the
 * stock against it: load index, grade, status, headroom. And the county's total, the sum over its townships.
 */

/** The choices of a run the chain depends on (a run's parameters hold these and more). */
export interface ChainParameters {
  readonly basis: Basis;
  /** MS: share of fertilisation that comes from manure. */
  readonly manureShare: number;
  /** UR for N and for P: first-season use rate of manure nutrient. */
  readonly nUseRate: number;
  readonly pUseRate: number;
  /** Manure nutrient supplied per pig equivalent a year, after losses (kg). */
  readonly nSupplyPerPe: number;
  readonly pSupplyPerPe: number;
}

/** What the chain takes from the coefficient tables (data/coefficients/), as plain numbers. */
export interface ChainConstants {
  /** FS by soil grade (table B). */
  readonly fertilisationShares: Readonly<Record<SoilGrade, number>>;
  /** The guide's range of first-season use rates per nutrient: [low, high]. */
  readonly useRateRange: Readonly<Record<Nutrient, readonly [number, number]>>;
  readonly thresholds: StatusThresholds;
  readonly loadGrades: readonly LoadGradeBound[];
  /** The PE factor of each species with one, for headroom in head. */
  readonly peFactors: readonly (readonly [string, Fraction])[];
}

export function useRate(p: ChainParameters, n: Nutrient): number {
  return n === 'N' ? p.nUseRate : p.pUseRate;
}

export function supplyPerPe(p: ChainParameters, n: Nutrient): number {
  return n === 'N' ? p.nSupplyPerPe : p.pSupplyPerPe;
}

/** One nutrient's chain for a township or the total (docs/cli.md, report JSON `nutrients.N`). */
export interface NutrientBalance {
  readonly cropDemandKg: number;
  readonly manureDemandKg: number;
  readonly supplyPerPeKg: number;
  readonly capacityPe: number;
}

/** A township's balance, or the total's (docs/cli.md, report JSON `townships[]`, `total`). */
export interface Balance {
  readonly name: string;
  /** The county and city of a township, where the files give them. */
  readonly county?: string;
  readonly city?: string;
  readonly stockPe: number;
  readonly capacityPe: number;
  readonly headroomPe: number;
  readonly loadIndex: number | null;
  readonly grade: LoadGrade | null;
  readonly status: Status;
  /** With basis "both": the nutrient whose capacity is the smaller. */
  readonly limitingNutrient?: Nutrient;
  /** Capacity at the two ends of the guide's use-rate range (N 25–30%, P 30–35%): [at the higher rate, at the lower]. */
  readonly capacityRangePe: readonly [number, number];
  /** Headroom in head of each species of the guide: headroom ÷ PE factor (negative: head over capacity). */
  readonly headroomHead: Readonly<Record<string, number>>;
  readonly nutrients: Partial<Record<Nutrient, NutrientBalance>>;
  /** The share of the capacity that plantation forest gives (capacityShare), for a township with forest rows. */
  readonly forestShare?: number;
}

/** What of a township's balance follows from its land alone: each nutrient's chain, the capacity and its range. */
export interface LandSide {
  readonly nutrients: Balance['nutrients'];
  readonly capacityPe: number;
  readonly capacityRangePe: readonly [number, number];
  readonly limitingNutrient?: Nutrient;
}

/**
 * Guide steps 1–4 for one township's land: for each nutrient of the basis, its crop demand by soil grade → manure
 * demand M = Σ (D × FS) × MS ÷ UR → capacity M ÷ supply per PE; with basis "both" the smaller capacity (the limiting
 * nutrient) is the township's. The range is the capacity at both ends of the guide's use rates.
 */
export function landSide(demandByGrade: Partial<Record<Nutrient, Record<SoilGrade, number>>>, p: ChainParameters, k: ChainConstants): LandSide {
  const nutrients: Partial<Record<Nutrient, NutrientBalance>> = {};
  // The range's ends: the smaller capacity of the basis's nutrients at each end.
  let low = Infinity;
  let high = Infinity;
  for (const n of basisNutrients(p.basis)) {
    const byGrade = demandByGrade[n] ?? { I: 0, II: 0, III: 0 };
    const fertilised = fertilisedDemandKg(byGrade, k.fertilisationShares);
    const manureDemandKg = manureDemandFromFertilisedKg(fertilised, p.manureShare, useRate(p, n));
    const supply = supplyPerPe(p, n);
    nutrients[n] = {
      cropDemandKg: new ExactSum().add(byGrade.I).add(byGrade.II).add(byGrade.III).value(),
      manureDemandKg,
      supplyPerPeKg: supply,
      capacityPe: capacityPe(manureDemandKg, supply),
    };
    // A higher use rate means less manure demand: the range's low end is at the higher rate.
    const [rateLow, rateHigh] = k.useRateRange[n];
    low = Math.min(low, capacityPe(manureDemandFromFertilisedKg(fertilised, p.manureShare, rateHigh), supply));
    high = Math.min(high, capacityPe(manureDemandFromFertilisedKg(fertilised, p.manureShare, rateLow), supply));
  }
  const range = [low, high] as const;
  if (p.basis === 'both') {
    const limiting: Nutrient = nutrients.P!.capacityPe < nutrients.N!.capacityPe ? 'P' : 'N';
    return { nutrients, capacityPe: nutrients[limiting]!.capacityPe, capacityRangePe: range, limitingNutrient: limiting };
  }
  return { nutrients, capacityPe: nutrients[p.basis]!.capacityPe, capacityRangePe: range };
}

/** The stock against the capacity: load index, grade, status, headroom (in PE and in head of each species). */
export function balanceOfLand(name: string, land: LandSide, stockPe: number, k: ChainConstants): Balance {
  const index = loadIndex(stockPe, land.capacityPe);
  const headroom = headroomPe(land.capacityPe, stockPe);
  const headroomHead: Record<string, number> = {};
  for (const [species, factor] of k.peFactors) headroomHead[species] = headFromPigEquivalents(headroom, factor);
  return {
    name,
    stockPe,
    capacityPe: land.capacityPe,
    headroomPe: headroom,
    loadIndex: index,
    grade: loadGrade(index, k.loadGrades),
    status: balanceStatus(stockPe, land.capacityPe, k.thresholds),
    // Only with basis "both"; undefined is left out of the JSON.
    limitingNutrient: land.limitingNutrient,
    capacityRangePe: land.capacityRangePe,
    headroomHead,
    nutrients: land.nutrients,
  };
}

/** A township's balance: the chain for its land, and its stock. */
/**
 * The share of a township's capacity that a part of its land gives (its plantation forest, docs/method.md): the
 * part's capacity in the township's limiting nutrient over the township's. Capacity is proportional to each grade's
 * demand, so the part's own chain gives its share exactly. Null when the township has no capacity.
 */
export function capacityShare(
  partDemandByGrade: Partial<Record<Nutrient, Record<SoilGrade, number>>>,
  b: Balance,
  p: ChainParameters,
  k: ChainConstants,
): number | null {
  const n = b.limitingNutrient ?? basisNutrients(p.basis)[0]!;
  const whole = b.nutrients[n]?.capacityPe;
  if (!whole) return null;
  return landSide(partDemandByGrade, p, k).nutrients[n]!.capacityPe / whole;
}

export function townshipBalance(
  name: string,
  demandByGrade: Partial<Record<Nutrient, Record<SoilGrade, number>>>,
  stockPe: number,
  p: ChainParameters,
  k: ChainConstants,
): Balance {
  return balanceOfLand(name, landSide(demandByGrade, p, k), stockPe, k);
}

/**
 * The county's (or any region's) total (guide step 6): crop and manure demand, capacity and stock summed exactly over
 * the townships; for basis "both", the sum of each township's smaller capacity. The rest follows from the sums.
 */
export function totalBalance(name: string, townships: readonly Balance[], p: ChainParameters, k: ChainConstants): Balance {
  const nutrients = basisNutrients(p.basis);
  const sums = nutrients.map(() => ({ crop: new ExactSum(), manure: new ExactSum(), capacity: new ExactSum() }));
  const stock = new ExactSum();
  const capacity = new ExactSum();
  const low = new ExactSum();
  const high = new ExactSum();
  for (const t of townships) {
    stock.add(t.stockPe);
    capacity.add(t.capacityPe);
    low.add(t.capacityRangePe[0]);
    high.add(t.capacityRangePe[1]);
    nutrients.forEach((n, i) => {
      const b = t.nutrients[n]!;
      sums[i]!.crop.add(b.cropDemandKg);
      sums[i]!.manure.add(b.manureDemandKg);
      sums[i]!.capacity.add(b.capacityPe);
    });
  }
  const byNutrient: Partial<Record<Nutrient, NutrientBalance>> = {};
  nutrients.forEach((n, i) => {
    byNutrient[n] = {
      cropDemandKg: sums[i]!.crop.value(),
      manureDemandKg: sums[i]!.manure.value(),
      supplyPerPeKg: supplyPerPe(p, n),
      capacityPe: sums[i]!.capacity.value(),
    };
  });
  const land: LandSide = { nutrients: byNutrient, capacityPe: capacity.value(), capacityRangePe: [low.value(), high.value()] };
  return balanceOfLand(name, land, stock.value(), k);
}
