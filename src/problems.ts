import { bounded } from './safe-text.js';

/**
 * The problem model: every data problem has a stable code, a severity and a place (file, line, column),
 * as in `FILE:LINE:COLUMN: error|warning CODE message`. Messages are rendered in the user's language
 * from the code and its arguments (src/i18n).
 */

/** A note says what landcap did with the data (a totals row left out); it never fails a run, even with --strict. */
export type Severity = 'error' | 'warning' | 'note';

/** Every problem code landcap reports, with its severity. `--strict` turns warnings into errors. */
export const PROBLEM_CODES = {
  // files
  'file-empty': 'error',
  'no-townships': 'error',
  'file-no-rows': 'warning',
  'encoding-invalid': 'error',
  'file-not-text': 'error',
  'workbook-invalid': 'error',
  'sheet-not-found': 'error',
  'sheet-several': 'warning',
  'sheet-ambiguous': 'error',
  'rows-hidden': 'warning',
  'subtotal-item': 'note',
  'kind-unknown': 'error',
  'kind-ambiguous': 'error',
  'kind-mismatch': 'error',
  // headers
  'header-missing-column': 'error',
  'header-duplicate-column': 'error',
  'header-unknown-column': 'warning',
  'header-unknown-unit': 'error',
  'header-measure-missing': 'error',
  'header-empty': 'warning',
  'title-skipped': 'note',
  'column-numbers-skipped': 'note',
  'unit-assumed': 'warning',
  'unit-from-title': 'note',
  'measure-from-title': 'note',
  // cells
  'cell-required': 'error',
  'number-invalid': 'error',
  'number-not-finite': 'error',
  'number-negative': 'error',
  'row-extra-cells': 'error',
  'csv-syntax': 'error',
  'name-invisible-character': 'warning',
  'total-row': 'note',
  'total-column': 'note',
  'total-mismatch': 'warning',
  'total-unlabelled': 'error',
  'part-left-out': 'note',
  'part-exceeds-whole': 'warning',
  'note-line-skipped': 'note',
  'header-repeated': 'note',
  'unit-by-item': 'note',
  'group-left-out': 'note',
  'group-unlisted': 'error',
  'group-items-differ': 'warning',
  'township-written-otherwise': 'error',
  'unit-invalid': 'error',
  'unit-conflict': 'error',
  'formula-no-value': 'error',
  'figure-not-finite': 'error',
  // crops
  'crop-unknown': 'error',
  'crop-local-uptake': 'warning',
  'crop-needs-uptake': 'error',
  'production-missing': 'error',
  'production-mismatch': 'warning',
  'quantity-conflict': 'error',
  'unit-measure-mismatch': 'error',
  'yield-implausible': 'error',
  'land-use-invalid': 'error',
  'duplicate-row': 'error',
  'part-of-whole': 'warning',
  'scenario-township-unknown': 'error',
  'local-member-with-whole': 'error',
  // livestock
  'species-unknown': 'error',
  'species-needs-factor': 'error',
  'species-cattle': 'error',
  'pe-factor-invalid': 'error',
  'pe-factor-override': 'warning',
  'stock-missing': 'error',
  'slaughter-no-ratio': 'error',
  'stock-implausible': 'error',
  'stock-fractional': 'warning',
  // soil
  'grade-invalid': 'error',
  'soil-out-of-range': 'error',
  'soil-missing-values': 'error',
  'soil-grade-disagrees': 'warning',
  // a local dictionary
  'local-means-unknown': 'error',
  'local-defined-twice': 'error',
  'local-source-missing': 'error',
  'local-land-use-missing': 'error',
  'local-value-invalid': 'error',
  'local-mixed': 'error',
  'local-nothing': 'error',
  'local-alias-value': 'error',
  // places (docs/transfer.md)
  'place-outside-china': 'error',
  'place-duplicate': 'error',
  // a map of the townships (docs/transfer.md)
  'map-not-features': 'error',
  'map-feature-unnamed': 'warning',
  'map-no-names': 'error',
  'map-feature-invalid': 'warning',
  'map-outside-china': 'error',
  'map-township-repeated': 'warning',
  // across files
  'township-no-land': 'warning',
  'township-soil-only': 'warning',
  'township-ambiguous': 'error',
  'region-name-differs': 'warning',
  'township-no-place': 'warning',
  'place-no-township': 'warning',
  'township-not-on-map': 'warning',
  'locations-match-none': 'error',
  'map-no-township': 'warning',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
export type ProblemArgs = Readonly<Record<string, string | number>>;

export interface Problem {
  readonly file: string;
  /** 1-based, as a text editor counts; the header is line 1. */
  readonly line: number;
  /** 1-based position of the cell in its row (the spreadsheet column); 0 when the problem is about a whole row or file. */
  readonly column: number;
  readonly severity: Severity;
  readonly code: ProblemCode;
  readonly args: ProblemArgs;
  /** For a problem in a sheet of a workbook (`file` is then `book.xlsx[SHEET]`): the sheet. */
  readonly sheet?: string;
}

export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ProblemLogOptions {
  /** Warnings count as errors (`--strict`). */
  readonly strict?: boolean;
  /** Called with each problem as it is found, so that a long list can be printed as the files stream past. */
  readonly onProblem?: (problem: Problem) => void;
  /** Keep at most this many problems in `problems` (the counts always cover all of them). */
  readonly retain?: number;
}

/** Collects the problems of a run in the order they are found and counts them by severity. */
export class ProblemLog {
  readonly problems: Problem[] = [];
  /** The sheets of workbooks, by the name their problems are reported under (book.xlsx[SHEET]). */
  private readonly sheets = new Map<string, string>();
  errors = 0;
  warnings = 0;
  notes = 0;
  readonly strict: boolean;
  private readonly retain: number;

  constructor(private readonly options: ProblemLogOptions = {}) {
    this.strict = options.strict ?? false;
    this.retain = options.retain ?? Infinity;
  }

  /** Problems reported under `file` are in this sheet of a workbook. */
  sheet(file: string, sheet: string): void {
    this.sheets.set(file, sheet);
  }

  report(place: Place, code: ProblemCode, args: ProblemArgs = {}): void {
    const own: Severity = PROBLEM_CODES[code];
    const severity: Severity = this.strict && own === 'warning' ? 'error' : own;
    if (severity === 'error') this.errors++;
    else if (severity === 'warning') this.warnings++;
    else this.notes++;
    const sheet = this.sheets.size > 0 ? this.sheets.get(place.file) : undefined;
    const problem: Problem = {
      file: place.file,
      line: place.line,
      column: place.column,
      severity,
      code,
      args: quotedBriefly(args),
      ...(sheet === undefined ? {} : { sheet }),
    };
    if (this.problems.length < this.retain) this.problems.push(problem);
    this.options.onProblem?.(problem);
  }

  get count(): number {
    return this.errors + this.warnings + this.notes;
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }
}

/** Arguments that are landcap's own lists (known units, kinds, expected columns), quoted whole. */
const OWN_LISTS = new Set(['units', 'kinds', 'expected']);

/** A problem's arguments with each text quoted from the data cut to a few dozen characters: a cell may be megabytes. */
function quotedBriefly(args: ProblemArgs): ProblemArgs {
  for (const [key, value] of Object.entries(args)) {
    if (typeof value === 'string' && value.length > 80 && !OWN_LISTS.has(key)) {
      const out: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(args)) out[k] = typeof v === 'string' && !OWN_LISTS.has(k) ? bounded(v) : v;
      return out;
    }
  }
  return args;
}

/** A cell's reference as a spreadsheet shows it: column 3 of row 12 is C12. */
export function cellReference(column: number, line: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${line}`;
}
