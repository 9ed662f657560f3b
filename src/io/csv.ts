import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { stat } from 'node:fs/promises';
import { isAscii, isUtf8 } from 'node:buffer';

export { ENCODING_OPTIONS, CsvSyntaxError, EncodingError, InputFileError, ioReason, type Encoding, type EncodingOption, type IoReason } from './errors.js';
import { EncodingError, InputFileError, CsvSyntaxError, type Encoding } from './errors.js';

/** Bytes read at a time: small enough that a chunk (and any text decoded from it) is soon collected, not kept long. */
const CHUNK = 1 << 16;

/**
 * Pipes, process substitutions and `-` (standard input) can be read only once, and landcap reads a file more than
 * once (its encoding, its header, its rows): such inputs are read into memory on first use and kept. Small regular
 * files are read whole (one read instead of a stream), afresh each time; large ones stream.
 */
const SMALL_FILE = 4 << 20;
const unseekable = new Map<string, Promise<Buffer | undefined>>();

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * Input given in memory (a library caller's rows or text), read under `name` wherever a path is read, until
 * forgotten. Returns a function that forgets it.
 */
export function inputInMemory(name: string, bytes: Buffer): () => void {
  const input = Promise.resolve(bytes);
  unseekable.set(name, input);
  return () => {
    if (unseekable.get(name) === input) unseekable.delete(name);
  };
}

/** Whether a path names input given in memory (or a pipe already read). */
export function inMemory(path: string): boolean {
  return unseekable.has(path);
}

/** The whole input when it is not a regular file or is small; undefined for a large file, which is streamed. */
export function unseekableInput(path: string): Promise<Buffer | undefined> {
  const kept = unseekable.get(path);
  if (kept) return kept;
  const input = (async () => {
    if (path === '-') return readAll(process.stdin);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw InputFileError.from(path, error);
    } finally {
      // A regular file is read again next time: it may have changed in between (a library caller's second run).
      if (!info || info.isFile()) unseekable.delete(path);
    }
    if (info.isDirectory()) throw new InputFileError(path, 'is-directory');
    if (info.isFile() && info.size > SMALL_FILE) return undefined;
    return readAll(createReadStream(path)).catch((error: unknown) => Promise.reject(InputFileError.from(path, error)));
  })();
  unseekable.set(path, input);
  return input;
}

/** Bytes scanned at a time for the encoding: a megabyte, in a buffer used over again. */
const SCAN_CHUNK = 1 << 20;

/**
 * Reads a file chunk by chunk, handing each chunk (with the bytes `scan` did not use of the previous one, first) to
 * `scan`. The reads wait for the disk in this thread: nothing else is to be done until the file is known, and a
 * national file read a megabyte at a time through the event loop left it idle for a third of the time.
 */
async function scanFile(path: string, scan: (buffer: Buffer, end: number, eof: boolean) => number | 'stop'): Promise<void> {
  const whole = await unseekableInput(path);
  if (whole) {
    scan(whole, whole.length, true);
    return;
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw InputFileError.from(path, error);
  }
  try {
    const buffer = Buffer.allocUnsafe(SCAN_CHUNK + 8);
    let carry = 0;
    for (;;) {
      let bytesRead: number;
      try {
        bytesRead = readSync(fd, buffer, carry, SCAN_CHUNK, null);
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
    closeSync(fd);
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
 * follows longest breaks, rather than read as mojibake. `onBytes` is handed the bytes read in order, from the first
 * on, as long as they are UTF-8 (all of them in a UTF-8 file): what else is to be learnt of the file is learnt in
 * the same reading.
 */
export async function detectEncoding(path: string, onBytes?: (bytes: Buffer) => void): Promise<Encoding> {
  let first = true;
  let bom = false;
  // Bytes read as valid UTF-8; where the first byte that is not lies, when one is found.
  let valid = 0;
  let bad = -1;
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
      // What the last chunk held back is at the start of this one.
      onBytes?.(buffer.subarray(0, complete));
      valid += complete;
      // A whole chunk of valid UTF-8 with characters beyond ASCII is UTF-8 text.
      if (utf8Chinese < 2 && !isAscii(buffer.subarray(0, complete))) utf8Chinese = 2;
      return complete;
    }
    const prefix = validUtf8Prefix(buffer, complete);
    bad = valid + prefix;
    if (utf8Chinese < 2) utf8Chinese += countLeadBytes(buffer, prefix);
    return 'stop';
  });
  if (bad === -1) return bom ? 'utf-8-bom' : 'utf-8';
  // Lines are counted only for a file to refuse: the line of its first bad byte.
  let lines = 0;
  await scanFile(path, (buffer, end) => {
    const upTo = Math.min(end, bad);
    lines += countLines(buffer, upTo);
    bad -= upTo;
    return bad === 0 ? 'stop' : upTo;
  });
  const utf8BadLine = lines + 1;
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

const QUOTE = '"';

/**
 * Blanks comment lines — an unquoted # at the start of a line — in CSV text, keeping their line breaks so that
 * line numbers stay true. A # inside a quoted value ("#2村", or a line of a multi-line cell) is data.
 */
export class CommentBlanker extends Transform {
  private quoteParity = 0;
  private atLineStart = true;
  private inComment = false;

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    done(null, this.blank(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
  }

  private blank(text: string): string {
    const parts: string[] = [];
    let from = 0;
    let i = 0;
    // Quotes up to a position decide whether a line start there is inside a quoted value.
    let counted = 0;
    const parityAt = (pos: number) => {
      for (let q = text.indexOf(QUOTE, counted); q !== -1 && q < pos; q = text.indexOf(QUOTE, q + 1)) this.quoteParity ^= 1;
      counted = pos;
      return this.quoteParity;
    };
    // The comment's text becomes spaces; its line break (\r\n or \n) stays.
    const skipComment = (at: number) => {
      let end = text.indexOf('\n', at);
      const last = end === -1 ? text.length : end;
      const stop = last > at && text.charCodeAt(last - 1) === 13 ? last - 1 : last;
      parts.push(text.slice(from, at), ' '.repeat(stop - at));
      from = stop;
      if (end === -1) {
        this.inComment = true;
        return text.length;
      }
      this.inComment = false;
      counted = end + 1;
      return end + 1;
    };
    if (this.inComment) i = skipComment(0);
    while (i < text.length) {
      if (this.atLineStart && text.charCodeAt(i) === 35 && parityAt(i) === 0) {
        i = skipComment(i);
        this.atLineStart = !this.inComment;
        continue;
      }
      const next = text.indexOf('\n', i);
      if (next === -1) {
        this.atLineStart = false;
        break;
      }
      i = next + 1;
      this.atLineStart = true;
    }
    parityAt(text.length);
    parts.push(text.slice(from));
    return parts.join('');
  }
}

export interface RecordSink {
  /** One CSV record: its cells and the line it starts on (1-based, as an editor counts). */
  (cells: string[], line: number): void;
}

/**
 * A line without quotes, bytes[start, end) (UTF-8) without its line break, offered before it is cut into cells: true
 * when the line was read there and then, false to have it cut into cells for the record sink.
 */
export type LineSink = (bytes: Buffer, start: number, end: number, line: number) => boolean;

export interface ReadRecordsOptions {
  /** Hears of the bytes read. */
  readonly onBytes?: (bytes: number) => void;
  /** Read only this byte range of the file. */
  readonly range?: ByteRange;
  /** Offered each line that has no quote, before the record sink. */
  readonly lines?: LineSink;
  /**
   * The bytes are UTF-8 checked over the whole file (detectEncoding): they are read as they are. Otherwise the text
   * is decoded, bytes that do not decode becoming U+FFFD, and read as UTF-8 again.
   */
  readonly checkedUtf8?: boolean;
}

/** A newline-aligned byte range of a file, read by one worker; its line breaks are the file's. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
  readonly crlf: boolean;
}

/** Chunks read between turns of the event loop. */
const YIELD_EVERY = 4;

/** The chunks of a file (or a byte range of it), read in this thread, each into a buffer of its own. */
function* chunksOf(path: string, range: ByteRange | undefined): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    let position = range?.start ?? 0;
    const end = range?.end ?? Infinity;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, end - position));
      if (buffer.length === 0) return;
      const n = readSync(fd, buffer, 0, buffer.length, position);
      if (n === 0) return;
      position += n;
      yield n === buffer.length ? buffer : buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** U+FFFD, the character a decoder puts for bytes that do not decode, in UTF-8. */
export const REPLACEMENT_BYTES = Buffer.from('\uFFFD');

/** What makes each of the file's chunks UTF-8: nothing when they are checked UTF-8, else decoding and encoding them again. */
async function toUtf8(encoding: Encoding, checked: boolean): Promise<(chunk: Buffer | undefined) => Buffer> {
  if (encoding === 'gb18030') {
    // The GB18030 tables load only for files that need them.
    const { default: iconv } = await import('iconv-lite');
    const d = iconv.getDecoder('gb18030');
    return (chunk) => Buffer.from(chunk ? d.write(chunk) : (d.end() ?? ''));
  }
  if (checked) return (chunk) => chunk ?? EMPTY;
  const d = new TextDecoder('utf-8');
  return (chunk) => Buffer.from(chunk ? d.decode(chunk, { stream: true }) : d.decode());
}

const EMPTY: Buffer = Buffer.alloc(0);

/**
 * Streams the records of a CSV file (or a byte range of one) to `sink`, one at a time; nothing but the current
 * record is held. Empty lines are skipped; a line starting with # is a comment (`landcap init`'s templates use
 * them). While the text has no quote, lines are split at commas as they come — which is all CSV is without quotes,
 * and several times faster than a general parser; from the first quote (or a line break csv-parse would read
 * differently) to the end, csv-parse reads the rest. Lines are counted here, not asked of the parser per record.
 * A line split here is offered to `options.lines` first, as UTF-8 bytes, which may read it in place: the text is
 * decoded only for lines it leaves. Resolves to the number of lines read.
 */
export async function readRecords(path: string, encoding: Encoding, sink: RecordSink, options: ReadRecordsOptions = {}): Promise<number> {
  const { onBytes, range, lines } = options;
  const whole = await unseekableInput(path);
  const source = whole ? Readable.from([range ? whole.subarray(range.start, range.end) : whole]) : chunksOf(path, range);
  const utf8 = await toUtf8(encoding, options.checkedUtf8 === true);
  // The text csv-parse reads, from where it takes over.
  const decoder = new TextDecoder('utf-8');
  let line = 1;
  let carry: Buffer = EMPTY;
  let first = !range;
  let crlf = range?.crlf ?? false;
  let rest: string[] | undefined;

  /**
   * Hands the line bytes[start, end) (without its break) to the sink, its cells cut at its commas; or returns false
   * when csv-parse must take over from it. `quote` is the first quote at or after `start`, or -1.
   */
  const take = (bytes: Buffer, start: number, end: number, quote: number): boolean => {
    if (quote !== -1 && quote < end) return false;
    if (bytes[start] !== 35 && (lines === undefined || !lines(bytes, start, end, line))) {
      const cells = bytes.toString('utf8', start, end).split(',');
      if (cells.length > 1 || cells[0]!.trim() !== '') sink(cells, line);
    }
    line++;
    return true;
  };

  try {
    let chunks = 0;
    for await (const chunk of source) {
      // Now and then the thread's other work (another file, messages from worker threads) gets a turn.
      if (++chunks % YIELD_EVERY === 0) await new Promise(setImmediate);
      onBytes?.(chunk.length);
      let bytes: Buffer = utf8(chunk as Buffer);
      if (rest) {
        rest.push(decoder.decode(bytes, { stream: true }));
        continue;
      }
      if (carry.length > 0) bytes = Buffer.concat([carry, bytes]);
      if (first) {
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
        const nl = bytes.indexOf(10);
        if (nl === -1) {
          // No line break yet: csv-parse, if the line breaks are \r alone; else wait for more.
          if (bytes.includes(13)) rest = [decoder.decode(bytes, { stream: true })];
          else carry = bytes;
          continue;
        }
        first = false;
        crlf = nl > 0 && bytes[nl - 1] === 13;
      }
      let pos = 0;
      const quote = bytes.indexOf(34);
      for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, pos)) {
        const end = crlf ? nl - 1 : nl;
        // A lone \n in a \r\n file: csv-parse reads from here, taking it as a line break (outside quotes) too.
        if ((crlf && bytes[end] !== 13) || !take(bytes, pos, end, quote)) break;
        pos = nl + 1;
      }
      if (bytes.indexOf(10, pos) !== -1) {
        rest = [decoder.decode(bytes.subarray(pos), { stream: true })];
        carry = EMPTY;
      } else carry = bytes.subarray(pos);
    }
    const tail = utf8(undefined);
    if (rest) rest.push(decoder.decode(tail));
    else {
      const last = carry.length > 0 ? Buffer.concat([carry, tail]) : tail;
      const end = crlf && last[last.length - 1] === 13 ? last.length - 1 : last.length;
      if (last.length > 0 && !take(last, 0, end, last.indexOf(34))) rest = [decoder.decode(last)];
    }
  } catch (error) {
    // A system error from reading the file; anything else comes from the sink and goes on as it is.
    if (error instanceof Error && 'errno' in error) throw InputFileError.from(path, error);
    throw error;
  }
  return rest ? parseRest(rest, line, crlf, sink) : line - 1;
}

/** csv-parse reads the rest of a file, from a line start; line numbers continue from `line`. Resolves to the lines read in all. */
async function parseRest(texts: string[], startLine: number, crlf: boolean, sink: RecordSink): Promise<number> {
  // csv-parse loads only for text with quotes (or line breaks it reads differently): most files have none.
  const { parse } = await import('csv-parse');
  return new Promise((resolve, reject) => {
    // In a file of \r\n lines, a lone \n outside quotes (a line added in a text editor) ends a line as an editor shows it.
    const breaks = crlf ? ['\r\n', '\n'] : startLine > 1 ? '\n' : undefined;
    const parser = parse({ relax_column_count: true, relax_quotes: true, ...(breaks ? { record_delimiter: breaks } : {}) });
    let line = startLine;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      parser.destroy();
      reject(error);
    };
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
      const at = error.code === 'CSV_QUOTE_NOT_CLOSED' ? line : startLine - 1 + (error.lines ?? 1);
      fail(new CsvSyntaxError(at, typeof error.column === 'number' ? error.column + 1 : 0, error.code ?? error.message));
    });
    parser.on('end', () => {
      if (!failed) resolve(line - 1);
    });
    const blanker = new CommentBlanker();
    blanker.pipe(parser);
    for (const t of texts) blanker.write(t);
    blanker.end();
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
