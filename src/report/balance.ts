import type { Coefficients } from '../coefficients/coefficients.js';
import { constantNumber } from '../coefficients/coefficients.js';
import { capacityPe, headroomPe, loadIndex } from '../method/capacity.js';
import { ExactSum } from '../method/exact-sum.js';
import { balanceStatus, loadGrade, type StatusThresholds } from '../method/load-grade.js';
import { fertilisedDemandKg, manureDemandFromFertilisedKg } from '../method/manure-demand.js';
import { headFromPigEquivalents } from '../method/pig-equivalent.js';
import { basisNutrients, type Fraction, type LoadGrade, type Nutrient, type SoilGrade, type Status } from '../method/types.js';
import type { Parameters } from '../params/params.js';

/** One nutrient's chain for a township (CONTRACT.md JSON `nutrients.N`). */
export interface NutrientBalance {
  readonly cropDemandKg: number;
  readonly manureDemandKg: number;
  readonly supplyPerPeKg: number;
  readonly capacityPe: number;
}

/** A township's balance, or the total's (CONTRACT.md JSON `townships[]`, `total`). */
export interface Balance {
  readonly name: string;
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
}

export function useRate(p: Parameters, n: Nutrient): number {
  return n === 'N' ? p.nUseRate : p.pUseRate;
}

/** What a balance needs of the coefficient tables, read once per set of tables (a national report has 40,000 balances). */
interface BalanceConstants {
  readonly useRateRange: Readonly<Record<Nutrient, readonly [number, number]>>;
  readonly thresholds: StatusThresholds;
  readonly shares: Record<SoilGrade, number>;
  readonly factors: readonly (readonly [string, Fraction])[];
  readonly loadGrades: Coefficients['loadGrades'];
}

const constantsOf = new WeakMap<Coefficients, BalanceConstants>();

function balanceConstants(c: Coefficients): BalanceConstants {
  let k = constantsOf.get(c);
  if (!k) {
    k = {
      useRateRange: {
        N: [constantNumber(c, 'n_use_rate'), constantNumber(c, 'n_use_rate_max')],
        P: [constantNumber(c, 'p_use_rate'), constantNumber(c, 'p_use_rate_max')],
      },
      thresholds: { warningAbove: constantNumber(c, 'warning_load_index'), overloadedAbove: constantNumber(c, 'overload_load_index') },
      shares: { I: c.fertilisationShares.I.value, II: c.fertilisationShares.II.value, III: c.fertilisationShares.III.value },
      factors: [...c.species.values()].flatMap((s) => (s.peFactor ? [[s.species, s.peFactor] as const] : [])),
      loadGrades: c.loadGrades,
    };
    constantsOf.set(c, k);
  }
  return k;
}

/** The guide's range of first-season use rates for a nutrient (data/coefficients/nutrients.csv). */
export function useRateRange(c: Coefficients, n: Nutrient): readonly [number, number] {
  return balanceConstants(c).useRateRange[n];
}

export function supplyPerPe(p: Parameters, n: Nutrient): number {
  return n === 'N' ? p.nSupplyPerPe : p.pSupplyPerPe;
}

export function fertilisationShares(c: Coefficients): Readonly<Record<SoilGrade, number>> {
  return balanceConstants(c).shares;
}

/** Headroom in head of each guide species with a factor. */
function headroomHead(headroom: number, k: BalanceConstants): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [species, factor] of k.factors) out[species] = headFromPigEquivalents(headroom, factor);
  return out;
}

/** Load index, grade, status and headroom follow from stock and capacity alone. */
function finish(
  name: string,
  stockPe: number,
  capacity: number,
  range: readonly [number, number],
  nutrients: Balance['nutrients'],
  k: BalanceConstants,
  limitingNutrient?: Nutrient,
): Balance {
  const index = loadIndex(stockPe, capacity);
  const headroom = headroomPe(capacity, stockPe);
  return {
    name,
    stockPe,
    capacityPe: capacity,
    headroomPe: headroom,
    loadIndex: index,
    grade: loadGrade(index, k.loadGrades),
    status: balanceStatus(stockPe, capacity, k.thresholds),
    // Only with basis "both"; undefined is left out of the JSON.
    limitingNutrient,
    capacityRangePe: range,
    headroomHead: headroomHead(headroom, k),
    nutrients,
  };
}

/**
 * What of a township's balance follows from its crops and soil alone: each nutrient's chain (crop demand by soil
 * grade → manure demand → capacity), the capacity's range, and with basis "both" the limiting nutrient. It can be
 * worked out before the livestock file is read.
 */
export interface LandSide {
  readonly nutrients: Balance['nutrients'];
  readonly capacityPe: number;
  readonly capacityRangePe: readonly [number, number];
  readonly limitingNutrient?: Nutrient;
}

/**
 * The guide's chain for one township's land: crop demand (by soil grade) → manure demand → capacity per nutrient;
 * with basis "both" the smaller capacity (the limiting nutrient) is the township's.
 */
export function landSide(demandByGrade: Partial<Record<Nutrient, Record<SoilGrade, number>>>, p: Parameters, c: Coefficients): LandSide {
  const k = balanceConstants(c);
  const nutrients: Partial<Record<Nutrient, NutrientBalance>> = {};
  // The range's ends: the smaller capacity of the basis's nutrients at each end.
  let low = Infinity;
  let high = Infinity;
  for (const n of basisNutrients(p.basis)) {
    const byGrade = demandByGrade[n] ?? { I: 0, II: 0, III: 0 };
    const fertilised = fertilisedDemandKg(byGrade, k.shares);
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

/** A township's balance: the guide's chain for its land (landSide), and its stock. */
export function townshipBalance(
  name: string,
  demandByGrade: Partial<Record<Nutrient, Record<SoilGrade, number>>>,
  stockPe: number,
  p: Parameters,
  c: Coefficients,
): Balance {
  return balanceOfLand(name, landSide(demandByGrade, p, c), stockPe, c);
}

/** A township's balance from its land side, worked out before, and its stock. */
export function balanceOfLand(name: string, land: LandSide, stockPe: number, c: Coefficients): Balance {
  return finish(name, stockPe, land.capacityPe, land.capacityRangePe, land.nutrients, balanceConstants(c), land.limitingNutrient);
}

/**
 * The county (or any region's) total: crop and manure demand, capacity and stock summed over the townships;
 * for basis "both", the sum of each township's smaller capacity. The rest follows from the sums.
 */
export function totalBalance(name: string, townships: readonly Balance[], p: Parameters, c: Coefficients): Balance {
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
  return finish(name, stock.value(), capacity.value(), [low.value(), high.value()], byNutrient, balanceConstants(c));
}
