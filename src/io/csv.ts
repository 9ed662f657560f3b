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

/**
 * Detects a file's encoding: a UTF-8 byte-order mark, else strict UTF-8 over the whole file, else GB18030
 * (which includes GBK). UTF-16 files, which Excel writes as "Unicode text", are refused.
 */
export async function detectEncoding(path: string): Promise<Encoding> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputFileError(path, ioReason(error));
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK + 4);
    let carry = 0;
    let first = true;
    let bom = false;
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, carry, CHUNK, null));
      } catch (error) {
        throw new InputFileError(path, ioReason(error));
      }
      const end = carry + bytesRead;
      if (first) {
        first = false;
        if (end >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
          throw new EncodingError(1, 'UTF-16');
        }
        bom = end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
      }
      if (bytesRead === 0) return carry === 0 ? (bom ? 'utf-8-bom' : 'utf-8') : 'gb18030';
      // Hold back an incomplete multi-byte character at the end of the chunk.
      let complete = end;
      for (let back = 1; back <= 3 && end - back >= 0; back++) {
        const b = buffer[end - back]!;
        if ((b & 0xc0) === 0x80) continue;
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (need > back) complete = end - back;
        break;
      }
      if (!isUtf8(buffer.subarray(0, complete))) return 'gb18030';
      carry = end - complete;
      buffer.copy(buffer, 0, complete, end);
    }
  } finally {
    await handle.close();
  }
}

export interface RecordSink {
  /** One CSV record: its cells and the line it starts on (1-based, as an editor counts). */
  (cells: string[], line: number): void;
}


/**
 * Streams the records of a CSV file to `sink`, one at a time; nothing but the current record is held.
 * Empty lines are skipped; a line starting with # is a comment (the templates of `landcap init` use one).
 */
export function readRecords(path: string, encoding: Encoding, sink: RecordSink): Promise<void> {
  return new Promise((resolve, reject) => {
    const source = createReadStream(path, { highWaterMark: CHUNK });
    const parser = parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      info: true,
    });
    let lastEnd = 0;
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
      let item: { record: string[]; info: { lines: number } } | null;
      while ((item = parser.read()) !== null) {
        const end = item.info.lines;
        let start = end;
        if (end - lastEnd > 1) {
          // The record spans lines, or empty or comment lines came before it: count its own line breaks.
          for (const cell of item.record) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) start--;
        }
        lastEnd = end;
        try {
          sink(item.record, start);
        } catch (error) {
          fail(error);
          return;
        }
      }
    });
    parser.on('error', (error: Error & { lines?: number; code?: string; column?: number }) =>
      fail(new CsvSyntaxError(error.lines ?? lastEnd + 1, typeof error.column === 'number' ? error.column + 1 : 0, error.code ?? error.message)),
    );
    parser.on('end', () => {
      if (!failed) resolve();
    });
    if (encoding === 'gb18030') source.pipe(iconv.decodeStream('gb18030')).pipe(parser);
    else source.pipe(parser);
  });
}
