import type { Messages } from '../../i18n/en.js';
import { Command, Option } from 'commander';
import { computeReport } from '../../api.js';
import { loadCoefficients } from '../../coefficients/load.js';
import { compareReports, reportFileSchema } from '../../compare/compare.js';
import { renderComparison } from '../../compare/render.js';
import { ParameterError } from '../../params/errors.js';
import { readJsonFile } from '../../params/load.js';
import { scenarioAdjuster } from '../../scenario/adjust.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { resolveInputs } from '../inputs.js';
import { addExamples, addInputOptions, addParameterOptions, type InputOptions, type OutputOptions } from '../options.js';
import { failureSummary } from './report.js';

async function readReportFile(path: string, ctx: Context) {
  const notAReport = () => new UsageError(ctx.t.ui.compare.notAReport(path));
  const json = await readJsonFile(path).catch((error: unknown) => Promise.reject(error instanceof ParameterError ? notAReport() : error));
  const report = reportFileSchema.safeParse(json);
  if (!report.success) throw notAReport();
  return report.data;
}

export async function run(context: () => Context, files: string[], opts: InputOptions & OutputOptions & Record<string, unknown>): Promise<void> {
  const ctx = context();
  let comparison;
  if (files.length === 2) {
    if (opts.scenario !== undefined) throw new UsageError(ctx.t.ui.compare.needTwo);
    await ctx.checkOutput(opts.output, files.map((path, i) => ({ path, given: i === 0 ? 'BASE' : 'SCENARIO' })));
    const [base, scenario] = [await readReportFile(files[0]!, ctx), await readReportFile(files[1]!, ctx)];
    comparison = compareReports({ label: files[0]!, report: base }, { label: files[1]!, report: scenario });
  } else if (files.length === 0 && opts.scenario !== undefined) {
    // Two runs on the same inputs: without the scenario, and with it.
    const c = await loadCoefficients();
    const withScenario = await resolveInputs(opts, c, ctx.t);
    await ctx.checkOutput(opts.output, withScenario.named);
    const baseline = await resolveInputs({ ...opts, scenario: undefined }, c, ctx.t);
    const adjust = scenarioAdjuster(withScenario.scenario!, c);
    const base = await computeReport(baseline.files, baseline.params, { encoding: opts.encoding, strict: opts.strict });
    ctx.printProblems(base.problems);
    if (!base.report) throw new DataFailure(failureSummary(base.problems, ctx));
    const scenario = await computeReport(withScenario.files, withScenario.params, { encoding: opts.encoding, strict: opts.strict, adjust });
    ctx.printUnmatched(withScenario.scenario!.path, adjust.unmatched);
    if (!scenario.report) throw new DataFailure(failureSummary(scenario.problems, ctx));
    comparison = compareReports({ label: ctx.t.ui.compare.baseLabel, report: base.report }, { label: withScenario.scenario!.name, report: scenario.report });
  } else {
    throw new UsageError(ctx.t.ui.compare.needTwo);
  }
  const text = renderComparison(comparison, opts.format, ctx.lang, ctx.t, ctx.chalk);
  await ctx.emit(opts.output, text);
}
