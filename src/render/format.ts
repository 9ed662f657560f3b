import type { Lang } from '../i18n/index.js';

const grouped = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const INTEGER = grouped(0);
const TWO = grouped(2);

/** Rounding is for display only: the report object keeps full precision. */
export function formatNumber(value: number, digits = 0): string {
  return (digits === 0 ? INTEGER : digits === 2 ? TWO : grouped(digits)).format(value);
}

/**
 * A head count or pig equivalents for people: thousands separators in English; in Chinese, 万 (10,000) with two
 * decimals, as county plans write them (345.86万) — from 10,000 up, or for every value of a column (`inWan`) that has
 * one that large, so that a column is in one unit.
 */
export function formatCount(value: number, lang: Lang, inWan = Math.abs(value) >= 10_000): string {
  if (lang === 'zh' && inWan) {
    // A few head in a column of 万 would show as 0.00万 (or -0.00万): two significant digits instead (-0.0026万).
    if (value !== 0 && Math.abs(value) < 50) {
      const wan = value / 10_000;
      return `${wan.toFixed(Math.min(8, 1 - Math.floor(Math.log10(Math.abs(wan)))))}万`;
    }
    return `${TWO.format(value / 10_000)}万`;
  }
  return INTEGER.format(value);
}

/** Whether a column of counts is written in 万 in Chinese: when one of its values is 10,000 or more. */
export function countsInWan(values: Iterable<number>): boolean {
  for (const v of values) if (Math.abs(v) >= 10_000) return true;
  return false;
}

const FINE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** A small figure a division follows from (kg per 亩): up to four decimals, so that the shown division adds up. */
export function formatFine(value: number): string {
  return FINE.format(value);
}

export function formatKg(value: number): string {
  return TWO.format(value);
}

export function formatIndex(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

/** A share worked out of the data, for people: a whole percentage (45.8… → 46%). */
export function formatPercent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A share given as a parameter, as exactly as it was given (0.45 → 45%). */
export function formatShare(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}
