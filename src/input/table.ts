import type { InputKind, Unit } from './columns.js';
import type { CellSource, Cells } from './csv.js';
import { parseNumberCell, scaleNumber } from './numbers.js';
import type { PageBreaks } from './pages.js';
import type { Place, ProblemArgs, ProblemCode, ProblemLog } from '../problems.js';
import { bounded } from '../safe-text.js';

export interface Column {
  /** 0-based index of the cell in a record. */
  readonly index: number;
  /** The header as written in the file. */
  readonly header: string;
  readonly field: string;
  readonly unit?: Unit;
  /** The units the header names together (存栏量（头、只、万羽）), when it names several: each row's by its item. */
  readonly units?: readonly Unit[];
}

export interface Header {
  readonly kind: InputKind;
  readonly columns: readonly Column[];
  /** Columns by field; a quantity may have several (面积(亩) and 面积(公顷)). */
  readonly byField: ReadonlyMap<string, readonly Column[]>;
  /** Indices of columns with an empty header. */
  readonly unnamed: ReadonlySet<number>;
  readonly width: number;
}

/**
 * One data row with its place, and checked access to its cells: each cell read is checked, each problem is reported
 * at its file, line and column. One Row serves a file's rows in turn (set): what it holds is valid until the next.
 */
export class Row {
  line = 0;
  cells!: Cells;
  /** For a row of the long form made from a row of a wide table: each cell's column in the file, and its header. */
  private columns: readonly number[] | undefined;
  private headers: readonly string[] | undefined;

  constructor(
    readonly file: string,
    private readonly log: ProblemLog,
    /** Whether a cell's line breaks move the cells after it to later lines (CSV), or not (a sheet's row is one row). */
    private readonly multiline = true,
  ) {}

  set(line: number, cells: Cells, columns?: readonly number[], headers?: readonly string[]): this {
    this.line = line;
    this.cells = cells;
    this.columns = columns;
    this.headers = headers;
    return this;
  }

  /** The header of a cell's column in the file (a wide table's 水稻产量（吨）, where the long form has production). */
  headerOf(column: Column): string {
    return this.headers?.[column.index] ?? column.header;
  }

  /** The place of a cell, on the line it starts on when the record spans lines. */
  place(column?: Column): Place {
    if (!column) return { file: this.file, line: this.line, column: 0 };
    if (this.columns) return { file: this.file, line: this.line, column: this.columns[column.index] ?? 0 };
    let line = this.line;
    if (!this.multiline) return { file: this.file, line, column: column.index + 1 };
    for (let i = 0; i < column.index; i++) {
      const cell = this.cells.raw(i);
      for (let j = cell.indexOf('\n'); j !== -1; j = cell.indexOf('\n', j + 1)) line++;
    }
    return { file: this.file, line, column: column.index + 1 };
  }

  report(column: Column | undefined, code: ProblemCode, args: ProblemArgs = {}): void {
    this.log.report(this.place(column), code, args);
  }

  private notedNote = false;
  /** The file's title and header lines, to know them again on a new page. */
  pages: PageBreaks | undefined;

  /** Whether the row repeats the table's title or header (or says 续表), as on a new page: said, and no data. */
  repeated(): boolean {
    const line = this.pages?.repeated(this.cells) ?? -1;
    if (line === -1) return false;
    const text = this.cells.toArray().filter((c) => c.trim() !== '');
    this.report(undefined, 'header-repeated', { line, text: bounded(text.join(','), 40) });
    return true;
  }

  /** A note under the table (注：…, 审核人：…) on this row: not data; said once per file. */
  note(text: string): void {
    if (this.notedNote) return;
    this.notedNote = true;
    this.report(undefined, 'note-line-skipped', { text: bounded(text, 60) });
  }

  text(column: Column | undefined): string {
    return column ? this.cells.raw(column.index).trim() : '';
  }

  /** A required text cell; reports cell-required and returns undefined when it is empty. */
  required(column: Column | undefined): string | undefined {
    const value = this.text(column);
    if (value === '' && column) this.report(column, 'cell-required', { header: this.headerOf(column) });
    return value === '' ? undefined : value;
  }

  /**
   * A non-negative number in the column's base unit (scaled), undefined when empty or bad.
   * Bad cells are reported; `bad` is set so callers can tell an empty cell from a rejected one.
   */
  number(column: Column | undefined, state?: { bad: boolean }): number | undefined {
    if (!column) return undefined;
    const plain = this.cells.plainNumber(column.index);
    if (plain === undefined) return undefined;
    if (!Number.isNaN(plain)) return column.unit && column.unit.scale !== 1 ? scaleNumber(plain, this.cells.raw(column.index), column.unit.scale) : plain;
    const text = this.cells.raw(column.index);
    const cell = parseNumberCell(text);
    switch (cell.kind) {
      case 'empty':
        return undefined;
      case 'number':
        if (cell.value < 0) {
          this.report(column, 'number-negative', { header: this.headerOf(column), value: text.trim() });
          if (state) state.bad = true;
          return undefined;
        }
        return column.unit ? scaleNumber(cell.value, cell.text, column.unit.scale) : cell.value;
      case 'not-finite':
        this.report(column, 'number-not-finite', { header: this.headerOf(column), value: text.trim() });
        break;
      case 'invalid':
        this.report(column, 'number-invalid', { header: this.headerOf(column), value: text.trim() });
        break;
    }
    if (state) state.bad = true;
    return undefined;
  }
}

/**
 * Checks the shape of a data row against its header: non-empty cells beyond the header, or under an
 * unnamed column, are reported (they would otherwise be dropped without a word).
 */
export function checkRowShape(row: Row, header: Header, reported: Set<number>): void {
  const { cells } = row;
  for (let i = header.width; i < cells.count; i++) {
    if (!cells.blank(i)) {
      row.report({ index: i, header: '', field: '' }, 'row-extra-cells', { cells: cells.count, width: header.width });
      break;
    }
  }
  if (header.unnamed.size === 0) return;
  for (const i of header.unnamed) {
    if (reported.has(i) || cells.blank(i)) continue;
    reported.add(i);
    row.report({ index: i, header: '', field: '' }, 'header-empty', { column: i + 1 });
  }
}

/** Distinct cells a CellMemo keeps: a column's names (crops, species, land uses) are a few dozen. */
const MEMO_SIZE = 1024;

/**
 * What a rule makes of a column's cells, worked out once per distinct cell: a crop, a species or a land use recurs row
 * after row, and the same cell gives the same answer. Cells are found again by a small hash (Cells.hash) and then
 * their characters, where they stand; past MEMO_SIZE distinct cells (a column of many names) nothing more is kept.
 */
export class CellMemo<T> {
  private readonly kept: ({ readonly source: CellSource; readonly value: T }[] | undefined)[] = new Array(256).fill(undefined);
  private size = 0;

  constructor(
    private readonly column: Column | undefined,
    /** The rule: the cell's text (trimmed; '' when empty or when there is no such column) → what it means (the row it is first met on). */
    private readonly make: (text: string, row: Row) => T,
  ) {}

  get(row: Row): T {
    const { column, kept } = this;
    if (!column) return (this.none ??= { value: this.make('', row) }).value;
    const { cells } = row;
    const i = column.index;
    const hash = cells.hash(i);
    const bucket = kept[hash];
    if (bucket)
      for (let k = 0; k < bucket.length; k++) {
        const entry = bucket[k]!;
        if (cells.is(i, entry.source)) return entry.value;
      }
    const value = this.make(row.text(column), row);
    if (this.size < MEMO_SIZE) {
      this.size++;
      const entry = { source: cells.source(i), value };
      if (bucket) bucket.push(entry);
      else kept[hash] = [entry];
    }
    return value;
  }

  private none: { value: T } | undefined;
}
