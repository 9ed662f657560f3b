import type { Coefficients } from '../coefficients/coefficients.js';
import { INPUT_KINDS, type InputKind } from '../input/columns.js';
import type { EncodingOption } from '../input/errors.js';
import { csvKind, openInput, readTable, workbookTables, type FileSummary, type OpenedInput, type Progress } from '../input/read.js';
import type { InputRef } from '../input/source.js';
import type { Parameters } from '../params/params.js';
import type { ProblemLog } from '../problems.js';
import { loadDataset } from '../tally/dataset.js';

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
  const load = async (tables: (typeof opened)[number][]) => {
    const files: Partial<Record<InputKind, OpenedInput>> = {};
    const sheets: Partial<Record<InputKind, string>> = {};
    for (const t of tables) {
      files[t.kind!] = t.input;
      if (t.sheet !== undefined) sheets[t.kind!] = t.sheet;
    }
    const dataset = await loadDataset(files, params, c, log, { encoding: options.encoding, onProgress: options.onProgress, sheets });
    // A local dictionary with errors stops the reading before the data: those files are not read.
    for (const t of tables)
      summaries.set(
        t,
        dataset.files.find((f) => f.kind === t.kind) ?? { path: t.input.path, kind: t.kind ?? null, encoding: t.input.encoding, rows: 0, readable: false },
      );
  };
  const known = opened.filter((o) => o.kind !== undefined);
  // A local dictionary (one) is read before each file's rows: they are read with its names.
  const locals = byKind('local').slice(0, 1);
  if (oneDataset) await load(known);
  else for (const table of known) await load(table.kind === 'local' ? [table] : [table, ...locals]);
  // Files whose kind is unknown are still read: for the kind-unknown problem, or the empty-file one.
  for (const o of opened) if (!o.kind) summaries.set(o, await readTable(o.input, undefined, log, () => {}));
  return opened.map((o) => summaries.get(o)!);
}
