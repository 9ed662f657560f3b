import Table from 'cli-table3';
import type { CoefficientTable } from '../coefficients/listing.js';
import { markdownText, visible } from '../safe-text.js';
import { csvTable } from './csv.js';
import type { RenderContext } from './context.js';

const text = (v: string | number | null) => (v === null ? '' : String(v));

/** The coefficient tables in use, each row with its provenance: as JSON, CSV, Markdown, or terminal tables. */
export function renderCoefficients(tables: readonly CoefficientTable[], format: string, ctx: RenderContext): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(Object.fromEntries(tables.map((t) => [t.name, t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])))])), null, 2)}\n`;
    case 'csv':
      // Several tables: each after a "# name" comment line, which landcap's own CSV reader skips.
      return tables.map((t) => (tables.length > 1 ? `# ${t.name}\n` : '') + csvTable([t.columns, ...t.rows])).join('\n');
    case 'md':
      return tables
        .map((t) =>
          [
            `### ${t.name} (${t.file})`,
            '',
            `| ${t.columns.join(' | ')} |`,
            `|${t.columns.map(() => ' --- ').join('|')}|`,
            ...t.rows.map((r) => `| ${r.map((v) => markdownText(text(v))).join(' | ')} |`),
            '',
          ].join('\n'),
        )
        .join('\n');
    default: {
      // The terminal shows provenance; the full source text is in the other formats.
      return tables
        .map((t) => {
          const keep = t.columns.map((c, i) => (c === 'source' ? -1 : i)).filter((i) => i >= 0);
          const table = new Table({ head: keep.map((i) => ctx.chalk.bold(t.columns[i]!)), style: { head: [], border: [] } });
          for (const r of t.rows) table.push(keep.map((i) => visible(text(r[i]!))));
          return `${ctx.chalk.bold(`${t.name}`)} ${ctx.chalk.dim(`(${t.file})`)}\n${table.toString()}\n`;
        })
        .join('\n');
    }
  }
}
