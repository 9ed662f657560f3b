/** The guide's vocabulary, shared by the method, the coefficient tables and the readers. */

export const NUTRIENTS = ['N', 'P'] as const;
export type Nutrient = (typeof NUTRIENTS)[number];

export const BASES = ['N', 'P', 'both'] as const;
export type Basis = (typeof BASES)[number];

/** Soil nutrient grade (guide appendix table 2): I is the most fertile. */
export const SOIL_GRADES = ['I', 'II', 'III'] as const;
export type SoilGrade = (typeof SOIL_GRADES)[number];

/** Land uses that the soil-grade thresholds distinguish. */
export const LAND_USES = ['旱地', '水田', '菜地', '果园'] as const;
export type LandUse = (typeof LAND_USES)[number];

/** Land uses by number: 0 none (grass, forest), then LAND_USES from 1. */
export const LAND_USE_SLOTS = LAND_USES.length + 1;
export function landUseIndex(landUse: LandUse | null): number {
  return landUse === null ? 0 : LAND_USES.indexOf(landUse) + 1;
}

export const LOAD_GRADES = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type LoadGrade = (typeof LOAD_GRADES)[number];

export const STATUSES = ['ok', 'warning', 'overloaded', 'no-land'] as const;
export type Status = (typeof STATUSES)[number];

/** What a crop's production is counted in: kg of yield, or m³ of timber growth for plantation forest. */
export type Measure = 'kg' | 'm3';

/** An exact ratio, such as the pig-equivalent factor 100/15 of a dairy cow. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

export function basisNutrients(basis: Basis): Nutrient[] {
  return basis === 'both' ? ['N', 'P'] : [basis];
}
