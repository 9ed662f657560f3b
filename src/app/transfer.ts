import type { Problem } from '../problems.js';
import type { Report } from '../report/report.js';
import type { MapDrawing } from '../render/map-drawing.js';
import type { Dataset } from '../tally/dataset.js';
import type { TransferPlan } from '../transfer/plan.js';
import { reportRun, type ComputeOptions } from './report.js';
import type { ResolvedRun } from './run.js';

/**
 * A transfer plan for a run (docs/transfer.md): the report of its data, parameters and scenario, and the townships'
 * locations from its places file, else its map's area centroids; the most surplus placed within `maxKm`, then the
 * least PE × km. No plan when the data have errors. With a map, the map projected for drawing.
 */
export async function transferRun(
  run: ResolvedRun,
  maxKm: number,
  options: Pick<ComputeOptions, 'encoding' | 'strict' | 'onProgress' | 'draw'> = {},
): Promise<{
  readonly plan: TransferPlan | undefined;
  readonly problems: readonly Problem[];
  readonly unmatched: readonly string[];
  readonly report?: Report;
  readonly map?: MapDrawing;
}> {
  const { report, problems, unmatched, dataset, map } = await reportRun(run, options);
  if (!report) return { plan: undefined, problems, unmatched };
  return { plan: await planOf(report, dataset, maxKm), problems, unmatched, report, ...(map ? { map } : {}) };
}

/** The plan of a report's townships at the dataset's locations (the solver loads only here). */
export async function planOf(report: Report, dataset: Pick<Dataset, 'places'>, maxKm: number): Promise<TransferPlan> {
  const { transferPlan } = await import('../transfer/plan.js');
  return transferPlan(report, dataset.places, maxKm);
}
