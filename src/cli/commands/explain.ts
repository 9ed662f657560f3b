import { Command, Option } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { addExamples, addInputOptions, addParameterOptions, runLazily } from '../options.js';

export function explainCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('explain').description(t.help.commands.explain).requiredOption('--township <name>', o.township);
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  cmd.addOption(new Option('--format <format>', o.format).choices(['text', 'table', 'json', 'md']).default('text'));
  cmd.option('--output <file>', o.output);
  addExamples(cmd, t, ['landcap explain --township 城关街道', 'landcap explain --sample beipiao-county-2024 --township 北票市 --format md > 北票市.md']);
  return runLazily(cmd, context, () => import('../run/explain.js'));
}
