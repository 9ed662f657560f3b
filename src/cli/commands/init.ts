import { Command } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { addExamples } from '../options.js';

/** landcap init: templates of the input files, with English and with Chinese headers, and a parameters file. */
export function initCommand(context: () => Context, t: Messages): Command {
  const cmd = new Command('init').description(t.help.commands.init).argument('[dir]', t.help.options.dir, '.').option('--force', t.help.options.force);
  addExamples(cmd, t, ['landcap init my-county', 'landcap validate my-county/crops.csv my-county/livestock.csv']);
  return cmd.action(async (dir: string, opts: { force?: boolean }) => {
    const ctx = context();
    const { writeTemplates } = await import('../../app/init.js');
    const written = await writeTemplates(dir, opts.force === true, ctx.t);
    ctx.out(`${written.map((file) => ctx.t.ui.outputWritten(file)).join('\n')}\n`);
  });
}
