import { open } from 'node:fs/promises';
import type { Coefficients } from '../coefficients/coefficients.js';
import { INPUT_KINDS, type InputKind } from '../input/columns.js';
import type { EncodingOption } from '../input/errors.js';
import { csvKind, openInput, readTable, workbookTables, type FileSummary, type OpenedInput, type Progress } from '../input/read.js';
import type { InputRef } from '../input/source.js';
import type { Parameters } from '../params/params.js';
import type { ProblemLog } from '../problems.js';
import { loadDataset, readLocal } from '../tally/dataset.js';

export interface ValidateOptions {
  /** Every file is of this kind; otherwise each file's header tells. */
  readonly kind?: InputKind;
  readonly encoding: EncodingOption;
  readonly onProgress?: Progress;
}

/**
 * A GeoJSON map of the townships (docs/transfer.md), to be read as a map, not as a table: a .geojson file, or a .json
 * one whose first kilobytes say it is GeoJSON (a parameters or scenario file is not).
 */
async function isMap(ref: InputRef): Promise<boolean> {
  if (typeof ref !== 'string') return false;
  if (/\.geojson$/i.test(ref)) return true;
  if (!/\.json$/i.test(ref)) return false;
  const head = await open(ref, 'r')
    .then(async (handle) => {
      try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
        return buffer.toString('latin1', 0, bytesRead);
      } finally {
        await handle.close();
      }
    })
    .catch(() => '');
  return /"type"\s*:\s*"(?:FeatureCollection|Feature)"/.test(head);
}

/**
 * Checks input files with the same readers `report` uses, row by row, and a map as `report --map` reads it. When the
 * files are one dataset (at most one file of each kind, and one map), the checks across files run too: livestock
 * without crop land, soil without crops, townships without a location or not on the map.
 * Files that cannot be opened throw InputFileError; everything else goes to `log`.
 */
export async function validateFiles(
  inputs: readonly InputRef[],
  params: Parameters,
  c: Coefficients,
  log: ProblemLog,
  options: ValidateOptions,
): Promise<FileSummary[]> {
  // Each file is read once; its header tells its kind. A workbook holds a table in each sheet whose header shows a kind.
  const opened: { input: OpenedInput; kind: InputKind | undefined; sheet?: string }[] = [];
  const maps: string[] = [];
  /** Per input: a map's path, or how many tables it gave. */
  const order: (string | number)[] = [];
  for (const ref of inputs) {
    if (await isMap(ref)) {
      maps.push(ref as string);
      order.push(ref as string);
      continue;
    }
    const before = opened.length;
    const input = await openInput(ref, options.encoding, log);
    if (input.workbook) {
      const tables = workbookTables(input.workbook, options.kind);
      for (const { sheet, kind } of options.kind ? tables.slice(0, 1) : tables) opened.push({ input, kind, sheet: sheet.name });
      if (tables.length === 0) opened.push({ input, kind: options.kind });
    } else opened.push({ input, kind: options.kind ?? (await csvKind(input)) });
    order.push(opened.length - before);
  }
  const byKind = (k: InputKind) => opened.filter((o) => o.kind === k);
  const oneDataset = INPUT_KINDS.every((k) => byKind(k).length <= 1) && maps.length <= 1;
  const mapSummaries = new Map<string, FileSummary>();
  const summaries = new Map<(typeof opened)[number], FileSummary>();
  const unread = (t: (typeof opened)[number]): FileSummary => ({
    path: t.input.path,
    kind: t.kind ?? null,
    encoding: t.input.encoding,
    rows: 0,
    readable: false,
    skipped: true,
  });
  const load = async (tables: (typeof opened)[number][], guide = c, map?: string) => {
    const files: Partial<Record<InputKind, OpenedInput>> & { map?: string } = map === undefined ? {} : { map };
    const sheets: Partial<Record<InputKind, string>> = {};
    for (const t of tables) {
      files[t.kind!] = t.input;
      if (t.sheet !== undefined) sheets[t.kind!] = t.sheet;
    }
    const dataset = await loadDataset(files, params, guide, log, { encoding: options.encoding, onProgress: options.onProgress, sheets });
    // A local dictionary with errors stops the reading before the data: those files are not read.
    for (const t of tables) summaries.set(t, dataset.files.find((f) => f.kind === t.kind) ?? unread(t));
    const mapRead = dataset.files.find((f) => f.kind === 'map');
    if (map !== undefined) mapSummaries.set(map, mapRead ?? { path: map, kind: 'map', encoding: null, rows: 0, readable: false, skipped: true });
  };
  const known = opened.filter((o) => o.kind !== undefined);
  if (oneDataset) await load(known, c, maps[0]);
  else {
    // A local dictionary (the first) is read once, and every other file with its names: none, when it has errors.
    const local = byKind('local')[0];
    let guide = c;
    if (local) {
      const errors = log.errors;
      const read = await readLocal(local.input, c, log, { onProgress: options.onProgress, sheet: local.sheet });
      summaries.set(local, read.summary);
      if (log.errors > errors) for (const t of known) if (t !== local) summaries.set(t, unread(t));
      guide = read.coefficients;
    }
    for (const table of known) if (!summaries.has(table)) await load([table], guide);
    for (const map of maps) await load([], guide, map);
  }
  // Files whose kind is unknown are still read: for the kind-unknown problem, or the empty-file one.
  for (const o of opened) if (!o.kind) summaries.set(o, await readTable(o.input, undefined, log, () => {}));
  // In the order given: a map's summary, or the tables of a file (a workbook's sheets).
  const tables = opened.map((o) => summaries.get(o)!);
  return order.flatMap((o) => (typeof o === 'string' ? [mapSummaries.get(o)!] : tables.splice(0, o)));
}
