// The workbook reader on parts written here by hand, as Excel, WPS and LibreOffice write them: shared strings with
// rich text and phonetic runs, inline strings, merged cells, namespace prefixes, entities, formulas, chart sheets.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Workbook, WorkbookError, columnIndex } from '../../src/input/xlsx.js';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet';

function book(parts: Record<string, string>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, ...parts }).map(([k, v]) => [k, strToU8(v)])),
  );
}

const workbookXml = (sheets: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
const rels = (items: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;

describe('the workbook reader', () => {
  const bytes = book({
    'xl/workbook.xml': workbookXml(
      '<sheet name="作物" sheetId="1" r:id="rId1"/><sheet name="图表" sheetId="2" r:id="rId2"/><sheet name="隐藏" sheetId="3" state="hidden" r:id="rId3"/>',
    ),
    'xl/_rels/workbook.xml.rels': rels(
      `<Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${CHART}" Target="chartsheets/sheet1.xml"/>` +
        `<Relationship Id="rId3" Type="${WS}" Target="/xl/worksheets/sheet3.xml"/>`,
    ),
    'xl/sharedStrings.xml':
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
      '<si><t>乡镇</t></si>' +
      '<si><r><rPr><b/></rPr><t>水稻</t></r><r><t xml:space="preserve">面积（亩）</t></r></si>' +
      '<si><t>拉堡镇</t><rPh sb="0" eb="1"><t>ラ</t></rPh></si>' +
      '<si><t>A&amp;B_x000D_</t></si></sst>',
    // A prefixed namespace, rows and cells without r, a merge, a formula with and without its value, an error, a boolean.
    'xl/worksheets/sheet1.xml':
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="C3"><x:v>1.5E3</x:v></x:c><x:c><x:f>C3*2</x:f><x:v>3000</x:v></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>进德&lt;镇&gt;</x:t></x:is></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c r="E4"><x:f>SUM(C3:C4)</x:f></x:c></x:row>' +
      '<x:row r="5"><x:c r="A5" t="s"><x:v>3</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:A5"/></x:mergeCells></x:worksheet>',
    'xl/worksheets/sheet3.xml': '<worksheet><sheetData/></worksheet>',
  });

  it('lists the sheets that have cells, hidden ones marked, with their parts', () => {
    expect(Workbook.open(bytes).sheets).toEqual([
      { name: '作物', part: 'xl/worksheets/sheet1.xml', hidden: false },
      { name: '隐藏', part: 'xl/worksheets/sheet3.xml', hidden: true },
    ]);
  });

  it("reads each cell's text: shared (rich text joined, phonetic runs left out), inline, numbers as written, errors, booleans", () => {
    const wb = Workbook.open(bytes);
    const { rows, uncomputed } = wb.rows(wb.sheets[0]!);
    expect(rows).toEqual([
      { line: 1, cells: ['乡镇', '水稻面积（亩）'] },
      { line: 3, cells: ['拉堡镇', '', '1.5E3', '3000'] },
      // A merge's value fills it: A4 under the merge A3:A5 is 拉堡镇 (its own cell, written, stays).
      { line: 4, cells: ['进德<镇>', '#DIV/0!', 'TRUE'] },
      { line: 5, cells: ['A&B\r'] },
    ]);
    expect(uncomputed).toEqual([{ line: 4, column: 5, formula: 'SUM(C3:C4)' }]);
  });

  it('fills a merge over empty cells with its top-left value, and stops after `limit` rows', () => {
    const merged = book({
      'xl/workbook.xml': workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>'),
      'xl/_rels/workbook.xml.rels': rels(`<Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/>`),
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>乡镇</t></is></c><c r="B1" t="inlineStr"><is><t>水稻</t></is></c></row>' +
        '<row r="2"><c r="B2" t="inlineStr"><is><t>面积</t></is></c><c r="C2" t="inlineStr"><is><t>产量</t></is></c></row></sheetData>' +
        '<mergeCells><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/></mergeCells></worksheet>',
    });
    const wb = Workbook.open(merged);
    expect(wb.rows(wb.sheets[0]!).rows).toEqual([
      { line: 1, cells: ['乡镇', '水稻', '水稻'] },
      { line: 2, cells: ['乡镇', '面积', '产量'] },
    ]);
    expect(wb.rows(wb.sheets[0]!, 1).rows).toEqual([{ line: 1, cells: ['乡镇', '水稻'] }]);
  });

  it('reads a number cell as a spreadsheet shows it, to 15 significant digits: 8.89 stored as 8.8900000000000006', () => {
    const stored = book({
      'xl/workbook.xml': workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>'),
      'xl/_rels/workbook.xml.rels': rels(`<Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/>`),
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1"><v>8.8900000000000006</v></c><c r="B1"><v>0.30000000000000004</v></c>' +
        '<c r="C1"><v>1234567.8912345679</v></c><c r="D1"><v>12</v></c><c r="E1"><v>1.5E3</v></c></row></sheetData></worksheet>',
    });
    const wb = Workbook.open(stored);
    // 8.89 and 0.3 as typed; 16 or more digits rounded to 15 (as Excel shows them); short numbers as written.
    expect(wb.rows(wb.sheets[0]!).rows).toEqual([{ line: 1, cells: ['8.89', '0.3', '1234567.89123457', '12', '1.5E3'] }]);
  });

  it('refuses what is not a workbook it can read, saying why', () => {
    expect(() => Workbook.open(zipSync({ 'a.txt': strToU8('x') }))).toThrow(WorkbookError);
    expect(() => Workbook.open(strToU8('PK\u0003\u0004 not a zip'))).toThrow(/not a readable zip/);
    const broken = book({
      'xl/workbook.xml': workbookXml('<sheet name="S" sheetId="1" r:id="rId1"/>'),
      'xl/_rels/workbook.xml.rels': rels(`<Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/>`),
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>',
    });
    const wb = Workbook.open(broken);
    expect(() => wb.rows(wb.sheets[0]!)).toThrow(/truncated/);
    const dtd = book({
      'xl/workbook.xml': '<!DOCTYPE x [<!ENTITY a "b">]><workbook/>',
    });
    expect(() => Workbook.open(dtd)).toThrow(/document type declaration/);
  });

  it('reads column letters as Excel numbers its columns', () => {
    expect(['A1', 'Z9', 'AA10', 'XFD1048576', 'c3'].map(columnIndex)).toEqual([0, 25, 26, 16383, 2]);
    expect(columnIndex('1A')).toBeUndefined();
  });
});
