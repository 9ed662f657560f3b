import { open } from 'node:fs/promises';
import { InputFileError } from '../file-errors.js';

/**
 * An input's bytes, read once: every later step (its encoding, its header, its rows) works on these bytes, so a file
 * that changes while landcap runs (an editor saving over it) is read as one version, never a mix of two.
 */
export interface InputBytes {
  /** The path as given, or the name an input in memory is reported under. */
  readonly path: string;
  readonly bytes: Buffer;
  /** Set when the first bytes show a file that is not text: only those bytes were read (all of them for a workbook). */
  readonly binary?: BinaryKind;
}

/** An input: a path to read, or bytes a library caller holds, reported under a name. */
export type InputRef = string | { readonly name: string; readonly bytes: Buffer };

/** What a file that is not text is, when its first bytes tell. */
export type BinaryKind = 'xlsx' | 'xls' | 'pdf' | 'archive' | 'binary';

/** The largest input landcap reads: a national file is some 30 MB (a workbook a few); past this, a file is split or is not data. */
export const MAX_INPUT_BYTES = 256 * 2 ** 20;

/** Bytes looked at first, for binary content, before the rest is read. */
const FIRST_BYTES = 64 * 1024;

/** What the first bytes of a file that is not text show: a workbook, a PDF, an archive, or NUL bytes throughout. */
export function binaryKind(first: Uint8Array): BinaryKind | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => first[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x1f, 0x8b) || starts(0x37, 0x7a, 0xbc, 0xaf) || starts(0x52, 0x61, 0x72, 0x21)) return 'archive';
  // Text has no NUL bytes; a name may hold one by accident (it gets a warning), a binary file holds many. UTF-16 text
  // holds a NUL in every other byte, but starts with a byte-order mark, which the encoding check words better.
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) return undefined;
  let nul = 0;
  for (let i = 0; i < first.length; i++) if (first[i] === 0) nul++;
  return nul >= 16 || (first.length > 0 && nul * 4 >= first.length) ? 'binary' : undefined;
}

/** Reads standard input to its end. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new InputFileError('-', 'too-large', String(MAX_INPUT_BYTES));
  }
  return Buffer.concat(chunks);
}

/**
 * Reads an input once, through one open file: a regular file whole; a device or pipe chunk by chunk up to
 * MAX_INPUT_BYTES. The first 64 KB are looked at before more is read: a binary file (/dev/zero, a PDF) is not read
 * on, a workbook (.xlsx) is read whole. An Excel 97–2003 or WPS workbook (.xls, .et), and a file that cannot be opened
 * or read, throw InputFileError (exit code 2).
 */
export async function readInput(ref: InputRef): Promise<InputBytes> {
  if (typeof ref !== 'string') return withKind(ref.name, ref.bytes);
  if (ref === '-') return withKind(ref, await readStdin());
  let handle;
  try {
    handle = await open(ref, 'r');
  } catch (error) {
    throw InputFileError.from(ref, error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputFileError(ref, 'is-directory');
    if (info.isFile() && info.size > MAX_INPUT_BYTES) throw new InputFileError(ref, 'too-large', String(MAX_INPUT_BYTES));
    // The first bytes, to see what the file is before more is read.
    const first = Buffer.allocUnsafe(FIRST_BYTES);
    const { bytesRead: firstRead } = await handle.read(first, 0, FIRST_BYTES, null);
    const head = first.subarray(0, firstRead);
    const binary = binaryKind(head);
    if (binary === 'xls' || (binary && /\.et$/i.test(ref))) throw new InputFileError(ref, 'old-workbook');
    // A workbook (a zip) is read whole; other files that are not text, no further.
    if (binary && binary !== 'xlsx') return { path: ref, bytes: head, binary };
    // A file is read into one buffer of its size (and one byte more, to see it has not grown), not in pieces joined
    // after: a national crops file is 24 MB, which a join would copy and hold twice. A device or pipe, a megabyte at
    // a time, the room doubled as it fills.
    let bytes = Buffer.allocUnsafe(Math.max(firstRead, info.isFile() ? info.size + 1 : 1 << 20));
    head.copy(bytes);
    let size = firstRead;
    while (firstRead > 0) {
      if (size === bytes.length) {
        const grown = Buffer.allocUnsafe(bytes.length * 2);
        bytes.copy(grown, 0, 0, size);
        bytes = grown;
      }
      const { bytesRead } = await handle.read(bytes, size, bytes.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > MAX_INPUT_BYTES) throw new InputFileError(ref, 'too-large', String(MAX_INPUT_BYTES));
    }
    const read = bytes.subarray(0, size);
    return binary ? { path: ref, bytes: read, binary } : { path: ref, bytes: read };
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw InputFileError.from(ref, error);
  } finally {
    await handle.close().catch(() => {});
  }
}

function withKind(path: string, bytes: Buffer): InputBytes {
  const binary = binaryKind(bytes.subarray(0, FIRST_BYTES));
  if (binary === 'xls') throw new InputFileError(path, 'old-workbook');
  return binary ? { path, bytes, binary } : { path, bytes };
}
