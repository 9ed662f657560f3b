import { Command, Option } from 'commander';
import type { Messages } from '../../i18n/en.js';
import { REGION_LEVELS, type RegionLevel } from '../../app/vocabulary.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { addExamples, addInputOptions, addOutputOptions, addParameterOptions, type InputOptions, type OutputOptions } from '../options.js';

interface ReportOptions extends InputOptions, OutputOptions {
  readonly failOnOverload?: boolean;
  readonly headroom?: boolean;
  readonly range?: boolean;
  readonly by?: RegionLevel;
  readonly title?: string;
  readonly region?: string;
  readonly year?: string;
}

/** landcap report: the balance of every township and the total, in any format. */
export function reportCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('report').description(t.help.commands.report);
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  addOutputOptions(cmd, 'report', t);
  cmd
    .option('--headroom', o.headroom)
    .option('--range', o.range)
    .addOption(new Option('--by <level>', o.by).choices(REGION_LEVELS))
    .option('--title <text>', o.title)
    .option('--region <text>', o.region)
    .option('--year <year>', o.year)
    .option('--map <file>', o.map)
    .option('--fail-on-overload', o.failOnOverload);
  addExamples(cmd, t, [
    'landcap report',
    'landcap report --crops crops.csv --livestock livestock.csv --manure-share 0.4',
    'landcap report --crops crops.csv --livestock livestock.csv --soil soil.csv --basis both --format json > report.json',
    'landcap report --format html --title "北票市畜禽粪污土地承载力" --year 2024 --output report.html',
  ]);
  return cmd.action(async (opts: ReportOptions & Record<string, unknown>) => {
    const ctx = context();
    const [{ reportRun }, { VERSION }] = await Promise.all([import('../../app/report.js'), import('../../app/version.js')]);
    const run = await ctx.startRun(opts);
    const { report, problems, unmatched, map } = await reportRun(run, {
      encoding: opts.encoding,
      strict: opts.strict,
      onProgress: ctx.progress(),
      draw: opts.format === 'html',
    });
    ctx.endRead(run, { problems, unmatched });
    if (!report) throw new DataFailure(ctx.failureSummary(problems));
    // The map was read and checked; only the HTML page draws it.
    if (run.files.map !== undefined && opts.format !== 'html') ctx.err(`${ctx.t.ui.mapNotDrawn(opts.format)}\n`);
    if (opts.by && !report.regions.some((r) => r.level === opts.by)) throw new UsageError(ctx.t.ui.noRegions(opts.by));
    await ctx.write('report', opts.format, report, opts.output, {
      columns: { headroom: opts.headroom, range: opts.range },
      by: opts.by,
      meta: { title: opts.title, region: opts.region, year: opts.year, generator: `landcap ${VERSION}` },
      ...(map ? { map } : {}),
    });
    // A township with stock and no land is over any capacity: it fails too.
    const over = report.townships.filter((b) => b.status === 'overloaded' || b.status === 'no-land');
    if (opts.failOnOverload && over.length > 0) throw new DataFailure(ctx.t.ui.overloadFailure(over.length));
  });
}
