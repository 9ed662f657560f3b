import { loadCoefficients } from '../coefficients/load.js';
import type { InputRef } from '../input/source.js';
import { messages, type Lang } from '../i18n/index.js';
import { fileLayer, defaultParameters, resolveParameters, type Parameters, type ParameterSet } from '../params/params.js';
import { ProblemLog, type Problem } from '../problems.js';
import { plain } from '../render/colours.js';
import { render, whole, type ReportFormat } from '../render/registry.js';
import { buildReport, type Report } from '../report/report.js';
import { loadDataset, type Dataset, type LoadOptions } from '../tally/dataset.js';
import type { ResolvedRun } from './run.js';
import { drawingOf } from './map.js';
import type { MapDrawing } from '../render/map-drawing.js';

/**
 * The balance report, as a library computes it: inputs as paths, CSV text or rows in memory; parameters as a set
 * (defaults, a file, values) or values alone. The command line's `report` is a shell over these.
 */

/** A cell of an in-memory row: numbers are written in full (shortest round-trip form); null and undefined are empty. */
export type CellValue = string | number | null | undefined;

/**
 * One input: a path; CSV text; or rows as objects keyed by column name, written as CSV with the union of their
 * keys as the header. `name` is what problems are reported against (FILE:LINE:COLUMN).
 */
export type InputSource =
  string | { readonly name?: string; readonly text: string } | { readonly name?: string; readonly rows: readonly Readonly<Record<string, CellValue>>[] };

export interface Inputs {
  readonly crops: InputSource;
  readonly livestock: InputSource;
  readonly soil?: InputSource;
  /** A county's local dictionary of names and values (docs/local.md). */
  readonly local?: InputSource;
  /** The townships' longitudes and latitudes, for a transfer plan (docs/transfer.md). */
  readonly places?: InputSource;
  /** A GeoJSON map of the townships (a path), drawn in the HTML page (docs/transfer.md, maps). */
  readonly map?: string;
}

export interface ComputeResult {
  /** The report; undefined when the data has errors. */
  readonly report: Report | undefined;
  /** Every problem found, errors and warnings, in the order found. */
  readonly problems: readonly Problem[];
  /** The map projected for drawing, when one is given, asked for (`draw`) and the report computed. */
  readonly map?: MapDrawing;
}

export interface ComputeOptions extends LoadOptions {
  /** Warnings count as errors. */
  readonly strict?: boolean;
  /** Project the map (`Inputs.map`) for an HTML page: its drawing in `ComputeResult.map`. */
  readonly draw?: boolean;
}

/** CSV text of in-memory rows: the keys of every row, in order of first appearance, as the header. */
async function rowsCsv(rows: readonly Readonly<Record<string, CellValue>>[]): Promise<string> {
  // The CSV writer loads only for a caller's rows: the command line reads files.
  const { stringify } = await import('csv-stringify/sync');
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows)
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  const cell = (v: CellValue) => (v === null || v === undefined ? '' : String(v));
  return stringify([columns, ...rows.map((row) => columns.map((k) => cell(row[k])))]);
}

/** An input as the readers take it: a path, or the text's bytes under its name (`<crops>` … without one). */
export async function inputRef(source: InputSource, fallback: string): Promise<InputRef> {
  if (typeof source === 'string') return source;
  const text = 'text' in source ? source.text : await rowsCsv(source.rows);
  return { name: source.name ?? `<${fallback}>`, bytes: Buffer.from(text, 'utf8') };
}

/**
 * Parameters as the command line resolves them: the defaults (with their provenance), then a parameters file
 * (`--params`), then `values`. Each value's source goes into the report.
 */
export async function parameterSet(options: { readonly file?: string; readonly values?: Partial<Parameters> } = {}): Promise<ParameterSet> {
  const c = await loadCoefficients();
  const file = options.file === undefined ? undefined : fileLayer(options.file, await (await import('../params/load.js')).readParametersFile(options.file));
  const { checkParametersFile } = await import('../params/check.js');
  // Values are checked as a parameters file's are: an error names `parameters` and the key.
  const values = options.values && {
    values: checkParametersFile('parameters', options.values) as Partial<Parameters>,
    source: () => ({ from: 'api' }) as const,
  };
  return resolveParameters(defaultParameters(c), [file, values]);
}

/** A parameter set as given, or one made from values (defaults for the rest). */
export function asParameterSet(parameters: Partial<Parameters> | ParameterSet): Promise<ParameterSet> {
  return 'values' in parameters && 'sources' in parameters
    ? Promise.resolve(parameters as ParameterSet)
    : parameterSet({ values: parameters as Partial<Parameters> });
}

/** Reads the inputs, checks them, and computes the balance report with the given parameters (defaults for the rest). */
export async function computeReport(inputs: Inputs, parameters: Partial<Parameters> | ParameterSet = {}, options: ComputeOptions = {}): Promise<ComputeResult> {
  const { dataset: _dataset, ...result } = await reportAndDataset(inputs, parameters, options);
  return result;
}

/** computeReport's work, with the dataset the report was made of (a transfer plan finds its townships' places there). */
async function reportAndDataset(
  inputs: Inputs,
  parameters: Partial<Parameters> | ParameterSet,
  options: ComputeOptions,
): Promise<ComputeResult & { readonly dataset: Dataset }> {
  const c = await loadCoefficients();
  const params = await asParameterSet(parameters);
  const log = new ProblemLog({ strict: options.strict });
  const files = {
    crops: await inputRef(inputs.crops, 'crops'),
    livestock: await inputRef(inputs.livestock, 'livestock'),
    ...(inputs.soil !== undefined ? { soil: await inputRef(inputs.soil, 'soil') } : {}),
    ...(inputs.local !== undefined ? { local: await inputRef(inputs.local, 'local') } : {}),
    ...(inputs.places !== undefined ? { places: await inputRef(inputs.places, 'places') } : {}),
    ...(inputs.map !== undefined ? { map: inputs.map } : {}),
  };
  const dataset = await loadDataset(files, params.values, c, log, options);
  // Files with a header and no row (the templates init writes): a report of no township would read as one "ok".
  const readable = dataset.files.filter((f) => f.readable);
  if (!log.hasErrors && dataset.townships.size === 0 && readable.length > 0) log.report({ file: readable[0]!.path, line: 1, column: 0 }, 'no-townships');
  const report = log.hasErrors ? undefined : buildReport(dataset, params, log);
  const map = report && options.draw ? await drawingOf(dataset) : undefined;
  return { report, problems: log.problems, dataset, ...(map ? { map } : {}) };
}

/** Renders a report as the command line does, without colour: `table`, `json`, `csv`, `md` or `html`. */
export async function renderReport(report: Report, format: ReportFormat, lang: Lang = 'en'): Promise<string> {
  return whole(await render('report', format, report, { lang, t: messages(lang), chalk: plain }));
}

/**
 * A report run as the command line runs one: its files and parameters (resolveRun), its scenario's changes no row
 * matched, and the dataset it was made of.
 */
export async function reportRun(
  run: ResolvedRun,
  options: ComputeOptions = {},
): Promise<ComputeResult & { readonly unmatched: readonly string[]; readonly dataset: Dataset }> {
  const scenario = await scenarioOf(run);
  const result = await reportAndDataset(run.files, run.params, { ...options, adjust: scenario?.adjust, sheets: run.sheets });
  return { ...result, unmatched: scenario?.unmatched() ?? [] };
}

/** A run's scenario as the rows are read with it (by the names of the tables read with), and its changes no row matched. */
export async function scenarioOf(run: ResolvedRun): Promise<{ adjust: LoadOptions['adjust']; unmatched: () => readonly string[] } | undefined> {
  if (!run.scenario) return undefined;
  const { scenarioAdjuster } = await import('../scenario/adjust.js');
  let adjuster: ReturnType<typeof scenarioAdjuster> | undefined;
  return { adjust: (c) => (adjuster = scenarioAdjuster(run.scenario!, c)), unmatched: () => adjuster?.unmatched ?? [] };
}
