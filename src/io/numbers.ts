/** Reading numbers as spreadsheets export them: "1,234.5", full-width digits, surrounding spaces. */

export type NumberCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'not-finite' }
  | { readonly kind: 'invalid' };

const EMPTY: NumberCell = { kind: 'empty' };
const INVALID: NumberCell = { kind: 'invalid' };
const NOT_FINITE: NumberCell = { kind: 'not-finite' };

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const NOT_FINITE_WORDS = /^[+-]?(?:nan|inf|infinity|#num!|#div\/0!)$/i;

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A cell's characters as bytes, for plainDecimal: a Buffer, as the lines read in place are, so that plainDecimalIn
 * meets one kind of array.
 */
const CELL = Buffer.alloc(20);

/**
 * The value of a cell written as plain digits with at most one decimal point ("1065.76", "17"), else NaN —
 * most cells of a large file, read without the general parse's regular expressions and result object. With at
 * most 15 digits, the digits form an exact integer and the quotient by an exact power of ten is rounded once:
 * the same double as Number(text), found without converting the text again.
 */
export function plainDecimal(text: string): number {
  const n = text.length;
  if (n === 0 || n > CELL.length) return NaN;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return NaN;
    CELL[i] = c;
  }
  return plainDecimalIn(CELL, 0, n);
}

/** plainDecimal of the UTF-8 bytes[start, end), read in place: a clean line's cells are not cut out of it. */
export function plainDecimalIn(bytes: Uint8Array, start: number, end: number): number {
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
  if (dot === -1) return n <= 15 ? digits : digitsValue(bytes, start, end);
  if (n === 1) return NaN;
  return n <= 16 ? digits / EXACT_POWERS_OF_TEN[end - 1 - dot]! : digitsValue(bytes, start, end);
}

/** The value of bytes[start, end), digits and a point, as Number reads them. */
function digitsValue(bytes: Uint8Array, start: number, end: number): number {
  return Number(String.fromCharCode(...bytes.subarray(start, end)));
}

/** Parses a numeric cell; the cell's text is not trusted to be anything in particular. */
export function parseNumberCell(text: string): NumberCell {
  let s = text.trim();
  if (s === '') return EMPTY;
  if (/[^\x20-\x7e]/.test(s))
    s = s
      .normalize('NFKC')
      .replace(/[\u2212\u2013]/g, '-')
      .trim();
  if (PLAIN.test(s)) {
    const value = Number(s);
    return Number.isFinite(value) ? { kind: 'number', value, text: s } : NOT_FINITE;
  }
  if (GROUPED.test(s)) {
    const plain = s.replace(/,/g, '');
    return { kind: 'number', value: Number(plain), text: plain };
  }
  if (NOT_FINITE_WORDS.test(s)) return NOT_FINITE;
  return INVALID;
}

/**
 * A number times a unit's scale. Powers of ten shift the decimal point of the text as written, so that
 * 61.33 (万头) is exactly 613300 rather than 61.33 × 10000 = 613299.99999999994.
 */
export function scaleNumber(value: number, text: string, scale: number): number {
  if (scale === 1) return value;
  const power = Math.log10(scale);
  if (Number.isInteger(power) && !/e/i.test(text)) return Number(`${text}e${power}`);
  return value * scale;
}
