import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { open, stat } from 'node:fs/promises';
import { isAscii, isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

/** Encodings landcap reads: what Excel and WPS write as "CSV" and "CSV UTF-8" on Chinese Windows. */
export const ENCODING_OPTIONS = ['auto', 'utf-8', 'gb18030'] as const;
export type EncodingOption = (typeof ENCODING_OPTIONS)[number];
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Why a file could not be read or written; the CLI words it in the user's language. */
export type IoReason = 'not-found' | 'is-directory' | 'permission' | 'not-a-folder' | 'other';

export function ioReason(error: unknown): IoReason {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'not-found';
    case 'EISDIR':
      return 'is-directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'ENOTDIR':
      return 'not-a-folder';
    default:
      return 'other';
  }
}

/** The file could not be read at all (missing, a directory, no permission): exit code 2, not a data problem. */
export class InputFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: IoReason,
    /** The system's message, for reasons landcap has no words of its own for. */
    readonly detail = '',
  ) {
    super(`${path}: ${reason}${detail ? ` (${detail})` : ''}`);
  }

  static from(path: string, error: unknown): InputFileError {
    return new InputFileError(path, ioReason(error), error instanceof Error ? error.message : String(error));
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

const CHUNK = 1 << 20;

/** Reads a file chunk by chunk, handing each chunk (with bytes held back from the previous one) to `scan`. */
/**
 * Pipes, process substitutions and `-` (standard input) can be read only once, and landcap reads a file more than
 * once (its encoding, its header, its rows): such inputs are read into memory on first use. Regular files stream.
 */
const unseekable = new Map<string, Promise<Buffer | undefined>>();

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** The whole input when it is not a regular file (read once, kept); undefined for a regular file, which is streamed. */
export function unseekableInput(path: string): Promise<Buffer | undefined> {
  let input = unseekable.get(path);
  if (!input) {
    input = (async () => {
      if (path === '-') return readAll(process.stdin);
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        throw InputFileError.from(path, error);
      }
      if (info.isDirectory()) throw new InputFileError(path, 'is-directory');
      return info.isFile() ? undefined : readAll(createReadStream(path)).catch((error: unknown) => Promise.reject(InputFileError.from(path, error)));
    })();
    unseekable.set(path, input);
  }
  return input;
}

async function scanFile(path: string, scan: (buffer: Buffer, end: number, eof: boolean) => number | 'stop'): Promise<void> {
  const whole = await unseekableInput(path);
  if (whole) {
    scan(whole, whole.length, true);
    return;
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw InputFileError.from(path, error);
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK + 8);
    let carry = 0;
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, carry, CHUNK, null));
      } catch (error) {
        throw InputFileError.from(path, error);
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

/** Lead bytes of 3-byte UTF-8 sequences (Chinese characters) in buffer[0, end), counting up to 2. */
function countLeadBytes(buffer: Buffer, end: number): number {
  let n = 0;
  for (let i = 0; i < end && n < 2; i++) if ((buffer[i]! & 0xf0) === 0xe0) n++;
  return n;
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
  // Chinese characters already read as UTF-8 (3-byte sequences): a file with them is UTF-8 with a damaged byte, not GBK.
  let utf8Chinese = 0;
  await scanFile(path, (buffer, end, eof) => {
    if (first) {
      first = false;
      if (end >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) throw new EncodingError(1, 'utf-16');
      bom = end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
    }
    const complete = eof ? end : completeUtf8(buffer, end);
    if (isUtf8(buffer.subarray(0, complete))) {
      lines += countLines(buffer, complete);
      // A whole chunk of valid UTF-8 with characters beyond ASCII is UTF-8 text.
      if (!isAscii(buffer.subarray(0, complete))) utf8Chinese = 2;
      return complete;
    }
    const valid = validUtf8Prefix(buffer, complete);
    utf8BadLine = lines + countLines(buffer, valid) + 1;
    if (utf8Chinese < 2) utf8Chinese += countLeadBytes(buffer, valid);
    return 'stop';
  });
  if (utf8BadLine === 0) return bom ? 'utf-8-bom' : 'utf-8';
  if (bom || utf8Chinese >= 2) throw new EncodingError(utf8BadLine, 'utf-8');
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

const HASH = 0x23;
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const SPACE = 0x20;

/**
 * Blanks comment lines — an unquoted # at the start of a line — in raw CSV bytes, keeping their line breaks so
 * that line numbers stay true. A # inside a quoted value ("#2村", or a line of a multi-line cell) is data.
 * Works on UTF-8 and GB18030 bytes alike: neither uses these ASCII bytes inside a character.
 */
export class CommentBlanker extends Transform {
  private quoteParity = 0;
  private atLineStart = true;
  private inComment = false;
  private first = true;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    if (this.first) {
      this.first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = 3;
    }
    let out: Buffer | undefined;
    // The comment's text becomes spaces; its line break (\r\n or \n) stays.
    const blank = (from: number, to: number) => {
      if (to > from && chunk[to - 1] === 0x0d) to--;
      if (to <= from) return;
      out ??= Buffer.from(chunk);
      out.fill(SPACE, from, to);
    };
    let i = start;
    // Quotes up to a position decide whether a line start there is inside a quoted value.
    let counted = start;
    const parityAt = (pos: number) => {
      for (let q = chunk.indexOf(QUOTE, counted); q !== -1 && q < pos; q = chunk.indexOf(QUOTE, q + 1)) this.quoteParity ^= 1;
      counted = pos;
      return this.quoteParity;
    };
    if (this.inComment) {
      const end = chunk.indexOf(NEWLINE, i);
      blank(i, end === -1 ? chunk.length : end);
      if (end === -1) return done(null, out ?? chunk);
      this.inComment = false;
      i = end + 1;
      counted = i;
      this.atLineStart = true;
    }
    for (;;) {
      if (this.atLineStart && i < chunk.length && chunk[i] === HASH && parityAt(i) === 0) {
        const end = chunk.indexOf(NEWLINE, i);
        blank(i, end === -1 ? chunk.length : end);
        if (end === -1) {
          this.inComment = true;
          break;
        }
        i = end + 1;
        counted = i;
        continue;
      }
      const next = chunk.indexOf(NEWLINE, i);
      if (next === -1) {
        this.atLineStart = i >= chunk.length && this.atLineStart;
        parityAt(chunk.length);
        break;
      }
      i = next + 1;
      this.atLineStart = true;
      if (i >= chunk.length) {
        parityAt(chunk.length);
        break;
      }
    }
    done(null, out ?? chunk);
  }
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
export async function readRecords(path: string, encoding: Encoding, sink: RecordSink, onBytes?: (bytes: number) => void): Promise<void> {
  const whole = await unseekableInput(path);
  return new Promise((resolve, reject) => {
    const source = whole ? Readable.from([whole]) : createReadStream(path, { highWaterMark: CHUNK });
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
    source.on('error', (error: Error) => fail(InputFileError.from(path, error)));
    if (onBytes) source.on('data', (chunk: Buffer) => onBytes(chunk.length));
    parser.on('readable', () => {
      let cells: string[] | null;
      while ((cells = parser.read()) !== null) {
        const start = line;
        line++;
        for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
        if (cells.length === 1 && cells[0]!.trim() === '') continue;
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
    const bytes = source.pipe(new CommentBlanker());
    if (encoding === 'gb18030') bytes.pipe(iconv.decodeStream('gb18030')).pipe(parser);
    else bytes.pipe(parser);
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
