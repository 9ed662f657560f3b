import { Transform, type TransformCallback } from 'node:stream';
import { CsvSyntaxError, MAX_LINE_CHARS } from './errors.js';

const COMMA = 44;
const TAB = 9;

/**
 * The separator of a file's cells: a tab when its first line has tabs and no comma (a table saved from a spreadsheet
 * as "text, tab-separated" and named .csv), else a comma.
 */
function separatorOf(bytes: Buffer): number {
  let end = bytes.indexOf(10);
  if (end === -1) end = bytes.length;
  const first = bytes.subarray(0, end);
  return first.includes(TAB) && !first.includes(COMMA) ? TAB : COMMA;
}

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** A cell as it stands, to find it again (Cells.is): its bytes in a UTF-8 line read in place, else its text. */
export type CellSource = Uint8Array | string;

/**
 * The cells of one CSV record. A line without quotes is read where it stands in the file's UTF-8 bytes — its cells
 * are positions in them, decoded only when their text is asked for (raw) — the rest as csv-parse gives them. One
 * object serves every record of a file in turn: what it holds is valid until the next record.
 */
export class Cells {
  private bytes: Buffer = Buffer.alloc(0);
  /** Where each cell starts in `bytes`; entry `count` is one past the end of the last cell (where a next would start). */
  private starts = new Int32Array(64);
  private array: readonly string[] | undefined;
  count = 0;

  constructor(
    /** The byte cells are separated by: a comma, or a tab in a file saved as tab-separated text. */
    readonly separator = COMMA,
  ) {}

  /** The record bytes[start, end), cut at its separators (a comma or a tab is one byte in UTF-8, and no other character's is). */
  setLine(bytes: Buffer, start: number, end: number): this {
    this.bytes = bytes;
    this.array = undefined;
    let starts = this.starts;
    let n = 0;
    starts[0] = start;
    const separator = this.separator;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== separator) continue;
      if (++n + 1 >= starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        this.starts = starts = grown;
      }
      starts[n] = i + 1;
    }
    starts[n + 1] = end + 1;
    this.count = n + 1;
    return this;
  }

  /** A record as csv-parse gives it. */
  setArray(cells: readonly string[]): this {
    this.array = cells;
    this.count = cells.length;
    return this;
  }

  /** Cell i as written ('' beyond the record's cells). */
  raw(i: number): string {
    if (i >= this.count) return '';
    if (this.array) return this.array[i]!;
    const start = this.starts[i]!;
    const end = this.starts[i + 1]! - 1;
    const { bytes } = this;
    for (let k = start; k < end; k++) if (bytes[k]! >= 0x80) return bytes.toString('utf8', start, end);
    return bytes.toString('latin1', start, end);
  }

  /** Cell i as it stands (its bytes, in a line read in place): to find it again with `is`. */
  source(i: number): CellSource {
    if (i >= this.count) return '';
    if (this.array) return this.array[i]!;
    return Uint8Array.prototype.slice.call(this.bytes, this.starts[i]!, this.starts[i + 1]! - 1);
  }

  /** Whether cell i is the cell `source` gave (compared where it stands). */
  is(i: number, s: CellSource): boolean {
    if (this.array || i >= this.count) return typeof s === 'string' && this.raw(i) === s;
    if (typeof s === 'string') return false;
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - 1 - start;
    if (length !== s.length) return false;
    const { bytes } = this;
    for (let k = 0; k < length; k++) if (bytes[start + k] !== s[k]) return false;
    return true;
  }

  /** Whether cell i is `text` as written (`utf8` its bytes): compared where it stands, without decoding it. */
  isText(i: number, text: string, utf8: Uint8Array): boolean {
    return this.array || i >= this.count ? this.raw(i) === text : this.is(i, utf8);
  }

  /**
   * A small hash of cell i as it stands (0–255, of its length and its first and last characters), to find it again
   * among the few dozen cells of a column seen before (CellMemo).
   */
  hash(i: number): number {
    if (i >= this.count) return 0;
    if (this.array) {
      const s = this.array[i]!;
      return s.length === 0 ? 0 : (s.length * 31 + s.charCodeAt(0) * 7 + s.charCodeAt(s.length - 1)) & 255;
    }
    const start = this.starts[i]!;
    const end = this.starts[i + 1]! - 1;
    return end === start ? 0 : ((end - start) * 31 + this.bytes[start]! * 7 + this.bytes[end - 1]!) & 255;
  }

  /** Whether cell i is empty or only spaces. */
  blank(i: number): boolean {
    if (i >= this.count) return true;
    if (this.array) return this.array[i]!.trim() === '';
    const end = this.starts[i + 1]! - 1;
    const { bytes } = this;
    let other = false;
    for (let k = this.starts[i]!; k < end; k++) {
      const c = bytes[k]!;
      // A visible ASCII character, or the lead byte of a Chinese character: not blank.
      if ((c > 32 && c < 0x7f) || (c >= 0xe4 && c <= 0xe9)) return false;
      if (c > 32) other = true;
    }
    // Characters trim may take for spaces (a full-width space, a no-break space): the text decides.
    return !other || this.raw(i).trim() === '';
  }

  /**
   * Cell i when it is a number in plain digits with at most one decimal point ("1065.76", "17") in a line read in
   * place: its value, the same double as Number gives, read where it stands. NaN when it is written otherwise, or is
   * a cell csv-parse gave (Row.number reads it), undefined when empty. With at most 15 digits, the digits form an
   * exact integer and one division by an exact power of ten rounds it once.
   */
  plainNumber(i: number): number | undefined {
    if (i >= this.count) return undefined;
    if (this.array) return this.array[i] === '' ? undefined : NaN;
    const start = this.starts[i]!;
    const end = this.starts[i + 1]! - 1;
    return end === start ? undefined : plainDecimal(this.bytes, start, end);
  }

  /** The cells as an array (for a header). */
  toArray(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.raw(i));
  }
}

/** The value of bytes[start, end) written as plain digits with at most one point, else NaN. */
function plainDecimal(bytes: Buffer, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 20) return NaN;
  let dot = -1;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === 46) {
      if (dot !== -1) return NaN;
      dot = i;
    } else if (c >= 48 && c <= 57) digits = digits * 10 + (c - 48);
    else return NaN;
  }
  if (n > (dot === -1 ? 15 : 16)) return Number(bytes.toString('latin1', start, end));
  if (dot === -1) return digits;
  if (n === 1) return NaN;
  return digits / EXACT_POWERS_OF_TEN[end - 1 - dot]!;
}

/** One record: its cells, and the line it starts on (as an editor counts). Returns false to stop reading. */
export type RecordSink = (cells: Cells, line: number) => boolean | void;

/** Lines read between two calls of a progress callback. */
const PROGRESS_EVERY = 1 << 16;

/**
 * The records of a CSV file's UTF-8 bytes, one at a time, to `sink`. Empty lines are skipped; a line starting with #
 * is a comment (`landcap init`'s templates use them). Line breaks are \n or \r\n. Up to the first line with a quote,
 * lines are cut at their commas where they stand — all CSV is without quotes — and from there (or for a file whose
 * lines end in \r alone) csv-parse reads the rest. A line longer than MAX_LINE_CHARS stops the reading there
 * (CsvSyntaxError). Resolves to the number of lines read.
 */
export async function readRecords(bytes: Buffer, sink: RecordSink, onProgress?: (done: number, total: number) => void): Promise<number> {
  const cells = new Cells(separatorOf(bytes));
  const quote = bytes.indexOf(34);
  // Lines ending in \r alone (old Mac exports): csv-parse finds their breaks.
  const slowFrom = bytes.indexOf(10) === -1 && bytes.includes(13) ? 0 : quote;
  let pos = 0;
  let line = 1;
  while (pos < bytes.length) {
    let nl = bytes.indexOf(10, pos);
    if (nl === -1) nl = bytes.length;
    if (slowFrom !== -1 && slowFrom < nl) return parseRest(bytes.toString('utf8', pos), line, cells, sink);
    const end = nl > pos && bytes[nl - 1] === 13 ? nl - 1 : nl;
    if (end - pos > MAX_LINE_CHARS) throw new CsvSyntaxError(line, 0, 'line-too-long');
    if (end > pos && bytes[pos] !== 35 && sink(cells.setLine(bytes, pos, end), line) === false) return line;
    if (onProgress && line % PROGRESS_EVERY === 0) onProgress(pos, bytes.length);
    line++;
    pos = nl + 1;
  }
  return line - 1;
}

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
      for (let q = text.indexOf('"', counted); q !== -1 && q < pos; q = text.indexOf('"', q + 1)) this.quoteParity ^= 1;
      counted = pos;
      return this.quoteParity;
    };
    // The comment's text becomes spaces; its line break (\r\n or \n) stays.
    const skipComment = (at: number) => {
      const end = text.indexOf('\n', at);
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

/** Text handed to csv-parse at a time. */
const SLICE = 1 << 20;

/** csv-parse reads the rest of a text, from a line start; line numbers continue from `startLine`. Resolves to the lines read in all. */
async function parseRest(text: string, startLine: number, cells: Cells, sink: RecordSink): Promise<number> {
  // csv-parse loads only for text with quotes (or lines ending in \r alone): most files have none.
  const { parse } = await import('csv-parse');
  // In a file of \r\n lines, a lone \n outside quotes (a line added in a text editor) ends a line as an editor shows it.
  const firstBreak = text.indexOf('\n');
  const crlf = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13;
  const breaks = crlf ? ['\r\n', '\n'] : firstBreak !== -1 ? '\n' : undefined;
  return new Promise((resolve, reject) => {
    const parser = parse({
      relax_column_count: true,
      relax_quotes: true,
      max_record_size: MAX_LINE_CHARS,
      delimiter: String.fromCharCode(cells.separator),
      ...(breaks ? { record_delimiter: breaks } : {}),
    });
    let line = startLine;
    let failed = false;
    let stopped = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      parser.destroy();
      reject(error);
    };
    parser.on('readable', () => {
      let record: string[] | null;
      while (!stopped && (record = parser.read() as string[] | null) !== null) {
        const start = line;
        line++;
        for (const cell of record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
        if (record.length === 1 && record[0]!.trim() === '') continue;
        try {
          if (sink(cells.setArray(record), start) === false) {
            stopped = true;
            parser.destroy();
            resolve(start);
          }
        } catch (error) {
          fail(error);
          return;
        }
      }
    });
    parser.on('error', (error: Error & { lines?: number; code?: string; column?: number }) => {
      if (stopped) return;
      // An unclosed quote is only found at the end of the text: place it where its record starts.
      const at = error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE' ? line : startLine - 1 + (error.lines ?? 1);
      const detail = error.code === 'CSV_MAX_RECORD_SIZE' ? 'line-too-long' : (error.code ?? error.message);
      fail(new CsvSyntaxError(at, detail === 'line-too-long' ? 0 : typeof error.column === 'number' ? error.column + 1 : 0, detail));
    });
    parser.on('end', () => {
      if (!failed && !stopped) resolve(line - 1);
    });
    const blanker = new CommentBlanker();
    blanker.pipe(parser);
    for (let i = 0; i < text.length && !stopped && !failed;) {
      // Not between the two halves of a character outside the Basic Multilingual Plane.
      let end = Math.min(text.length, i + SLICE);
      if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      blanker.write(text.slice(i, end));
      i = end;
    }
    blanker.end();
  });
}
