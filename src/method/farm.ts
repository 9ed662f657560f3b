import { ExactSum } from './exact-sum.js';
import { MU_PER_HECTARE } from './production.js';
import { pigEquivalents } from './pig-equivalent.js';
import type { Fraction, Nutrient } from './types.js';

/**
 * Scale-farm land requirement (规模养殖场配套土地面积, METHOD.md §4): the land whose crops take up the manure
 * nutrient a farm supplies in a year.
 */

export interface FarmAnimals {
  readonly species: string;
  readonly head: number;
  readonly peFactor: Fraction;
  /** Share of excreted N and P in solid manure; needed only when the solids are sold off the farm. */
  readonly solidShare: Readonly<Record<Nutrient, number>> | null;
}

export interface RotationCrop {
  readonly crop: string;
  /** Target yield per 亩: kg (or m³ for forest, with uptake per m³). */
  readonly targetYieldPerMu: number;
  readonly measure: 'kg' | 'm3';
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

/** A rotation crop's nutrient uptake per 亩 (kg): target yield ÷ 100 × uptake (forest: m³ × uptake per m³). */
export function cropUptakePerMuKg(c: RotationCrop): number {
  return c.measure === 'm3' ? c.targetYieldPerMu * c.uptake : (c.targetYieldPerMu * c.uptake) / 100;
}

/** Land manure nutrient demand per 亩: Σ rotation uptake × FS × MS ÷ UR. */
export function landManureDemandPerMuKg(uptakePerMuKg: readonly number[], fertilisationShare: number, manureShare: number, useRate: number): number {
  const total = new ExactSum().addAll(uptakePerMuKg).value();
  return (total * fertilisationShare * manureShare) / useRate;
}

/** Required land in 亩: supply ÷ demand per 亩; Infinity when the rotation takes up none of the nutrient. */
export function requiredLandMu(supplyKg: number, demandPerMuKg: number): number {
  if (supplyKg === 0) return 0;
  return demandPerMuKg > 0 ? supplyKg / demandPerMuKg : Infinity;
}

export function muToHectares(mu: number): number {
  return mu / MU_PER_HECTARE;
}
