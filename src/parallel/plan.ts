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
 * lines end in \r\n, only if every line does (csv-parse reads a lone \n there as data). Otherwise undefined: the
 * file is read in one stream.
 */
export async function planParts(path: string, encoding: Encoding, parts: number, minBytes: number): Promise<PartsPlan | undefined> {
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
    if (!info.isFile() || info.size < minBytes || parts < 2) return undefined;
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

    // No quote anywhere; with \r\n, a \r before every \n.
    let lf = 0;
    let crlfPairs = 0;
    let previous = 0;
    for (let at = 0; at < size; at += WINDOW) {
      const chunk = read(at);
      if (chunk.indexOf(0x22) !== -1) return undefined;
      if (!crlf) continue;
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) {
        lf++;
        if ((i > 0 ? chunk[i - 1] : previous) === 0x0d) crlfPairs++;
      }
      previous = chunk[chunk.length - 1] ?? 0;
    }
    if (crlf && lf !== crlfPairs) return undefined;

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
