import type { Messages } from '../i18n/en.js';
import { problemHint, problemMessage } from '../i18n/index.js';
import { cellReference, type Problem } from '../problems.js';
import type { Sheet } from './xlsx.js';

/** The fill of a problem's severity cell. */
const SEVERITY_FILL = { error: 'FFCDD2', warning: 'FFF3B0', note: 'E3F2FD' } as const;

/** The problems found in the data, one a row: where (file, line, column or cell), severity, code, message and hint. */
export function problemsSheet(problems: readonly Problem[], t: Messages): Sheet {
  const x = t.ui.xlsx;
  return {
    name: x.problems,
    columns: x.problemColumns.map((header) => ({ header })),
    rows: problems.map((p) => [
      p.file,
      p.line,
      p.sheet !== undefined && p.column > 0 && p.line > 0 ? cellReference(p.column, p.line) : p.column,
      { value: x.severities[p.severity], style: { fill: SEVERITY_FILL[p.severity] } },
      p.code,
      problemMessage(p, t),
      problemHint(p, t) ?? '',
    ]),
  };
}
