/**
 * A small writer of .xlsx workbooks (Office Open XML, zipped by fflate): sheets of text and number cells with display
 * formats, bold rows, fills, a frozen header and column widths. Every text is written as a text cell (inline string)
 * and never as a formula, so that nothing from the data can run in the reader's spreadsheet. Loaded only for
 * `--format xlsx`.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { visible } from '../safe-text.js';

/** How a cell shows: its number format (Excel's format code), bold, and its fill colour (RRGGBB). */
export interface CellStyle {
  readonly format?: string;
  readonly bold?: boolean;
  readonly fill?: string;
}

export type CellValue = string | number | null | undefined;

export interface Cell {
  readonly value: CellValue;
  readonly style?: CellStyle;
}

export interface SheetColumn {
  readonly header: string;
  /** The format of its numbers. */
  readonly format?: string;
}

export interface Sheet {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  /**
   * The rows: an array, or an iterable that makes them anew each time it is iterated (it is iterated twice: for the
   * widths, then for the cells), so that a national sheet's cells are never all in memory at once.
   */
  readonly rows: Iterable<readonly (Cell | CellValue)[]>;
  /** Columns kept in view on the left as the sheet scrolls across (the header row is always kept). */
  readonly frozenColumns?: number;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Characters that text written as XML must not keep as they are: markup, control and bidirectional characters. */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[&<>"\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

/** Text as XML: markup characters escaped, and characters XML cannot hold (control characters) shown as escapes. */
function xmlText(text: string): string {
  if (!NOT_PLAIN.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return visible(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A column's letters: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The columns a text takes in a spreadsheet's default font: two for a CJK character, one for others. */
function textWidth(text: string): number {
  let w = 0;
  for (const c of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return w;
}

/** The styles used, each given its index in the style sheet as it is first asked for. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly xfs = new Map<string, { format: number; bold: boolean; fill: number; index: number }>();

  constructor() {
    this.of({});
  }

  /** The index of a plain cell's style by its format: most cells (no bold, no fill) are found here at once. */
  private readonly plain = new Map<string | undefined, number>();

  of(style: CellStyle): number {
    if (!style.bold && style.fill === undefined) {
      let index = this.plain.get(style.format);
      if (index === undefined) this.plain.set(style.format, (index = this.find(style)));
      return index;
    }
    return this.find(style);
  }

  private find(style: CellStyle): number {
    const key = `${style.format ?? ''}\u0000${style.bold ? 1 : 0}\u0000${style.fill ?? ''}`;
    let xf = this.xfs.get(key);
    if (!xf) {
      let format = 0;
      if (style.format !== undefined && style.format !== 'General') {
        format = this.formats.get(style.format) ?? 164 + this.formats.size;
        this.formats.set(style.format, format);
      }
      let fill = 0;
      if (style.fill !== undefined) {
        fill = this.fills.get(style.fill) ?? 2 + this.fills.size;
        this.fills.set(style.fill, fill);
      }
      this.xfs.set(key, (xf = { format, bold: style.bold === true, fill, index: this.xfs.size }));
    }
    return xf.index;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    const fills = [...this.fills.keys()].map(
      (rgb) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
    const xfs = [...this.xfs.values()].map(
      (x) =>
        `<xf numFmtId="${x.format}" fontId="${x.bold ? 1 : 0}" fillId="${x.fill}" borderId="0" xfId="0"${x.format ? ' applyNumberFormat="1"' : ''}${x.bold ? ' applyFont="1"' : ''}${x.fill ? ' applyFill="1"' : ''}/>`,
    );
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
      (formats.length > 0 ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      `<fills count="${2 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join('')}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

const isCell = (c: Cell | CellValue): c is Cell => typeof c === 'object' && c !== null;

/** Rows of a sheet's XML given at a time, for the workbook to be compressed as it is written. */
const ROWS_PER_PART = 2000;

/** A sheet's XML in parts: the header row in bold, then the rows; numbers as numbers, text as text, nothing as no cell. */
function* sheetXml(sheet: Sheet, styles: Styles): Generator<string> {
  const letters = sheet.columns.map((_, i) => columnName(i));
  // Each column as wide as its widest cell: known before the rows are written, as the XML gives widths first.
  const widths = sheet.columns.map((c) => textWidth(c.header));
  let count = 0;
  for (const row of sheet.rows) {
    count++;
    row.forEach((item, i) => {
      const value = isCell(item) ? item.value : item;
      const w =
        typeof value === 'number' ? (Number.isFinite(value) ? String(Math.round(value)).length + 4 : 0) : typeof value === 'string' ? textWidth(value) : 0;
      if (w > widths[i]!) widths[i] = w;
    });
  }
  const frozen = sheet.frozenColumns ?? 0;
  const topLeft = `${columnName(frozen)}2`;
  const pane =
    frozen > 0
      ? `<pane xSplit="${frozen}" ySplit="1" topLeftCell="${topLeft}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="${topLeft}" sqref="${topLeft}"/>`
      : `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`;
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(8, w + 2))}" customWidth="1"/>`).join('');
  const last = `${columnName(Math.max(0, sheet.columns.length - 1))}${count + 1}`;
  const header = styles.of({ bold: true, fill: 'E8EAED' });
  yield (
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>' +
    `<row r="1">${sheet.columns.map((c, i) => `<c r="${letters[i]}1" s="${header}" t="inlineStr"><is><t>${xmlText(c.header)}</t></is></c>`).join('')}</row>`
  );
  let part = '';
  let line = 1;
  for (const row of sheet.rows) {
    line++;
    part += `<row r="${line}">`;
    row.forEach((item, i) => {
      const { value, style } = isCell(item) ? item : { value: item, style: undefined };
      if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) return;
      const numeric = typeof value === 'number';
      const format = style?.format ?? (numeric ? sheet.columns[i]?.format : undefined);
      const s = styles.of(style === undefined ? { format } : { ...style, format });
      part += numeric
        ? `<c r="${letters[i]}${line}" s="${s}"><v>${value}</v></c>`
        : `<c r="${letters[i]}${line}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
    });
    part += '</row>';
    if ((line - 1) % ROWS_PER_PART === 0) {
      yield part;
      part = '';
    }
  }
  // Printed landscape, as wide as the page, the header row on every page (the workbook's print titles).
  yield (
    `${part}</sheetData>` +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}

/** A sheet's name as spreadsheets take it: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetNames(sheets: readonly Sheet[]): string[] {
  const names: string[] = [];
  for (const s of sheets) {
    const base = s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; names.includes(name); n++) name = `${base.slice(0, 28)} ${n}`;
    names.push(name);
  }
  return names;
}

/**
 * The workbook's bytes: its sheets in order, the first one shown. Each part is compressed as it is made (the fastest
 * level of deflate: a national sheet's XML is a hundred megabytes, its file a few), so the XML is never held whole.
 */
export function workbook(sheets: readonly Sheet[]): Uint8Array {
  const styles = new Styles();
  const names = sheetNames(sheets);
  const out: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    out.push(data);
  });
  const add = (path: string, parts: Iterable<string>) => {
    const file = new ZipDeflate(path, { level: 1 });
    zip.add(file);
    for (const part of parts) file.push(strToU8(part));
    file.push(new Uint8Array(0), true);
  };
  add('[Content_Types].xml', [
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  ]);
  add('_rels/.rels', [
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  ]);
  add('xl/workbook.xml', [
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets><definedNames>' +
      names.map((n, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`'${n.replace(/'/g, "''")}'!$1:$1`)}</definedName>`).join('') +
      '</definedNames></workbook>',
  ]);
  add('xl/_rels/workbook.xml.rels', [
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      '</Relationships>',
  ]);
  sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, styles)));
  // The styles last: the sheets' cells ask for them as they are written.
  add('xl/styles.xml', [styles.xml()]);
  zip.end();
  const bytes = new Uint8Array(out.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of out) {
    bytes.set(b, at);
    at += b.length;
  }
  return bytes;
}
