import type { NutrientConstant } from '../coefficients/schema.js';
import { BASES, SOIL_GRADES, type Nutrient } from '../method/types.js';

/**
 * Every parameter of a run, defined once. Its value's type, its command-line flag (and so the --set names), its
 * default (a row of data/coefficients/nutrients.csv, with that row's provenance, or a fixed value), the schema its
 * values are checked against (params/check.ts builds it from `kind` and `range`: the parameters file's and the JSON
 * Schema's), and how reports show it follow from this table. Each one's help text is in src/i18n, by its name.
 *
 * Ranges are what the quantity can physically be, so that a slip (4 for 40%, 1e-320) is refused rather than turned
 * into an infinite capacity: shares and use rates from 1% to 100%; supply per pig equivalent from 1% to 100% of what
 * one PE excretes a year (11 kg N, 1.65 kg P: nutrients.csv); a stock per slaughter ratio above 0 and at most 100.
 */
export const PARAMETERS = {
  basis: { flag: '--basis', argument: 'basis', kind: 'choice', choices: BASES, default: { value: 'N' } },
  manureShare: { flag: '--manure-share', argument: 'share', kind: 'share', range: [0.01, 1], default: { constant: 'manure_share' } },
  nUseRate: { flag: '--n-use-rate', argument: 'rate', kind: 'share', range: [0.01, 1], default: { constant: 'n_use_rate' } },
  pUseRate: { flag: '--p-use-rate', argument: 'rate', kind: 'share', range: [0.01, 1], default: { constant: 'p_use_rate' } },
  nSupplyPerPe: { flag: '--n-supply-per-pe', argument: 'kg', kind: 'supply', nutrient: 'N', range: [0.11, 11], default: { constant: 'n_supply_per_pe' } },
  pSupplyPerPe: { flag: '--p-supply-per-pe', argument: 'kg', kind: 'supply', nutrient: 'P', range: [0.0165, 1.65], default: { constant: 'p_supply_per_pe' } },
  soilGrade: { flag: '--soil-grade', argument: 'grade', kind: 'choice', choices: SOIL_GRADES, default: { constant: 'soil_grade' } },
  stockRatio: { flag: '--stock-ratio', argument: 'species=ratio', kind: 'ratios', range: [Number.MIN_VALUE, 100], repeatable: true, default: { value: {} } },
} as const satisfies Record<string, ParameterSpec>;

/** How a parameter is given and checked. */
export interface ParameterSpec {
  readonly flag: string;
  /** What the flag's value is called in help (`--manure-share <share>`). */
  readonly argument: string;
  /**
   * choice: one of `choices` (read in any case and width); share: a share, 0.4 or 40%; supply: kg of a nutrient per
   * pig equivalent a year; ratios: species=ratio, repeatable, merged by species.
   */
  readonly kind: 'choice' | 'share' | 'supply' | 'ratios';
  readonly choices?: readonly string[];
  readonly range?: readonly [number, number];
  readonly nutrient?: Nutrient;
  readonly repeatable?: boolean;
  readonly default: { readonly constant: NutrientConstant } | { readonly value: unknown };
}

export type ParameterName = keyof typeof PARAMETERS;
export const PARAMETER_NAMES = Object.keys(PARAMETERS) as ParameterName[];

/** The type of a parameter's value, from its kind. */
type ValueOf<S> = S extends { readonly kind: 'choice'; readonly choices: readonly (infer C)[] }
  ? C
  : S extends { readonly kind: 'ratios' }
    ? Readonly<Record<string, number>>
    : number;

/** The parameters of a run (their meanings: docs/method.md). */
export type Parameters = { readonly [K in ParameterName]: ValueOf<(typeof PARAMETERS)[K]> };
