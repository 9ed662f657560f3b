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
 * Checks input files with the same readers `report` uses, row by row. When the files are one dataset (at most one
 * file of each kind), the checks across files run too: livestock without crop land, soil without crops.
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
  for (const ref of inputs) {
    const input = await openInput(ref, options.encoding, log);
    if (input.workbook) {
      const tables = workbookTables(input.workbook, options.kind);
      for (const { sheet, kind } of options.kind ? tables.slice(0, 1) : tables) opened.push({ input, kind, sheet: sheet.name });
      if (tables.length === 0) opened.push({ input, kind: options.kind });
      continue;
    }
    opened.push({ input, kind: options.kind ?? (await csvKind(input)) });
  }
  const byKind = (k: InputKind) => opened.filter((o) => o.kind === k);
  const oneDataset = INPUT_KINDS.every((k) => byKind(k).length <= 1);
  const summaries = new Map<(typeof opened)[number], FileSummary>();
  const unread = (t: (typeof opened)[number]): FileSummary => ({
    path: t.input.path,
    kind: t.kind ?? null,
    encoding: t.input.encoding,
    rows: 0,
    readable: false,
    skipped: true,
  });
  const load = async (tables: (typeof opened)[number][], guide = c) => {
    const files: Partial<Record<InputKind, OpenedInput>> = {};
    const sheets: Partial<Record<InputKind, string>> = {};
    for (const t of tables) {
      files[t.kind!] = t.input;
      if (t.sheet !== undefined) sheets[t.kind!] = t.sheet;
    }
    const dataset = await loadDataset(files, params, guide, log, { encoding: options.encoding, onProgress: options.onProgress, sheets });
    // A local dictionary with errors stops the reading before the data: those files are not read.
    for (const t of tables) summaries.set(t, dataset.files.find((f) => f.kind === t.kind) ?? unread(t));
  };
  const known = opened.filter((o) => o.kind !== undefined);
  if (oneDataset) await load(known);
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
  }
  // Files whose kind is unknown are still read: for the kind-unknown problem, or the empty-file one.
  for (const o of opened) if (!o.kind) summaries.set(o, await readTable(o.input, undefined, log, () => {}));
  return opened.map((o) => summaries.get(o)!);
}
