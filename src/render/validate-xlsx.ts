import type { RenderContext } from './context.js';
import { problemsSheet } from './problems-sheet.js';
import type { Validation } from './validate.js';
import { workbook } from './xlsx.js';

/** validate --format xlsx: the problems found (up to --max-problems), and the files read. */
export function renderValidationXlsx(v: Validation, { t }: RenderContext): Uint8Array {
  const x = t.ui.xlsx;
  return workbook([
    problemsSheet(v.problems, t),
    {
      name: x.files,
      columns: x.fileColumns.map((header) => ({ header })),
      rows: v.files.map((f) => [f.path, f.kind ?? '', f.encoding ?? '', f.rows]),
    },
  ]);
}
