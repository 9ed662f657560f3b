import { stat } from 'node:fs/promises';
import type { InputKind } from '../io/columns.js';
import {
  CsvSyntaxError,
  EncodingError,
  REPLACEMENT_BYTES,
  detectEncoding,
  readRecords,
  type ByteRange,
  type Encoding,
  type EncodingOption,
  type LineSink,
} from '../io/csv.js';
import { Row, checkRowShape, readHeader, type Header } from '../io/table.js';
import type { ProblemLog } from '../validate/problems.js';

/** Options of readTableFile. */
export interface ReadOptions {
  /** Required columns that this reader can do without (a farm's livestock file needs no township). */
  readonly optional?: readonly string[];
  readonly onProgress?: Progress;
  /** Read only this byte range of the file, whose header is given (a worker's part of a large file). */
  readonly part?: { readonly range: ByteRange; readonly header: readonly string[]; readonly headerLine: number };
  /** The encoding given was detected over the whole file (UTF-8 checked byte by byte): rows need no check for undecodable text. */
  readonly detected?: boolean;
  /**
   * Reads clean lines in place, for this header (see CleanLine): a line it takes is a row read; one it leaves is
   * cut into cells and handed to `onRow`.
   */
  readonly clean?: (header: Header) => LineSink | undefined;
}

/** Whether every cell of a record is empty or spaces (a line of commas). */
function blank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** Progress through a file: bytes read of its size. */
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

/** A file read: its summary, and the lines read, all of them (comments and empty ones too) — to count on from. */
export interface FileRead {
  readonly summary: FileSummary;
  readonly lines: number;
}

/**
 * Reads one CSV file of `kind` (or of the kind its header shows), row by row: decodes it, matches its header,
 * checks each row's shape and hands each row to `onRow`. File-level problems go to `log`;
 * a file that cannot be opened throws InputFileError.
 */
export async function readTableFile(
  path: string,
  kind: InputKind | undefined,
  encodingOption: EncodingOption | Encoding,
  log: ProblemLog,
  onRow: (row: Row, header: Header) => void,
  options: ReadOptions = {},
): Promise<FileRead> {
  const { optional = [], onProgress, part } = options;
  let encoding: Encoding | null = null;
  // A part of a file (in a worker thread) comes with the file's header, already read and checked.
  let header: Header | undefined = part && readHeader(path, part.header, kind, log, optional, part.headerLine);
  let records = part ? 1 : 0;
  let rows = 0;
  const emptyColumnsReported = new Set<number>();
  let stopped = false;
  let headerLine = 1;
  let lines = 0;
  try {
    encoding = encodingOption === 'auto' ? await detectEncoding(path) : encodingOption;
    const checkDecoded = encoding === 'gb18030' || !(encodingOption === 'auto' || options.detected);
    const size = onProgress
      ? await stat(path).then(
          (s) => (s.isFile() ? s.size : 0),
          () => 0,
        )
      : 0;
    let read = 0;
    const onBytes = onProgress && size > 0 ? (n: number) => onProgress(path, (read += n), size) : undefined;
    // Lines are read in place when their rows need no more than the line (not a line with undecodable text: it is
    // stopped at, below).
    let clean: LineSink | undefined;
    const readsClean = (h: Header | undefined) => {
      clean = h && options.clean?.(h);
    };
    // Where the next U+FFFD (bytes the encoding did not decode) stands in the bytes being read, found once per chunk.
    let searched: Buffer | undefined;
    let replacement = -1;
    const undecodable = (bytes: Buffer, start: number, end: number) => {
      if (bytes !== searched) {
        searched = bytes;
        replacement = bytes.indexOf(REPLACEMENT_BYTES, start);
      } else if (replacement !== -1 && replacement < start) replacement = bytes.indexOf(REPLACEMENT_BYTES, start);
      return replacement !== -1 && replacement < end;
    };
    readsClean(header);
    lines = await readRecords(
      path,
      encoding,
      (cells, line) => {
        records++;
        // Only a forced --encoding (or a GB18030 character without a mapping) gets here with bytes that do not
        // decode: stop rather than read mojibake. Detected UTF-8 has been checked byte by byte already.
        if (checkDecoded) {
          const bad = cells.findIndex((c) => c.includes('\uFFFD'));
          if (bad !== -1) throw new EncodingError(line, `given:${encoding}`, bad + 1);
        }
        if (records === 1) {
          headerLine = line;
          header = readHeader(path, cells, kind, log, optional, line);
          readsClean(header);
          return;
        }
        if (blank(cells)) return;
        rows++;
        if (!header) return;
        const row = new Row(path, line, cells, log);
        checkRowShape(row, header, emptyColumnsReported);
        onRow(row, header);
      },
      {
        onBytes,
        range: part?.range,
        checkedUtf8: !checkDecoded,
        lines:
          options.clean &&
          ((bytes, start, end, line) => {
            if (clean === undefined || (checkDecoded && undecodable(bytes, start, end)) || !clean(bytes, start, end, line)) return false;
            records++;
            rows++;
            return true;
          }),
      },
    );
  } catch (error) {
    if (error instanceof EncodingError) log.report({ file: path, line: error.line, column: error.column }, 'encoding-invalid', { detail: error.detail });
    else if (error instanceof CsvSyntaxError) log.report({ file: path, line: error.line, column: error.column }, 'csv-syntax', { detail: error.detail });
    else throw error;
    stopped = true;
  }
  if (records === 0 && encoding !== null) log.report({ file: path, line: 1, column: 0 }, 'file-empty');
  else if (header && rows === 0 && !stopped) log.report({ file: path, line: headerLine, column: 0 }, 'file-no-rows');
  return { summary: { path, kind: header?.kind ?? kind ?? null, encoding, rows, readable: header !== undefined }, lines };
}
