import type { Messages } from '../../i18n/en.js';
import { Command } from 'commander';
import { loadCoefficients } from '../../coefficients/load.js';
import { computeReport } from '../../api.js';
import { scenarioAdjuster } from '../../scenario/scenario.js';
import { renderReport, REPORT_FORMATS } from '../../report/render.js';
import type { Problem } from '../../validate/problems.js';
import type { Context } from '../context.js';
import { VERSION } from '../version.js';
import { DataFailure } from '../errors.js';
import { resolveInputs } from '../inputs.js';
import { addExamples, addInputOptions, addOutputOptions, addParameterOptions, type InputOptions, type OutputOptions } from '../options.js';

interface ReportOptions extends InputOptions, OutputOptions {
  readonly failOnOverload?: boolean;
  readonly headroom?: boolean;
  readonly range?: boolean;
  readonly title?: string;
  readonly region?: string;
  readonly year?: string;
}

export function reportCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('report').description(t.help.commands.report);
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  addOutputOptions(cmd, REPORT_FORMATS, t);
  cmd.option('--headroom', o.headroom);
  cmd.option('--range', o.range);
  cmd.option('--title <text>', o.title);
  cmd.option('--region <text>', o.region);
  cmd.option('--year <year>', o.year);
  cmd.option('--fail-on-overload', o.failOnOverload);
  addExamples(cmd, t, [
    'landcap report',
    'landcap report --crops crops.csv --livestock livestock.csv --manure-share 0.4',
    'landcap report --crops crops.csv --livestock livestock.csv --soil soil.csv --basis both --format json > report.json',
    'landcap report --format html --title "北票市畜禽粪污土地承载力" --year 2024 --output report.html',
  ]);
  cmd.action(async (opts: ReportOptions & Record<string, unknown>) => {
    const ctx = context();
    const c = loadCoefficients();
    const inputs = await resolveInputs(opts, c, ctx.t);
    const adjust = inputs.scenario && scenarioAdjuster(inputs.scenario, c);
    const { report, problems } = await computeReport(inputs.files, inputs.params, {
      encoding: opts.encoding,
      strict: opts.strict,
      adjust,
      onProgress: ctx.progress(),
    });
    ctx.endProgress();
    ctx.printProblems(problems);
    if (adjust) ctx.printUnmatched(inputs.scenario!.path, adjust.unmatched);
    if (!report) throw new DataFailure(failureSummary(problems, ctx));
    const text = await renderReport(report, opts.format, {
      lang: ctx.lang,
      t: ctx.t,
      chalk: ctx.chalk,
      width: ctx.width,
      columns: { headroom: opts.headroom, range: opts.range },
      meta: { title: opts.title, region: opts.region, year: opts.year, generator: `landcap ${VERSION}` },
    });
    await ctx.emit(opts.output, text, opts.format === 'csv');
    // A township with stock and no land is over any capacity: it fails too.
    const over = report.townships.filter((t) => t.status === 'overloaded' || t.status === 'no-land');
    if (opts.failOnOverload && over.length > 0) throw new DataFailure(ctx.t.ui.overloadFailure(over.length));
  });
  return cmd;
}

export function failureSummary(problems: readonly Problem[], ctx: Context): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return ctx.t.ui.errorsSummary(errors, problems.length - errors);
}
