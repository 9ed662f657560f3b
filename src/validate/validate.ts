import type { Coefficients } from '../coefficients/coefficients.js';
import { loadDataset, type SomeInputFiles } from '../dataset/dataset.js';
import { readTableFile, type FileSummary, type Progress } from '../dataset/read-file.js';
import { detectKinds, type InputKind } from '../io/columns.js';
import { CsvSyntaxError, EncodingError, detectEncoding, readFirstRecord, type Encoding, type EncodingOption } from '../io/csv.js';
import type { Parameters } from '../params/params.js';
import type { ProblemLog } from './problems.js';

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
  paths: readonly string[],
  params: Parameters,
  c: Coefficients,
  log: ProblemLog,
  options: ValidateOptions,
): Promise<FileSummary[]> {
  const encodings = new Map<string, Encoding>();
  const kinds = new Map<string, InputKind | undefined>();
  for (const path of paths) {
    // A file in no encoding landcap reads is reported when it is read below.
    const encoding =
      options.encoding === 'auto'
        ? await detectEncoding(path).catch((e: unknown) => (e instanceof EncodingError ? undefined : Promise.reject(e)))
        : options.encoding;
    // Detected encodings are handed on (a file is not scanned twice); a given one is the option itself.
    if (encoding && options.encoding === 'auto') encodings.set(path, encoding);
    let kind = options.kind;
    if (!kind && encoding) {
      // A header that is not valid CSV is reported when the file is read below.
      const header = await readFirstRecord(path, encoding).catch((e: unknown) => (e instanceof CsvSyntaxError ? undefined : Promise.reject(e)));
      const found = header ? detectKinds(header) : [];
      if (found.length === 1) kind = found[0];
    }
    kinds.set(path, kind);
  }
  const byKind = (k: InputKind) => paths.filter((p) => kinds.get(p) === k);
  const oneDataset = (['crops', 'livestock', 'soil'] as const).every((k) => byKind(k).length <= 1);
  const summaries = new Map<string, FileSummary>();
  const load = async (files: SomeInputFiles) => {
    const dataset = await loadDataset(files, params, c, log, { encodings, encoding: options.encoding, onProgress: options.onProgress });
    for (const f of dataset.files) summaries.set(f.path, f);
  };
  if (oneDataset) {
    const [crops] = byKind('crops');
    const [livestock] = byKind('livestock');
    const [soil] = byKind('soil');
    await load({ ...(crops ? { crops } : {}), ...(livestock ? { livestock } : {}), ...(soil ? { soil } : {}) });
  } else {
    for (const path of paths) {
      const kind = kinds.get(path);
      if (kind) await load({ [kind]: path });
    }
  }
  // Files whose kind is unknown are still read: for the kind-unknown problem, or the encoding or empty-file one.
  for (const path of paths) {
    if (!kinds.get(path))
      summaries.set(
        path,
        (await readTableFile(path, undefined, encodings.get(path) ?? options.encoding, log, () => {}, { detected: encodings.has(path) })).summary,
      );
  }
  return paths.map((p) => summaries.get(p)!);
}
