import type { IoReason } from '../file-errors.js';
import { MAX_LINE_CHARS } from '../input/errors.js';
import { isDashMark, unitInCell } from '../input/numbers.js';
import type { ParameterErrorCode } from '../params/errors.js';
import type { ProblemArgs, ProblemCode } from '../problems.js';

type Text = (a: ProblemArgs) => string;
export interface ProblemText {
  readonly message: Text;
  readonly hint?: Text;
}

const s = (v: string | number | undefined) => String(v ?? '');

/** A year written before an item (2023年生猪存栏): a table of several years' columns. */
export const YEAR_BEFORE = /^\d{4}\s*年/;
const YEAR_HINT = "a year before the item: landcap reads one year's figures — keep that year's columns, headed with the item alone (生猪存栏)";
/** A number in a message: thousands separators, at most two decimals; past a thousand trillion, in exponent form. */
export const num = (v: string | number | undefined) =>
  typeof v !== 'number' ? String(v ?? '') : Math.abs(v) >= 1e15 ? v.toExponential(3) : v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** "肉牛=100/30|奶牛=100/15" as "肉牛 (100/30) and 奶牛 (100/15)". */
const choices = (v: string | number | undefined, and: string) =>
  s(v)
    .split('|')
    .map((c) => c.replace(/^(.*)=(.*)$/, '$1 ($2)'))
    .join(and);

const problems: Record<ProblemCode, ProblemText> = {
  'no-townships': {
    message: () => 'the input files hold no township: there is nothing to report on',
    hint: () => 'fill in the rows of the crops and livestock files (a row per township and crop or species)',
  },
  'file-empty': {
    message: () => 'the file is empty: no header row',
    hint: () => 'a CSV file starts with a header row naming its columns; `landcap init` writes templates',
  },
  'file-no-rows': { message: () => 'the file has a header but no data rows' },
  'encoding-invalid': {
    message: (a) =>
      a.detail === 'utf-16'
        ? 'the file is in UTF-16 ("Unicode text"), which landcap does not read'
        : a.detail === 'mixed'
          ? 'the file is GBK, but this line is written in UTF-8: it was saved in parts by two programs'
          : s(a.detail).startsWith('given:')
            ? `the file does not decode as ${s(a.detail).slice(6)}, the --encoding given`
            : `the file is not in UTF-8 or GB18030 (GBK)${a.detail === 'utf-8' ? ': it reads as UTF-8 up to this line' : a.detail === 'gb18030' ? ': it reads as GBK up to this line' : ''}`,
    hint: () => 'save it from Excel or WPS as "CSV UTF-8" or "CSV (comma delimited)"',
  },
  'file-not-text': {
    message: (a) =>
      ({
        xlsx: 'the file is an Excel workbook (.xlsx), not CSV text',
        xls: 'the file is an Excel 97–2003 (.xls) or WPS (.et) workbook, not CSV text',
        pdf: 'the file is a PDF, not CSV text',
        archive: 'the file is a compressed archive, not CSV text',
        json: 'the file is JSON, not a CSV table',
      })[s(a.kind)] ?? 'the file is not text (it holds NUL bytes): not a CSV file',
    hint: (a) =>
      a.kind === 'json'
        ? 'a map of the townships goes to --map (validate reads a .geojson file as a map); a parameters file to --params, a scenario to --scenario'
        : 'save the sheet from Excel or WPS as "CSV UTF-8"',
  },
  'workbook-invalid': {
    message: (a) => `the workbook cannot be read: ${s(a.detail)}`,
    hint: () => 'open it in Excel or WPS and save it again as .xlsx, or save the sheet as "CSV UTF-8"',
  },
  'subtotal-item': {
    message: (a) => `"${s(a.label)}" in the item column totals the township's rows: it is left out, as they count it already`,
  },
  'rows-hidden': {
    message: (a) => `${s(a.count)} row(s) hidden in the sheet (line ${s(a.lines)}) are left out, as the sheet shows them`,
    hint: () => 'to read a hidden row, unhide it in the workbook',
  },
  'sheet-ambiguous': {
    message: (a) => `several visible sheets hold a ${s(a.kind)} table (${s(a.sheets)}): which one to read is not for landcap to guess`,
    hint: (a) => `name it: --sheet ${s(a.kind)}=NAME; tables of one kind split over sheets (粮食作物, 经济作物) go into one sheet`,
  },
  'sheet-several': {
    message: (a) => `several sheets hold a ${s(a.kind)} table: "${s(a.sheet)}" is read, not ${s(a.others)}`,
    hint: (a) => `to read another, name it: --sheet ${s(a.kind)}=NAME`,
  },
  'sheet-not-found': {
    message: (a) =>
      a.sheet
        ? `the workbook has no sheet "${s(a.sheet)}" (its sheets: ${s(a.sheets)})`
        : `no sheet of the workbook has a ${s(a.kind)} table (its sheets: ${s(a.sheets)})`,
    hint: (a) => `name the sheet with --sheet ${s(a.kind)}=NAME; its header must name the township column and the ${s(a.kind)} columns`,
  },
  'kind-unknown': {
    message: () => 'cannot tell what this file holds: no crop, species or soil column in its header',
    hint: () => 'name the columns as in `landcap init`, or pass --kind crops|livestock|soil',
  },
  'kind-ambiguous': { message: (a) => `the header fits several kinds of file (${s(a.kinds)})`, hint: () => 'pass --kind crops|livestock|soil' },
  'kind-mismatch': { message: (a) => `expected a ${s(a.expected)} file, but its header looks like ${s(a.found)}` },
  'header-missing-column': { message: (a) => `missing column for the ${s(a.kind)} file: ${s(a.expected)}` },
  'header-duplicate-column': {
    message: (a) => `column "${s(a.header)}" repeats column ${s(a.firstColumn)} ("${s(a.first)}")`,
    hint: () => 'remove or rename one of them',
  },
  'header-unknown-column': {
    message: (a) => `unknown column "${s(a.header)}" is ignored`,
    hint: (a) =>
      YEAR_BEFORE.test(s(a.header))
        ? "a year before the header: landcap reads one year's figures — keep that year's column, headed without the year"
        : `see the column list of a ${s(a.kind)} file in the README`,
  },
  'header-unknown-unit': { message: (a) => `column "${s(a.header)}": unknown unit "${s(a.unit)}"`, hint: (a) => `known units: ${s(a.units)}` },
  'header-measure-missing': {
    message: (a) => `column "${s(a.header)}" gives ${s(a.item)}${s(a.header) === s(a.item) ? '' : ' and a unit'}, but not what it counts (${s(a.measures)})`,
    hint: (a) => `name the measure in the header (${s(a.item)}${s(a.measures).split(' | ')[0]}…), or in the table's title above it`,
  },
  'header-empty': {
    message: (a) => `values under column ${s(a.column)}, which has no header, are ignored`,
    hint: () => 'give the column a name, or delete it',
  },
  'title-skipped': {
    message: (a) =>
      `the header is on line ${s(a.header)}: ${s(a.count) === '1' ? 'the line above it' : `the ${s(a.count)} lines above it`} ("${s(a.title)}") ${s(a.count) === '1' ? 'is' : 'are'} read as the table's title, not data`,
  },
  'column-numbers-skipped': { message: (a) => `the row under the header ("${s(a.text)}") numbers the columns, as statistical forms do: it is not data` },
  'unit-assumed': {
    message: (a) => `"${s(a.header)}" gives no unit: read as ${s(a.unit)}`,
    hint: (a) => `if the figures are in another unit (吨, 公顷, 万头 …), say so in the header: ${s(a.example)}`,
  },
  'unit-from-title': { message: (a) => `"${s(a.header)}" gives no unit: read in ${s(a.unit)}, the unit the table's title states` },
  'measure-from-title': { message: (a) => `"${s(a.header)}" names no measure: read as ${s(a.measure)}, the measure the table's title names` },
  'cell-required': {
    message: (a) => `"${s(a.header)}" is empty`,
    hint: (a) =>
      a.above
        ? `the row above names ${s(a.above)}: a township cell merged over several rows in a workbook is empty in a CSV saved from it; give the workbook itself (its merged cells are read), or write the name on each row`
        : '',
  },
  'number-invalid': {
    message: (a) => `"${s(a.header)}": "${s(a.value)}" is not a number`,
    hint: (a) => {
      if (isDashMark(s(a.value))) return "a yearbook's dash marks no figure: leave the cell empty, or write 0 where it means none";
      const inCell = unitInCell(s(a.value));
      if (!inCell) return '';
      return inCell.inFull !== undefined
        ? `a 万 in the cell: write the number in full (${s(a.value)} → ${num(inCell.inFull)}), or a unit of 万 in the header (万头, 万亩, 万吨)`
        : `a unit in the cell (${inCell.unit}): write the number alone, and the unit once in the header (${s(a.header)}(${inCell.unit}))`;
    },
  },
  'number-not-finite': { message: (a) => `"${s(a.header)}": "${s(a.value)}" is not a finite number` },
  'number-negative': { message: (a) => `"${s(a.header)}": ${s(a.value)} is negative` },
  'row-extra-cells': {
    message: (a) => `the row has ${s(a.cells)} cells, the header ${s(a.width)}`,
    hint: () => 'a comma inside a value needs quotes: "1,234"',
  },
  'csv-syntax': {
    message: (a) =>
      a.detail === 'line-too-long'
        ? `the line is longer than ${num(MAX_LINE_CHARS)} characters, more than any table's row; reading of this file stopped here`
        : `not valid CSV (${a.detail === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed' : s(a.detail)}); reading of this file stopped here`,
    hint: (a) =>
      a.detail === 'line-too-long' ? 'is it a CSV file? Lines end in a line break, cells are separated by commas' : 'check the quotes on this line',
  },
  'name-invisible-character': {
    message: (a) => `the name "${s(a.name)}" holds an invisible character (${s(a.character)}): it is not the name it looks like`,
    hint: () => 'delete the character (it often comes with text copied from a web page)',
  },
  'total-row': { message: (a) => `"${s(a.label)}" is a totals row, not a township: it is left out, and checked against the sum of the townships' rows` },
  'total-column': { message: (a) => `"${s(a.header)}" is a totals column: it is left out, and checked against the sum of the columns it totals, row by row` },
  'total-mismatch': {
    message: (a) =>
      `the totals row "${s(a.label)}" gives ${num(a.given)} ${s(a.unit) || 'head'} of ${s(a.item)}; the townships' rows sum to ${num(a.sum)} ${s(a.unit) || 'head'} (${s(a.percent)}% apart)`,
    hint: () => "the table's own arithmetic does not add up: check the townships' figures and the total",
  },
  'total-unlabelled': {
    message: (a) =>
      `"${s(a.township)}" holds the sum of the other townships' figures, or near it (${s(a.item)}: ${num(a.value)} against ${num(a.others)}, and so for all its ${s(a.items)} items): it is a totals row, which counted as a township would double the figures`,
    hint: () => 'write 合计 in its township cell (it is then left out and checked against the townships), or delete the row',
  },
  'part-left-out': {
    message: (a) =>
      a.whole
        ? `"${s(a.item)}" is a part (其中) of "${s(a.whole)}": it is left out, as "${s(a.whole)}" already counts it`
        : `"${s(a.item)}" is a part (其中) of the item before it: it is left out, as that item already counts it`,
  },
  'part-exceeds-whole': {
    message: (a) => `the part "${s(a.item)}" (${num(a.part)}) is larger than "${s(a.whole)}" (${num(a.value)}), the item it is part of`,
    hint: () => "a 其中 figure is part of its whole's: check both, and their units",
  },
  'group-left-out': {
    message: (a) => `"${s(a.group)}" totals items that ${s(a.township)} lists (${s(a.members)}): left out, as they count it already`,
  },
  'group-items-differ': {
    message: (a) =>
      `"${s(a.group)}" gives ${num(a.value)} ${s(a.unit) || 'head'} for ${s(a.township)}, whose items listed (${s(a.items)}) sum to ${num(a.sum)} ${s(a.unit) || 'head'}: ${Number(a.value) > Number(a.sum) ? 'the rest is in items the file does not name, and not counted' : 'more than the group'}`,
    hint: (a) =>
      Number(a.value) > Number(a.sum)
        ? `give the group's other items too, each on its own, or check the figures`
        : `check the figures and their units: a group's items are part of it`,
  },
  'group-unlisted': {
    message: (a) => `"${s(a.group)}" is a group of items (${s(a.members)}), not one the guide gives a coefficient for, and ${s(a.township)} lists none of them`,
    hint: (a) => `give the items it totals, each on its own; or define "${s(a.group)}" with its own coefficient in a local dictionary (--local FILE)`,
  },
  'unit-by-item': {
    message: (a) =>
      `"${s(a.header)}" names several units (${s(a.units)}): each row is read in the one its animals are counted in (家禽 in 羽 or 只, 羊 in 只, others in 头)`,
  },
  'header-repeated': {
    message: (a) =>
      a.line
        ? `"${s(a.text)}" repeats line ${a.line}, the table's title or header, as a table continued on a new page does: not data, skipped`
        : `"${s(a.text)}" says the table continues, as on a new page: not data, skipped`,
  },
  'note-line-skipped': { message: (a) => `"${s(a.text)}" is a note under the table, not data: skipped` },
  'unit-invalid': {
    message: (a) => `unknown unit "${s(a.unit)}"`,
    hint: () => 'a unit landcap reads: 头, 只, 羽, 万头, 万只, 万羽; kg, 公斤, 斤, 吨, 万吨; 亩, 万亩, 公顷, 万公顷',
  },
  'unit-conflict': {
    message: (a) => `the unit "${s(a.unit)}" of this row is not one "${s(a.header)}" can be in`,
    hint: () => "check the row's unit cell: a head count in 头 or 万头, a production in kg or 吨, an area in 亩 or 公顷",
  },
  'formula-no-value': {
    message: (a) => `the cell holds a formula (=${s(a.formula)}) saved without its value`,
    hint: () => 'the workbook was written by a program and never opened in a spreadsheet: open it in Excel or WPS and save it',
  },
  'figure-not-finite': {
    message: (a) => `${s(a.what)} of township "${s(a.township)}" is beyond any number (${s(a.value ?? 'not finite')}): nothing can be computed from it`,
    hint: () => 'a figure far too large: check its unit and its digits',
  },
  'crop-unknown': {
    message: (a) => `unknown crop "${s(a.crop)}"`,
    hint: (a) =>
      YEAR_BEFORE.test(s(a.crop))
        ? YEAR_HINT
        : a.suggestion
          ? `did you mean "${s(a.suggestion)}"? If not, define it in a local dictionary (--local)`
          : 'define it in a local dictionary (--local FILE: name, n_uptake, p_uptake, land_use, source; or name, means, source), or give n_uptake and p_uptake on its rows',
  },
  'crop-local-uptake': { message: (a) => `crop "${s(a.crop)}" is not in the guide's table; its uptake comes from this file` },
  'crop-needs-uptake': { message: (a) => `crop "${s(a.crop)}" has no ${s(a.nutrient)} uptake`, hint: (a) => `fill the ${s(a.column)} column for it` },
  'production-missing': { message: () => 'the row gives neither production nor area and yield' },
  'production-mismatch': {
    message: (a) => `production ${num(a.given)} differs from area × yield ${num(a.computed)} by ${s(a.percent)}%; the production is used`,
    hint: (a) =>
      ({
        'yield-per-hectare': 'production ≈ area × yield ÷ 15: the yield looks per 公顷 (hectare), not per 亩',
        'area-in-hectares': 'production ≈ area × yield × 15: the area looks in 公顷, not 亩',
        'production-in-tonnes': 'production ≈ area × yield ÷ 1000: the production looks in 吨 (tonnes), not kg',
        'production-in-kg': "production ≈ area × yield × 1000: the production looks in kg, not 吨 (tonnes): check its column's unit",
        'digit-lost': 'production is 1/10 of area × yield: a digit lost?',
        'digit-added': 'production is 10 × area × yield: a digit added?',
      })[s(a.explanation)] ?? 'check the units of the area, yield and production columns',
  },
  'quantity-conflict': {
    message: (a) => `"${s(a.header)}" (${num(a.value)}) disagrees with "${s(a.other)}" (${num(a.otherValue)})`,
    hint: () => 'fill one of the two columns',
  },
  'unit-measure-mismatch': { message: (a) => `crop "${s(a.crop)}" is counted in ${s(a.measure)}, but "${s(a.header)}" is in ${s(a.unit)}` },
  'yield-implausible': {
    message: (a) =>
      a.bound === 'min'
        ? `yield ${num(a.value)} per 亩${a.implied ? ` (${s(a.implied)})` : ''} is less than any ${s(a.crop)} gives (at least ${num(a.min)})`
        : `yield ${num(a.value)} per 亩${a.implied ? ` (${s(a.implied)})` : ''} is more than any ${s(a.crop)} reaches (at most ${num(a.max)})`,
    hint: (a) =>
      a.slip === 'tonnes'
        ? a.implied
          ? `is the production in 吨 read as kg? × 1000 gives ${num(a.corrected)} per 亩: write the header as 产量(吨)`
          : `is the yield in 吨 per 亩? In kg that is ${num(a.corrected)} per 亩`
        : a.slip === 'hectares'
          ? `is the area in 公顷 read as 亩? It gives ${num(a.corrected)} per 亩: write the header as 面积(公顷)`
          : a.perHectare
            ? `is it per 公顷? That is ${num(a.perHectare)} per 亩 — use a yield_kg_per_ha / 单产(kg/公顷) column`
            : 'check the units of the yield, production and area columns',
  },
  'land-use-invalid': { message: (a) => `unknown land use "${s(a.value)}"`, hint: () => 'one of 旱地, 水田, 菜地, 果园 (dry, paddy, vegetable, orchard)' },
  'part-of-whole': {
    message: (a) =>
      `"${s(a.part)}" is a part of "${s(a.whole)}" (line ${s(a.line)}), listed for the same township: it is left out, as "${s(a.whole)}" counts it already`,
    hint: () => 'list a whole or its parts, not both',
  },
  'local-member-with-whole': {
    message: (a) =>
      `"${s(a.part)}" is read as "${s(a.whole)}" by the local dictionary, and "${s(a.whole)}" is listed for the same township too (line ${s(a.line)}): whether "${s(a.whole)}" counts it already is not known`,
    hint: (a) =>
      `if "${s(a.whole)}" leaves "${s(a.part)}" out (two columns of a yearbook), give "${s(a.part)}" its own values in the dictionary (猪当量系数 or 吸收量) instead of 对应; if it counts it, leave the "${s(a.part)}" rows out`,
  },
  'duplicate-row': {
    message: (a) => `"${s(a.key)}" is listed again (first on line ${s(a.firstLine)})`,
    hint: (a) => (a.kind === 'livestock' ? 'merge the two rows' : 'merge the two rows, or tell them apart by land use'),
  },
  'species-unknown': {
    message: (a) => `unknown species "${s(a.species)}"`,
    hint: (a) =>
      YEAR_BEFORE.test(s(a.species))
        ? YEAR_HINT
        : a.suggestion
          ? `did you mean "${s(a.suggestion)}"? If not, define it in a local dictionary (--local)`
          : 'define it in a local dictionary (--local FILE: name, pe_factor, source; or name, means, source), or give pe_factor on its rows',
  },
  'species-needs-factor': {
    message: (a) => `the guide gives no pig-equivalent factor for "${s(a.species)}"`,
    hint: () => 'give its pe_factor in a local dictionary (--local), with its source, or fill the pe_factor column',
  },
  'species-cattle': {
    message: (a) => `the guide does not say how to count "${s(a.species)}": it converts ${choices(a.choices, ' and ')} differently`,
    hint: (a) =>
      `write ${choices(a.choices, ' or ')} in the file, or read "${s(a.species)}" as one of them in a local dictionary (--local: name ${s(a.species)}, means ${s(a.first)}, source …)`,
  },
  'pe-factor-invalid': { message: (a) => `pe_factor "${s(a.value)}" is not a positive ratio`, hint: () => 'write it as 0.4 or 100/250' },
  'pe-factor-override': { message: (a) => `pe_factor ${s(a.value)} replaces the guide's ${s(a.guide)} for ${s(a.species)}` },
  'stock-missing': { message: () => 'the row gives no stock (存栏量)' },
  'stock-implausible': {
    message: (a) => `${num(a.value)} head of ${s(a.species)} in one township is more than any township holds (at most ${num(a.max)})`,
    hint: (a) =>
      a.perTenThousand
        ? `the column "${s(a.header)}" counts in 万: are these head counts? ${num(a.perTenThousand)} 万 head is ${num(a.value)}; write the header as 存栏(头)`
        : 'check the unit and the digits',
  },
  'stock-fractional': {
    message: (a) => `${s(a.value)} head of ${s(a.species)} is not a whole number of animals`,
    hint: () => 'check the unit (万头, 头) and the digits',
  },
  'slaughter-no-ratio': {
    message: (a) => `only a slaughter (出栏) count for ${s(a.species)}; capacity is a stock (存栏) figure`,
    hint: (a) => `give the stock, or a stock/slaughter ratio: --stock-ratio ${s(a.species)}=0.5`,
  },
  'grade-invalid': { message: (a) => `"${s(a.header)}": "${s(a.value)}" is not a grade`, hint: () => 'one of I, II, III' },
  'soil-out-of-range': {
    message: (a) => `"${s(a.header)}": ${s(a.value)} is outside 0–${s(a.max)} ${s(a.unit)}`,
    hint: () => 'check the unit (g/kg for total N, mg/kg for available P)',
  },
  'soil-missing-values': { message: () => 'the row gives no N or P grade or measurement' },
  'soil-grade-disagrees': {
    message: (a) =>
      `${s(a.nutrient)} grade ${s(a.grade)} disagrees with the measured ${s(a.value)} ${s(a.unit)} (grade ${s(a.measuredGrade)}); the grade is used`,
  },
  'local-means-unknown': {
    message: (a) => `"${s(a.name)}" is to be read as "${s(a.means)}", which is no crop or species of the tables`,
    hint: (a) => (a.suggestion ? `did you mean "${s(a.suggestion)}"?` : 'landcap coefficients lists the crops and species'),
  },
  'local-defined-twice': { message: (a) => `"${s(a.name)}" is defined twice (first on line ${s(a.line)})`, hint: () => 'keep one row for it' },
  'local-source-missing': {
    message: (a) => `"${s(a.name)}" has no source`,
    hint: () => 'write where the value or the mapping comes from (a survey, a plan, a decision of the bureau) in the source column',
  },
  'local-land-use-missing': {
    message: (a) => `the local crop "${s(a.name)}" has no land use`,
    hint: () => 'write 旱地, 水田, 菜地 or 果园: its soil grade depends on it',
  },
  'local-value-invalid': {
    message: (a) => `${s(a.header)} of "${s(a.name)}" is "${s(a.value)}": it must be a number greater than 0`,
  },
  'local-mixed': {
    message: (a) => `"${s(a.name)}" is given ${a.what === 'both' ? 'both a meaning (means) and values' : "both a crop's uptake and a species' pe_factor"}`,
    hint: () => "a row either reads the name as another (means) or gives a crop's uptake or a species' factor",
  },
  'local-nothing': {
    message: (a) => `"${s(a.name)}" is given neither a meaning nor a value`,
    hint: () => 'fill means, or n_uptake and p_uptake (a crop), or pe_factor (a species)',
  },
  'local-alias-value': {
    message: (a) => `"${s(a.name)}" is read as "${s(a.target)}": a value for it is a value for "${s(a.target)}"`,
    hint: (a) => `give the value on a row named "${s(a.target)}", or read "${s(a.name)}" as a crop of its own under another name`,
  },
  'place-outside-china': {
    message: (a) => `"${s(a.header)}": ${num(a.value)} is outside China's extent (${num(a.min)}–${num(a.max)} degrees)`,
    hint: () => 'give longitude (经度) and latitude (纬度) in decimal degrees, each in its own column',
  },
  'map-not-features': {
    message: () => 'this is JSON but not a GeoJSON FeatureCollection of the townships',
    hint: () => 'export the townships layer as GeoJSON (in QGIS: Export → Save Features As → GeoJSON, CRS EPSG:4326)',
  },
  'map-feature-unnamed': {
    message: (a) => `feature ${s(a.feature)} names no township (its properties: ${s(a.properties) || 'none'}): it is left out`,
    hint: () => 'give each township feature a property name, 乡镇 or township (and 县, 市 where names repeat)',
  },
  'map-no-names': {
    message: (a) => `no feature of the map names its township (the first feature's properties: ${s(a.properties) || 'none'})`,
    hint: () => "name the property of the townships' names name, 乡镇 or township (and their counties 县, cities 市), or export the layer with one of those",
  },
  'map-feature-invalid': {
    message: (a) => `feature ${s(a.feature)} ("${s(a.township)}") is not a polygon that can be drawn (geometry ${s(a.type) || 'missing'}): it is left out`,
    hint: () => 'a township is a Polygon or MultiPolygon of rings of [longitude, latitude]',
  },
  'map-outside-china': {
    message: (a) => `feature ${s(a.feature)} ("${s(a.township)}") has a point at ${num(a.lon)}, ${num(a.lat)}, outside China's extent in degrees`,
    hint: (a) =>
      a.swapped === 'yes'
        ? 'its positions read as [latitude, longitude] would lie in China: GeoJSON writes [longitude, latitude]; export it again'
        : 'the map may be in projected metres (a Gauss-Krüger zone, say): export it in longitude and latitude (EPSG:4326)',
  },
  'map-township-repeated': {
    message: (a) => `township "${s(a.township)}" is drawn by more than one feature (${s(a.first)} and ${s(a.feature)}): they are drawn as one township`,
    hint: () => 'if they are townships of two counties, give the features a 县 (county) property',
  },
  'place-duplicate': {
    message: (a) => `township "${s(a.township)}" has a location already (line ${s(a.firstLine)})`,
    hint: () => 'give each township one location',
  },
  'township-written-otherwise': {
    message: (a) =>
      `township "${s(a.township)}" of the livestock file is not in the crops file, which has "${s(a.other)}": one township written two ways, whose livestock would be counted without its land`,
    hint: (a) => `write "${s(a.other)}" in both files`,
  },
  'township-no-land': {
    message: (a) => `township "${s(a.township)}" has livestock but no crop land in the crops file`,
    hint: (a) => (a.nearest ? `is it "${s(a.nearest)}" of the crops file? Write the name the same way in both files` : ''),
  },
  'scenario-township-unknown': {
    message: (a) => `the scenario names township "${s(a.township)}", which no input file lists`,
    hint: (a) => (a.nearest ? `is it "${s(a.nearest)}"? Write the name as the files do` : 'write the name as the crops and livestock files do'),
  },
  'township-soil-only': { message: (a) => `township "${s(a.township)}" has soil data but no crops` },
  'township-no-place': {
    message: (a) => `township "${s(a.township)}" has no location in ${s(a.file)}: it can neither send nor receive manure in a transfer plan`,
    hint: (a) => (a.nearest ? `is it "${s(a.nearest)}" of the places file? Write the name the same way in both` : 'add its longitude and latitude'),
  },
  'place-no-township': {
    message: (a) => `the location of "${s(a.township)}" names no township of the data`,
    hint: (a) => (a.nearest ? `is it "${s(a.nearest)}"? Write the name as the data does` : 'check the name, or drop the row'),
  },
  'locations-match-none': {
    message: (a) =>
      `not one of the ${s(a.count)} townships of ${s(a.file)} is a township of the data: "${s(a.township)}" is none of ${s(a.data)} …; no township could be located or drawn`,
    hint: (a) =>
      a.nearest
        ? `is "${s(a.township)}" the data's "${s(a.nearest)}"? Write the names as the data does`
        : 'is it the map or places file of these townships? Write the names as the data does',
  },
  'township-not-on-map': {
    message: (a) =>
      `township "${s(a.township)}" is not on the map ${s(a.file)}: it is not drawn${a.located === 'no' ? ', and can neither send nor receive manure in a transfer plan' : ''}`,
    hint: (a) => (a.nearest ? `is it "${s(a.nearest)}" of the map? Write the name the same way in both` : 'add it to the map'),
  },
  'map-no-township': {
    message: (a) => `the map's "${s(a.township)}" names no township of the data: the HTML page draws it in grey`,
    hint: (a) => (a.nearest ? `is it "${s(a.nearest)}"? Write the name as the data does` : ''),
  },
  'region-name-differs': {
    message: (a) => `"${s(a.written)}" is read as "${s(a.known)}", where the other file has township "${s(a.township)}"`,
    hint: () => 'write the county and city the same way in every file',
  },
  'township-ambiguous': {
    message: (a) => `township "${s(a.township)}" is in more than one county or city (${s(a.places)}): this file does not say which`,
    hint: () => 'add a county column (county, 县) to this file, as the other file has',
  },
};

const ui = {
  township: 'Township',
  county: 'County',
  level: 'Level',
  levels: { township: 'township', county: 'county', city: 'city', total: 'total' } as Record<string, string>,
  city: 'City',
  noRegions: (level: string) => `--by ${level}: the files give no ${level}; add a ${level} column (${level === 'county' ? '县' : '市'}) to the crops file`,
  /** A county's or city's row, in the township column. */
  subtotal: 'Subtotal',
  total: 'TOTAL',
  stockPe: 'Stock (PE)',
  capacityPe: 'Capacity (PE)',
  headroomPe: 'Headroom (PE)',
  loadIndex: 'Load index',
  loadGrade: 'Grade',
  status: 'Status',
  capacityRangePe: 'Capacity range (PE)',
  capacityLowPe: 'Capacity at the higher use rate (PE)',
  capacityHighPe: 'Capacity at the lower use rate (PE)',
  headroomHead: (species: string) => `More ${species}`,
  limiting: 'Limiting',
  cropDemandKg: (n: string) => `Crop ${n} demand (kg)`,
  manureDemandKg: (n: string) => `Manure ${n} demand (kg)`,
  supplyPerPeKg: (n: string) => `${n} supply per PE (kg)`,
  nutrientCapacityPe: (n: string) => `${n} capacity (PE)`,
  statuses: { ok: 'ok', warning: 'warning', overloaded: 'overloaded', 'no-land': 'no land' },
  title: (basis: string) => `Livestock manure land carrying capacity, ${basis} basis`,
  basisName: { N: 'nitrogen', P: 'phosphorus', both: 'nitrogen and phosphorus (limiting nutrient)' },
  summary: (n: number, counts: string) => `${n} township${n === 1 ? '' : 's'}: ${counts}`,
  /** With --by: the regions' statuses, then the townships'. */
  regionSummary: (level: string, n: number, counts: string, townships: string) =>
    `${n} ${level === 'county' ? (n === 1 ? 'county' : 'counties') : n === 1 ? 'city' : 'cities'}: ${counts} (${townships})`,
  /** The county cell of a city's subtotal row. */
  wholeCity: 'all counties',
  statusCount: (n: number, status: string) => `${n} ${status}`,
  nutrientNames: { N: 'N', P: 'P' },
  /** Between the items of a short enumeration: "20 ok, 8 warning"; 20 个适载、8 个预警. */
  enumSeparator: ', ',
  orSeparator: ' or ',
  parametersHeading: 'Parameters',
  coefficientsHeading: 'Coefficients',
  parameterNames: {
    basis: 'basis',
    manureShare: 'manure share of fertilisation',
    nUseRate: 'N use rate',
    pUseRate: 'P use rate',
    nSupplyPerPe: 'N supply per PE (kg/yr)',
    pSupplyPerPe: 'P supply per PE (kg/yr)',
    soilGrade: 'soil grade where no soil data',
    stockRatio: 'stock/slaughter ratio',
  },
  sourceDefault: 'default',
  sourceFile: (file: string) => `file ${file}`,
  sourceApi: 'set by the calling program',
  sourceFlag: (flag: string) => `flag ${flag}`,
  provenanceNames: {
    plan: 'reference plan',
    lit: 'published studies',
    'guide-unverified': 'guide, unverified',
    landcap: 'landcap',
    none: 'none',
    user: 'your data',
    local: 'local dictionary',
  },
  forestNote: (share: string, list: string) =>
    `plantation forest gives ${share} or more of the capacity of: ${list} — its m³ must be a year's growth in timber volume, not the standing volume (docs/method.md)`,
  namesNote: (list: string) => `names read as the tables': ${list}`,
  localNote: (count: number, list: string) => `from the local dictionary (${count} value(s) and name(s)): ${list}`,
  localUptake: (n: string, value: string) => `${n} uptake ${value}`,
  localFactor: (value: string) => `PE factor ${value}`,
  uptakeNote: (n: string, rows: string) => `${n} uptake per 100 kg (per m³ for forest): ${rows}`,
  peFactorNote: (rows: string) => `pig-equivalent factors: ${rows}`,
  fertilisationNote: (rows: string) => `fertilisation share by soil grade: ${rows}`,
  methodNote:
    "Method: the Ministry of Agriculture's technical guide for calculating the land carrying capacity of livestock and poultry manure (农办牧〔2018〕1号).",
  unverifiedNote: (n: number) =>
    `${n} coefficient(s) are the guide's values as widely cited, not yet checked against the guide's text; override them with local values where you have them.`,
  warningsCount: (n: number) => `${n} warning(s), listed on stderr`,
  errorsSummary: (errors: number, warnings: number) => `${errors} error(s), ${warnings} warning(s)`,
  validOk: (files: number, rows: number, warnings: number) => `valid: ${files} file(s), ${rows} row(s), no errors, ${warnings} warning(s)`,
  invalid: (errors: number, warnings: number, files: number, rows: number) =>
    `invalid: ${errors} error(s), ${warnings} warning(s) in ${files} file(s), ${rows} row(s)`,
  unknown: 'unknown',
  rowsCount: (n: number) => `${n} row(s)`,
  /** What validate says it read of a file: its kind, encoding and rows. */
  fileRead: (kind: string, encoding: string, rows: string) => `${kind}, ${encoding}, ${rows}`,
  notRead: 'not read: the local dictionary has errors',
  mapNotDrawn: (format: string) => `landcap: the map is checked against the data, and drawn only in the HTML page (--format html), not in ${format}`,
  runningSample: (name: string) => `landcap: no input files given: running the bundled sample ${name} (give --crops and --livestock for your own data)`,
  moreProblems: (n: number) => `… and ${n} more not shown (--max-errors)`,
  repeated: (n: number, code: string, line: number, lines: readonly number[], beyond: boolean) =>
    `${code} as on line ${line}, ${n} more time${n === 1 ? '' : 's'}: line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${beyond ? ', …' : ''} (--format json lists each)`,
  moreOfCode: (n: number, code: string, shown: number) => `${code}: ${n} more warning${n === 1 ? '' : 's'} of this kind after the ${shown} above`,
  internalError: 'internal error (a bug in landcap; please report it with the command you ran)',
  stdoutFailed: (reason: string) => `cannot write to standard output: ${reason}`,
  /** A file and what is wrong with it (a reason of `io`). */
  fileReason: (path: string, reason: string) => `${path}: ${reason}`,
  usageError: 'usage',
  columnsOmitted: (columns: string) => `not shown, for the terminal's width: ${columns} (--format md or csv has them)`,
  progress: (file: string, percent: number) => `reading ${file}… ${percent}%`,
  hint: 'hint',
  /** A message with its hint after it. */
  withHint: (message: string, hint: string) => `${message} (hint: ${hint})`,
  /** Before an error of a run (landcap: …). */
  errorLead: 'landcap: ',
  /** Punctuation: an aside in brackets, and a label before a value. */
  paren: (text: string) => ` (${text})`,
  // With no value (a heading), no space after the colon.
  label: (name: string, value: string) => (value === '' ? `${name}:` : `${name}: ${value}`),
  /** The coefficient tables' column names for people (`coefficients` as a table or Markdown): as the files name them. */
  coefficientColumns: {
    crop: 'crop',
    name_en: 'name_en',
    group: 'group',
    measure: 'measure',
    land_use: 'land_use',
    n_uptake: 'n_uptake',
    n_provenance: 'n_provenance',
    p_uptake: 'p_uptake',
    p_provenance: 'p_provenance',
    min_yield_per_mu: 'min_yield_per_mu',
    max_yield_per_mu: 'max_yield_per_mu',
    source: 'source',
    alias: 'alias',
    relation: 'relation',
    provenance: 'provenance',
    species: 'species',
    pe_factor: 'pe_factor',
    pe_per_head: 'pe_per_head',
    n_solid_share: 'n_solid_share',
    p_solid_share: 'p_solid_share',
    max_stock_per_township: 'max_stock_per_township',
    one_of: 'one_of',
    max_stock_source: 'max_stock_source',
    grade: 'grade',
    share: 'share',
    nutrient: 'nutrient',
    unit: 'unit',
    grade_i_above: 'grade_i_above',
    grade_iii_below: 'grade_iii_below',
    physical_max: 'physical_max',
    max_load_index: 'max_load_index',
    meaning_zh: 'meaning_zh',
    meaning_en: 'meaning_en',
    name: 'name',
    value: 'value',
  } as Record<string, string>,
  coefficientTableNames: {
    crops: 'crops',
    'crop-aliases': 'crop-aliases',
    species: 'species',
    'species-aliases': 'species-aliases',
    groups: 'groups',
    'fertilisation-shares': 'fertilisation-shares',
    'soil-thresholds': 'soil-thresholds',
    'load-grades': 'load-grades',
    nutrients: 'nutrients',
  } as Record<string, string>,
  /** Values of the coefficient tables in words (the files keep their codes). */
  coefficientValues: {
    group: { field: 'field', vegetable: 'vegetable', fruit: 'fruit', cash: 'cash', grass: 'grass', forest: 'forest' },
    measure: { kg: 'kg', m3: 'm³' },
    relation: { synonym: 'synonym', member: 'member' },
    nutrient: { N: 'N', P: 'P' },
    name: {
      n_excretion_per_pe: 'n_excretion_per_pe',
      p_excretion_per_pe: 'p_excretion_per_pe',
      n_supply_per_pe: 'n_supply_per_pe',
      p_supply_per_pe: 'p_supply_per_pe',
      manure_share: 'manure_share',
      n_use_rate: 'n_use_rate',
      n_use_rate_max: 'n_use_rate_max',
      p_use_rate: 'p_use_rate',
      p_use_rate_max: 'p_use_rate_max',
      soil_grade: 'soil_grade',
      warning_load_index: 'warning_load_index',
      overload_load_index: 'overload_load_index',
      max_stock_other_species: 'max_stock_other_species',
    },
    unit: {
      'kg N per PE per year': 'kg N per PE per year',
      'kg P per PE per year': 'kg P per PE per year',
      share: 'share',
      grade: 'grade',
      'load index': 'load index',
      'head per township': 'head per township',
    },
  } as Record<string, Record<string, string>>,
  listSeparator: ', ',
  clauseSeparator: '; ',
  explain: {
    title: (township: string, basis: string) => `Township ${township} — ${basis} basis`,
    cropDemand: (n: string) => `1. Crop ${n} demand   D = production ÷ 100 × uptake (forest: m³ × uptake per m³)`,
    manureDemand: (n: string) => `2. Manure ${n} demand   M = Σ (D × FS) × MS ÷ UR, FS by soil grade`,
    capacity: '3. Capacity   C = M ÷ supply per pig equivalent',
    stock: '4. Stock   S = Σ head in stock × PE factor',
    balance: '5. Balance',
    rowsOf: (file: string) => `rows of ${file}`,
    localSources: (list: string) => `from the local dictionary: ${list}`,
    scenarioRow: 'scenario',
    scenarioChanged: (inFile: string) => `scenario; ${inFile} in the file`,
    line: 'line',
    crop: 'crop',
    production: 'production',
    uptake: (n: string) => `${n} uptake`,
    demand: (n: string) => `${n} demand (kg)`,
    soilGrade: 'soil grade',
    species: 'species',
    head: 'head',
    peFactor: 'PE factor',
    pe: 'PE',
    gradeDefault: 'default',
    gradeFromSoil: (place: string) => `soil ${place}`,
    gradeMeasured: (place: string, value: string, landUse: string) => `soil ${place}: ${value} graded as ${landUse}`,
    fromAreaYield: 'area × yield',
    fromSlaughter: (slaughter: string, ratio: string) => `from 出栏 ${slaughter} × ${ratio}`,
    sumD: (v: string) => `D = ${v} kg`,
    gradeLine: (grade: string, d: string, fs: string, source: string, product: string) => `grade ${grade}: ${d} × FS ${fs} [${source}] = ${product}`,
    manureLine: (sum: string, ms: string, msSource: string, ur: string, urSource: string, m: string) =>
      `${sum} × MS ${ms} (${msSource}) ÷ UR ${ur} (${urSource}) = M = ${m} kg`,
    capacityLine: (n: string, m: string, supply: string, source: string, c: string) => `C(${n}) = ${m} ÷ ${supply} kg (${source}) = ${c} PE`,
    rangeLine: (low: string, high: string, range: string) => `at the guide's use-rate range ${range}: ${low} – ${high} PE`,
    limitingLine: (n: string) => `capacity is the smaller one: the limiting nutrient is ${n}`,
    sumS: (v: string) => `S = ${v} PE`,
    loadLine: (s: string, c: string, index: string, grade: string, meaning: string, status: string) =>
      `load index S ÷ C = ${s} ÷ ${c} = ${index} → grade ${grade} (${meaning}), status ${status}`,
    noCapacity: (status: string) => `no capacity: status ${status}`,
    headroomLine: (h: string, species: string) => `headroom C − S = ${h} PE, that is ${species}`,
    overLine: (h: string, species: string) => `headroom C − S = ${h} PE: over capacity; within it with ${species} fewer`,
    headroomEach: (head: string, species: string) => `${head} ${species}`,
    headroomOr: ', ',
    notFound: (name: string, near: string) => `no township "${name}" in the data${near ? `; nearest: ${near}` : ''}`,
    notInCounty: (name: string, county: string, counties: string) => `the data has no township "${name}" in ${county}; it has one in ${counties}`,
    ambiguous: (name: string, counties: string) => `the data has a township "${name}" in more than one county: ${counties}; say which with --county`,
  },
  scenarioUnmatched: (where: string) => `${where} matches no row of the data and changes nothing`,
  transfer: {
    badKm: 'give the farthest distance in km, above 0 and at most 1,000',
    maxKmAlone: "--max-km is the reach of a transfer plan: give the townships' locations too (--places FILE or --map FILE.geojson)",
    noLocations: "give the townships' locations: --places FILE (longitude and latitude) or --map FILE.geojson (their areas)",
    title: (km: string) => `Where the surplus can go: a transfer plan within ${km} km`,
    summary: (surplus: string, placed: string, unplaced: string, peKm: string, km: string) =>
      `Surplus ${surplus} PE; ${placed} placed within ${km} km, ${unplaced} not; ${peKm} PE × km.`,
    from: 'From',
    to: 'To',
    pe: 'PE a year',
    km: 'km',
    surplus: 'Surplus (PE)',
    sent: 'Sent (PE)',
    received: 'Received (PE)',
    unplaced: 'Unplaced (PE)',
    before: 'Load index before',
    after: 'Load index after',
    flows: 'Flows',
    flowsSheet: 'Flows',
    why: 'Why unplaced',
    reasons: { 'no-location': 'no location', 'none-within-reach': 'no receiver within reach', 'receivers-full': 'receivers within reach full' },
    townshipsSheet: 'Townships',
    townships: 'Townships that send, receive or keep a surplus',
    placed: 'Placed (PE)',
    peKm: 'PE × km',
    none: 'No surplus can be placed within reach.',
    explainHeading: (km: string) => `In a transfer plan within ${km} km`,
    explainSends: (to: string, pe: string, km: string) => `sends ${pe} PE a year to ${to}, ${km} km`,
    explainReceives: (from: string, pe: string, km: string) => `receives ${pe} PE a year from ${from}, ${km} km`,
    explainUnplaced: (pe: string, why: string) => `${pe} PE of its surplus cannot be placed: ${why}`,
    explainNone: 'no flow',
  },
  compare: {
    title: (base: string, scenario: string) => `${scenario} compared with ${base}`,
    stockChange: 'Stock Δ (PE)',
    capacityChange: 'Capacity Δ (PE)',
    headroomChange: 'Headroom Δ (PE)',
    absent: 'absent',
    before: (label: string) => `${label}, base`,
    after: (label: string) => `${label}, scenario`,
    summary: (n: number) => `${n} township(s) change status`,
    baseLabel: 'baseline',
    notAReport: (file: string) => `${file} is not a landcap report (run landcap report --format json)`,
    needTwo: 'give two report JSON files (BASE.json SCENARIO.json), or --scenario FILE with the inputs',
    basesDiffer: (base: string, baseBasis: string, scenario: string, scenarioBasis: string) =>
      `warning: ${base} is on the ${baseBasis} basis, ${scenario} on the ${scenarioBasis} basis: their capacities are not of one measure, and the changes below mix the two`,
  },
  farm: {
    title: (solidsSold: boolean) => `Scale-farm land requirement${solidsSold ? ' — solids composted and sold, liquid used on the farm' : ''}`,
    supply: '1. Manure nutrient supply   F = Σ head × PE factor × excretion per PE × retention',
    species: 'species',
    head: 'head',
    peFactor: 'PE factor',
    pe: 'PE',
    supply_: (n: string) => `${n} supply (kg/yr)`,
    liquid: 'liquid share',
    retentionDefault: 'default: supply per PE ÷ excretion per PE',
    retentionGiven: 'given',
    supplyLine: (n: string, excretion: string, retention: string, source: string, liquid: string, supply: string) =>
      `F(${n}) = Σ PE × ${excretion} kg × ${retention} (${source})${liquid} = ${supply} kg`,
    demand: '2. Land manure demand per 亩   d = Σ rotation (target yield ÷ 100 × uptake) × FS × MS ÷ UR',
    crop: 'crop',
    targetYield: 'target yield / 亩',
    uptake: (n: string) => `${n} uptake`,
    perMu: (n: string) => `${n} kg/亩`,
    demandLine: (n: string, uptake: string, grade: string, fs: string, ms: string, ur: string, d: string) =>
      `d(${n}) = ${uptake} × FS ${fs} (soil grade ${grade}) × MS ${ms} ÷ UR ${ur} = ${d} kg/亩`,
    land: '3. Land   F ÷ d',
    landLine: (n: string, f: string, d: string, mu: string, ha: string) => `${n}: ${f} ÷ ${d} = ${mu} 亩 = ${ha} 公顷`,
    result: (n: string, mu: string, ha: string) => `the farm needs ${mu} 亩 (${ha} 公顷) of this rotation; ${n} is the limiting nutrient`,
    needStock: 'give the farm stock: --stock SPECIES=HEAD (repeatable) or --livestock FILE',
    needCrops: 'give the rotation: --crop CROP=TARGET_YIELD_KG_PER_MU (repeatable)',
    badStock: (item: string) => `"${item}" is not SPECIES=HEAD or SPECIES=HEAD:PE_FACTOR (HEAD and PE_FACTOR above 0)`,
    badCrop: (item: string) => `"${item}" is not CROP=YIELD or CROP=YIELD:N_UPTAKE:P_UPTAKE (numbers above 0; yield in kg per 亩)`,
    unknownSpecies: (name: string, near: string) =>
      `unknown species "${name}"${near ? ` (did you mean "${near}"?)` : ''}; give a PE factor as ${name}=HEAD:FACTOR`,
    noFactor: (name: string) => `the guide gives no pig-equivalent factor for ${name}: give it as ${name}=HEAD:FACTOR`,
    noSolidShare: (name: string) => `no solid-manure share is known for ${name}; --solids-sold cannot split its manure`,
    unknownCrop: (name: string, near: string) =>
      `unknown crop "${name}"${near ? ` (did you mean "${near}"?)` : ''}; give its uptake as ${name}=YIELD:N_UPTAKE:P_UPTAKE`,
  },
  initExists: (files: string) => `not overwriting ${files} (--force to overwrite)`,
  sentence: (a: {
    townships: number;
    capacity: string;
    stock: string;
    loadIndex: string;
    grade: string;
    status: string;
    overloaded: number;
    overloadedNames: string;
    warning: number;
    noLand: number;
  }) =>
    `Across ${num(a.townships)} township${a.townships === 1 ? '' : 's'} the land can take the manure of ${a.capacity} pig equivalents; the stock is ${a.stock} (load index ${a.loadIndex}, grade ${a.grade}, ${a.status}).` +
    (a.overloaded > 0
      ? ` ${num(a.overloaded)} ${a.overloaded === 1 ? 'township is' : 'townships are'} overloaded: ${a.overloadedNames}.`
      : ' No township is overloaded.') +
    (a.warning > 0 ? ` ${num(a.warning)} ${a.warning === 1 ? 'is' : 'are'} near capacity (load index above 0.7).` : '') +
    (a.noLand > 0 ? ` ${num(a.noLand)} ${a.noLand === 1 ? 'has' : 'have'} livestock but no crop land.` : ''),
  /** The sheets of an Excel workbook (--format xlsx). */
  xlsx: {
    balance: 'Balance',
    chain: 'Nutrient chain',
    parameters: 'Parameters',
    coefficients: 'Coefficients',
    problems: 'Problems',
    files: 'Files',
    comparison: 'Comparison',
    parameterColumns: ['Parameter', 'Value', 'Source'],
    coefficientColumns: ['Coefficient', 'Name', 'Value', 'Provenance', 'Source', 'Rows using it'],
    problemColumns: ['File', 'Line', 'Column', 'Severity', 'Code', 'Message', 'Hint'],
    fileColumns: ['File', 'Kind', 'Encoding', 'Rows'],
    severities: { error: 'error', warning: 'warning', note: 'note' },
    uptake: (nutrient: string) => `${nutrient} uptake per 100 kg`,
    peFactor: 'pig-equivalent factor',
    fertilisationShare: 'fertilisation share by soil grade',
    name: 'name read as',
    requiresOutput: '--format xlsx writes a workbook: give the file with --output FILE.xlsx',
  },
  html: {
    basis: (name: string) => `${name} basis`,
    totalCapacity: 'Capacity (pig equivalents)',
    totalStock: 'Stock (pig equivalents)',
    loadIndex: 'Load index (grade)',
    headroom: 'Headroom (pig equivalents)',
    loadChart: 'Load index by township',
    countyChart: 'Load index by county',
    stockCapacityChart: 'Stock and capacity by township',
    chartMostLoaded: (shown: number, all: number) => `The ${shown} most loaded of ${all.toLocaleString('en-US')} townships; the table below lists them all.`,
    table: 'Balance by township',
    regionTable: { county: 'Balance by county', city: 'Balance by city' },
    footer: (generator: string) => `Computed by ${generator} with the national method (农办牧〔2018〕1号); every coefficient's provenance is listed above.`,
    transferFooter: (generator: string) =>
      `Computed by ${generator} with the national method (农办牧〔2018〕1号); the report of the same inputs (landcap report) lists every parameter and coefficient with its provenance.`,
    map: 'Map of the townships by status',
    transferMap: 'Map of the plan: townships by status before it, flows as arrows',
    offData: 'not in the data',
    km: (km: string) => `${km} km`,
    flowTitle: (from: string, to: string, pe: string, km: string) => `${from} → ${to}: ${pe} PE a year, ${km} km`,
    beforeAfter: (before: string, after: string) => `load index ${before} → ${after}`,
  },
  io: {
    'not-found': () => 'no such file',
    'is-directory': () => 'is a folder, not a file',
    permission: () => 'permission denied',
    'not-a-folder': () => 'no such folder, or not a folder',
    'no-space': () => 'no space left on the disk',
    'read-only': () => 'the disk is read-only',
    'too-large': (max: string) => `is larger than ${Number(max) / 2 ** 20} MB, the most landcap reads: split it (by county, say)`,
    'is-input': (input: string) => `is an input of this run (${input}): landcap never writes over its input; choose another file`,
    'old-workbook': () =>
      'is an Excel 97–2003 (.xls) or WPS (.et) workbook, which landcap does not read: open it in Excel or WPS and save it as .xlsx (or as CSV UTF-8)',
    other: (detail: string) => detail,
  } as Record<IoReason, (detail: string) => string>,
  paramErrors: {
    share: () => 'must be a share from 1% to 100% (40% is 0.4)',
    positive: (a) => `must be greater than 0${a.max ? ` and at most ${s(a.max)}` : ''}`,
    supply: (a) =>
      `must be from ${s(a.min)} to ${s(a.max)} kg ${s(a.nutrient)} a year: at most what one pig equivalent excretes (${s(a.max)} kg), at least 1% of it`,
    'one-of': (a) => `must be one of ${s(a.values)}`,
    'unknown-keys': (a) => `unknown key(s) ${s(a.keys)}${a.known ? ` (known: ${s(a.known)})` : ''}`,
    'not-number': (a) => `"${s(a.text)}" is not a number`,
    'not-species-ratio': (a) => `"${s(a.text)}" is not species=ratio, for example 生猪=0.5`,
    'not-utf8': () => 'is not UTF-8 text: save it as UTF-8',
    'not-text': (a) => `is not ${s(a.encoding)} text (line ${s(a.line)}): save it as UTF-8`,
    'not-json': (a) => `not valid JSON: ${s(a.detail)}`,
    'json-duplicate-key': (a) => `key "${s(a.key)}" is given twice in one object (line ${s(a.line)}, column ${s(a.column)}); keep one of them`,
    'json-too-deep': (a) => `values nested more than ${s(a.depth)} deep (line ${s(a.line)}, column ${s(a.column)}): no parameters or scenario file is`,
    'json-number-too-large': (a) => `${s(a.text)} is larger than any number (line ${s(a.line)}, column ${s(a.column)})`,
    'not-finite': (a) => `${s(a.text)} is not a finite number`,
    'set-syntax': (a) => `"${s(a.text)}" is not name=value with a parameter name (${s(a.names)})`,
    invalid: (a) => s(a.detail),
    'one-change': () => 'give exactly one of percent, add, set',
    'unknown-species': (a) => `unknown species "${s(a.name)}"${a.suggestion ? ` (did you mean "${s(a.suggestion)}"?)` : ''}`,
    'unknown-crop': (a) => `unknown crop "${s(a.name)}"${a.suggestion ? ` (did you mean "${s(a.suggestion)}"?)` : ''}`,
    'below-zero': (a) => `takes ${s(a.name)} in ${s(a.township)} below zero (${s(a.place)})`,
    'too-many': (a) => `gives ${s(a.township)} ${num(a.value)} head of ${s(a.name)}, more than any township holds (at most ${num(a.max)})`,
    'no-area': (a) => `changes the area of ${s(a.name)} in ${s(a.township)}, whose row gives no area (${s(a.place)})`,
    'no-factor': (a) => `the guide gives no pig-equivalent factor for ${s(a.name)}`,
    'township-ambiguous': (a) => `names ${s(a.township)}, which the data has in more than one county (${s(a.counties)}): give its "county" too`,
  } as Record<ParameterErrorCode, (a: ProblemArgs) => string>,
  usage: {
    sampleWithFiles: '--sample cannot be combined with --crops, --livestock or --soil',
    formatNotOutput: (format: string, file: string, named: string) =>
      `--format ${format} with --output ${file}: the file's name says ${named}; give --format ${named}, or another file name`,
    mapNotTable: (file: string) => `--map ${file}: a map is a GeoJSON file; a table of longitudes and latitudes goes to --places`,
    needBoth: 'both --crops and --livestock are needed (or neither, to run a bundled sample)',
    sheetSyntax: (item: string, kinds: string) => `--sheet ${item}: write KIND=SHEET, KIND one of ${kinds} (--sheet crops=农作物)`,
    noSample: (name: string, list: string) => `no bundled sample "${name}"; samples: ${list}`,
    filesOrSample: 'give files or --sample, not both',
    noFiles: 'no files to validate (give files, or --sample NAME)',
    emptyOutput: '--output is empty: give a file name, or - for standard output',
    share: (flag: string) => `${flag}: must be a share from 1% to 100%`,
  },
  errorPrefix: 'error: ',
  /** Commander's errors, by code; `q` are the quoted words of its English message. */
  commander: {
    unknownOption: (_q: string[], text: string) => text,
    unknownCommand: (_q: string[], text: string) => text,
    missingArgument: (_q: string[], text: string) => text,
    optionMissingArgument: (_q: string[], text: string) => text,
    missingMandatoryOptionValue: (_q: string[], text: string) => text,
    invalidArgument: (_q: string[], text: string) => text,
    excessArguments: (_q: string[], text: string) => text,
    conflictingOption: (_q: string[], text: string) => text,
  } as Record<string, (q: string[], text: string) => string>,
  overloadFailure: (n: number) => `${n} township${n === 1 ? ' is' : 's are'} overloaded or without land (--fail-on-overload)`,
  outputWritten: (file: string) => `written: ${file}`,
};

/** Help text of the command line, in English; zh.ts has the same keys. */
const help = {
  program: 'Livestock manure land carrying capacity (畜禽粪污土地承载力) per township, by the national nitrogen/phosphorus method',
  titles: {
    'Usage:': 'Usage:',
    'Options:': 'Options:',
    'Commands:': 'Commands:',
    'Arguments:': 'Arguments:',
    'Global Options:': 'Global Options:',
    'Examples:': 'Examples:',
  } as Record<string, string>,
  /** The words of commander's usage lines ("landcap report [options]"), in the user's language. */
  usageWords: { '[options]': '[options]', '[command]': '[command]', '[files...]': '[files...]' } as Record<string, string>,
  choices: 'choices',
  default: 'default',
  helpOption: 'display help for command',
  helpCommand: 'display help for a command',
  version: 'output the version number',
  moreHelp: '(add --help for more information)',
  lang: 'output language: zh or en (default from LC_ALL/LANG: zh* → zh, else en)',
  color: 'colour even when not writing to a terminal',
  noColor: 'no colour (NO_COLOR in the environment does the same)',
  commands: {
    report: 'per-township balance of livestock manure and crop land, with a county total',
    validate: 'check input files and report every problem, located; exit 1 if any is an error',
    explain: 'the whole calculation for one township: every number with its formula, inputs and their sources',
    transfer: 'where the surplus can go: flows from overloaded townships to those with headroom within reach, the most placed at the least PE × km',
    compare: 'township by township differences between two reports, or between the data and a scenario',
    farm: "a scale farm's land requirement (配套土地面积): the land whose crops take up its manure N and P",
    coefficients: 'the coefficient tables in use, each value with its provenance',
    init: 'write empty template files (crops, livestock, soil; English and Chinese headers) and a parameters file',
  },
  options: {
    places: "the townships' locations: a CSV file or .xlsx workbook with township, 经度 (lon) and 纬度 (lat) in decimal degrees",
    map: 'a GeoJSON map of the townships (polygons named by a property name, 乡镇 or township, in longitude and latitude): drawn in the HTML page; locates the townships when --places is not given',
    maxKm: 'the farthest manure is carried, in km',
    crops: 'crops: a CSV file or an .xlsx workbook, a row per township and crop or a column per crop',
    livestock: 'livestock: a CSV file or an .xlsx workbook, a row per township and species or a column per species',
    soil: 'soil: grades or measured values per township (optional; CSV or .xlsx)',
    local:
      "the county's local dictionary: its names for crops and species, its own crops and species, its values over the guide's, each with a source (CSV or .xlsx; docs/local.md)",
    sheet: 'the sheet of a workbook to read for a kind, as KIND=SHEET (repeatable; default: the first sheet whose header shows the kind)',
    sample: (name: string) => `a bundled sample, when no input files are given (default ${name})`,
    params: 'parameters as a JSON file; flags override it',
    scenario: 'a scenario: parameter, stock and crop changes as a JSON file',
    encoding: 'input encoding',
    strict: 'treat warnings as errors',
    basis: 'nutrient basis: N, P, or both (the smaller capacity; default N)',
    manureShare: 'share of fertilisation from manure (default 0.5; 40% or 0.4)',
    nUseRate: 'first-season use rate of manure N (default 0.25)',
    pUseRate: 'first-season use rate of manure P (default 0.30)',
    nSupplyPerPe: 'manure N supplied per pig equivalent a year, kg (default 7.0)',
    pSupplyPerPe: 'manure P supplied per pig equivalent a year, kg (default 1.2)',
    soilGrade: 'soil grade where there is no soil data: I, II, III (default II)',
    stockRatio: 'stock per slaughter for rows with only 出栏 (repeatable), e.g. 生猪=0.55',
    set: (names: string) => `set any parameter (repeatable): ${names}`,
    format: 'output format',
    output: 'write to this file (atomically) instead of stdout',
    headroom: 'show how many more head of each species the land could take (JSON always has it)',
    range: "show capacity at both ends of the guide's use-rate range (JSON always has it)",
    by: 'show only the subtotals of each county or city, and the total (the files need a county or city column)',
    title: 'title of the HTML report',
    region: 'region named under the title of the HTML report',
    year: 'year named under the title of the HTML report',
    failOnOverload: 'exit with code 1 when a township is overloaded',
    files: 'crops, livestock, soil, local and places files, CSV or .xlsx (kind from the header, or --kind), and a GeoJSON map (.geojson)',
    kind: 'every file is of this kind',
    maxErrors: 'print at most this many problems (the totals count them all)',
    validateOutput: 'write the JSON or the summary to this file (atomically) instead of stdout',
    validateSample: 'validate a bundled sample instead of files',
    validateParams: 'parameters JSON (the basis decides which uptakes a local crop needs)',
    township: 'the township to explain, as the data names it',
    county: 'its county, where the data has the name in more than one',
    reports: 'BASE.json SCENARIO.json, written by landcap report --format json',
    stock: 'the farm stock of a species, e.g. 生猪=5000 (repeatable)',
    farmLivestock: 'the farm stock as a livestock CSV (species, stock, optional pe_factor; no township needed)',
    crop: 'a crop of the yearly rotation with its target yield in kg per 亩, e.g. 小麦=450 (repeatable)',
    nRetention: 'share of excreted N kept after collection and storage (default N supply per PE ÷ 11)',
    pRetention: 'share of excreted P kept (default P supply per PE ÷ 1.65)',
    solidsSold: 'solids composted and sold off the farm, liquid used on it: count only the liquid part',
    table: 'only this table',
    dir: 'folder to write them in (made if missing)',
    force: 'overwrite files that exist',
  },
};

export interface Messages {
  readonly problems: Record<ProblemCode, ProblemText>;
  readonly ui: typeof ui;
  readonly help: typeof help;
}

/** English messages. zh.ts must have exactly these keys (the type checker holds it to that). */
export const en: Messages = { problems, ui, help };
