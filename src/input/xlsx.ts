import { unzipSync, type Unzipped } from 'fflate';
import { readXml, XmlError, type XmlHandler } from './xml.js';

/**
 * Workbooks (.xlsx, as Excel, WPS and LibreOffice save them): the sheets' names, and each sheet's rows as the text of
 * their cells, with merged cells' value repeated over the merge. The file is a zip of XML parts; fflate unzips the
 * parts needed and a small XML tokenizer reads them (xml.ts). A workbook library that reads whole workbooks keeps an
 * object per cell (over 500 MB for a 200,000-row sheet), and the streaming reader of exceljs does not give the merged
 * cells.
 */

/** The largest part of a workbook landcap unzips (a sheet's XML): a national sheet's is some 200 MB. */
export const MAX_PART_BYTES = 768 * 2 ** 20;

export interface SheetInfo {
  readonly name: string;
  /** The sheet's part in the zip: xl/worksheets/sheet1.xml. */
  readonly part: string;
  readonly hidden: boolean;
}

/** A row of a sheet: its number as the spreadsheet shows it, and its cells' text from column A on. */
export interface SheetRow {
  readonly line: number;
  readonly cells: string[];
  /** Whether the row is hidden in the sheet. */
  readonly hidden?: boolean;
}

/** A formula cell saved without its value (a file written by a program and never opened in a spreadsheet). */
export interface UncomputedCell {
  readonly line: number;
  readonly column: number;
  readonly formula: string;
}

export interface SheetRows {
  readonly rows: SheetRow[];
  readonly uncomputed: UncomputedCell[];
}

/** Why a zip is not a workbook landcap can read: a part missing or oversized, or XML that does not parse. */
export class WorkbookError extends Error {}

export class Workbook {
  private strings: string[] | undefined;

  private constructor(
    private readonly parts: Unzipped,
    readonly sheets: readonly SheetInfo[],
    private readonly zip: Uint8Array,
  ) {}

  /** Opens a workbook's bytes: its list of sheets (the parts are unzipped when read). */
  static open(bytes: Uint8Array): Workbook {
    const meta = unzipParts(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === '_rels/.rels');
    const rootRels = meta['_rels/.rels'];
    const workbookPart = (rootRels && relationTargets(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.target) ?? 'xl/workbook.xml';
    const workbook = meta[workbookPart] ?? unzipParts(bytes, (name) => name === workbookPart)[workbookPart];
    if (!workbook) throw new WorkbookError('no workbook part (xl/workbook.xml): not an .xlsx workbook');
    const base = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
    const relsPart = `${base}_rels/${workbookPart.slice(base.length)}.rels`;
    const rels = meta[relsPart] ?? unzipParts(bytes, (name) => name === relsPart)[relsPart];
    const targets = new Map(rels ? relationTargets(rels, base).map((r) => [r.id, r] as const) : []);
    const sheets: SheetInfo[] = [];
    parse(workbook, {
      open(name, tag) {
        if (name !== 'sheet') return;
        const id = tag.attr('id');
        const rel = id === undefined ? undefined : targets.get(id);
        // Chart sheets and dialog sheets have no cells.
        if (!rel || !rel.type.endsWith('/worksheet')) return;
        sheets.push({ name: tag.attr('name') ?? '', part: rel.target, hidden: (tag.attr('state') ?? 'visible') !== 'visible' });
      },
      close() {},
    });
    return new Workbook(meta, sheets, bytes);
  }

  /**
   * A sheet's rows, merged cells filled; with `limit`, only its first `limit` rows (to look for a header) and the merges
   * are not read (they come after the rows).
   */
  rows(sheet: SheetInfo, limit = Infinity): SheetRows {
    const part = this.part(sheet.part);
    if (!part) throw new WorkbookError(`the sheet's part ${sheet.part} is missing`);
    const strings = this.sharedStrings();
    const rows: SheetRow[] = [];
    const uncomputed: UncomputedCell[] = [];
    const merges: string[] = [];
    let row: SheetRow | undefined;
    let nextLine = 1;
    let column = 0;
    let type = '';
    let value: string | undefined;
    let formula: string | undefined;
    let into: 'v' | 'f' | 't' | undefined;
    let inInline = false;
    let phonetic = 0;
    const STOP = {};
    try {
      parse(part, {
        open(name, tag) {
          switch (name) {
            case 'row': {
              const r = Number(tag.attr('r'));
              const hidden = tag.attr('hidden');
              row = { line: Number.isInteger(r) && r > 0 ? r : nextLine, cells: [], ...(hidden === '1' || hidden === 'true' ? { hidden: true } : {}) };
              nextLine = row.line + 1;
              column = 0;
              break;
            }
            case 'c': {
              const ref = tag.attr('r');
              column = (ref === undefined ? undefined : columnIndex(ref)) ?? column;
              type = tag.attr('t') ?? 'n';
              value = undefined;
              formula = undefined;
              break;
            }
            case 'v':
              into = 'v';
              value = '';
              break;
            case 'f':
              into = 'f';
              formula = '';
              break;
            case 'is':
              inInline = true;
              value = '';
              break;
            case 't':
              if (inInline && phonetic === 0) into = 't';
              break;
            case 'rPh':
              phonetic++;
              break;
            case 'mergeCell': {
              const ref = tag.attr('ref');
              if (ref) merges.push(ref);
              break;
            }
          }
        },
        wantText: () => into !== undefined,
        text(t) {
          if (into === 'f') formula += t;
          else value += t;
        },
        close(name) {
          switch (name) {
            case 'v':
            case 'f':
            case 't':
              into = undefined;
              break;
            case 'is':
              inInline = false;
              break;
            case 'rPh':
              phonetic--;
              break;
            case 'c': {
              if (!row) break;
              // A formula saved without its value (a text result may be empty; a number may not).
              const uncomputedFormula = formula && (value === undefined || (value === '' && type !== 'str' && type !== 'inlineStr'));
              const cell = uncomputedFormula ? undefined : cellText(type, value, strings);
              if (uncomputedFormula) uncomputed.push({ line: row.line, column: column + 1, formula: formula! });
              if (cell) {
                while (row.cells.length < column) row.cells.push('');
                row.cells[column] = cell;
              }
              column++;
              break;
            }
            case 'row':
              if (!row) break;
              rows.push(row);
              row = undefined;
              if (rows.length >= limit) throw STOP;
              break;
          }
        },
      });
    } catch (error) {
      if (error !== STOP) throw error;
    }
    if (limit === Infinity) delete this.parts[sheet.part];
    if (merges.length > 0) fillMerges(rows, merges);
    return { rows, uncomputed };
  }

  /** A part, unzipped once: a sheet is looked at for its header, then read. */
  private part(name: string): Uint8Array | undefined {
    return (this.parts[name] ??= unzipParts(this.zip, (n) => n === name)[name]!);
  }

  private sharedStrings(): string[] {
    if (this.strings) return this.strings;
    const strings: string[] = [];
    const part = this.part('xl/sharedStrings.xml');
    if (part) {
      let current: string | undefined;
      let inText = false;
      let phonetic = 0;
      parse(part, {
        open(name) {
          if (name === 'si') current = '';
          else if (name === 'rPh') phonetic++;
          else if (name === 't' && phonetic === 0) inText = true;
        },
        wantText: () => inText && current !== undefined,
        text(t) {
          current += t;
        },
        close(name) {
          if (name === 't') inText = false;
          else if (name === 'rPh') phonetic--;
          else if (name === 'si') {
            strings.push(unescapeOoxml(current ?? ''));
            current = undefined;
          }
        },
      });
    }
    return (this.strings = strings);
  }
}

/** The text of a cell: a shared string, an inline string, a number as written, TRUE/FALSE, an error such as #DIV/0!. */
function cellText(type: string, value: string | undefined, strings: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  switch (type) {
    case 's': {
      const s = strings[Number(value)];
      if (s === undefined) throw new WorkbookError(`a cell names shared string ${value}, which the workbook does not have`);
      return s;
    }
    case 'inlineStr':
      return unescapeOoxml(value);
    case 'b':
      return value === '1' ? 'TRUE' : 'FALSE';
    case 'n':
      return shownNumber(value);
    default:
      return value;
  }
}

/**
 * A number cell as a spreadsheet shows it: to 15 significant digits, as Excel computes and displays numbers. A workbook
 * stores 8.89 typed in a cell as 8.890000000000001 (the nearest double, written in full): read as 8.89, so that
 * 8.89 万羽 is 88,900 birds, not 88,900.00000000001.
 */
function shownNumber(value: string): string {
  if (value.length <= 15 || !/^-?\d+\.\d+(?:[eE][-+]?\d+)?$/.test(value)) return value;
  const n = Number(value);
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : value;
}

/** Column index (0-based) of a cell reference such as "C12"; undefined when it is not one. */
export function columnIndex(ref: string): number | undefined {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 || n > 16_384 ? undefined : n - 1;
}

/** Each merge's top-left value repeated over the merge, in the rows read. */
function fillMerges(rows: SheetRow[], merges: readonly string[]): void {
  const byLine = new Map(rows.map((r) => [r.line, r] as const));
  for (const ref of merges) {
    const m = /^([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const [c1, r1, c2, r2] = [columnIndex(m[1]!)!, Number(m[2]), columnIndex(m[3]!)!, Number(m[4])];
    const value = byLine.get(r1)?.cells[c1] ?? '';
    if (value === '') continue;
    for (let line = r1; line <= r2; line++) {
      let row = byLine.get(line);
      if (!row) {
        row = { line, cells: [] };
        byLine.set(line, row);
        rows.push(row);
      }
      for (let c = c1; c <= c2; c++) {
        while (row.cells.length < c) row.cells.push('');
        if ((row.cells[c] ?? '') === '') row.cells[c] = value;
      }
    }
  }
  rows.sort((a, b) => a.line - b.line);
}

/** The parts of the zip that `wanted` names, each within MAX_PART_BYTES. */
function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Unzipped {
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES)
          throw new WorkbookError(`the part ${file.name} is ${file.originalSize} bytes unzipped, more than landcap reads`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`not a readable zip (${error instanceof Error ? error.message : String(error)})`);
  }
}

function relationTargets(xml: Uint8Array, base: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  parse(xml, {
    open(name, tag) {
      if (name !== 'Relationship') return;
      out.push({ id: tag.attr('Id') ?? '', type: tag.attr('Type') ?? '', target: resolveTarget(base, tag.attr('Target') ?? '') });
    },
    close() {},
  });
  return out;
}

/** A relationship's target as a path in the zip: "/xl/worksheets/sheet1.xml" or "worksheets/sheet1.xml" beside the part. */
function resolveTarget(base: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : base + target;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** Reads a part's XML; XML that does not parse throws WorkbookError. */
function parse(xml: Uint8Array, handler: XmlHandler): void {
  try {
    readXml(xml, handler);
  } catch (error) {
    if (error instanceof XmlError) throw new WorkbookError(`XML that does not parse: ${error.message}`);
    throw error;
  }
}

/** Text as OOXML escapes characters XML cannot hold: _x000D_ is a carriage return (and _x005F_ an underscore). */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}
