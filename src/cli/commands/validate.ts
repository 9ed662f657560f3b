import { Command, InvalidArgumentError, Option } from 'commander';
import type { Messages } from '../../i18n/en.js';
import { INPUT_KINDS } from '../../input/columns.js';
import type { Context } from '../context.js';
import { addExamples, addParameterOptions, encodingOption, runLazily } from '../options.js';

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number, 0 or more');
  return n;
}

export function validateCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('validate')
    .description(t.help.commands.validate)
    .argument('[files...]', o.files)
    .addOption(new Option('--kind <kind>', o.kind).choices(INPUT_KINDS))
    .addOption(encodingOption(o.encoding))
    .option('--strict', o.strict)
    .option('--max-errors <n>', o.maxErrors, count)
    .addOption(new Option('--format <format>', o.format).choices(['text', 'table', 'json']).default('text'))
    .option('--output <file>', o.validateOutput)
    .option('--sample <name>', o.validateSample)
    .option('--params <file>', o.validateParams);
  addParameterOptions(cmd, t);
  addExamples(cmd, t, [
    'landcap validate crops.csv livestock.csv soil.csv',
    'landcap validate --format json --max-errors 100 data/*.csv > problems.json',
    'landcap validate --sample beipiao-county-2024',
  ]);
  return runLazily(cmd, context, () => import('../run/validate.js'));
}
