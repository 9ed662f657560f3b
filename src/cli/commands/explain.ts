import { Command, Option } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { addLocationOptions, addExamples, addInputOptions, addOutputOptions, addParameterOptions, type InputOptions, type OutputOptions } from '../options.js';

interface ExplainOptions extends InputOptions, OutputOptions {
  readonly township: string;
  readonly county?: string;
  readonly maxKm: number;
}

/** landcap explain: the whole calculation for one township, every number with its formula and source. */
export function explainCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('explain')
    .description(t.help.commands.explain)
    .addOption(new Option('--township <name>', o.township).makeOptionMandatory())
    .option('--county <name>', o.county);
  addLocationOptions(cmd, t);
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  addOutputOptions(cmd, 'explain', t);
  addExamples(cmd, t, [
    'landcap explain --township 城关街道',
    'landcap explain --sample beipiao-county-2024 --township 北票市 --format md > 北票市.md',
    'landcap explain --crops crops.csv --livestock livestock.csv --places places.csv --township 拉堡镇',
  ]);
  return cmd.action(async (opts: ExplainOptions & Record<string, unknown>) => {
    const ctx = context();
    // The farthest manure is carried means something only in a plan, and a plan needs the townships' locations.
    if (cmd.getOptionValueSource('maxKm') === 'cli' && opts.places === undefined && opts.map === undefined) throw new UsageError(ctx.t.ui.transfer.maxKmAlone);
    const { explainRun } = await import('../../app/explain.js');
    const run = await ctx.startRun(opts);
    const { explanation, problems, unmatched, nearest, counties, notIn } = await explainRun(run, opts.township, {
      county: opts.county,
      maxKm: opts.maxKm,
      encoding: opts.encoding,
      strict: opts.strict,
      onProgress: ctx.progress(),
    });
    ctx.endRead(run, { problems, unmatched });
    if (counties && notIn !== undefined) throw new UsageError(ctx.t.ui.explain.notInCounty(opts.township.trim(), notIn, counties.join(ctx.t.ui.enumSeparator)));
    if (counties) throw new UsageError(ctx.t.ui.explain.ambiguous(opts.township.trim(), counties.join(ctx.t.ui.enumSeparator)));
    if (nearest) throw new UsageError(ctx.t.ui.explain.notFound(opts.township.trim(), nearest.join(', ')));
    if (!explanation) throw new DataFailure(ctx.failureSummary(problems));
    await ctx.write('explain', opts.format, explanation, opts.output);
  });
}
