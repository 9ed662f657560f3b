import type { Fraction } from './types.js';

/**
 * Pig equivalents (猪当量) of a stock of animals: head × PE factor.
 * The factor stays an exact fraction (100/15 for dairy cows): multiply first, divide last.
 */
export function pigEquivalents(head: number, factor: Fraction): number {
  return factor.denominator === 1 ? head * factor.numerator : (head * factor.numerator) / factor.denominator;
}

/** Head of a species that a number of pig equivalents corresponds to: PE ÷ factor. */
export function headFromPigEquivalents(pe: number, factor: Fraction): number {
  return factor.numerator === 1 ? pe * factor.denominator : (pe * factor.denominator) / factor.numerator;
}

/** Stock converted from a slaughter (出栏) count with a user-supplied stock/slaughter ratio. */
export function stockFromSlaughter(slaughter: number, stockPerSlaughter: number): number {
  return slaughter * stockPerSlaughter;
}

export function fractionValue(f: Fraction): number {
  return f.numerator / f.denominator;
}

/**
 * A PE factor as written — "100/15", "0.4" or "1" — as a fraction; undefined when it is not a positive ratio (0, a
 * negative number, a zero denominator, text). The one rule for a factor from the tables, a livestock file's
 * pe_factor column and `farm --stock`.
 */
export function parseFraction(text: string): Fraction | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:\/\s*([0-9]+(?:\.[0-9]+)?))?\s*$/.exec(text);
  if (!m) return undefined;
  const numerator = Number(m[1]);
  const denominator = m[2] === undefined ? 1 : Number(m[2]);
  if (!(denominator > 0) || !(numerator > 0) || !Number.isFinite(numerator)) return undefined;
  return { numerator, denominator };
}

export function formatFraction(f: Fraction): string {
  return f.denominator === 1 ? String(f.numerator) : `${f.numerator}/${f.denominator}`;
}
