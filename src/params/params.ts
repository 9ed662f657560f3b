import type { Coefficients } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { PARAMETERS, PARAMETER_NAMES, type ParameterName, type Parameters } from './table.js';

export { PARAMETERS, PARAMETER_NAMES, type ParameterName, type ParameterSpec, type Parameters } from './table.js';

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

/** The defaults (PARAMETERS' `default`: a row of data/coefficients/nutrients.csv, or a fixed value), each with its source. */
export function defaultParameters(c: Coefficients): ParameterSet {
  const values: Record<string, unknown> = {};
  const sources = {} as Record<ParameterName, ParameterSource>;
  for (const name of PARAMETER_NAMES) {
    const d = PARAMETERS[name].default;
    if ('constant' in d) {
      const row = c.constants[d.constant];
      values[name] = PARAMETERS[name].kind === 'choice' ? row.value : Number(row.value);
      sources[name] = { from: 'default', provenance: row.provenance };
    } else {
      values[name] = d.value;
      sources[name] = { from: 'default' };
    }
  }
  return { values: values as unknown as Parameters, sources };
}

/** One layer of parameter values, and where they came from. */
export interface ParameterLayer {
  readonly values: Partial<Parameters>;
  readonly source: (name: ParameterName) => ParameterSource;
}

export const fileLayer = (path: string, values: Partial<Parameters>): ParameterLayer => ({ values, source: () => ({ from: 'file', file: path }) });
export const flagLayer = (values: Partial<Parameters>): ParameterLayer => ({ values, source: (name) => ({ from: 'flag', flag: PARAMETERS[name].flag }) });

/**
 * Merges the defaults and layers of values over them, later layers winning (a parameters file, a scenario's
 * parameters, flags), remembering where each value came from. Stock ratios merge by species.
 */
export function resolveParameters(defaults: ParameterSet, layers: readonly (ParameterLayer | undefined)[]): ParameterSet {
  const values: Record<string, unknown> = { ...defaults.values };
  const sources: Record<ParameterName, ParameterSource> = { ...defaults.sources };
  for (const layer of layers) {
    if (!layer) continue;
    for (const name of PARAMETER_NAMES) {
      const value = layer.values[name];
      if (value === undefined) continue;
      values[name] = PARAMETERS[name].kind === 'ratios' ? { ...(values[name] as object), ...(value as object) } : value;
      sources[name] = layer.source(name);
    }
  }
  return { values: values as unknown as Parameters, sources };
}
