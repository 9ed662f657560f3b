import { loadCoefficients } from '../coefficients/load.js';
import type { EncodingOption } from '../input/errors.js';
import type { Progress } from '../input/read.js';
import { ProblemLog, type Problem } from '../problems.js';
import { buildReport, type Report } from '../report/report.js';
import type { MapDrawing } from '../render/map-drawing.js';
import { drawingOf } from './map.js';
import { loadDataset, type Dataset } from '../tally/dataset.js';
import type { TransferPlan } from '../transfer/plan.js';
import { scenarioOf } from './report.js';
import type { ResolvedRun } from './run.js';

/**
 * A transfer plan for a run (docs/transfer.md): the report of its data, parameters and scenario, and the townships'
 * locations from its places file, else its map's area centroids; the most surplus placed within `maxKm`, then the
 * least PE × km. No plan when the data have errors. With a map, the map projected for drawing.
 */
export async function transferRun(
  run: ResolvedRun,
  maxKm: number,
  options: {
    readonly encoding?: EncodingOption;
    readonly strict?: boolean;
    readonly onProgress?: Progress;
    /** Project the map for an HTML page. */
    readonly draw?: boolean;
  } = {},
): Promise<{
  readonly plan: TransferPlan | undefined;
  readonly problems: readonly Problem[];
  readonly unmatched: readonly string[];
  readonly report?: Report;
  readonly map?: MapDrawing;
}> {
  const scenario = await scenarioOf(run);
  const log = new ProblemLog({ strict: options.strict });
  const dataset = await loadDataset(run.files, run.params.values, await loadCoefficients(), log, {
    encoding: options.encoding,
    adjust: scenario?.adjust,
    onProgress: options.onProgress,
    sheets: run.sheets,
  });
  const report = log.hasErrors ? undefined : buildReport(dataset, run.params, log);
  const unmatched = scenario?.unmatched() ?? [];
  if (!report) return { plan: undefined, problems: log.problems, unmatched };
  const map = options.draw ? await drawingOf(dataset) : undefined;
  return { plan: await planOf(report, dataset, maxKm), problems: log.problems, unmatched, report, ...(map ? { map } : {}) };
}

/** The plan of a report's townships at the dataset's locations (the solver loads only here). */
export async function planOf(report: Report, dataset: Pick<Dataset, 'places'>, maxKm: number): Promise<TransferPlan> {
  const { transferPlan } = await import('../transfer/plan.js');
  return transferPlan(report, dataset.places, maxKm);
}
