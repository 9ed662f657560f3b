import { Command, Option } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { addExamples, addInputOptions, addParameterOptions, runLazily } from '../options.js';

export function compareCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('compare').description(t.help.commands.compare).argument('[reports...]', o.reports);
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  cmd.addOption(new Option('--format <format>', o.format).choices(['table', 'json', 'csv', 'md']).default('table'));
  cmd.option('--output <file>', o.output);
  addExamples(cmd, t, ['landcap compare base.json scenario.json', 'landcap compare --scenario data/samples/beipiao-townships-2024/scenario-2030.json']);
  return runLazily(cmd, context, () => import('../run/compare.js'));
}
