import { stringify } from 'csv-stringify/sync';
import { spreadsheetText } from '../safe-text.js';

/** A cell of a CSV table: text, a number (written in full, shortest round-trip form), or nothing. */
export type CsvCell = string | number | null | undefined;

/**
 * CSV text of a table, as every CSV landcap writes is made: numbers in full, empty cells for nothing, and text cells
 * that a spreadsheet would read as a formula (=1+2, @SUM(…), -2+3) written so that it shows them as text.
 */
export function csvTable(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : spreadsheetText(v)))));
}
