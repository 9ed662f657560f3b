import { z } from 'zod';
import { bounded } from '../safe-text.js';
import { ParameterError, type ParameterErrorCode } from './errors.js';
import { PARAMETERS, PARAMETER_NAMES, type ParameterName, type ParameterSpec, type Parameters } from './table.js';

/**
 * Parameter values checked against their schemas, built from the parameter table (src/params/table.ts). zod loads
 * only when a parameters file or flag is given.
 */

/** The schema of a parameter's values, from its kind and range. */
function schemaOf(spec: ParameterSpec): z.ZodType {
  const within = () => z.number().gte(spec.range![0]).lte(spec.range![1]);
  switch (spec.kind) {
    case 'choice':
      return z.enum(spec.choices as [string, ...string[]]);
    case 'share':
    case 'supply':
      return within();
    case 'ratios':
      return z.record(z.string().min(1), within());
  }
}

/** One schema for each parameter's value, whether it comes from a file or a flag. */
const parameterSchemas = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, schemaOf(PARAMETERS[name])])) as Record<ParameterName, z.ZodType>;

/** A run's parameters, every one (the report's JSON). */
export const parametersSchema = z.strictObject(parameterSchemas);

/** The parameters file (`--params FILE`): any subset of the parameters. */
export const parametersFileSchema = z.strictObject({
  $schema: z.string().optional(),
  local: z.string().trim().min(1).optional().describe("a county's local dictionary of names and values (docs/local.md), relative to this file"),
  ...Object.fromEntries(PARAMETER_NAMES.map((name) => [name, parameterSchemas[name].optional()])),
});

export type ParametersFile = Partial<Parameters> & { $schema?: string; local?: string };

/** A schema issue as a ParameterError code and its arguments. */
function describeIssue(issue: z.core.$ZodIssue): [ParameterErrorCode, Record<string, string | number>] {
  if (issue.code === 'unrecognized_keys') return ['unknown-keys', { keys: issue.keys.join(', '), known: PARAMETER_NAMES.join(', ') }];
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const spec: ParameterSpec = PARAMETERS[String(issue.path[0]) as ParameterName];
    const [min, max] = spec.range!;
    if (spec.kind === 'share') return ['share', {}];
    if (spec.kind === 'ratios') return ['positive', { max }];
    return ['supply', { min, max, nutrient: spec.nutrient! }];
  }
  if (issue.code === 'invalid_value') return ['one-of', { values: issue.values.map(String).join(', ') }];
  return ['invalid', { detail: issue.message }];
}

/** Checks a parsed parameters file; throws ParameterError naming the file and the key. */
export function checkParametersFile(file: string, data: unknown): ParametersFile {
  const result = parametersFileSchema.safeParse(data);
  if (result.success) return result.data as ParametersFile;
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

/**
 * Parses a flag's text into a parameter value, by the parameter's kind: a choice in any case and width (n, ⅱ),
 * a number as 0.4 or 40%, stock ratios as species=ratio.
 */
export function parseParameterFlag<K extends ParameterName>(name: K, text: string | string[]): Parameters[K] {
  const spec: ParameterSpec = PARAMETERS[name];
  let value: unknown;
  if (spec.kind === 'ratios') {
    const ratios: Record<string, number> = {};
    for (const item of Array.isArray(text) ? text : [text]) {
      const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(item);
      if (!m) throw new ParameterError(spec.flag, 'not-species-ratio', { text: item });
      ratios[m[1]!] = numberText(spec.flag, m[2]!);
    }
    value = ratios;
  } else if (spec.kind === 'choice') {
    const given = String(text).normalize('NFKC').trim().toUpperCase();
    value = spec.choices!.find((c) => c.toUpperCase() === given) ?? String(text).trim();
  } else value = numberText(spec.flag, String(text));
  const result = parameterSchemas[name].safeParse(value);
  if (!result.success) throw new ParameterError(spec.flag, ...describeIssue({ ...result.error.issues[0]!, path: [name] } as z.core.$ZodIssue));
  return result.data as Parameters[K];
}

function numberText(flag: string, text: string): number {
  const t = text.trim();
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(t)) throw new ParameterError(flag, 'not-number', { text });
  return Number(t);
}
