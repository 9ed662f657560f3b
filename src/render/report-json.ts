import type { Messages } from '../i18n/en.js';
import { jsonInParts } from './json-parts.js';
import { problemHint, problemMessage } from '../i18n/index.js';
import { cellReference, type Problem } from '../problems.js';
import type { Report } from '../report/report.js';
import type { ReportJson } from '../report/schema.js';
import type { RenderContext } from './context.js';

/** A problem as JSON (docs/cli.md): where, what, and a message in the chosen language. */
export function problemJson(p: Problem, t: Messages) {
  const hint = problemHint(p, t);
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    severity: p.severity,
    code: p.code,
    message: problemMessage(p, t),
    ...(hint ? { hint } : {}),
    ...(p.sheet === undefined ? {} : { sheet: p.sheet, ...(p.column > 0 && p.line > 0 ? { cell: cellReference(p.column, p.line) } : {}) }),
  };
}

/** The report as JSON (docs/cli.md): numbers unrounded. */
export function reportJson(report: Report, t: Messages): ReportJson {
  return {
    schemaVersion: report.schemaVersion,
    basis: report.basis,
    parameters: report.parameters,
    parameterSources: report.parameterSources,
    townships: report.townships,
    ...(report.regions.length > 0 ? { regions: report.regions } : {}),
    total: report.total,
    warnings: report.warnings.filter((w) => w.severity !== 'note').map((w) => problemJson(w, t)),
    ...(report.warnings.some((w) => w.severity === 'note')
      ? { notes: report.warnings.filter((w) => w.severity === 'note').map((w) => problemJson(w, t)) }
      : {}),
    inputs: report.inputs,
    coefficients: report.coefficients,
  };
}

/** The same text as renderJson in parts of a few dozen townships, to be written out one after another. */
export function renderJsonParts(report: Report, { t }: Pick<RenderContext, 't'>): Iterable<string> {
  return jsonInParts(reportJson(report, t), 'townships');
}

export function renderJson(report: Report, { t }: Pick<RenderContext, 't'>): string {
  return `${JSON.stringify(reportJson(report, t), null, 2)}\n`;
}
