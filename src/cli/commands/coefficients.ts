import { Command, Option } from 'commander';
import { COEFFICIENT_TABLES } from '../../app/vocabulary.js';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { addExamples, addOutputOptions, type OutputOptions } from '../options.js';

/** landcap coefficients: the coefficient tables in use, with their provenance. */
export function coefficientsCommand(context: () => Context, t: Messages): Command {
  const cmd = new Command('coefficients').description(t.help.commands.coefficients);
  cmd.addOption(new Option('--table <name>', t.help.options.table).choices(COEFFICIENT_TABLES));
  addOutputOptions(cmd, 'coefficients', t);
  addExamples(cmd, t, ['landcap coefficients --table crops', 'landcap coefficients --format md --output coefficients.md']);
  return cmd.action(async (opts: OutputOptions & { table?: string }) => {
    const ctx = context();
    await ctx.checkOutput(opts.output, []);
    const { coefficientListing } = await import('../../app/coefficients.js');
    await ctx.write('coefficients', opts.format, await coefficientListing(opts.table), opts.output);
  });
}
