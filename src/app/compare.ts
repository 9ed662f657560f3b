import { compareReports, reportFileSchema, type Comparison } from '../compare/compare.js';
import type { Messages } from '../i18n/en.js';
import type { EncodingOption } from '../input/errors.js';
import { ParameterError } from '../params/errors.js';
import { readJsonFile } from '../params/load.js';
import type { Problem } from '../problems.js';
import { UsageError } from './errors.js';
import { reportRun } from './report.js';
import type { ResolvedRun } from './run.js';

/** A report file written by `landcap report --format json`, or a usage error saying it is not one. */
async function readReportFile(path: string, t: Messages) {
  const notAReport = () => new UsageError(t.ui.compare.notAReport(path));
  const json = await readJsonFile(path).catch((error: unknown) => Promise.reject(error instanceof ParameterError ? notAReport() : error));
  const report = reportFileSchema.safeParse(json);
  if (!report.success) throw notAReport();
  return report.data;
}

/**
 * Two report files compared township by township; `warnings` says when they are not of one basis (a nitrogen basis
 * report against a phosphorus one), whose capacities are not of one measure.
 */
export async function compareFiles(base: string, scenario: string, t: Messages): Promise<{ readonly comparison: Comparison; readonly warnings: readonly string[] }> {
  const [a, b] = [await readReportFile(base, t), await readReportFile(scenario, t)];
  const warnings = a.basis === b.basis ? [] : [t.ui.compare.basesDiffer(base, t.ui.basisName[a.basis], scenario, t.ui.basisName[b.basis])];
  return { comparison: compareReports({ label: base, report: a }, { label: scenario, report: b }), warnings };
}

export interface ScenarioComparison {
  /** The comparison; undefined when the data has errors (in `problems`). */
  readonly comparison: Comparison | undefined;
  readonly problems: readonly Problem[];
  readonly unmatched: readonly string[];
}

/** The same data without the run's scenario and with it, compared township by township. */
export async function compareScenario(
  run: ResolvedRun,
  baseline: ResolvedRun,
  t: Messages,
  options: { readonly encoding?: EncodingOption; readonly strict?: boolean } = {},
): Promise<ScenarioComparison> {
  // The baseline's report and problems only: its dataset is not held while the scenario's is read.
  const { report: baseReport, problems: baseProblems } = await reportRun(baseline, options);
  const base = { report: baseReport, problems: baseProblems };
  if (!base.report) return { comparison: undefined, problems: base.problems, unmatched: [] };
  const scenario = await reportRun(run, options);
  // The same files, read again: the scenario's run finds what the baseline's did, and what its changes bring.
  if (!scenario.report) return { comparison: undefined, problems: scenario.problems, unmatched: scenario.unmatched };
  return {
    comparison: compareReports({ label: t.ui.compare.baseLabel, report: base.report }, { label: run.scenario!.name, report: scenario.report }),
    problems: base.problems,
    unmatched: scenario.unmatched,
  };
}
