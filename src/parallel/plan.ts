import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inMemory, type ByteRange, type Encoding } from '../io/csv.js';

/** How a file is read in parts: its header, and newline-aligned byte ranges after it. */
export interface PartsPlan {
  readonly header: string[];
  readonly headerLine: number;
  readonly ranges: ByteRange[];
}

const WINDOW = 1 << 20;

/**
 * Plans the parts of a large file: its header (after comment and empty lines), then `parts` byte ranges, each
 * starting at a line. Only files without any quote are split — in them a line break always ends a row — and, when
 * lines end in \r\n, only if every line does (a lone \n there is left to csv-parse, in one stream). Otherwise undefined: the
 * file is read in one stream. `scanned`: what a reading of the file (for its encoding) has found already, if it read
 * all of it.
 */
export async function planParts(path: string, encoding: Encoding, parts: number, minBytes: number, scanned?: SplitCheck): Promise<PartsPlan | undefined> {
  // Input in memory (a library caller's rows or text) is read in one stream.
  if (inMemory(path)) return undefined;
  let file: number;
  try {
    file = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(file);
    if (!info.isFile() || info.size < minBytes || parts < 1) return undefined;
    const size = info.size;
    const buffer = Buffer.allocUnsafe(WINDOW);
    // The reads wait in this thread, as the encoding's do (see scanFile in io/csv.ts).
    const read = (position: number) => buffer.subarray(0, readSync(file, buffer, 0, WINDOW, position));

    // The header: the first line that is neither a comment nor empty.
    const head = Buffer.from(read(0));
    let pos = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    let line = 1;
    let header: { start: number; end: number } | undefined;
    for (;;) {
      const nl = head.indexOf(0x0a, pos);
      if (nl === -1) return undefined;
      const text = head.subarray(pos, nl).toString('latin1');
      if (text[0] !== '#' && text.trim() !== '') {
        header = { start: pos, end: nl };
        break;
      }
      pos = nl + 1;
      line++;
    }
    const crlf = header.end > header.start && head[header.end - 1] === 0x0d;
    const dataStart = header.end + 1;

    // No quote anywhere; with \r\n, a \r before every \n: from the bytes already looked at, or read now.
    let check = scanned;
    if (check?.bytes !== size) {
      check = new SplitCheck();
      for (let at = 0; at < size && !check.quoted; at += WINDOW) check.add(read(at));
    }
    if (check.quoted || (crlf && !check.crlfThroughout)) return undefined;

    const bytes = head.subarray(header.start, crlf ? header.end - 1 : header.end);
    const text = encoding === 'gb18030' ? (await import('iconv-lite')).default.decode(bytes, 'gb18030') : bytes.toString('utf8');

    // Part boundaries: just after the first line break past each even share of the data.
    const starts = [dataStart];
    for (let k = 1; k < parts; k++) {
      const nominal = dataStart + Math.floor(((size - dataStart) * k) / parts);
      if (nominal <= starts[starts.length - 1]!) continue;
      const window = read(nominal);
      const nl = window.indexOf(0x0a);
      if (nl !== -1 && nominal + nl + 1 < size) starts.push(nominal + nl + 1);
    }
    const ranges = starts.map((start, i) => ({ start, end: starts[i + 1] ?? size, crlf }));
    return { header: text.split(','), headerLine: line, ranges };
  } finally {
    closeSync(file);
  }
}

/**
 * What decides whether a file can be split at line breaks, learnt from its bytes handed in order: whether it has a
 * quote, and whether every \n in it follows a \r (counted only when the first bytes hold a \r: the header line,
 * which says whether lines end in \r\n, is among them).
 */
export class SplitCheck {
  bytes = 0;
  quoted = false;
  private lf = 0;
  private crlf = 0;
  private counting: boolean | undefined;
  private previous = 0;

  add(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.quoted || chunk.length === 0) return;
    if (chunk.indexOf(0x22) !== -1) {
      this.quoted = true;
      return;
    }
    this.counting ??= chunk.indexOf(0x0d) !== -1;
    if (!this.counting) return;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
      this.lf++;
      if ((i > 0 ? chunk[i - 1] : this.previous) === 0x0d) this.crlf++;
    }
    this.previous = chunk[chunk.length - 1]!;
  }

  /** Whether every \n follows a \r (known when the first bytes held one). */
  get crlfThroughout(): boolean {
    return this.counting === true && this.lf === this.crlf;
  }
}
