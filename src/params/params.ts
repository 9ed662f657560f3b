import type { Coefficients } from '../coefficients/coefficients.js';
import type { NutrientConstant, Provenance } from '../coefficients/schema.js';
import { constantNumber } from '../coefficients/coefficients.js';
import type { Basis, SoilGrade } from '../method/types.js';

/** The parameters of a run (CONTRACT.md "parameters"). */
export interface Parameters {
  readonly basis: Basis;
  /** MS: share of fertilisation that comes from manure. */
  readonly manureShare: number;
  /** UR for N: first-season use rate of manure N. */
  readonly nUseRate: number;
  /** UR for P. */
  readonly pUseRate: number;
  /** Manure N supplied per pig equivalent a year, after losses (kg). */
  readonly nSupplyPerPe: number;
  readonly pSupplyPerPe: number;
  /** Soil grade for townships without soil data. */
  readonly soilGrade: SoilGrade;
  /** Stock per slaughter, by species, for rows that give only a slaughter (出栏) count. */
  readonly stockRatio: Readonly<Record<string, number>>;
}

export type ParameterName = keyof Parameters;
export const PARAMETER_NAMES = [
  'basis',
  'manureShare',
  'nUseRate',
  'pUseRate',
  'nSupplyPerPe',
  'pSupplyPerPe',
  'soilGrade',
  'stockRatio',
] as const satisfies readonly ParameterName[];

/** Where a parameter's value came from. */
export type ParameterSource =
  | { readonly from: 'default'; readonly provenance?: Provenance }
  | { readonly from: 'file'; readonly file: string }
  | { readonly from: 'flag'; readonly flag: string }
  | { readonly from: 'api' };

export interface ParameterSet {
  readonly values: Parameters;
  readonly sources: Readonly<Record<ParameterName, ParameterSource>>;
}

/** Command-line flags of the parameters, for messages and help. */
export const PARAMETER_FLAGS: Record<ParameterName, string> = {
  basis: '--basis',
  manureShare: '--manure-share',
  nUseRate: '--n-use-rate',
  pUseRate: '--p-use-rate',
  nSupplyPerPe: '--n-supply-per-pe',
  pSupplyPerPe: '--p-supply-per-pe',
  soilGrade: '--soil-grade',
  stockRatio: '--stock-ratio',
};

/** Defaults, from data/coefficients/nutrients.csv, where each has its source. */
export function defaultParameters(c: Coefficients): { values: Parameters; sources: Record<ParameterName, ParameterSource> } {
  return { values: defaultValues(c), sources: defaultSources(c) };
}

function defaultValues(c: Coefficients): Parameters {
  return {
    basis: 'N',
    manureShare: constantNumber(c, 'manure_share'),
    nUseRate: constantNumber(c, 'n_use_rate'),
    pUseRate: constantNumber(c, 'p_use_rate'),
    nSupplyPerPe: constantNumber(c, 'n_supply_per_pe'),
    pSupplyPerPe: constantNumber(c, 'p_supply_per_pe'),
    soilGrade: c.constants.soil_grade.value as SoilGrade,
    stockRatio: {},
  };
}

/** The coefficient row (data/coefficients/nutrients.csv) each default comes from. */
const DEFAULT_ROWS: Partial<Record<ParameterName, NutrientConstant>> = {
  manureShare: 'manure_share',
  nUseRate: 'n_use_rate',
  pUseRate: 'p_use_rate',
  nSupplyPerPe: 'n_supply_per_pe',
  pSupplyPerPe: 'p_supply_per_pe',
  soilGrade: 'soil_grade',
};

/** Where each default comes from, as the coefficient table says. */
export function defaultSources(c: Coefficients): Record<ParameterName, ParameterSource> {
  return Object.fromEntries(
    PARAMETER_NAMES.map((n) => {
      const row = DEFAULT_ROWS[n];
      return [n, row ? { from: 'default', provenance: c.constants[row].provenance } : { from: 'default' }];
    }),
  ) as Record<ParameterName, ParameterSource>;
}

/** One layer of parameter values, and where they came from. */
export interface ParameterLayer {
  readonly values: Partial<Parameters>;
  readonly source: (name: ParameterName) => ParameterSource;
}

export const fileLayer = (path: string, values: Partial<Parameters>): ParameterLayer => ({ values, source: () => ({ from: 'file', file: path }) });
export const flagLayer = (values: Partial<Parameters>): ParameterLayer => ({ values, source: (name) => ({ from: 'flag', flag: PARAMETER_FLAGS[name] }) });

/**
 * Merges the defaults and layers of values over them, later layers winning (a parameters file, a scenario's
 * parameters, flags), remembering where each value came from. Stock ratios merge by species.
 */
export function resolveParameters(
  defaults: { readonly values: Parameters; readonly sources: Readonly<Record<ParameterName, ParameterSource>> },
  layers: readonly (ParameterLayer | undefined)[],
): ParameterSet {
  const values: Record<string, unknown> = { ...defaults.values };
  const sources: Record<ParameterName, ParameterSource> = { ...defaults.sources };
  for (const layer of layers) {
    if (!layer) continue;
    for (const name of PARAMETER_NAMES) {
      const value = layer.values[name];
      if (value === undefined) continue;
      values[name] = name === 'stockRatio' ? { ...(values.stockRatio as object), ...(value as object) } : value;
      sources[name] = layer.source(name);
    }
  }
  return { values: values as unknown as Parameters, sources };
}
