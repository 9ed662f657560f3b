import { Command } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { addExamples, runLazily } from '../options.js';

export function initCommand(context: () => Context, t: Messages): Command {
  const cmd = new Command('init').description(t.help.commands.init).argument('[dir]', t.help.options.dir, '.').option('--force', t.help.options.force);
  addExamples(cmd, t, ['landcap init my-county', 'landcap validate my-county/crops.csv my-county/livestock.csv']);
  return runLazily(cmd, context, () => import('../run/init.js'));
}
