import type { CoefficientTable } from '../coefficients/listing.js';
import type { Comparison } from '../compare/compare.js';
import type { Explanation } from '../explain/explain.js';
import type { FarmResult } from '../farm/farm.js';
import type { TransferPlan } from '../transfer/plan.js';
import type { Report } from '../report/report.js';
import type { RenderContext, Renderer } from './context.js';
import type { Validation } from './validate.js';

export type { RenderContext, Rendered, Renderer } from './context.js';

/** The documents landcap renders, by name. */
export interface Documents {
  readonly report: Report;
  readonly compare: Comparison;
  readonly explain: Explanation;
  readonly farm: FarmResult;
  readonly coefficients: readonly CoefficientTable[];
  readonly validate: Validation;
  readonly transfer: TransferPlan;
}

type Registry = { readonly [K in keyof Documents]: Readonly<Record<string, () => Promise<Renderer<Documents[K]>>>> };

/**
 * The renderers of each document, by format (the first is the default), each loaded only when it is used: a command
 * loads the one renderer it writes with. The command line's --format choices are these keys.
 */
export const RENDERERS = {
  report: {
    table: async () => (await import('./report-table.js')).renderTable,
    json: async () => (await import('./report-json.js')).renderJsonParts,
    csv: async () => (await import('./report-csv.js')).renderCsv,
    md: async () => (await import('./report-md.js')).renderMarkdown,
    html: async () => (await import('./report-html.js')).renderHtml,
    xlsx: async () => (await import('./report-xlsx.js')).renderXlsx,
  },
  compare: {
    table: async () => comparison('table'),
    json: async () => comparison('json'),
    csv: async () => comparison('csv'),
    md: async () => comparison('md'),
    xlsx: async () => (await import('./compare-xlsx.js')).renderComparisonXlsx,
  },
  explain: {
    text: async () => (await import('./explain.js')).renderExplainText,
    table: async () => (await import('./explain.js')).renderExplainText,
    json: async () => (e) => `${JSON.stringify(e, null, 2)}\n`,
    md: async () => (await import('./explain.js')).renderExplainMarkdown,
  },
  farm: {
    text: async () => farm('text'),
    table: async () => farm('text'),
    json: async () => farm('json'),
    md: async () => farm('md'),
  },
  coefficients: {
    table: async () => coefficients('table'),
    json: async () => coefficients('json'),
    csv: async () => coefficients('csv'),
    md: async () => coefficients('md'),
  },
  transfer: {
    table: async () => transfer('table'),
    json: async () => transfer('json'),
    csv: async () => transfer('csv'),
    md: async () => transfer('md'),
    html: async () => (await import('./transfer-html.js')).renderTransferHtml,
    xlsx: async () => (await import('./transfer-xlsx.js')).renderTransferXlsx,
  },
  validate: {
    text: async () => (await import('./validate.js')).renderValidationText,
    table: async () => (await import('./validate.js')).renderValidationText,
    json: async () => (await import('./validate.js')).renderValidationJson,
    xlsx: async () => (await import('./validate-xlsx.js')).renderValidationXlsx,
  },
} as const satisfies Registry;

async function comparison(format: string): Promise<Renderer<Comparison>> {
  const { renderComparison } = await import('./compare.js');
  return (c, ctx) => renderComparison(c, format, ctx);
}

async function farm(format: string): Promise<Renderer<FarmResult>> {
  const { renderFarm } = await import('./farm.js');
  return (f, ctx) => renderFarm(f, format, ctx);
}

async function transfer(format: string): Promise<Renderer<TransferPlan>> {
  const { renderTransfer } = await import('./transfer.js');
  return (plan, ctx) => renderTransfer(plan, format, ctx);
}

async function coefficients(format: string): Promise<Renderer<readonly CoefficientTable[]>> {
  const { renderCoefficients } = await import('./coefficients.js');
  return (tables, ctx) => renderCoefficients(tables, format, ctx);
}

/** The formats of a document, the default first. */
export function formatsOf(kind: keyof Documents): string[] {
  return Object.keys(RENDERERS[kind]);
}

export type ReportFormat = keyof (typeof RENDERERS)['report'];
export const REPORT_FORMATS = Object.keys(RENDERERS.report) as ReportFormat[];

/** Renders a document in a format with that format's renderer (loaded now). */
export async function render<K extends keyof Documents>(
  kind: K,
  format: string,
  doc: Documents[K],
  ctx: RenderContext,
): Promise<import('./context.js').Rendered> {
  const load = (RENDERERS[kind] as Readonly<Record<string, () => Promise<Renderer<Documents[K]>>>>)[format];
  if (!load) throw new Error(`no ${format} renderer for ${kind}`);
  return (await load())(doc, ctx);
}

/** Rendered text, whole (a workbook is no text). */
export function whole(rendered: import('./context.js').Rendered): string {
  if (rendered instanceof Uint8Array) throw new Error('a workbook is not text');
  return typeof rendered === 'string' ? rendered : [...rendered].join('');
}
