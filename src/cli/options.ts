import { extname } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError, isStdout } from '../app/present.js';
import { DEFAULT_SAMPLE, ENCODING_OPTIONS, PARAMETERS, PARAMETER_NAMES, formatsOf, type Documents, type EncodingOption } from '../app/vocabulary.js';
import type { RunRequest } from '../app/run.js';
import type { Messages } from '../i18n/en.js';

/** The options of a command that reads a dataset. */
export interface InputOptions {
  readonly crops?: string;
  readonly livestock?: string;
  readonly soil?: string;
  readonly local?: string;
  readonly sample?: string;
  readonly params?: string;
  readonly scenario?: string;
  readonly places?: string;
  readonly map?: string;
  readonly set?: string[];
  readonly sheet?: string[];
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
    .option('--local <file>', o.local)
    .option('--sample <name>', o.sample(DEFAULT_SAMPLE))
    .option('--params <file>', o.params)
    .option('--scenario <file>', o.scenario)
    .addOption(new Option('--sheet <kind=name>', o.sheet).argParser(collect))
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

/** A flag per parameter (src/params/table.ts), its help in the user's language, and --set. */
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

/** A run's request from a command's options: its files, parameters file, scenario, and parameter values as given. */
export function runRequest(opts: InputOptions & Record<string, unknown>): RunRequest {
  const flags = Object.fromEntries(PARAMETER_NAMES.filter((n) => opts[n] !== undefined).map((n) => [n, opts[n] as string | string[]]));
  return {
    crops: opts.crops,
    livestock: opts.livestock,
    soil: opts.soil,
    local: opts.local,
    sample: opts.sample,
    params: opts.params,
    scenario: opts.scenario,
    places: opts.places,
    map: opts.map,
    set: opts.set,
    sheets: opts.sheet,
    flags,
  };
}

/** The format a file's name says, by its extension. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, string>> = { '.json': 'json', '.csv': 'csv', '.md': 'md', '.html': 'html', '.htm': 'html', '.xlsx': 'xlsx' };

/**
 * --format, its choices the renderers of the document (the first the default), and --output. Without --format, an
 * output file's name says the format (report.xlsx, report.html); a --format that its name contradicts (--format csv
 * --output report.xlsx) is a usage error, not a CSV file named .xlsx.
 */
export function addOutputOptions(cmd: Command, kind: keyof Documents, t: Messages, output = t.help.options.output): Command {
  const formats = formatsOf(kind);
  return cmd
    .addOption(new Option('--format <format>', t.help.options.format).choices(formats).default(formats[0]))
    .option('--output <file>', output)
    .hook('preAction', (command) => {
      const file: unknown = command.getOptionValue('output');
      if (typeof file !== 'string' || isStdout(file)) return;
      const named = FORMAT_OF_EXTENSION[extname(file).toLowerCase()];
      if (named === undefined || !formats.includes(named)) return;
      const format: unknown = command.getOptionValue('format');
      if (command.getOptionValueSource('format') === 'default') command.setOptionValueWithSource('format', named, 'implied');
      else if (format !== named) throw new UsageError(t.ui.usage.formatNotOutput(String(format), file, named));
    });
}

/** Example command lines under a command's help. */
export function addExamples(cmd: Command, t: Messages, examples: readonly string[]): Command {
  return cmd.addHelpText('after', () => `\n${t.help.titles['Examples:']}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/**
 * The townships' locations for a transfer plan (docs/transfer.md): --places, --map, and --max-km, the farthest manure
 * is carried (above 0, at most 1,000 km).
 */
export function addLocationOptions(cmd: Command, t: Messages): Command {
  const maxKm = new Option('--max-km <km>', t.help.options.maxKm).default(30).argParser((value: string) => {
    const km = Number(value);
    if (!Number.isFinite(km) || km <= 0 || km > 1000) throw new InvalidArgumentError(t.ui.transfer.badKm);
    return km;
  });
  return cmd.option('--places <file>', t.help.options.places).option('--map <file>', t.help.options.map).addOption(maxKm);
}
