import type { FileSummary } from '../input/read.js';
import type { Problem } from '../problems.js';
import { SCHEMA_VERSION } from '../report/report.js';
import type { ValidateJson } from '../report/schema.js';
import { visible } from '../safe-text.js';
import type { RenderContext } from './context.js';
import { problemJson } from './report-json.js';

/** What `validate` found: the files read, the problems kept (all, or up to --max-errors), and the counts of all. */
export interface Validation {
  readonly files: readonly FileSummary[];
  readonly problems: readonly Problem[];
  readonly counts: { readonly errors: number; readonly warnings: number; readonly notes: number };
}

/** The files read and the verdict, a line each (the problems themselves go to stderr as they are found). */
export function renderValidationText(v: Validation, { t }: RenderContext): string {
  const rows = v.files.reduce((n, f) => n + f.rows, 0);
  const lines = v.files.map(
    (f) => `${visible(f.path)}: ${t.ui.fileRead(f.kind ?? t.ui.unknown, f.encoding ?? t.ui.unknown, f.skipped ? t.ui.notRead : t.ui.rowsCount(f.rows))}`,
  );
  const { errors, warnings } = v.counts;
  lines.push(errors === 0 ? t.ui.validOk(v.files.length, rows, warnings) : t.ui.invalid(errors, warnings, v.files.length, rows));
  return `${lines.join('\n')}\n`;
}

/** validate --format json (schemas/validate.v1.schema.json). */
export function renderValidationJson(v: Validation, { t }: RenderContext): string {
  const listed = v.problems.map((p) => problemJson(p, t));
  const json: ValidateJson = {
    schemaVersion: SCHEMA_VERSION,
    valid: v.counts.errors === 0,
    errors: listed.filter((p) => p.severity === 'error'),
    warnings: listed.filter((p) => p.severity === 'warning'),
    notes: listed.filter((p) => p.severity === 'note'),
    counts: { ...v.counts, shown: listed.length },
    files: v.files.map((f) => ({ path: f.path, kind: f.kind, encoding: f.encoding, rows: f.rows, ...(f.sheet === undefined ? {} : { sheet: f.sheet }) })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
