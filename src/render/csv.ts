import { stringify } from 'csv-stringify/sync';
import { spreadsheetText } from '../safe-text.js';

/** A cell of a CSV table: text, a number (to 15 significant digits: 1469798.91, not 1469798.9100000001), or nothing. */
export type CsvCell = string | number | null | undefined;

/**
 * CSV text of a table, as every CSV landcap writes is made: numbers to the 15 significant digits a double holds without
 * the noise of its last bits (the JSON keeps every bit), empty cells for nothing, and text cells
 * that a spreadsheet would read as a formula (=1+2, @SUM(…), -2+3) written so that it shows them as text.
 */
export function csvTable(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(Number(v.toPrecision(15))) : spreadsheetText(v)))),
  );
}
