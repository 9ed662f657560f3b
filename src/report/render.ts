import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import type { ColumnChoice } from './columns.js';
import type { HtmlMeta } from './render-html.js';
import type { Report } from './report.js';

export interface RenderOptions {
  readonly lang: Lang;
  readonly t: Messages;
  /** Colours for the terminal table (a level-0 instance for none). */
  readonly chalk: ChalkInstance;
  /** Extra columns for the table, Markdown, HTML and CSV (JSON always has everything). */
  readonly columns?: ColumnChoice;
  /** The terminal's width, for the table to fit (none: as wide as it needs). */
  readonly width?: number;
  /** Title, region and year for the HTML page. */
  readonly meta?: HtmlMeta;
}

import type { ReportFormat } from './formats.js';
import { renderJson, renderJsonParts } from './render-json.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

/** Renders a report; each format's renderer is loaded only when it is used. */
export async function renderReport(report: Report, format: string, ctx: RenderOptions): Promise<string> {
  switch (format as ReportFormat) {
    case 'json':
      return renderJson(report, ctx.t);
    case 'csv':
      return (await import('./render-csv.js')).renderCsv(report, ctx.t, ctx.columns);
    case 'md':
      return (await import('./render-md.js')).renderMarkdown(report, ctx.lang, ctx.t, ctx.columns);
    case 'html':
      return (await import('./render-html.js')).renderHtml(report, ctx.lang, ctx.t, ctx.meta, ctx.columns);
    case 'table':
      return (await import('./render-table.js')).renderTable(report, ctx.lang, ctx.t, ctx.chalk, ctx.columns, ctx.width);
  }
  throw new Error(`unknown format ${format}`);
}

/** The same text as renderReport; JSON in parts to write one after another, a few dozen townships at a time. */
export async function renderReportParts(report: Report, format: string, ctx: RenderOptions): Promise<string | Iterable<string>> {
  return format === 'json' ? renderJsonParts(report, ctx.t) : renderReport(report, format, ctx);
}
