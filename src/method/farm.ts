import { cropNutrientDemandKg } from './crop-demand.js';
import { exactSum } from './exact-sum.js';
import { fertilisedDemandKg, manureDemandFromFertilisedKg } from './manure-demand.js';
import { MU_PER_HECTARE } from './production.js';
import { pigEquivalents } from './pig-equivalent.js';
import type { Fraction, Measure, Nutrient, SoilGrade } from './types.js';

/**
 * Scale-farm land requirement (规模养殖场配套土地面积, docs/method.md): the land whose crops take up the manure
 * nutrient a farm supplies in a year.
 */

export interface FarmAnimals {
  readonly species: string;
  readonly head: number;
  readonly peFactor: Fraction;
  /** Share of excreted N and P in solid manure; needed only when the solids are sold off the farm. */
  readonly solidShare: Readonly<Record<Nutrient, number>> | null;
}

/** A crop of the farm's yearly rotation: its target yield per 亩 (kg, or m³ for forest) and its uptake of one nutrient. */
export interface RotationCrop {
  readonly targetYieldPerMu: number;
  readonly measure: Measure;
  readonly uptake: number;
}

/**
 * A species' manure nutrient supply (kg a year): head × PE factor × excretion per PE × retention, and with the
 * solids sold off the farm only the liquid part, 1 − solid share.
 */
export function farmNutrientSupplyKg(animals: FarmAnimals, nutrient: Nutrient, excretionPerPeKg: number, retention: Fraction, solidsSold: boolean): number {
  const pe = pigEquivalents(animals.head, animals.peFactor);
  const kept = (pe * excretionPerPeKg * retention.numerator) / retention.denominator;
  if (!solidsSold) return kept;
  if (!animals.solidShare) throw new Error(`no solid-manure share for ${animals.species}`);
  return kept * (1 - animals.solidShare[nutrient]);
}

/**
 * Land manure nutrient demand per 亩 of the rotation (docs/method.md), by the guide's steps 1–2 for one 亩: each crop's
 * demand on its target yield (D = yield ÷ 100 × uptake, forest m³ × uptake), summed; then M = D × FS × MS ÷ UR.
 */
export function manureDemandPerMu(
  rotation: readonly RotationCrop[],
  soilGrade: SoilGrade,
  fertilisationShares: Readonly<Record<SoilGrade, number>>,
  manureShare: number,
  useRate: number,
): { readonly uptakePerMuKg: number; readonly demandPerMuKg: number } {
  const uptakePerMuKg = exactSum(rotation.map((c) => cropNutrientDemandKg(c.targetYieldPerMu, c.uptake, c.measure)));
  const fertilised = fertilisedDemandKg({ [soilGrade]: uptakePerMuKg }, fertilisationShares);
  return { uptakePerMuKg, demandPerMuKg: manureDemandFromFertilisedKg(fertilised, manureShare, useRate) };
}

/** Required land in 亩: supply ÷ demand per 亩; Infinity when the rotation takes up none of the nutrient. */
export function requiredLandMu(supplyKg: number, demandPerMuKg: number): number {
  if (supplyKg === 0) return 0;
  return demandPerMuKg > 0 ? supplyKg / demandPerMuKg : Infinity;
}

export function muToHectares(mu: number): number {
  return mu / MU_PER_HECTARE;
}
