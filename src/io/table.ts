import { KIND_FIELDS, detectKinds, matchHeader, type InputKind, type Unit } from './columns.js';
import { parseNumberCell, plainDecimal, plainDecimalIn, scaleNumber } from './numbers.js';
import { bytesAre, type NamesInText } from './names.js';
import type { Place, ProblemArgs, ProblemCode, ProblemLog } from '../validate/problems.js';

export interface Column {
  /** 0-based index of the cell in a record. */
  readonly index: number;
  /** The header as written in the file. */
  readonly header: string;
  readonly field: string;
  readonly unit?: Unit;
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

/** What a kind needs in its header: each entry is a list of alternatives, one of which must be present. */
const REQUIRED: Record<InputKind, readonly (readonly string[])[]> = {
  crops: [['township'], ['crop']],
  livestock: [['township'], ['species'], ['stock', 'slaughter']],
  soil: [['township'], ['n_grade', 'total_n', 'p_grade', 'available_p']],
};

/**
 * Reads a header row for `kind`, or the kind its columns show when none is given; problems go to `log`.
 * `optional` names required columns a caller can do without (a farm's livestock file needs no township).
 */
export function readHeader(
  file: string,
  cells: readonly string[],
  kind: InputKind | undefined,
  log: ProblemLog,
  optional: readonly string[] = [],
  line = 1,
): Header | undefined {
  const at = (column: number): Place => ({ file, line, column });
  if (kind) {
    // A file given as one kind whose header shows another (livestock passed as --crops, say).
    const found = detectKinds(cells);
    if (found.length === 1 && found[0] !== kind) {
      log.report(at(0), 'kind-mismatch', { expected: kind, found: found[0]! });
      return undefined;
    }
  } else {
    const kinds = detectKinds(cells);
    if (kinds.length !== 1) {
      log.report(at(0), kinds.length === 0 ? 'kind-unknown' : 'kind-ambiguous', { kinds: kinds.join(', ') });
      return undefined;
    }
    kind = kinds[0]!;
  }
  const columns: Column[] = [];
  const unnamed = new Set<number>();
  const seen = new Map<string, Column>();
  cells.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') {
      unnamed.add(index);
      return;
    }
    const m = matchHeader(kind, header);
    if (!m.ok) {
      if (m.reason === 'unit') log.report(at(index + 1), 'header-unknown-unit', { header, unit: m.unitAsWritten, units: m.units.join(', ') });
      else log.report(at(index + 1), 'header-unknown-column', { header, kind: kind! });
      return;
    }
    const column: Column = { index, header, field: m.match.field, unit: m.match.unit };
    const key = `${column.field}|${column.unit?.base ?? ''}|${column.unit?.scale ?? ''}`;
    const first = seen.get(key);
    if (first) {
      log.report(at(index + 1), 'header-duplicate-column', { header, first: first.header, firstColumn: first.index + 1 });
      return;
    }
    seen.set(key, column);
    columns.push(column);
  });
  const byField = new Map<string, Column[]>();
  for (const c of columns) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  let complete = true;
  for (const alternatives of REQUIRED[kind]) {
    if (alternatives.some((f) => byField.has(f) || optional.includes(f))) continue;
    complete = false;
    log.report(at(0), 'header-missing-column', { expected: alternatives.map((f) => expectedNames(kind!, f)).join(' | '), kind });
  }
  if (kind === 'crops' && !byField.has('production') && !(byField.has('area') && byField.has('yield'))) {
    complete = false;
    log.report(at(0), 'header-missing-column', {
      expected: `${expectedNames(kind, 'production')} | ${expectedNames(kind, 'area')} + ${expectedNames(kind, 'yield')}`,
      kind,
    });
  }
  return complete ? { kind, columns, byField, unnamed, width: cells.length } : undefined;
}

function expectedNames(kind: InputKind, field: string): string {
  const spec = KIND_FIELDS[kind].find((s) => s.field === field)!;
  const english = Object.keys(spec.exact ?? {}).filter((n) => /^[a-z_]+$/.test(n));
  const chinese = spec.names.find((n) => /[^\x00-\x7f]/.test(n));
  return [...(english.length > 0 ? english : [field]), chinese].filter(Boolean).join('/');
}

/** One data row with its place, and checked access to its cells. */
export class Row {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly cells: readonly string[],
    private readonly log: ProblemLog,
  ) {}

  /** The place of a cell, on the line it starts on when the record spans lines. */
  place(column?: Column): Place {
    if (!column) return { file: this.file, line: this.line, column: 0 };
    let line = this.line;
    for (let i = 0; i < column.index; i++) {
      const cell = this.cells[i];
      if (cell !== undefined) for (let j = cell.indexOf('\n'); j !== -1; j = cell.indexOf('\n', j + 1)) line++;
    }
    return { file: this.file, line, column: column.index + 1 };
  }

  report(column: Column | undefined, code: ProblemCode, args: ProblemArgs = {}): void {
    this.log.report(this.place(column), code, args);
  }

  text(column: Column | undefined): string {
    return column ? (this.cells[column.index] ?? '').trim() : '';
  }

  /** A required text cell; reports cell-required and returns undefined when it is empty. */
  required(column: Column | undefined): string | undefined {
    const value = this.text(column);
    if (value === '' && column) this.report(column, 'cell-required', { header: column.header });
    return value === '' ? undefined : value;
  }

  /**
   * A non-negative number in the column's base unit (scaled), undefined when empty or bad.
   * Bad cells are reported; `bad` is set so callers can tell an empty cell from a rejected one.
   */
  number(column: Column | undefined, state?: { bad: boolean }): number | undefined {
    if (!column) return undefined;
    const text = this.cells[column.index] ?? '';
    const plain = plainDecimal(text);
    if (!Number.isNaN(plain)) return column.unit ? scaleNumber(plain, text, column.unit.scale) : plain;
    const cell = parseNumberCell(text);
    switch (cell.kind) {
      case 'empty':
        return undefined;
      case 'number':
        if (cell.value < 0) {
          this.report(column, 'number-negative', { header: column.header, value: text.trim() });
          if (state) state.bad = true;
          return undefined;
        }
        return column.unit ? scaleNumber(cell.value, cell.text, column.unit.scale) : cell.value;
      case 'not-finite':
        this.report(column, 'number-not-finite', { header: column.header, value: text.trim() });
        break;
      case 'invalid':
        this.report(column, 'number-invalid', { header: column.header, value: text.trim() });
        break;
    }
    if (state) state.bad = true;
    return undefined;
  }
}

/**
 * Whether String.prototype.trim keeps a character at the edge of a cell: not a space, a line break or another of the
 * white space characters it removes. (Control characters are taken as spaces here: a Row reads such a cell.)
 */
function keptByTrim(c: number): boolean {
  if (c < 0x7f) return c > 32;
  return !(
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The character that starts at bytes[i] of UTF-8 text, as a code point — exactly for the characters of up to three
 * bytes that keptByTrim looks at; any of four bytes (U+10000 on) as U+10000.
 */
function charAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return b;
  if (b < 0xe0) return ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  return 0x10000;
}

/** The character that ends at bytes[end - 1] of UTF-8 text, not starting before `start`. */
function charBefore(bytes: Uint8Array, start: number, end: number): number {
  let i = end - 1;
  while (i > start && (bytes[i]! & 0xc0) === 0x80) i--;
  return charAt(bytes, i);
}

/**
 * A data line read in place, for the lines that are clean — the header's cells (and empty ones after them), names
 * without surrounding spaces, numbers in plain digits: nearly every line of a large file. The line is the file's
 * UTF-8 bytes, not decoded: its cells are positions in them, and nothing is made per line but the names a row keeps.
 * A reader that finds anything else in a line leaves it to a Row, which reads it again and words every problem.
 */
export class CleanLine {
  private bytes: Buffer = Buffer.alloc(0);
  /** Where each of the header's cells starts; the last entry is one past the end of the last one (where a next would start). */
  private readonly starts: Int32Array;

  /** Each column's name on the last line sameName read it on, and that name's bytes. */
  private readonly lastNames: (string | undefined)[];
  private readonly lastBytes: Buffer[];

  /** The header's columns without a name: their cells must be empty. */
  private readonly unnamed: readonly number[];
  private readonly width: number;

  constructor(header: Header) {
    this.width = header.width;
    this.unnamed = [...header.unnamed];
    this.starts = new Int32Array(this.width + 1);
    this.lastNames = new Array<string | undefined>(this.width).fill(undefined);
    this.lastBytes = new Array<Buffer>(this.width).fill(this.bytes);
  }

  /**
   * Takes bytes[start, end) as the line; false unless it has the header's cells, with nothing under a column without a
   * header and nothing beyond the header's columns but empty cells (the trailing commas of a spreadsheet's export).
   */
  split(bytes: Buffer, start: number, end: number): boolean {
    const { starts, width } = this;
    starts[0] = start;
    starts[width] = end + 1;
    let cells = 1;
    // A comma is one byte in UTF-8, and no byte of another character is one.
    for (let i = start; i < end; i++) {
      if (bytes[i] !== 44) continue;
      if (cells === width) {
        for (let j = i + 1; j < end; j++) if (bytes[j] !== 44) return false;
        starts[width] = i + 1;
        break;
      }
      starts[cells++] = i + 1;
    }
    if (cells !== width) return false;
    for (const i of this.unnamed) if (starts[i + 1]! - 1 !== starts[i]!) return false;
    this.bytes = bytes;
    return true;
  }

  /** Whether cell i is empty (nothing between its commas). */
  empty(i: number): boolean {
    return this.starts[i + 1]! - 1 === this.starts[i]!;
  }

  /**
   * name(i), as the same string as the line before's when the cell is the same: files list a township's rows
   * together, and the township is not cut out of each line again.
   */
  sameName(i: number): string | undefined {
    const last = this.lastBytes[i]!;
    const { bytes } = this;
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - 1 - start;
    if (length === last.length && length > 0 && bytesAre(bytes, start, last)) return this.lastNames[i];
    const name = this.name(i);
    if (name !== undefined) {
      this.lastNames[i] = name;
      this.lastBytes[i] = Buffer.from(bytes.subarray(start, start + length));
    }
    return name;
  }

  /**
   * The entry of cell i's name among `names`, found where it stands; a name not met before is cut out and handed to
   * `meet`, whose entry (if any) is added. Undefined when the cell is not a name as a Row reads it, or `meet` gives none.
   */
  named<T extends { readonly name: string }>(i: number, names: NamesInText<T>, meet: (name: string) => T | undefined): T | undefined {
    const start = this.starts[i]!;
    const end = this.starts[i + 1]! - 1;
    const found = end === start ? undefined : names.find(this.bytes, start, end);
    if (found !== undefined) return found;
    const name = this.name(i);
    const entry = name === undefined ? undefined : meet(name);
    if (entry !== undefined) names.add(entry);
    return entry;
  }

  /** The text of cell i when it is a name as a Row reads it — not empty, nothing for trim to remove — else undefined. */
  name(i: number): string | undefined {
    const { bytes } = this;
    const start = this.starts[i]!;
    const end = this.starts[i + 1]! - 1;
    if (end === start || !keptByTrim(charAt(bytes, start)) || !keptByTrim(charBefore(bytes, start, end))) return undefined;
    return bytes.toString('utf8', start, end);
  }

  /**
   * The column's cell as a number in its base unit, as Row.number reads it: undefined when empty; NaN when it is not
   * plain digits (a Row reads it).
   */
  number(column: Column): number | undefined {
    const start = this.starts[column.index]!;
    const end = this.starts[column.index + 1]! - 1;
    if (end === start) return undefined;
    const value = plainDecimalIn(this.bytes, start, end);
    const scale = column.unit?.scale ?? 1;
    return scale === 1 || Number.isNaN(value) ? value : scaleNumber(value, this.bytes.toString('latin1', start, end), scale);
  }
}

/**
 * Checks the shape of a data row against its header: non-empty cells beyond the header, or under an
 * unnamed column, are reported (they would otherwise be dropped without a word).
 */
export function checkRowShape(row: Row, header: Header, reported: Set<number>): void {
  const { cells } = row;
  for (let i = header.width; i < cells.length; i++) {
    if (cells[i]!.trim() !== '') {
      row.report({ index: i, header: '', field: '' }, 'row-extra-cells', { cells: cells.length, width: header.width });
      break;
    }
  }
  if (header.unnamed.size === 0) return;
  for (const i of header.unnamed) {
    if (reported.has(i) || (cells[i] ?? '').trim() === '') continue;
    reported.add(i);
    row.report({ index: i, header: '', field: '' }, 'header-empty', { column: i + 1 });
  }
}
