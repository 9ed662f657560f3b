import { detectKinds, type InputKind } from './columns.js';
import { Cells, readRecords, type RecordSink } from './csv.js';
import { decodeInput } from './encoding.js';
import { CsvSyntaxError, EncodingError, type Encoding, type EncodingOption } from './errors.js';
import { HEADER_SEARCH_ROWS, findHeader, firstRowHeader, makeLayout, type FoundHeader, type Layout } from './layout.js';
import { PageBreaks } from './pages.js';
import { readInput, type InputRef } from './source.js';
import { Row, checkRowShape, type Header } from './table.js';
import { isNoteLine } from './township.js';
import type { SheetInfo, Workbook } from './xlsx.js';
import { bounded } from '../safe-text.js';
import type { ProblemLog } from '../problems.js';

/** Progress through an input's rows: characters read of its text. */
export type Progress = (file: string, done: number, total: number) => void;

/** What was read of one input file (or sheet), for the report and `validate --format json`. */
export interface FileSummary {
  /** The path; for a sheet of a workbook, `book.xlsx[SHEET]`. */
  readonly path: string;
  /** What it holds (from its header); `map` for a GeoJSON map of the townships; null when its header does not say. */
  readonly kind: InputKind | 'map' | null;
  /** The text's encoding; 'xlsx' for a workbook's sheet. */
  readonly encoding: Encoding | 'xlsx' | null;
  /** Data rows, not counting the header, title, notes, empty lines or comments; a map's townships. */
  readonly rows: number;
  /** Whether the header was read (its rows were checked). */
  readonly readable: boolean;
  /** The sheet, for a workbook. */
  readonly sheet?: string;
  /** Not read at all: the local dictionary it was to be read with has errors. */
  readonly skipped?: boolean;
}

/** An input read once: CSV text decoded to UTF-8, or a workbook; or (reported) why it is neither. */
export interface OpenedInput {
  readonly path: string;
  /** The text in UTF-8 bytes; undefined for a workbook, a file that is not text, or in no encoding landcap reads. */
  readonly bytes: Buffer | undefined;
  readonly workbook?: Workbook;
  readonly encoding: Encoding | null;
  /** Bytes that did not decode are U+FFFD in the text: rows are checked for it. */
  readonly replaced: boolean;
}

/**
 * Reads an input once and decodes it: CSV text, or an .xlsx workbook. A file that is neither, or text in no encoding
 * landcap reads, is reported (file-not-text, workbook-invalid, encoding-invalid) and has no rows; one that cannot be
 * opened throws InputFileError (exit code 2).
 */
export async function openInput(ref: InputRef, encoding: EncodingOption, log: ProblemLog): Promise<OpenedInput> {
  const input = await readInput(ref);
  const none = { path: input.path, bytes: undefined, encoding: null, replaced: false };
  if (input.binary === 'xlsx') {
    // The workbook reader (and its unzipper) loads only for a workbook.
    const { Workbook, WorkbookError } = await import('./xlsx.js');
    try {
      return { ...none, workbook: Workbook.open(input.bytes) };
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      log.report({ file: input.path, line: 1, column: 0 }, 'workbook-invalid', { detail: bounded(error.message, 200) });
      return none;
    }
  }
  if (input.binary) {
    log.report({ file: input.path, line: 1, column: 0 }, 'file-not-text', { kind: input.binary });
    return none;
  }
  try {
    const text = await decodeInput(input.bytes, encoding);
    // JSON (a map, a parameters file) given as a table: said as such, not as a header of unknown columns.
    const first = text.bytes.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
    if (text.bytes[first] === 0x7b) {
      log.report({ file: input.path, line: 1, column: 0 }, 'file-not-text', { kind: 'json' });
      return none;
    }
    return { path: input.path, ...text };
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    log.report({ file: input.path, line: error.line, column: error.column }, 'encoding-invalid', { detail: error.detail });
    return none;
  }
}

/** Where a table's rows come from: a CSV file's text, or a sheet of a workbook. */
interface TableSource {
  readonly path: string;
  readonly sheet?: string;
  readonly multiline: boolean;
  records(sink: RecordSink, onProgress?: (done: number, total: number) => void): Promise<void>;
}

function csvSource(path: string, bytes: Buffer): TableSource {
  return {
    path,
    multiline: true,
    records: async (sink, onProgress) => {
      await readRecords(bytes, sink, onProgress);
    },
  };
}

function sheetSource(input: OpenedInput, sheet: SheetInfo, log: ProblemLog): TableSource {
  const path = `${input.path}[${sheet.name}]`;
  return {
    path,
    sheet: sheet.name,
    multiline: false,
    records: async (sink) => {
      log.sheet(path, sheet.name);
      const { rows, uncomputed } = input.workbook!.rows(sheet);
      for (const u of uncomputed) log.report({ file: path, line: u.line, column: u.column }, 'formula-no-value', { formula: bounded(u.formula, 80) });
      const cells = new Cells();
      // What the sheet shows is the table: a row hidden (an old township kept out of sight) is left out, and said.
      const hidden: number[] = [];
      for (const row of rows) {
        if (row.hidden) {
          if (row.cells.some((c) => c.trim() !== '')) hidden.push(row.line);
          continue;
        }
        if (sink(cells.setArray(row.cells), row.line) === false) break;
      }
      if (hidden.length > 0)
        log.report({ file: path, line: hidden[0]!, column: 0 }, 'rows-hidden', { count: hidden.length, lines: bounded(hidden.join(', '), 60) });
    },
  };
}

/** The ordinals of a statistical form's column numbers (栏次): 甲, 乙 … for the columns of names, then 1, 2, 3 …. */
const ORDINALS = new Set(['甲', '乙', '丙', '丁', '戊', '己', '栏次', '栏号', '序号']);

/** Whether a row is a form's column numbers: ordinals (甲, 乙, 栏次) and the numbers 1, 2, 3 … in order, two at least. */
function columnNumbers(cells: Cells): boolean {
  let next = 1;
  for (let i = 0; i < cells.count; i++) {
    const text = cells.raw(i).trim().normalize('NFKC');
    if (text === '' || (ORDINALS.has(text) && next === 1)) continue;
    if (text !== String(next)) return false;
    next++;
  }
  return next > 2;
}

/**
 * The sheets of a workbook whose header shows a kind (for `kind`, or any), in the workbook's order: each with its
 * kind. A sheet named with --sheet is taken as it is.
 */
export function workbookTables(workbook: Workbook, kind: InputKind | undefined): { sheet: SheetInfo; kind: InputKind }[] {
  const out: { sheet: SheetInfo; kind: InputKind }[] = [];
  for (const sheet of workbook.sheets) {
    const { rows } = workbook.rows(sheet, HEADER_SEARCH_ROWS + 1);
    const seen: { line: number; cells: string[] }[] = [];
    for (const row of rows) {
      if (row.cells.every((c) => c.trim() === '')) continue;
      seen.push(row);
      const found = findHeader(seen, kind);
      if (found) {
        out.push({ sheet, kind: found.kind });
        break;
      }
    }
  }
  return out;
}

/** The kind a CSV file's header shows (among its first rows), if one. */
export async function csvKind(input: OpenedInput): Promise<InputKind | undefined> {
  if (input.bytes === undefined) return undefined;
  const seen: { line: number; cells: string[] }[] = [];
  let kind: InputKind | undefined;
  await readRecords(input.bytes, (cells, line) => {
    if (cells.toArray().every((c) => c.trim() === '')) return;
    seen.push({ line, cells: cells.toArray() });
    kind = findHeader(seen, undefined)?.kind;
    return kind === undefined && seen.length < HEADER_SEARCH_ROWS;
  }).catch((error: unknown) => (error instanceof CsvSyntaxError ? undefined : Promise.reject(error)));
  if (kind === undefined && seen.length > 0) {
    const kinds = detectKinds(seen[0]!.cells);
    if (kinds.length === 1) kind = kinds[0];
  }
  return kind;
}

/** The sheet of a workbook to read as `kind`: the one named, else the first whose header shows the kind. */
function chooseSheet(input: OpenedInput, kind: InputKind | undefined, named: string | undefined, log: ProblemLog): SheetInfo | undefined {
  const workbook = input.workbook!;
  const names = workbook.sheets.map((s) => s.name).join(', ');
  const at = { file: input.path, line: 1, column: 0 };
  if (named !== undefined) {
    const key = (s: string) => s.normalize('NFKC').trim().toLowerCase();
    const sheet = workbook.sheets.find((s) => s.name === named) ?? workbook.sheets.find((s) => key(s.name) === key(named));
    if (!sheet) log.report(at, 'sheet-not-found', { sheet: named, sheets: names, kind: kind ?? '' });
    return sheet;
  }
  // A visible sheet before a hidden one (last year's table kept out of sight); several are said, naming the one read.
  const tables = workbookTables(workbook, kind).sort((a, b) => Number(a.sheet.hidden) - Number(b.sheet.hidden));
  const found = tables[0]?.sheet;
  // Two visible sheets of the kind (2023年 and 2024年, or 粮食作物 and 经济作物): reading either would be a guess.
  const visible = tables.filter((t) => !t.sheet.hidden && t.kind === tables[0]!.kind);
  if (!found) log.report(at, 'sheet-not-found', { sheet: '', sheets: names, kind: kind ?? 'crops|livestock|soil' });
  else if (visible.length > 1) {
    log.report(at, 'sheet-ambiguous', { kind: tables[0]!.kind, sheets: visible.map((t) => t.sheet.name).join(', ') });
    return undefined;
  } else if (tables.length > 1)
    log.report(at, 'sheet-several', {
      kind: tables[0]!.kind,
      sheet: found.name,
      others: tables
        .slice(1)
        .map((t) => (t.sheet.hidden ? `${t.sheet.name} (hidden)` : t.sheet.name))
        .join(', '),
    });
  return found;
}

export interface ReadTableOptions {
  /** Required columns that this reader can do without (a farm's livestock file needs no township). */
  readonly optional?: readonly string[];
  readonly onProgress?: Progress;
  /** The sheet of a workbook to read (--sheet KIND=NAME); else the first whose header shows the kind. */
  readonly sheet?: string;
}

/**
 * Reads an input's table of `kind` (or of the kind its header shows), row by row: finds its header among the first
 * rows (title lines above it are skipped, and said once), reads its layout (the long form, a wide table, a unit
 * column), checks each row's shape, and hands each row of the long form to `onRow` (the first call makes the kind's
 * reader from the header). Notes under the table are skipped. File-level problems go to `log`.
 */
export async function readTable(
  input: OpenedInput,
  kind: InputKind | undefined,
  log: ProblemLog,
  onRow: (row: Row, header: Header) => void,
  options: ReadTableOptions = {},
): Promise<FileSummary> {
  const { encoding } = input;
  let source: TableSource | undefined;
  if (input.workbook) {
    const sheet = chooseSheet(input, kind, options.sheet, log);
    if (sheet) source = sheetSource(input, sheet, log);
  } else if (input.bytes) source = csvSource(input.path, input.bytes);
  if (!source) return { path: input.path, kind: kind ?? null, encoding: input.workbook ? 'xlsx' : encoding, rows: 0, readable: false };
  const { path, multiline } = source;
  const sheetName = source.sheet;
  const place = (line: number, column: number) => ({ file: path, line, column });
  const { optional = [], onProgress } = options;
  let layout: Layout | undefined;
  let records = 0;
  let rows = 0;
  let headerLine = 1;
  let stopped = false;
  let seeking = true;
  /** A header row found, taken when the next row is not its lower half. */
  let candidate: FoundHeader | undefined;
  /** Whether a row of column numbers (甲, 1, 2 …) was skipped under the header. */
  let numbered = false;
  /** The file's township column. */
  let townshipIndex: number | undefined;
  const pending: { line: number; cells: string[] }[] = [];
  const emptyColumnsReported = new Set<number>();
  const row = new Row(path, log, multiline);
  const replay = new Cells();
  const blank = (cells: Cells) => {
    for (let i = 0; i < cells.count; i++) if (!cells.blank(i)) return false;
    return true;
  };

  const dataRow = (cells: Cells, line: number) => {
    if (blank(cells)) return;
    // A statistical form's column numbers under its header (甲, 乙, 1, 2, 3 …): part of the header, not a township 甲.
    if (rows === 0 && !numbered && columnNumbers(cells)) {
      numbered = true;
      log.report(place(line, 0), 'column-numbers-skipped', { text: bounded(cells.toArray().filter((c) => c.trim() !== '').join(','), 40) });
      return;
    }
    // A form's sign-off under the table may start in any column (,,审核人：李四): with no township, a note in it is no row.
    if (townshipIndex !== undefined && cells.blank(townshipIndex) && noteUnder(cells, line)) return;
    rows++;
    if (!layout) return;
    row.set(line, cells);
    // A row of the long form is known for a title or header repeated on a new page where its township is read; a
    // wide table's row is known here, before it is reshaped.
    if (!layout.identity && row.repeated()) return;
    checkRowShape(row, layout.fileHeader, emptyColumnsReported);
    if (layout.identity) {
      onRow(row, layout.header);
      return;
    }
    const longs = layout.expand(cells, line, path, log);
    // A note under a wide table fills no figure: it reaches no reader's township column, so it is said here.
    if (longs.length === 0) noteUnder(cells, line);
    for (const long of longs) onRow(row.set(line, replay.setArray(long.cells), long.columns, long.headers), layout.header);
  };

  /** Whether the row's first text is a note (注：…, 审核人：…), said once per file. */
  const noteUnder = (cells: Cells, line: number): boolean => {
    for (let i = 0; i < cells.count; i++) {
      const text = cells.raw(i).trim();
      if (text === '') continue;
      if (!isNoteLine(text)) return false;
      row.set(line, cells).note(text);
      return true;
    }
    return false;
  };

  /** The header is found (or, failing that, the first row is taken as it): the rows after it are data. */
  const startData = (found: FoundHeader | undefined) => {
    seeking = false;
    const headerAt = found ? pending.findIndex((p) => p.line === found.lines[0]) : 0;
    const lastHeader = found ? pending.findIndex((p) => p.line === found.lines[found.lines.length - 1]) : 0;
    // A title merged across the table's width repeats in each cell: once is enough.
    const titles = pending.slice(0, headerAt).map((p) => [...new Set(p.cells.map((c) => c.trim()).filter((c) => c !== ''))].join(' '));
    headerLine = pending[lastHeader]?.line ?? 1;
    row.pages = new PageBreaks(pending.slice(0, found ? lastHeader + 1 : 1));
    if (headerAt > 0)
      log.report(place(pending[0]!.line, 0), 'title-skipped', { header: pending[headerAt]!.line, count: headerAt, title: bounded(titles.join(' / '), 60) });
    const header = found ?? firstRowHeader(pending[0]!, kind, place(pending[0]!.line, 0), log);
    layout = header && makeLayout(header, path, log, optional, titles);
    townshipIndex = layout?.fileHeader.byField.get('township')?.[0]?.index;
    for (const p of pending.slice(lastHeader + 1)) dataRow(replay.setArray(p.cells), p.line);
    pending.length = 0;
  };

  try {
    await source.records(
      (cells, line) => {
        records++;
        // Bytes that did not decode (a forced --encoding, a GB18030 pair without a character): stop rather than read mojibake.
        if (input.replaced)
          for (let i = 0; i < cells.count; i++) if (cells.raw(i).includes('\uFFFD')) throw new EncodingError(line, `given:${encoding}`, i + 1);
        if (!seeking) return dataRow(cells, line);
        if (blank(cells)) return;
        pending.push({ line, cells: cells.toArray() });
        const found = findHeader(pending, kind);
        // A header row is taken once the row after it is seen: that row may be its lower half (生猪 over 存栏（头） and
        // 其中：能繁母猪（头）, beside 水牛存栏（头） written once), which makes the two a header of their own.
        if (candidate) startData(found?.lines[0] === candidate.lines[0] ? found : candidate);
        else if (found?.lines.length === 1 && pending.length < HEADER_SEARCH_ROWS) candidate = found;
        else if (found || pending.length >= HEADER_SEARCH_ROWS) startData(found);
      },
      onProgress && ((done, total) => onProgress(path, done, total)),
    );
    if (seeking && pending.length > 0) startData(candidate);
  } catch (error) {
    if (error instanceof EncodingError) log.report(place(error.line, error.column), 'encoding-invalid', { detail: error.detail });
    else if (error instanceof CsvSyntaxError) log.report(place(error.line, error.column), 'csv-syntax', { detail: error.detail });
    else throw error;
    stopped = true;
  }
  if (records === 0) log.report(place(1, 0), 'file-empty');
  else if (layout && rows === 0 && !stopped) log.report(place(headerLine, 0), 'file-no-rows');
  const summary = {
    path,
    kind: layout?.header.kind ?? kind ?? null,
    encoding: input.workbook ? ('xlsx' as const) : encoding,
    rows,
    readable: layout !== undefined,
  };
  return sheetName === undefined ? summary : { ...summary, sheet: sheetName };
}
