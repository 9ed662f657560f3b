import type { InputKind } from './columns.js';
import { Cells, readRecords } from './csv.js';
import { decodeInput } from './encoding.js';
import { CsvSyntaxError, EncodingError, type Encoding, type EncodingOption } from './errors.js';
import { readInput, type InputRef } from './source.js';
import { Row, checkRowShape, readHeader, type Header } from './table.js';
import type { ProblemLog } from '../problems.js';

/** Progress through an input's rows: characters read of its text. */
export type Progress = (file: string, done: number, total: number) => void;

/** What was read of one input file, for the report and `validate --format json`. */
export interface FileSummary {
  readonly path: string;
  readonly kind: InputKind | null;
  readonly encoding: Encoding | null;
  /** Data rows, not counting the header, empty lines or comments. */
  readonly rows: number;
  /** Whether the header was read (its rows were checked). */
  readonly readable: boolean;
}

/** An input read once and decoded: its text, or (reported) why it has none. */
export interface OpenedInput {
  readonly path: string;
  /** The text in UTF-8 bytes; undefined when the file is not text, or in no encoding landcap reads. */
  readonly bytes: Buffer | undefined;
  readonly encoding: Encoding | null;
  /** Bytes that did not decode are U+FFFD in the text: rows are checked for it. */
  readonly replaced: boolean;
}

/**
 * Reads an input once and decodes it. A file that is not text, or in no encoding landcap reads, is reported (file-
 * not-text, encoding-invalid) and has no text; one that cannot be opened throws InputFileError (exit code 2).
 */
export async function openInput(ref: InputRef, encoding: EncodingOption, log: ProblemLog): Promise<OpenedInput> {
  const input = await readInput(ref);
  const none = { path: input.path, bytes: undefined, encoding: null, replaced: false };
  if (input.binary) {
    log.report({ file: input.path, line: 1, column: 0 }, 'file-not-text', { kind: input.binary });
    return none;
  }
  try {
    return { path: input.path, ...(await decodeInput(input.bytes, encoding)) };
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    log.report({ file: input.path, line: error.line, column: error.column }, 'encoding-invalid', { detail: error.detail });
    return none;
  }
}

/** The first record of an input (its header), or undefined; a header that is not valid CSV is reported when the file is read. */
export async function firstRecord(input: OpenedInput): Promise<string[] | undefined> {
  if (input.bytes === undefined) return undefined;
  let first: string[] | undefined;
  await readRecords(input.bytes, (cells) => {
    first = cells.toArray();
    return false;
  }).catch((error: unknown) => (error instanceof CsvSyntaxError ? undefined : Promise.reject(error)));
  return first;
}

export interface ReadTableOptions {
  /** Required columns that this reader can do without (a farm's livestock file needs no township). */
  readonly optional?: readonly string[];
  readonly onProgress?: Progress;
}

/**
 * Reads an input's table of `kind` (or of the kind its header shows), row by row: matches its header, checks each
 * row's shape and hands each row to `onRow` (the first call makes the kind's reader from the header). File-level
 * problems go to `log`.
 */
export async function readTable(
  input: OpenedInput,
  kind: InputKind | undefined,
  log: ProblemLog,
  onRow: (row: Row, header: Header) => void,
  options: ReadTableOptions = {},
): Promise<FileSummary> {
  const { path, bytes, encoding } = input;
  if (bytes === undefined) return { path, kind: kind ?? null, encoding, rows: 0, readable: false };
  const { optional = [], onProgress } = options;
  let header: Header | undefined;
  let records = 0;
  let rows = 0;
  let headerLine = 1;
  let stopped = false;
  const emptyColumnsReported = new Set<number>();
  const row = new Row(path, log);
  const blank = (cells: Cells) => {
    for (let i = 0; i < cells.count; i++) if (!cells.blank(i)) return false;
    return true;
  };
  try {
    await readRecords(
      bytes,
      (cells, line) => {
        records++;
        // Bytes that did not decode (a forced --encoding, a GB18030 pair without a character): stop rather than read mojibake.
        if (input.replaced)
          for (let i = 0; i < cells.count; i++) if (cells.raw(i).includes('\uFFFD')) throw new EncodingError(line, `given:${encoding}`, i + 1);
        if (records === 1) {
          headerLine = line;
          header = readHeader(path, cells.toArray(), kind, log, optional, line);
          return;
        }
        if (blank(cells)) return;
        rows++;
        if (!header) return;
        row.set(line, cells);
        checkRowShape(row, header, emptyColumnsReported);
        onRow(row, header);
      },
      onProgress && ((done, total) => onProgress(path, done, total)),
    );
  } catch (error) {
    if (error instanceof EncodingError) log.report({ file: path, line: error.line, column: error.column }, 'encoding-invalid', { detail: error.detail });
    else if (error instanceof CsvSyntaxError) log.report({ file: path, line: error.line, column: error.column }, 'csv-syntax', { detail: error.detail });
    else throw error;
    stopped = true;
  }
  if (records === 0) log.report({ file: path, line: 1, column: 0 }, 'file-empty');
  else if (header && rows === 0 && !stopped) log.report({ file: path, line: headerLine, column: 0 }, 'file-no-rows');
  return { path, kind: header?.kind ?? kind ?? null, encoding, rows, readable: header !== undefined };
}
