import { markdownText } from '../safe-text.js';
import { balanceColumns, balanceRows, isRegion } from './columns.js';
import { coefficientLines, parameterLines, summarySentence } from './notes.js';
import type { Report } from '../report/report.js';
import type { RenderContext } from './context.js';

/**
 * A Markdown section ready to paste into a report: title, summary, table, parameters, method note. Every text is
 * written through markdownText: a name from the data shows as written, never as Markdown or HTML.
 */
export function renderMarkdown(report: Report, { lang, t, columns: choice = {}, by }: RenderContext): string {
  const columns = balanceColumns(report, choice, by).filter((c) => c.only !== 'csv');
  const lines = [`## ${t.ui.title(t.ui.basisName[report.basis])}`, '', markdownText(summarySentence(report, lang, t)), ''];
  lines.push(`| ${columns.map((c) => markdownText(c.label(t))).join(' | ')} |`);
  lines.push(`|${columns.map((c) => (c.numeric ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const b of balanceRows(report, by)) {
    const strong = b === report.total || (isRegion(b) && by === undefined);
    lines.push(
      `| ${columns
        .map((c) => {
          const v = markdownText(c.display(b, lang, t));
          return strong && v !== '' ? `**${v}**` : v;
        })
        .join(' | ')} |`,
    );
  }
  lines.push('', `### ${t.ui.parametersHeading}`, '');
  for (const p of parameterLines(report, t)) lines.push(`- ${markdownText(`${t.ui.label(p.name, p.value)}${t.ui.paren(p.source)}`)}`);
  lines.push('', `### ${t.ui.coefficientsHeading}`, '');
  for (const l of coefficientLines(report, lang, t)) lines.push(`- ${markdownText(l)}`);
  return `${lines.join('\n')}\n`;
}
