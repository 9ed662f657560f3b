/**
 * landcap as a library: the functions the command line is a shell over.
 *
 *   import { computeReport, renderReport } from 'landcap';
 *   const { report, problems } = await computeReport({ crops: 'crops.csv', livestock: 'livestock.csv' }, { manureShare: 0.4 });
 */
import { loadCoefficients } from './coefficients/load.js';
import { plain } from './report/colours.js';
import { loadDataset, type InputFiles, type LoadOptions } from './dataset/dataset.js';
import { messages, type Lang } from './i18n/index.js';
import { defaultParameters, resolveParameters, type Parameters, type ParameterSet } from './params/params.js';
import { buildReport, type Report } from './report/report.js';
import { renderReport as render, type ReportFormat } from './report/render.js';
import { ProblemLog, type Problem } from './validate/problems.js';

export interface ComputeResult {
  /** The report; undefined when the data has errors. */
  readonly report: Report | undefined;
  /** Every problem found, errors and warnings, in the order found. */
  readonly problems: readonly Problem[];
}

export interface ComputeOptions extends LoadOptions {
  /** Warnings count as errors. */
  readonly strict?: boolean;
}

/** Reads the input files, checks them, and computes the balance report with the given parameters (defaults for the rest). */
export async function computeReport(
  files: InputFiles,
  parameters: Partial<Parameters> | ParameterSet = {},
  options: ComputeOptions = {},
): Promise<ComputeResult> {
  const c = await loadCoefficients();
  const params =
    'values' in parameters && 'sources' in parameters
      ? (parameters as ParameterSet)
      : resolveParameters(defaultParameters(c), [{ values: parameters as Partial<Parameters>, source: () => ({ from: 'api' }) }]);
  const log = new ProblemLog({ strict: options.strict });
  const dataset = await loadDataset(files, params.values, c, log, options);
  if (log.hasErrors) return { report: undefined, problems: log.problems };
  return { report: buildReport(dataset, params, c, log.problems), problems: log.problems };
}

/** Renders a report as the command line does (no colour). */
export function renderReport(report: Report, format: ReportFormat, lang: Lang = 'en'): Promise<string> {
  return render(report, format, { lang, t: messages(lang), chalk: plain });
}

export type { InputFiles, Parameters, ParameterSet, Problem, Report, ReportFormat, Lang };
