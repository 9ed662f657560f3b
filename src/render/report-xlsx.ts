import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import type { Status } from '../method/types.js';
import type { Report } from '../report/report.js';
import { balanceColumns, balanceRows, isRegion, type BalanceColumn } from './columns.js';
import type { RenderContext } from './context.js';
import { parameterLines } from './notes.js';
import { problemsSheet } from './problems-sheet.js';
import { workbook, type Cell, type CellValue, type Sheet } from './xlsx.js';

/** The fill of a status cell, as the HTML page colours it, lighter. */
export const STATUS_FILL: Readonly<Record<Status, string>> = { ok: 'C8E6C9', warning: 'FFF3B0', overloaded: 'FFCDD2', 'no-land': 'E1BEE7' };

/**
 * A column's display format in a spreadsheet: counts whole (in Chinese, in 万 with one decimal when the column is —
 * the number itself stays whole), kg with two decimals, the load index with three.
 */
export function numberFormat(c: BalanceColumn, lang: Lang): string | undefined {
  switch (c.measure?.kind) {
    case 'count':
      return lang === 'zh' && c.measure.inWan ? '0\\.0,"万"' : '#,##0';
    case 'kg':
      return '#,##0.00';
    case 'index':
      return '0.000';
    default:
      return undefined;
  }
}

/** Four decimals of 万 without scaling: the number's digits with a point before the last four (26 → 0.0026万). */
const SMALL_WAN = '0\\.0000"万"';

/** The columns that name a row: kept in view as the sheet scrolls, and on the chain's sheet too. */
const PLACE_COLUMNS = ['city', 'county', 'township'];

/**
 * A sheet of the balance rows — a row per township, each county's and city's subtotal, the total; numbers as
 * numbers — in the given columns: the balance (what a page prints), or the chain behind each capacity.
 */
function balanceSheet(report: Report, { lang, t, columns: choice = {}, by }: RenderContext, chain: boolean): Sheet {
  const columns = balanceColumns(report, choice, by).filter((c) => (chain ? c.only === 'csv' || PLACE_COLUMNS.includes(c.key) : c.only === undefined));
  const balances = balanceRows(report, by);
  const small = (c: BalanceColumn, value: unknown) =>
    lang === 'zh' && c.measure?.kind === 'count' && c.measure.inWan && typeof value === 'number' && value !== 0 && Math.abs(value) < 500;
  const bold = { bold: true };
  // Made as they are written, twice (Sheet.rows): a national sheet's cells are not all held at once.
  const rows = {
    *[Symbol.iterator]() {
      for (const b of balances) {
        const strong = (b === report.total || isRegion(b)) && by === undefined;
        yield columns.map((c): Cell | CellValue => {
          const value = c.value(b, t);
          // A few head in a column shown in 万 would show as 0.0万: to four decimals of 万 (-0.0026万), as the text formats.
          if (small(c, value)) return { value, style: strong ? { bold: true, format: SMALL_WAN } : { format: SMALL_WAN } };
          if (c.key === 'status') return { value, style: strong ? { bold: true, fill: STATUS_FILL[b.status] } : { fill: STATUS_FILL[b.status] } };
          return strong ? { value, style: bold } : value;
        });
      }
    },
  };
  return {
    name: chain ? t.ui.xlsx.chain : t.ui.xlsx.balance,
    columns: columns.map((c) => ({ header: c.label(t), format: numberFormat(c, lang) })),
    rows,
    frozenColumns: columns.filter((c) => PLACE_COLUMNS.includes(c.key)).length,
  };
}

/** Every coefficient the data used, each with its value, provenance and source; the names read as the tables' crops. */
function coefficientsSheet(report: Report, t: Messages): Sheet {
  const x = t.ui.xlsx;
  const rows: (string | number)[][] = [];
  for (const [n, list] of Object.entries(report.coefficients.uptake))
    for (const u of list ?? [])
      rows.push([
        x.uptake(t.ui.nutrientNames[n as 'N' | 'P']),
        u.name,
        u.value === '' ? '' : Number(u.value),
        t.ui.provenanceNames[u.provenance],
        u.source,
        u.rows,
      ]);
  for (const u of report.coefficients.peFactors) rows.push([x.peFactor, u.name, u.value, t.ui.provenanceNames[u.provenance], u.source, u.rows]);
  for (const u of report.coefficients.fertilisationShares)
    rows.push([x.fertilisationShare, u.grade, Number(u.value), t.ui.provenanceNames[u.provenance], u.source, '']);
  for (const u of report.coefficients.names) rows.push([x.name, u.name, u.means, t.ui.provenanceNames[u.provenance], u.source, u.rows]);
  return { name: x.coefficients, columns: x.coefficientColumns.map((header) => ({ header })), rows };
}

/**
 * The report as an Excel workbook: the balance sheet, the chain behind each capacity (crop demand, manure demand,
 * supply per pig equivalent, each nutrient's capacity), the parameters with their sources, the coefficients with their
 * provenance, and the problems found in the data when there are any.
 */
export function renderXlsx(report: Report, ctx: RenderContext): Uint8Array {
  const { t } = ctx;
  const x = t.ui.xlsx;
  const sheets: Sheet[] = [
    balanceSheet(report, ctx, false),
    balanceSheet(report, ctx, true),
    {
      name: x.parameters,
      columns: x.parameterColumns.map((header) => ({ header })),
      rows: parameterLines(report, t).map((p) => [p.name, p.value, p.source]),
    },
    coefficientsSheet(report, t),
  ];
  if (report.warnings.length > 0) sheets.push(problemsSheet(report.warnings, t));
  return workbook(sheets);
}
