import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import type { Status } from '../method/types.js';
import { balanceColumns, balanceRows, type ColumnChoice } from './columns.js';
import { coefficientLines, parameterLines, summaryLine } from './notes.js';
import type { Report } from './report.js';

/** A rule under the header, and above the last (total) row: the rows between stay compact. */
export function withRules(table: string, aboveLast = true): string {
  const lines = table.split('\n');
  const rule = lines[0]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  if (lines.length < 4) return table;
  if (!aboveLast || lines.length < 5) return [lines[0], lines[1], rule, ...lines.slice(2)].join('\n');
  return [lines[0], lines[1], rule, ...lines.slice(2, -2), rule, ...lines.slice(-2)].join('\n');
}

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

/** The terminal table: one row per township and the total, coloured by status, notes beneath. */
export function renderTable(report: Report, lang: Lang, t: Messages, chalk: ChalkInstance, choice: ColumnChoice = {}): string {
  const columns = balanceColumns(report, choice).filter((c) => c.only !== 'csv');
  const table = new Table({
    head: columns.map((c) => chalk.bold(c.label(t))),
    colAligns: columns.map((c) => (c.numeric ? 'right' : 'left')),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const b of balanceRows(report)) {
    const colour = statusColour(chalk, b.status);
    table.push(
      columns.map((c) => {
        const text = c.display(b, lang, t);
        if (c.key === 'status' || c.key === 'grade') return colour(text);
        if (c.key === 'headroom_pe' && b.headroomPe < 0) return chalk.red(text);
        return b === report.total ? chalk.bold(text) : text;
      }),
    );
  }
  const lines = [chalk.bold(t.ui.title(t.ui.basisName[report.basis])), withRules(table.toString()), summaryLine(report, t), ''];
  lines.push(chalk.bold(t.ui.label(t.ui.parametersHeading, '')));
  for (const p of parameterLines(report, t)) lines.push(`  ${t.ui.label(p.name, p.value)}${chalk.dim(t.ui.paren(p.source))}`);
  lines.push(chalk.bold(t.ui.label(t.ui.coefficientsHeading, '')));
  for (const l of coefficientLines(report, lang, t)) lines.push(`  ${l}`);
  return `${lines.join('\n')}\n`;
}
