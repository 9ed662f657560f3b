import { distance } from 'fastest-levenshtein';
import { loadCoefficients } from '../coefficients/load.js';
import type { EncodingOption } from '../input/errors.js';
import type { Progress } from '../input/read.js';
import { explainTownship, type ExplainedTransfer, type Explanation } from '../explain/explain.js';
import { buildReport } from '../report/report.js';
import { ProblemLog, type Problem } from '../problems.js';
import { loadDataset, type Dataset } from '../tally/dataset.js';
import { townshipIdOf, townshipKey } from '../input/township.js';
import { scenarioOf } from './report.js';
import { planOf } from './transfer.js';
import type { ResolvedRun } from './run.js';

/** Up to three township names nearest to one that is not in the data: fewest edits, a shared beginning counting for more. */
export function nearestNames(name: string, names: readonly string[]): string[] {
  const prefix = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  const scored = names
    .map((n) => ({ n, score: distance(name, n) - prefix(name, n) / 2 }))
    .filter((x) => x.score <= Math.max(1, name.length / 2))
    .sort((a, b) => a.score - b.score);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((x) => x.score <= best + 0.5)
    .slice(0, 3)
    .map((x) => x.n);
}

export interface ExplainResult {
  /** The whole calculation for the township; undefined when the data has errors or has no such township. */
  readonly explanation: Explanation | undefined;
  readonly problems: readonly Problem[];
  /** The scenario's changes that matched no row of the data. */
  readonly unmatched: readonly string[];
  /** When the data has no township of that name: the nearest names it has. */
  readonly nearest?: readonly string[];
  /** When the data has the name in more than one county and none was given (or not in the county given): its counties. */
  readonly counties?: readonly string[];
  /** The county given, when the name is not in it. */
  readonly notIn?: string;
}

/**
 * Explains one township of a run: its rows are kept as they are read, and the method applied to them as the report
 * applies it, every number with its formula and source.
 */
export async function explainRun(
  run: ResolvedRun,
  township: string,
  options: {
    readonly encoding?: EncodingOption;
    readonly strict?: boolean;
    readonly onProgress?: Progress;
    readonly county?: string;
    /** The farthest manure is carried, for the township's flows in a transfer plan (with --places or --map). */
    readonly maxKm?: number;
  } = {},
): Promise<ExplainResult> {
  const name = township.trim();
  const county = options.county?.trim();
  const wanted = (key: string) => {
    const id = townshipIdOf(key);
    return id.name === name && (county === undefined || id.county === county);
  };
  const log = new ProblemLog({ strict: options.strict });
  const scenario = await scenarioOf(run);
  const dataset = await loadDataset(run.files, run.params.values, await loadCoefficients(), log, {
    encoding: options.encoding,
    keepDetails: wanted,
    adjust: scenario?.adjust,
    onProgress: options.onProgress,
    sheets: run.sheets,
  });
  const unmatched = scenario?.unmatched() ?? [];
  if (log.hasErrors) return { explanation: undefined, problems: log.problems, unmatched };
  const found = [...dataset.townships.values()].filter((t) => wanted(t.key));
  if (found.length > 1) return { explanation: undefined, problems: log.problems, unmatched, counties: found.map((t) => t.county) };
  // A name the data has, in other counties than the one given: those counties.
  const elsewhere = county === undefined ? [] : [...dataset.townships.values()].filter((t) => t.name === name);
  if (found.length === 0 && elsewhere.length > 0)
    return { explanation: undefined, problems: log.problems, unmatched, counties: elsewhere.map((t) => t.county), notIn: county };
  if (found.length === 0)
    return {
      explanation: undefined,
      problems: log.problems,
      unmatched,
      nearest: nearestNames(name, [...new Set([...dataset.townships.values()].map((t) => t.name))]),
    };
  const explanation = explainTownship(found[0]!, dataset, run.params, dataset.coefficients);
  const located = run.files.places !== undefined || run.files.map !== undefined;
  const transfer = located ? await transferPart(found[0]!.key, dataset, run, log, options.maxKm ?? 30) : undefined;
  return { explanation: transfer ? { ...explanation, transfer } : explanation, problems: log.problems, unmatched };
}

/** The township's flows in the run's transfer plan, and what it sends, receives and cannot place. */
async function transferPart(key: string, dataset: Dataset, run: ResolvedRun, log: ProblemLog, maxKm: number): Promise<ExplainedTransfer | undefined> {
  const report = buildReport(dataset, run.params, log);
  if (!report) return undefined;
  const plan = await planOf(report, dataset, maxKm);
  const i = report.townships.findIndex((b) => townshipKey(b.name, b.county ?? '', b.city ?? '') === key);
  const s = plan.townships[i];
  if (!s) return undefined;
  const is = (name: string, county: string | undefined, city: string | undefined) => townshipKey(name, county ?? '', city ?? '') === key;
  return {
    maxKm,
    flows: plan.flows.filter((f) => is(f.from, f.fromCounty, f.fromCity) || is(f.to, f.toCounty, f.toCity)),
    sentPe: s.sentPe,
    receivedPe: s.receivedPe,
    unplacedPe: s.unplacedPe,
    ...(s.unplacedReason ? { unplacedReason: s.unplacedReason } : {}),
    loadIndexAfter: s.loadIndexAfter,
    located: s.located,
  };
}
