import Table from 'cli-table3';
import cliTableUtils from 'cli-table3/src/utils.js';
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import type { Status } from '../method/types.js';
import { balanceColumns, balanceRows, isRegion, type BalanceColumn } from './columns.js';
import { visible } from '../safe-text.js';
import type { RenderContext } from './context.js';
import { coefficientLines, parameterLines, summaryLine } from './notes.js';
import type { RegionLevel, Report } from '../report/report.js';

/** A rule under the header (of `headerLines` lines), and above the last (total) row: the rows between stay compact. */
export function withRules(table: string, aboveLast = true, headerLines = 1): string {
  const lines = table.split('\n');
  const rule = lines[0]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  const head = lines.slice(0, 1 + headerLines);
  const body = lines.slice(1 + headerLines);
  if (body.length < 2) return table;
  if (!aboveLast || body.length < 3) return [...head, rule, ...body].join('\n');
  return [...head, rule, ...body.slice(0, -2), rule, ...body.slice(-2)].join('\n');
}

/** A header on two lines, its unit under its name: "Stock (PE)" → "Stock\n(PE)", "Load index" → "Load\nindex". */
function twoLines(label: string): string {
  const at = label.indexOf('(') > 0 ? label.indexOf('(') : label.lastIndexOf(' ');
  return at > 0 ? `${label.slice(0, at).trimEnd()}\n${label.slice(at).trimStart()}` : label;
}

/** Columns that give way, in this order, when the table is wider than the terminal. */
const GIVE_WAY = ['capacity_range_pe', 'grade', 'headroom_pe'];

export function statusColour(chalk: ChalkInstance, status: Status): (s: string) => string {
  switch (status) {
    case 'ok':
      return chalk.green;
    case 'warning':
      return chalk.yellow;
    case 'overloaded':
      return chalk.red.bold;
    case 'no-land':
      return chalk.magenta;
  }
}

/**
 * The terminal table: one row per township and the total, coloured by status (and its word), notes beneath.
 * Given a terminal `width`, headers go on two lines and then secondary columns give way, with a note, until it fits.
 */
export function renderTable(
  report: Report,
  ctx: RenderContext,
  /** Rows drawn at a time (see ROWS_PER_PIECE): the same table whatever it is. */
  rowsPerPiece = ROWS_PER_PIECE,
): string {
  const { lang, t, chalk, columns: choice = {}, width, by } = ctx;
  const all = balanceColumns(report, choice, by).filter((c) => c.only !== 'csv');
  const rows = tableRows(report, all, lang, t, chalk, by);
  // The width each column's cells take, found once: the table is drawn once, with the columns that fit.
  const cellsWidth = all.map((_, i) => rows.reduce((w, row) => Math.max(w, cellWidth(row[i]!)), 0));
  const label = (c: BalanceColumn, narrow: boolean) => (narrow ? twoLines(c.label(t)) : c.label(t));
  // As cli-table3 draws it: a rule either side of each column, which is its widest cell with a space either side.
  const widthOf = (columns: readonly BalanceColumn[], narrow: boolean) =>
    columns.reduce((w, c) => w + Math.max(cellsWidth[all.indexOf(c)]!, cellWidth(label(c, narrow))) + 3, 1);
  let columns = all;
  let narrow = false;
  const omitted: string[] = [];
  if (width !== undefined && widthOf(columns, false) > width) {
    narrow = true;
    const giveWay = [
      ...columns
        .filter((c) => c.key.startsWith('headroom_head_'))
        .reverse()
        .map((c) => c.key),
      ...GIVE_WAY,
    ];
    for (const key of giveWay) {
      if (widthOf(columns, true) <= width) break;
      const column = columns.find((c) => c.key === key);
      if (!column) continue;
      omitted.push(column.label(t));
      columns = columns.filter((c) => c !== column);
    }
  }
  const labels = columns.map((c) => label(c, narrow));
  const kept = columns.map((c) => all.indexOf(c));
  const table = drawTable(
    labels.map((l) => chalk.bold(l)),
    rows.map((row) => kept.map((i) => row[i]!)),
    columns.map((c) => (c.numeric ? 'right' : 'left')),
    rowsPerPiece,
    kept.map((i) => cellsWidth[i]!),
  );
  const lines = [
    chalk.bold(t.ui.title(t.ui.basisName[report.basis])),
    withRules(table, true, Math.max(...labels.map((l) => l.split('\n').length))),
    summaryLine(report, t, by),
  ];
  if (omitted.length > 0) lines.push(chalk.dim(t.ui.columnsOmitted(omitted.join(t.ui.listSeparator))));
  lines.push('', chalk.bold(t.ui.label(t.ui.parametersHeading, '')));
  for (const p of parameterLines(report, t)) lines.push(`  ${visible(t.ui.label(p.name, p.value))}${chalk.dim(visible(t.ui.paren(p.source)))}`);
  lines.push(chalk.bold(t.ui.label(t.ui.coefficientsHeading, '')));
  for (const l of coefficientLines(report, lang, t)) lines.push(`  ${visible(l)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Each township's row of the table and the total's, a cell per column: coloured by status, the total in bold; a name's
 * control characters shown as escapes.
 */
function tableRows(report: Report, columns: readonly BalanceColumn[], lang: Lang, t: Messages, chalk: ChalkInstance, by?: RegionLevel): string[][] {
  return balanceRows(report, by).map((b) => {
    const colour = statusColour(chalk, b.status);
    return columns.map((c) => {
      const text = visible(c.display(b, lang, t));
      if (c.key === 'status' || c.key === 'grade') return colour(text);
      if (c.key === 'headroom_pe' && b.headroomPe < 0) return chalk.red(text);
      return b === report.total || (isRegion(b) && by === undefined) ? chalk.bold(text) : text;
    });
  });
}

/**
 * Rows drawn at a time. cli-table3 lays a table out in time that grows with the square of its rows (it looks for
 * cells that span rows): a national table (40,000 townships) took over five minutes. A larger table is drawn in
 * pieces with the widths cli-table3 would give the whole, and the pieces joined.
 */
const ROWS_PER_PIECE = 100;

/**
 * A table of single-line rows under a header, drawn by cli-table3 without rules between the rows: the same text as
 * one cli-table3 table of them, drawn `rowsPerPiece` rows at a time. `cellsWidth`: each column's widest cell below the
 * header (cellWidth), when the caller has measured them.
 */
export function drawTable(
  head: readonly string[],
  rows: readonly string[][],
  aligns: readonly ('left' | 'right')[],
  rowsPerPiece = ROWS_PER_PIECE,
  cellsWidth?: readonly number[],
): string {
  // Each column as wide as its widest cell and the padding either side, as cli-table3 makes it (one piece: its own).
  const widest = (i: number) => cellsWidth?.[i] ?? rows.reduce((w, row) => Math.max(w, cellWidth(row[i]!)), 0);
  const colWidths = rows.length > rowsPerPiece ? head.map((h, i) => Math.max(widest(i), cellWidth(h)) + 2) : [];
  const pieces: string[][] = [];
  for (let from = 0; from === 0 || from < rows.length; from += rowsPerPiece) {
    const table = new Table({
      ...(from === 0 ? { head: [...head] } : {}),
      colWidths,
      colAligns: [...aligns],
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    table.push(...rows.slice(from, from + rowsPerPiece));
    pieces.push(table.toString().split('\n'));
  }
  // The pieces joined: the rule at the foot of each but the last and at the head of each but the first left out.
  return pieces.flatMap((piece, i) => piece.slice(i === 0 ? 0 : 1, i === pieces.length - 1 ? piece.length : -1)).join('\n');
}

/** The columns a cell takes on a terminal, measured as cli-table3 measures it; printable ASCII at a glance. */
function cellWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : cliTableUtils.strlen(text);
}
