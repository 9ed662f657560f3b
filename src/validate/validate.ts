import type { Coefficients } from '../coefficients/coefficients.js';
import { detectKinds, type InputKind } from '../input/columns.js';
import type { EncodingOption } from '../input/errors.js';
import { firstRecord, openInput, readTable, type FileSummary, type OpenedInput, type Progress } from '../input/read.js';
import type { InputRef } from '../input/source.js';
import type { Parameters } from '../params/params.js';
import type { ProblemLog } from '../problems.js';
import { inputName, loadDataset } from '../tally/dataset.js';

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
  // Each file is read once; its header tells its kind.
  const opened: { input: OpenedInput; kind: InputKind | undefined }[] = [];
  for (const ref of inputs) {
    const input = await openInput(ref, options.encoding, log);
    let kind = options.kind;
    if (!kind) {
      const header = await firstRecord(input);
      const found = header ? detectKinds(header) : [];
      if (found.length === 1) kind = found[0];
    }
    opened.push({ input, kind });
  }
  const byKind = (k: InputKind) => opened.filter((o) => o.kind === k).map((o) => o.input);
  const oneDataset = (['crops', 'livestock', 'soil'] as const).every((k) => byKind(k).length <= 1);
  const summaries = new Map<string, FileSummary>();
  const load = async (files: Partial<Record<InputKind, OpenedInput>>) => {
    const dataset = await loadDataset(files, params, c, log, { encoding: options.encoding, onProgress: options.onProgress });
    for (const f of dataset.files) summaries.set(f.path, f);
  };
  if (oneDataset) {
    const [crops] = byKind('crops');
    const [livestock] = byKind('livestock');
    const [soil] = byKind('soil');
    await load({ ...(crops ? { crops } : {}), ...(livestock ? { livestock } : {}), ...(soil ? { soil } : {}) });
  } else {
    for (const { input, kind } of opened) if (kind) await load({ [kind]: input });
  }
  // Files whose kind is unknown are still read: for the kind-unknown problem, or the empty-file one.
  for (const { input, kind } of opened) if (!kind) summaries.set(input.path, await readTable(input, undefined, log, () => {}));
  return opened.map(({ input }) => summaries.get(inputName(input))!);
}
