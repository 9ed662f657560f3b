import type { Messages } from '../i18n/en.js';
import { csvTable } from './csv.js';
import { balanceColumns, balanceRows, type ColumnChoice } from './columns.js';
import type { Report } from './report.js';

/** One row per township and the total; numbers at full precision, status and grade as codes. */
export function renderCsv(report: Report, t: Messages, choice: ColumnChoice = {}): string {
  const columns = balanceColumns(report, choice).filter((c) => c.only !== 'display');
  return csvTable([columns.map((c) => c.label(t)), ...balanceRows(report).map((b) => columns.map((c) => c.value(b)))]);
}
