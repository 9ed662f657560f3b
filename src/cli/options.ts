import { Option, type Command } from 'commander';
import { ENCODING_OPTIONS, type EncodingOption } from '../io/csv.js';
import {
  PARAMETER_FLAGS,
  PARAMETER_NAMES,
  ParameterError,
  parseParameterFlag,
  type ParameterLayer,
  type ParameterName,
  type Parameters,
} from '../params/params.js';
import { DEFAULT_SAMPLE } from '../samples.js';

/** The parameter flags (CONTRACT.md "parameters"), defined once: help text and parsing follow from this table. */
const PARAMETER_OPTIONS: Record<ParameterName, { flags: string; description: string; choices?: readonly string[]; repeatable?: boolean }> = {
  basis: { flags: '--basis <basis>', description: 'nutrient basis: N, P, or both (the smaller capacity)', choices: ['N', 'P', 'both'] },
  manureShare: { flags: '--manure-share <share>', description: 'share of fertilisation from manure (default 0.5; 40% or 0.4)' },
  nUseRate: { flags: '--n-use-rate <rate>', description: 'first-season use rate of manure N (default 0.25)' },
  pUseRate: { flags: '--p-use-rate <rate>', description: 'first-season use rate of manure P (default 0.30)' },
  nSupplyPerPe: { flags: '--n-supply-per-pe <kg>', description: 'manure N supplied per pig equivalent a year (default 7.0)' },
  pSupplyPerPe: { flags: '--p-supply-per-pe <kg>', description: 'manure P supplied per pig equivalent a year (default 1.2)' },
  soilGrade: { flags: '--soil-grade <grade>', description: 'soil grade for townships without soil data: I, II, III (default II)' },
  stockRatio: {
    flags: '--stock-ratio <species=ratio>',
    description: 'stock per slaughter for rows with only 出栏 (repeatable), e.g. 生猪=0.55',
    repeatable: true,
  },
};

export interface InputOptions {
  readonly scenario?: string;
  readonly set?: string[];
  readonly crops?: string;
  readonly livestock?: string;
  readonly soil?: string;
  readonly sample?: string;
  readonly params?: string;
  readonly encoding: EncodingOption;
  readonly strict?: boolean;
}

export interface OutputOptions {
  readonly format: string;
  readonly output?: string;
}

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--crops <file>', 'crops CSV: one row per township × crop')
    .option('--livestock <file>', 'livestock CSV: one row per township × species')
    .option('--soil <file>', 'soil CSV: grades or measured values per township (optional)')
    .option('--sample <name>', `a bundled sample, when no input files are given (default ${DEFAULT_SAMPLE})`)
    .option('--params <file>', 'parameters as a JSON file; flags override it')
    .option('--scenario <file>', 'a scenario: parameter, stock and crop changes as a JSON file')
    .addOption(new Option('--encoding <encoding>', 'input encoding').choices(ENCODING_OPTIONS).default('auto'))
    .option('--strict', 'treat warnings as errors');
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function addParameterOptions(cmd: Command): Command {
  for (const name of PARAMETER_NAMES) {
    const spec = PARAMETER_OPTIONS[name];
    const option = new Option(spec.flags, spec.description);
    if (spec.repeatable) option.argParser(collect);
    cmd.addOption(option);
  }
  cmd.addOption(new Option('--set <name=value>', `set any parameter (repeatable): ${PARAMETER_NAMES.join(', ')}`).argParser(collect));
  return cmd;
}

/** `--set manureShare=0.45` or `--set manure-share=45%`: any parameter by its name or its flag's. */
export function setLayer(items: readonly string[] | undefined): ParameterLayer | undefined {
  if (!items || items.length === 0) return undefined;
  const values: Record<string, unknown> = {};
  for (const item of items) {
    const m = /^\s*([A-Za-z-]+)\s*=(.*)$/.exec(item);
    const name = m && PARAMETER_NAMES.find((n) => n === m[1] || PARAMETER_FLAGS[n] === `--${m[1]!.toLowerCase()}`);
    if (!m || !name) throw new ParameterError('--set', `"${item}" is not name=value with a parameter name (${PARAMETER_NAMES.join(', ')})`);
    values[name] =
      name === 'stockRatio' ? { ...(values.stockRatio as object), ...parseParameterFlag(name, m[2]!.trim()) } : parseParameterFlag(name, m[2]!.trim());
  }
  return { values: values as Partial<Parameters>, source: (name) => ({ from: 'flag', flag: `--set ${name}` }) };
}

/** The parameter flags that were given, parsed and checked (ParameterError names the flag). */
export function parameterFlags(opts: Record<string, unknown>): Partial<Parameters> {
  const flags: Record<string, unknown> = {};
  for (const name of PARAMETER_NAMES) {
    const text = opts[name];
    if (text !== undefined) flags[name] = parseParameterFlag(name, text as string | string[]);
  }
  return flags as Partial<Parameters>;
}

export function addOutputOptions(cmd: Command, formats: readonly string[]): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(formats).default(formats[0]))
    .option('--output <file>', 'write to this file (atomically) instead of stdout');
}
