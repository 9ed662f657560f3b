import { Command, Option } from 'commander';
import type { Messages } from '../../i18n/en.js';
import { COEFFICIENT_TABLES } from '../../report/formats.js';
import type { Context } from '../context.js';
import { addExamples, addOutputOptions, runLazily } from '../options.js';

export function coefficientsCommand(context: () => Context, t: Messages): Command {
  const cmd = new Command('coefficients').description(t.help.commands.coefficients);
  cmd.addOption(new Option('--table <name>', t.help.options.table).choices(COEFFICIENT_TABLES));
  addOutputOptions(cmd, ['table', 'json', 'csv', 'md'], t);
  addExamples(cmd, t, ['landcap coefficients --table crops', 'landcap coefficients --format md --output coefficients.md']);
  return runLazily(cmd, context, () => import('../run/coefficients.js'));
}
