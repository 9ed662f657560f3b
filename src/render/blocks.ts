import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { markdownText, visible } from '../safe-text.js';
import { withRules } from './report-table.js';

/** A document as blocks — headings, lines, tables — that the text and Markdown renderers lay out their own way. */
export type Block =
  { kind: 'heading'; text: string } | { kind: 'line'; text: string } | { kind: 'table'; head: string[]; rows: string[][]; numeric: boolean[] };

/** For the terminal: bold headings, indented lines, compact tables; control characters in any text shown as escapes. */
export function blocksToText(blocks: readonly Block[], chalk: ChalkInstance): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') lines.push('', chalk.bold(visible(b.text)));
    else if (b.kind === 'line') lines.push(`   ${visible(b.text)}`);
    else {
      const table = new Table({
        head: b.head.map((h) => chalk.bold(visible(h))),
        colAligns: b.numeric.map((n) => (n ? 'right' : 'left')),
        style: { head: [], border: [] },
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const r of b.rows) table.push(r.map(visible));
      lines.push(
        withRules(table.toString(), false)
          .split('\n')
          .map((l) => `   ${l}`)
          .join('\n'),
      );
    }
  }
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

/** For a report: the first heading ##, the others ###, lines as a list, tables as Markdown tables; every text through markdownText. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const lines: string[] = [];
  let first = true;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      lines.push('', `${first ? '##' : '###'} ${markdownText(b.text)}`, '');
      first = false;
    } else if (b.kind === 'line') lines.push(`- ${markdownText(b.text)}`);
    else {
      lines.push('', `| ${b.head.map(markdownText).join(' | ')} |`, `|${b.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`);
      for (const r of b.rows) lines.push(`| ${r.map(markdownText).join(' | ')} |`);
      lines.push('');
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
