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

/** A number written with its unit in the cell (12000亩, 1.5万, 8100 吨): the unit, and for 万 alone the number in full. */
export function unitInCell(text: string): { readonly unit: string; readonly inFull?: number } | undefined {
  const m = /^\s*([\d.,，]+)\s*(万[头只羽亩吨]?|亩|公顷|吨|公斤|斤|kg|头|只|羽)\s*$/i.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  return m[2] === '万' ? { unit: '万', inFull: Math.round(Number.parseFloat(m[1]!.replace(/[,，]/g, '')) * 1_000_000) / 100 } : { unit: m[2]! };
}

/** A statistics yearbook's mark for a cell without a figure (-, —, ——, …, ·): not a number, named so in the hint. */
export function isDashMark(text: string): boolean {
  return /^\s*(?:[-－—–‐―]+|…+|\.{2,}|·)\s*$/.test(text);
}
