import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Messages } from '../i18n/en.js';
import type { Context } from './context.js';
import { ENCODING_OPTIONS, type EncodingOption } from '../input/errors.js';
import { ParameterError } from '../params/errors.js';
import { PARAMETERS, PARAMETER_NAMES, type ParameterLayer, type Parameters } from '../params/params.js';
import { DEFAULT_SAMPLE } from '../samples.js';

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

export function addInputOptions(cmd: Command, t: Messages): Command {
  const o = t.help.options;
  return cmd
    .option('--crops <file>', o.crops)
    .option('--livestock <file>', o.livestock)
    .option('--soil <file>', o.soil)
    .option('--sample <name>', o.sample(DEFAULT_SAMPLE))
    .option('--params <file>', o.params)
    .option('--scenario <file>', o.scenario)
    .addOption(encodingOption(o.encoding))
    .option('--strict', o.strict);
}

/** Names an encoding may be given by, in any case: GBK and GB2312 are read as GB18030, which contains them. */
const ENCODING_NAMES: Readonly<Record<string, EncodingOption>> = {
  auto: 'auto',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** --encoding: one of ENCODING_OPTIONS, or a name ENCODING_NAMES reads as one. */
export function encodingOption(description: string): Option {
  return new Option('--encoding <encoding>', description)
    .choices(ENCODING_OPTIONS)
    .default('auto')
    .argParser((value: string) => {
      const encoding = ENCODING_NAMES[value.toLowerCase()];
      if (encoding === undefined) throw new InvalidArgumentError(`Allowed choices are ${ENCODING_OPTIONS.join(', ')} (gbk and gb2312 are read as gb18030).`);
      return encoding;
    });
}

/** For repeatable options: each value is added to a list. */
export const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function addParameterOptions(cmd: Command, t: Messages): Command {
  for (const name of PARAMETER_NAMES) {
    const spec = PARAMETERS[name];
    const option = new Option(`${spec.flag} <${spec.argument}>`, t.help.options[name]);
    if ('repeatable' in spec) option.argParser(collect);
    cmd.addOption(option);
  }
  cmd.addOption(new Option('--set <name=value>', t.help.options.set(PARAMETER_NAMES.join(', '))).argParser(collect));
  return cmd;
}

/** `--set manureShare=0.45` or `--set manure-share=45%`: any parameter by its name or its flag's. */
export async function setLayer(items: readonly string[] | undefined): Promise<ParameterLayer | undefined> {
  if (!items || items.length === 0) return undefined;
  const { parseParameterFlag } = await import('../params/check.js');
  const values: Record<string, unknown> = {};
  for (const item of items) {
    const m = /^\s*([A-Za-z-]+)\s*=(.*)$/.exec(item);
    const name = m && PARAMETER_NAMES.find((n) => n === m[1] || PARAMETERS[n].flag === `--${m[1]!.toLowerCase()}`);
    if (!m || !name) throw new ParameterError('--set', 'set-syntax', { text: item, names: PARAMETER_NAMES.join(', ') });
    try {
      const value = parseParameterFlag(name, m[2]!.trim());
      values[name] = PARAMETERS[name].kind === 'ratios' ? { ...(values[name] as object), ...(value as object) } : value;
    } catch (error) {
      if (error instanceof ParameterError) throw new ParameterError(`--set ${name}`, error.code, error.args);
      throw error;
    }
  }
  return { values: values as Partial<Parameters>, source: (name) => ({ from: 'flag', flag: `--set ${name}` }) };
}

/** The parameter flags that were given, parsed and checked (ParameterError names the flag). */
export async function parameterFlags(opts: Record<string, unknown>): Promise<Partial<Parameters>> {
  const flags: Record<string, unknown> = {};
  const given = PARAMETER_NAMES.filter((name) => opts[name] !== undefined);
  // The schemas load only when a parameter flag is given.
  if (given.length === 0) return flags;
  const { parseParameterFlag } = await import('../params/check.js');
  for (const name of given) flags[name] = parseParameterFlag(name, opts[name] as string | string[]);
  return flags as Partial<Parameters>;
}

export function addOutputOptions(cmd: Command, formats: readonly string[], t: Messages): Command {
  return cmd
    .addOption(new Option('--format <format>', t.help.options.format).choices(formats).default(formats[0]))
    .option('--output <file>', t.help.options.output);
}

/** The command's work, loaded only when the command runs: a command loads only what it uses. */
export function runLazily(
  cmd: Command,
  context: () => Context,
  load: () => Promise<{ run: (context: () => Context, ...args: never[]) => Promise<void> }>,
): Command {
  return cmd.action(async (...args: unknown[]) => {
    const { run } = await load();
    await (run as (context: () => Context, ...rest: unknown[]) => Promise<void>)(context, ...args);
  });
}

/** Example command lines under a command's help. */
export function addExamples(cmd: Command, t: Messages, examples: readonly string[]): Command {
  return cmd.addHelpText('after', () => `\n${t.help.titles['Examples:']}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}
