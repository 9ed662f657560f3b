import { Command, Option } from 'commander';
import { COEFFICIENT_TABLES } from '../../app/vocabulary.js';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { DataFailure } from '../errors.js';
import { addExamples, addOutputOptions, type OutputOptions } from '../options.js';

/** landcap coefficients: the coefficient tables in use, with their provenance. */
export function coefficientsCommand(context: () => Context, t: Messages): Command {
  const cmd = new Command('coefficients').description(t.help.commands.coefficients);
  cmd.addOption(new Option('--table <name>', t.help.options.table).choices(COEFFICIENT_TABLES)).option('--local <file>', t.help.options.local);
  addOutputOptions(cmd, 'coefficients', t);
  addExamples(cmd, t, [
    'landcap coefficients --table crops',
    'landcap coefficients --local 柳江区本地词典.csv --table crops',
    'landcap coefficients --format md --output coefficients.md',
  ]);
  return cmd.action(async (opts: OutputOptions & { table?: string; local?: string }) => {
    const ctx = context();
    await ctx.checkOutput(opts.output, opts.local !== undefined ? [{ path: opts.local, given: '--local' }] : []);
    const { coefficientListing } = await import('../../app/coefficients.js');
    const { tables, problems } = await coefficientListing(opts.table, opts.local);
    ctx.printProblems(problems);
    if (!tables) throw new DataFailure(ctx.failureSummary(problems));
    await ctx.write('coefficients', opts.format, tables, opts.output);
  });
}
