import { isAscii, isUtf8 } from 'node:buffer';
import { EncodingError, type Encoding, type EncodingOption } from './errors.js';

/** An input's text, and what it was decoded from. */
export interface DecodedText {
  /** The text in UTF-8: a UTF-8 file's own bytes (without a byte-order mark), another's decoded and encoded again. */
  readonly bytes: Buffer;
  readonly encoding: Encoding;
  /**
   * Bytes that did not decode became U+FFFD: with an encoding forced by --encoding, or a GB18030 byte pair without a
   * character. The rows are checked for it, to stop at the first such cell rather than read mojibake.
   */
  readonly replaced: boolean;
}

function countLines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Length of the complete UTF-8 characters at the start of bytes[0, end): an incomplete one at the end is held back. */
function completeUtf8(bytes: Uint8Array, end: number): number {
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}

/** The length of the longest valid UTF-8 prefix of the bytes (the first bad byte is just past it). */
function validUtf8Prefix(bytes: Buffer): number {
  const valid = (k: number) => isUtf8(bytes.subarray(0, completeUtf8(bytes, k)));
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (valid(mid)) lo = mid;
    else hi = mid;
  }
  return completeUtf8(bytes, lo);
}

/** Where GB18030's byte structure (GBK's two-byte and GB18030's four-byte sequences) first breaks; -1 if it does not. */
function gb18030Break(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b <= 0x80) {
      i++;
      continue;
    }
    if (b === 0xff || i + 1 >= bytes.length) return i;
    const b2 = bytes[i + 1]!;
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2;
      continue;
    }
    if (b2 < 0x30 || b2 > 0x39 || i + 3 >= bytes.length) return i;
    const b3 = bytes[i + 2]!;
    const b4 = bytes[i + 3]!;
    if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return i;
    i += 4;
  }
  return -1;
}

/** Chinese characters written in UTF-8 (three-byte sequences) in bytes[start, end), counting up to 2. */
function utf8Chinese(bytes: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i + 2 < end && n < 2; i++) if ((bytes[i]! & 0xf0) === 0xe0 && (bytes[i + 1]! & 0xc0) === 0x80 && (bytes[i + 2]! & 0xc0) === 0x80) n++;
  return n;
}

/**
 * The first line of a GBK file that is written in UTF-8 instead — Chinese characters in valid UTF-8 — when there is
 * one: a file saved in parts by two programs. GBK's own text is hardly ever valid UTF-8 with Chinese in it.
 */
function utf8LineInGbk(bytes: Buffer): number | undefined {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const text = bytes.subarray(start, end);
    if (!isAscii(text) && isUtf8(text) && utf8Chinese(bytes, start, end) >= 2) return line;
    start = end + 1;
  }
  return undefined;
}

/**
 * An input's bytes as text. `auto`: a UTF-8 byte-order mark, else strict UTF-8 over the whole file, else GB18030
 * (which includes GBK) when its bytes are GB18030 throughout and no line of it is UTF-8. Anything else — UTF-16,
 * which Excel writes as "Unicode text", a file damaged in either encoding, one that mixes the two — is refused with
 * the line where it breaks (EncodingError), rather than read as mojibake. A forced encoding decodes as it is told.
 */
export async function decodeInput(bytes: Buffer, option: EncodingOption): Promise<DecodedText> {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw new EncodingError(1, 'utf-16');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (option === 'utf-8') return checked(new TextDecoder('utf-8').decode(bytes), 'utf-8');
  if (option === 'gb18030') return checked(await gb18030(bytes), 'gb18030');
  if (isUtf8(bytes)) return { bytes: bom ? bytes.subarray(3) : bytes, encoding: bom ? 'utf-8-bom' : 'utf-8', replaced: false };
  const bad = validUtf8Prefix(bytes);
  const utf8BadLine = countLines(bytes, bad) + 1;
  // Chinese read as UTF-8 before the bad byte: a UTF-8 file with a damaged byte, not a GBK one.
  if (bom || utf8Chinese(bytes, 0, bad) >= 2) throw new EncodingError(utf8BadLine, 'utf-8');
  const gbBreak = gb18030Break(bytes);
  if (gbBreak !== -1) {
    const gbBadLine = countLines(bytes, gbBreak) + 1;
    throw gbBadLine > utf8BadLine ? new EncodingError(gbBadLine, 'gb18030') : new EncodingError(utf8BadLine, 'utf-8');
  }
  const mixed = utf8LineInGbk(bytes);
  if (mixed !== undefined) throw new EncodingError(mixed, 'mixed');
  return checked(await gb18030(bytes), 'gb18030');
}

/** Decoded text, as UTF-8; it may hold U+FFFD for bytes that did not decode. */
function checked(text: string, encoding: Encoding): DecodedText {
  return { bytes: Buffer.from(text, 'utf8'), encoding, replaced: text.includes('\uFFFD') };
}

async function gb18030(bytes: Buffer): Promise<string> {
  // The GB18030 tables load only for files that need them.
  const { default: iconv } = await import('iconv-lite');
  return iconv.decode(bytes, 'gb18030', { stripBOM: true });
}
