import { csvTable } from './csv.js';
import { balanceColumns, balanceRows } from './columns.js';
import type { Report } from '../report/report.js';
import type { RenderContext } from './context.js';

/** One row per township, county and city subtotal, and the total; numbers to 15 significant digits, the status in words of the language. */
export function renderCsv(report: Report, { t, columns: choice = {}, by }: RenderContext): string {
  const columns = balanceColumns(report, choice, by).filter((c) => c.only !== 'display');
  return csvTable([columns.map((c) => c.label(t)), ...balanceRows(report, by).map((b) => columns.map((c) => c.value(b, t)))]);
}
