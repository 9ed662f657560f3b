import { z } from 'zod';
import { BASES, SOIL_GRADES } from '../method/types.js';
import { bounded } from '../safe-text.js';
import { ParameterError, type ParameterErrorCode } from './errors.js';
import { PARAMETER_FLAGS, PARAMETER_NAMES, type ParameterName, type Parameters } from './params.js';

/** Parameter values checked against their schemas (loaded only when a parameters file or flag is given). */

/**
 * The range of each number a run is given: what the quantity can physically be, so that a slip (4 for 40%, 1e-320)
 * is refused here rather than turned into an infinite capacity. Shares and use rates from 1% to 100%; supply per PE
 * from 1% to 100% of what one PE excretes a year (11 kg N, 1.65 kg P: data/coefficients/nutrients.csv); a stock per
 * slaughter ratio above 0 and at most 100.
 */
export const PARAMETER_RANGES = {
  manureShare: [0.01, 1],
  nUseRate: [0.01, 1],
  pUseRate: [0.01, 1],
  nSupplyPerPe: [0.11, 11],
  pSupplyPerPe: [0.0165, 1.65],
  stockRatio: [Number.MIN_VALUE, 100],
} as const;

const within = ([min, max]: readonly [number, number]) => z.number().gte(min).lte(max);

/** One schema for a parameter's value, whether it comes from a file or a flag. */
export const parameterSchemas = {
  basis: z.enum(BASES),
  manureShare: within(PARAMETER_RANGES.manureShare),
  nUseRate: within(PARAMETER_RANGES.nUseRate),
  pUseRate: within(PARAMETER_RANGES.pUseRate),
  nSupplyPerPe: within(PARAMETER_RANGES.nSupplyPerPe),
  pSupplyPerPe: within(PARAMETER_RANGES.pSupplyPerPe),
  soilGrade: z.enum(SOIL_GRADES),
  stockRatio: z.record(z.string().min(1), within(PARAMETER_RANGES.stockRatio)),
} satisfies Record<ParameterName, z.ZodType>;

/** The parameters file (`--params FILE`): any subset of the parameters. */
export const parametersFileSchema = z.strictObject({
  $schema: z.string().optional(),
  ...Object.fromEntries(Object.entries(parameterSchemas).map(([k, v]) => [k, v.optional()])),
} as { $schema: z.ZodOptional<z.ZodString> } & { [K in ParameterName]: z.ZodOptional<(typeof parameterSchemas)[K]> });

export type ParametersFile = z.infer<typeof parametersFileSchema>;

/** A schema issue as a ParameterError code and its arguments. */
function describeIssue(issue: z.core.$ZodIssue): [ParameterErrorCode, Record<string, string | number>] {
  if (issue.code === 'unrecognized_keys') return ['unknown-keys', { keys: issue.keys.join(', '), known: PARAMETER_NAMES.join(', ') }];
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const key = String(issue.path[0]) as keyof typeof PARAMETER_RANGES;
    if (key === 'manureShare' || key === 'nUseRate' || key === 'pUseRate') return ['share', {}];
    if (key === 'stockRatio') return ['positive', { max: PARAMETER_RANGES.stockRatio[1] }];
    const [min, max] = PARAMETER_RANGES[key];
    return ['supply', { min, max, nutrient: key === 'nSupplyPerPe' ? 'N' : 'P' }];
  }
  if (issue.code === 'invalid_value') return ['one-of', { values: issue.values.map(String).join(', ') }];
  return ['invalid', { detail: issue.message }];
}

/** Checks a parsed parameters file; throws ParameterError naming the file and the key. */
export function checkParametersFile(file: string, data: unknown): ParametersFile {
  const result = parametersFileSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  // A value of the wrong type is quoted, as a flag's is: "40%" is not a number (the file takes 0.4).
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    const value = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], data);
    if (typeof value === 'number') throw new ParameterError(`${file}: ${path}`, 'not-finite', { text: String(value) });
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    throw new ParameterError(`${file}: ${path}`, 'not-number', { text: bounded(text) });
  }
  throw new ParameterError(path ? `${file}: ${path}` : file, ...describeIssue(issue));
}

/** Parses a flag's text into a parameter value ("40%" is 0.4; stock ratios are "species=ratio"). */
export function parseParameterFlag<K extends ParameterName>(name: K, text: string | string[]): Parameters[K] {
  const flag = PARAMETER_FLAGS[name];
  let value: unknown;
  if (name === 'stockRatio') {
    const ratios: Record<string, number> = {};
    for (const item of Array.isArray(text) ? text : [text]) {
      const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(item);
      if (!m) throw new ParameterError(flag, 'not-species-ratio', { text: item });
      ratios[m[1]!] = numberText(flag, m[2]!);
    }
    value = ratios;
  } else if (name === 'basis' || name === 'soilGrade') {
    const t = String(text).trim();
    value = name === 'basis' ? (t.toLowerCase() === 'both' ? 'both' : t.toUpperCase()) : t.normalize('NFKC').toUpperCase();
  } else {
    value = numberText(flag, String(text));
  }
  const result = parameterSchemas[name].safeParse(value);
  if (!result.success) throw new ParameterError(flag, ...describeIssue({ ...result.error.issues[0]!, path: [name] } as z.core.$ZodIssue));
  return result.data as Parameters[K];
}

function numberText(flag: string, text: string): number {
  const t = text.trim();
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(t)) throw new ParameterError(flag, 'not-number', { text });
  return Number(t);
}
