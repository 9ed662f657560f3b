import type { Messages } from '../../i18n/en.js';
import { Command } from 'commander';
import { loadCoefficients } from '../../coefficients/load.js';
import { computeReport } from '../../api.js';
import { scenarioAdjuster } from '../../scenario/adjust.js';
import { renderReportParts, REPORT_FORMATS } from '../../report/render.js';
import type { Problem } from '../../problems.js';
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

export async function run(context: () => Context, opts: ReportOptions & Record<string, unknown>): Promise<void> {
  const ctx = context();
  const c = await loadCoefficients();
  const inputs = await resolveInputs(opts, c, ctx.t);
  await ctx.checkOutput(opts.output, inputs.named);
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
  const text = await renderReportParts(report, opts.format, {
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
}

export function failureSummary(problems: readonly Problem[], ctx: Context): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return ctx.t.ui.errorsSummary(errors, problems.length - errors);
}
