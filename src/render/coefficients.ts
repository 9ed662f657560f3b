import Table from 'cli-table3';
import type { CoefficientTable } from '../coefficients/listing.js';
import { markdownText, visible } from '../safe-text.js';
import { csvTable } from './csv.js';
import type { RenderContext } from './context.js';

const text = (v: string | number | null) => (v === null ? '' : String(v));

/**
 * For people (terminal, Markdown): each column's name in the language, a provenance and a code (a crop's group, a
 * unit) in words; in Chinese, the English names' columns left out.
 */
function forPeople(t: CoefficientTable, ctx: RenderContext) {
  const names = ctx.t.ui.coefficientColumns;
  const values = ctx.t.ui.coefficientValues;
  const columns = t.columns.map((_, i) => i).filter((i) => !(ctx.lang === 'zh' && t.columns[i]!.endsWith('_en')));
  return {
    title: ctx.t.ui.coefficientTableNames[t.name] ?? t.name,
    columns,
    head: t.columns.map((c) => names[c] ?? c),
    cell: (column: string, v: string | number | null) => {
      // A fraction's decimal (100/15 is 6.666666666666667 a head) to six significant digits.
      if (typeof v === 'number' && !Number.isInteger(v)) return String(Number(v.toPrecision(6)));
      if (typeof v !== 'string') return text(v);
      if (column === 'one_of') return v.split('|').join(ctx.t.ui.orSeparator);
      if (column.endsWith('provenance') && v in ctx.t.ui.provenanceNames) return ctx.t.ui.provenanceNames[v as keyof typeof ctx.t.ui.provenanceNames];
      return values[column]?.[v] ?? v;
    },
  };
}

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
        .map((t) => {
          const p = forPeople(t, ctx);
          return [
            `### ${p.title}${ctx.t.ui.paren(t.file)}`,
            '',
            `| ${p.columns.map((i) => p.head[i]).join(' | ')} |`,
            `|${p.columns.map(() => ' --- ').join('|')}|`,
            ...t.rows.map((r) => `| ${p.columns.map((i) => markdownText(p.cell(t.columns[i]!, r[i]!))).join(' | ')} |`),
            '',
          ].join('\n');
        })
        .join('\n');
    default: {
      // The terminal shows provenance; the full source texts are in the other formats.
      return tables
        .map((t) => {
          const p = forPeople(t, ctx);
          const keep = p.columns.filter((i) => !t.columns[i]!.endsWith('source'));
          const table = new Table({ head: keep.map((i) => ctx.chalk.bold(p.head[i]!)), style: { head: [], border: [] } });
          for (const r of t.rows) table.push(keep.map((i) => visible(p.cell(t.columns[i]!, r[i]!))));
          return `${ctx.chalk.bold(p.title)}${ctx.chalk.dim(ctx.t.ui.paren(t.file))}\n${table.toString()}\n`;
        })
        .join('\n');
    }
  }
}
