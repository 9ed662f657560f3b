import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

/** Encodings landcap reads: what Excel and WPS write as "CSV" and "CSV UTF-8" on Chinese Windows. */
export const ENCODING_OPTIONS = ['auto', 'utf-8', 'gb18030'] as const;
export type EncodingOption = (typeof ENCODING_OPTIONS)[number];
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** The file could not be read at all (missing, a directory, no permission): exit code 2, not a data problem. */
export class InputFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** A CSV syntax error (an unclosed quote, say) that stops the parse of a file. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Not UTF-8, not GB18030: the file is in an encoding landcap does not read (UTF-16, say). */
export class EncodingError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
    readonly column = 0,
  ) {
    super(detail);
  }
}

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

const CHUNK = 1 << 20;

/** Reads a file chunk by chunk, handing each chunk (with bytes held back from the previous one) to `scan`. */
async function scanFile(path: string, scan: (buffer: Buffer, end: number, eof: boolean) => number | 'stop'): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputFileError(path, ioReason(error));
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK + 8);
    let carry = 0;
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, carry, CHUNK, null));
      } catch (error) {
        throw new InputFileError(path, ioReason(error));
      }
      const end = carry + bytesRead;
      const used = scan(buffer, end, bytesRead === 0);
      if (used === 'stop' || bytesRead === 0) return;
      carry = end - used;
      buffer.copy(buffer, 0, used, end);
    }
  } finally {
    await handle.close();
  }
}

/** Length of the complete UTF-8 characters at the start of buffer[0, end): an incomplete one at the end is held back. */
function completeUtf8(buffer: Buffer, end: number): number {
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = buffer[end - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}

/**
 * Checks GB18030 byte structure (GBK's two-byte and GB18030's four-byte sequences) over buffer[0, end);
 * returns the bytes consumed, or −(i + 1) when the character at i is not GB18030.
 */
function scanGb18030(buffer: Buffer, end: number, eof: boolean): number {
  let i = 0;
  while (i < end) {
    const b = buffer[i]!;
    if (b <= 0x80) {
      i++;
      continue;
    }
    if (b === 0xff) return -(i + 1);
    if (i + 1 >= end) return eof ? -(i + 1) : i;
    const b2 = buffer[i + 1]!;
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2;
      continue;
    }
    if (b2 < 0x30 || b2 > 0x39) return -(i + 1);
    if (i + 3 >= end) return eof ? -(i + 1) : i;
    const b3 = buffer[i + 2]!;
    const b4 = buffer[i + 3]!;
    if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return -(i + 1);
    i += 4;
  }
  return i;
}

function countLines(buffer: Buffer, end: number): number {
  let n = 0;
  for (let i = buffer.indexOf(0x0a); i !== -1 && i < end; i = buffer.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** The length of the longest valid UTF-8 prefix of buffer[0, end) (the first bad byte is just past it). */
function validUtf8Prefix(buffer: Buffer, end: number): number {
  const valid = (k: number) => isUtf8(buffer.subarray(0, completeUtf8(buffer, k)));
  let lo = 0; // valid
  let hi = end; // not valid
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (valid(mid)) lo = mid;
    else hi = mid;
  }
  return completeUtf8(buffer, lo);
}

/**
 * Detects a file's encoding: a UTF-8 byte-order mark, else strict UTF-8 over the whole file, else GB18030
 * (which includes GBK) when its bytes are GB18030 throughout. Anything else — UTF-16, which Excel writes as
 * "Unicode text", or a file damaged in either encoding — is refused, with the line where the encoding it
 * follows longest breaks, rather than read as mojibake.
 */
export async function detectEncoding(path: string): Promise<Encoding> {
  let first = true;
  let bom = false;
  let lines = 0;
  let utf8BadLine = 0;
  await scanFile(path, (buffer, end, eof) => {
    if (first) {
      first = false;
      if (end >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) throw new EncodingError(1, 'utf-16');
      bom = end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
    }
    const complete = eof ? end : completeUtf8(buffer, end);
    if (isUtf8(buffer.subarray(0, complete))) {
      lines += countLines(buffer, complete);
      return complete;
    }
    utf8BadLine = lines + countLines(buffer, validUtf8Prefix(buffer, complete)) + 1;
    return 'stop';
  });
  if (utf8BadLine === 0) return bom ? 'utf-8-bom' : 'utf-8';
  lines = 0;
  let gbBadLine = 0;
  await scanFile(path, (buffer, end, eof) => {
    const used = scanGb18030(buffer, end, eof);
    if (used >= 0) {
      lines += countLines(buffer, used);
      return used;
    }
    gbBadLine = lines + countLines(buffer, -used - 1) + 1;
    return 'stop';
  });
  if (gbBadLine === 0) return 'gb18030';
  throw gbBadLine > utf8BadLine ? new EncodingError(gbBadLine, 'gb18030') : new EncodingError(utf8BadLine, 'utf-8');
}

export interface RecordSink {
  /** One CSV record: its cells and the line it starts on (1-based, as an editor counts). */
  (cells: string[], line: number): void;
}

/**
 * Streams the records of a CSV file to `sink`, one at a time; nothing but the current record is held.
 * Empty lines are skipped; a line starting with # is a comment (the templates of `landcap init` use one).
 * Lines are counted here rather than asked of the parser per record, which costs more than the parse.
 */
export function readRecords(path: string, encoding: Encoding, sink: RecordSink): Promise<void> {
  return new Promise((resolve, reject) => {
    const source = createReadStream(path, { highWaterMark: CHUNK });
    const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true });
    let line = 1;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      source.destroy();
      parser.destroy();
      reject(error);
    };
    source.on('error', (error) => fail(new InputFileError(path, ioReason(error))));
    parser.on('readable', () => {
      let cells: string[] | null;
      while ((cells = parser.read()) !== null) {
        const start = line;
        line++;
        for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
        if (cells.length === 1 && cells[0]!.trim() === '') continue;
        if (cells[0]!.startsWith('#')) continue;
        try {
          sink(cells, start);
        } catch (error) {
          fail(error);
          return;
        }
      }
    });
    parser.on('error', (error: Error & { lines?: number; code?: string; column?: number }) => {
      // An unclosed quote is only found at the end of the file: place it where its record starts.
      const at = error.code === 'CSV_QUOTE_NOT_CLOSED' ? line : (error.lines ?? line);
      fail(new CsvSyntaxError(at, typeof error.column === 'number' ? error.column + 1 : 0, error.code ?? error.message));
    });
    parser.on('end', () => {
      if (!failed) resolve();
    });
    if (encoding === 'gb18030') source.pipe(iconv.decodeStream('gb18030')).pipe(parser);
    else source.pipe(parser);
  });
}

class StopReading extends Error {}

/** The first record of a file (its header), or undefined for an empty file. */
export async function readFirstRecord(path: string, encoding: Encoding): Promise<string[] | undefined> {
  let first: string[] | undefined;
  try {
    await readRecords(path, encoding, (cells) => {
      first = cells;
      throw new StopReading();
    });
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
  }
  return first;
}
