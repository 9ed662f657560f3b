import {
  INPUT_KINDS,
  KIND_FIELDS,
  QUANTITY_FIELDS,
  bracketOf,
  LOCAL_GIVES,
  detectKinds,
  matchHeader,
  normaliseHeader,
  sameUnit,
  unitNamed,
  unitsOf,
  type InputKind,
  type QuantityField,
  type Unit,
} from './columns.js';
import type { Cells } from './csv.js';
import { parseNumberCell, scaleNumber } from './numbers.js';
import type { Column, Header } from './table.js';
import { isPart } from './parts.js';
import { isTotalLabel } from './township.js';
import { relativeDifference } from '../method/production.js';
import type { Place, ProblemLog } from '../problems.js';

/**
 * Tables as statistics give them: the header row found among the first rows (a title above it), one row per township
 * with a column per crop or species and measure (a wide table, with a one- or two-row header), totals columns, 其中
 * ("of which") columns, and a 单位 column giving each row's unit. Each is turned into the rows of the long form —
 * township, item, figures — that the readers of each kind read, every cell keeping its own line and column.
 */

/** Rows looked through for the header: a yearbook table's title, notes on units and blank lines come first. */
export const HEADER_SEARCH_ROWS = 20;

/** The column of an item (crop or species) in the long form of each kind. */
const ITEM_FIELD: Partial<Record<InputKind, string>> = { crops: 'crop', livestock: 'species' };

/** A cell that states the table's units: 单位：吨, 计量单位：万头. */
const UNIT_STATEMENT = /^(?:计量)?单位[:：]/;

/** The names of a unit column. */
const UNIT_HEADERS = new Set(['unit', '单位', '计量单位', '单位名称']);

/** The measure names a wide column's header ends with, longest first, per kind: 面积, 播种面积, 产量, 存栏 … */
const MEASURES: Readonly<Partial<Record<InputKind, readonly { readonly name: string; readonly field: QuantityField }[]>>> = Object.fromEntries(
  (['crops', 'livestock'] as const).map((kind) => [
    kind,
    KIND_FIELDS[kind]
      .filter((s) => (QUANTITY_FIELDS as readonly string[]).includes(s.field))
      .flatMap((s) => [...s.names, ...Object.keys(s.exact ?? {})].map((name) => ({ name, field: s.field as QuantityField })))
      .filter((m) => !/^[a-z_]+$/.test(m.name))
      .sort((a, b) => b.name.length - a.name.length),
  ]),
);

/** A cell of a wide table's header: an item (crop, species; a total or a part) and one of its measures. */
interface WideColumn {
  readonly index: number;
  readonly header: string;
  readonly item: string;
  readonly role: 'item' | 'part' | 'total';
  readonly field: QuantityField;
  /** The header's unit; undefined when it gives none (the unit column's, else the field's default). */
  readonly unit: Unit | undefined;
  /** Whether the measure is the one the table's title names, the header naming none that its unit alone fits. */
  readonly measureFromTitle?: boolean;
  /** The units its header names together (存栏（头、只、万羽）), `unit` the one its item is counted in. */
  readonly unitsNamed?: readonly Unit[];
}

/** What each cell of a header row (or the two rows of a two-row header) is. */
type HeaderCell =
  | { readonly role: 'empty' }
  | { readonly role: 'field'; readonly field: string; readonly unit: Unit | undefined; readonly unitGiven: boolean; readonly units?: readonly Unit[] }
  | { readonly role: 'wide'; readonly column: WideColumn }
  | { readonly role: 'unit' }
  | { readonly role: 'bad-unit'; readonly field: string; readonly unitAsWritten: string; readonly units: readonly string[] }
  /** An item with a unit and no measure (生猪（头）), where the unit fits several measures (存栏, 出栏) and no title names one. */
  | { readonly role: 'no-measure'; readonly item: string; readonly measures: readonly string[] }
  | { readonly role: 'unknown' };

/** A header found: its kind, its row(s) and what each cell is. */
export interface FoundHeader {
  readonly kind: InputKind;
  /** Line of the header's (last) row; the first of two is `line - 1`. */
  readonly lines: readonly number[];
  readonly texts: readonly string[];
  readonly cells: readonly HeaderCell[];
  readonly wide: boolean;
}

/**
 * Reads one header cell for `kind`: a column of the long form, a wide table's item and measure, the unit column.
 * `titleMeasure` is the one measure the table's title names (各乡镇畜禽存栏: 存栏), if it names one.
 */
function headerCell(kind: InputKind, raw: string, titleMeasure?: QuantityField): HeaderCell {
  const text = raw.trim();
  if (text === '') return { role: 'empty' };
  const m = matchHeader(kind, text);
  if (m.ok) return { role: 'field', field: m.match.field, unit: m.match.unit, unitGiven: m.match.unitGiven, units: m.match.units };
  if (UNIT_HEADERS.has(normaliseHeader(text))) return { role: 'unit' };
  const wide = wideColumn(kind, text, -1);
  if (wide) return wide;
  if (m.reason === 'unit') return { role: 'bad-unit', field: m.field, unitAsWritten: m.unitAsWritten, units: m.units };
  return itemWithUnit(kind, text, -1, titleMeasure) ?? { role: 'unknown' };
}

/** A wide table's column header, `item` + measure (+ unit): 水稻面积（亩）, 玉米 播种面积, 家禽存栏（万羽）, 其中：能繁母猪（头）. */
function wideColumn(kind: InputKind, header: string, index: number): HeaderCell | undefined {
  const measures = MEASURES[kind];
  if (!measures) return undefined;
  const name = normaliseHeader(header);
  const bracket = bracketOf(name);
  const base = bracket ? bracket.base : name;
  const unitPart = bracket ? `(${bracket.inside})` : '';
  for (const { name: measure } of measures) {
    if (!base.endsWith(measure) || base.length === measure.length) continue;
    // The time a yearbook writes before the item (年末生猪存栏) or between it and the measure (生猪期末存栏) is no part of it.
    const item = base
      .slice(0, -measure.length)
      .replace(/[\s_\-·:：]+$/, '')
      .replace(/^(?:年末|期末|年底|全年)|(?:年末|期末|年底|全年)$/g, '')
      .trim();
    if (item === '') continue;
    const m = matchHeader(kind, measure + unitPart);
    if (!m.ok) {
      if (m.reason === 'unit') return { role: 'bad-unit', field: m.field, unitAsWritten: m.unitAsWritten, units: m.units };
      continue;
    }
    return {
      role: 'wide',
      column: wideOf(index, header, asWritten(header, item), m.match.field as QuantityField, m.match.unitGiven ? m.match.unit : undefined, m.match.units),
    };
  }
  return undefined;
}

/** The shortest name of each measure of `kind` (面积, 亩产, 产量; 存栏, 出栏): how messages name it. */
const MEASURE_NAMES: Readonly<Partial<Record<InputKind, readonly { readonly name: string; readonly field: QuantityField }[]>>> = Object.fromEntries(
  Object.entries(MEASURES).map(([kind, list]) => [kind, [...new Map(list!.map((m) => [m.field, m])).values()]]),
);

/**
 * A wide table's column header `item` + unit, as yearbooks head columns under a title that says what they count (生猪
 * （头）, 水稻（吨）): the measure is the one the unit fits (吨 a production, 亩 an area), else the one the title names
 * among those it fits; no-measure when neither tells (头 fits 存栏 and 出栏).
 */
function itemWithUnit(kind: InputKind, header: string, index: number, titleMeasure?: QuantityField): HeaderCell | undefined {
  const bracket = bracketOf(normaliseHeader(header));
  const item = bracket?.base.trim() ?? '';
  // A 其中 column is in the measure of the item before it (withParts); a figure landcap does not use (生猪饲养量: stock
  // and slaughter together; 养殖户数) is no item.
  if (!bracket || item === '' || isPart(item) || UNUSED_FIGURE.test(item)) return undefined;
  const fits = (MEASURE_NAMES[kind] ?? []).flatMap(({ name, field }) => {
    const m = matchHeader(kind, `${name}(${bracket.inside})`);
    return m.ok && m.match.unitGiven ? [{ name, field, unit: m.match.unit }] : [];
  });
  const chosen = fits.length === 1 ? fits[0] : fits.find((f) => f.field === titleMeasure);
  if (chosen)
    return { role: 'wide', column: { ...wideOf(index, header, asWritten(header, item), chosen.field, chosen.unit), measureFromTitle: fits.length > 1 } };
  return fits.length > 1 ? { role: 'no-measure', item, measures: fits.map((f) => f.name) } : undefined;
}

/** Figures yearbooks give beside the ones landcap reads: how many raised in all, sold, their value, the farms. */
const UNUSED_FIGURE = /(?:饲养量|饲养总量|出售量|产值|收入|户数|场数)$/;

/** The one measure of `kind` that a table's title lines name (各乡镇畜禽存栏: 存栏), if exactly one. */
function measureInTitle(kind: InputKind, lines: readonly (readonly string[])[]): QuantityField | undefined {
  const text = normaliseHeader(lines.map((cells) => cells.join(' ')).join(' '));
  const fields = new Set((MEASURES[kind] ?? []).filter((m) => text.includes(m.name)).map((m) => m.field));
  return fields.size === 1 ? [...fields][0] : undefined;
}

/** The start of a header as written whose normalised form is `item` (其中：能繁母猪, not 其中:能繁母猪), else `item`. */
function asWritten(header: string, item: string): string {
  const text = header.trim();
  for (let k = item.length; k <= text.length; k++) if (normaliseHeader(text.slice(0, k)) === item) return text.slice(0, k);
  return item;
}

/** A wide column's item that totals the others: 合计, 小计, 农作物总 (农作物总播种面积), 总. */
const TOTAL_ITEM = /^(?:农作物|农作物总|总|全部|各类?)$/;

/** A wide column; `units`: the units its header names together, of which it takes the one its item is counted in. */
function wideOf(index: number, header: string, item: string, field: QuantityField, unit: Unit | undefined, units?: readonly Unit[]): WideColumn {
  const role = isPart(item) ? 'part' : isTotalLabel(item) || TOTAL_ITEM.test(item) ? 'total' : 'item';
  if (unit === undefined && units) return { index, header: header.trim(), item, role, field, unit: unitForItem(field, item, units), unitsNamed: units };
  return { index, header: header.trim(), item, role, field, unit };
}

/** Whether a header row's cells make a header of `kind`: a township column and one more column of the kind. */
function qualifies(kind: InputKind, cells: readonly HeaderCell[]): boolean {
  const has = (fields: readonly string[]) => cells.some((c) => c.role === 'field' && fields.includes(c.field));
  // A local dictionary names things, not townships: a name column, and what it means or a value (LOCAL_GIVES).
  if (kind === 'local') return has(['name']) && has(LOCAL_GIVES);
  if (!has(['township'])) return false;
  const item = ITEM_FIELD[kind];
  switch (kind) {
    case 'crops':
    case 'livestock':
      // An item with a unit and no measure (生猪（头）) shows the kind too, when it is written in Chinese (as yearbooks
      // head them; an English sheet's "N capacity (PE)" is no item).
      return cells.some(
        (c) =>
          (c.role === 'field' && c.field === item) ||
          (c.role === 'wide' && c.column.role === 'item') ||
          (c.role === 'no-measure' && /\p{Script=Han}/u.test(c.item)),
      );
    case 'soil':
      return cells.some((c) => c.role === 'field' && ['n_grade', 'total_n', 'p_grade', 'available_p'].includes(c.field));
    case 'places':
      return has(['lon']) && has(['lat']);
  }
}

/**
 * Looks for the header among the rows read so far (the newest last): the newest row alone, or the row before it and
 * the newest as a two-row header (items above, their measures below: 水稻 over 面积（亩） and 产量（吨）, the item merged
 * or written once and left blank to the right). For `kind`, or for any kind when none is given.
 */
export function findHeader(
  rows: readonly { readonly line: number; readonly cells: readonly string[] }[],
  kind: InputKind | undefined,
): FoundHeader | undefined {
  const kinds = kind ? [kind] : INPUT_KINDS;
  const last = rows[rows.length - 1]!;
  const before = rows.length > 1 ? rows[rows.length - 2] : undefined;
  const found: FoundHeader[] = [];
  const above = (n: number) => rows.slice(0, rows.length - n).map((r) => r.cells);
  for (const k of kinds) {
    if (before && before.line === last.line - 1) {
      const titleMeasure = measureInTitle(k, above(2));
      const two = twoRowHeader(k, before.cells, last.cells, titleMeasure);
      if (two && qualifies(k, two.cells)) {
        found.push({ kind: k, lines: [before.line, last.line], texts: two.texts, cells: two.cells, wide: true });
        continue;
      }
      const texts = withUnitsRow(before.cells, last.cells);
      const cells = texts && headerCells(k, texts, titleMeasure);
      if (cells && qualifies(k, cells)) {
        found.push({ kind: k, lines: [before.line, last.line], texts: texts!, cells, wide: cells.some((c) => c.role === 'wide') });
        continue;
      }
    }
    const cells = headerCells(k, last.cells, measureInTitle(k, above(1)));
    if (qualifies(k, cells)) found.push({ kind: k, lines: [last.line], texts: last.cells, cells, wide: cells.some((c) => c.role === 'wide') });
  }
  // A row that fits several kinds is the header of the one with the most items (five species columns and a 肉类总产量
  // column are a livestock table's); with as many of each, of none.
  if (found.length <= 1) return found[0];
  const items = (f: FoundHeader) => f.cells.filter((c) => c.role === 'wide' && c.column.role === 'item').length;
  const ranked = found.map((f) => ({ f, n: items(f) })).sort((a, b) => b.n - a.n);
  return ranked[0]!.n > ranked[1]!.n ? ranked[0]!.f : undefined;
}

function withIndex(cell: HeaderCell, index: number): HeaderCell {
  return cell.role === 'wide' ? { role: 'wide', column: { ...cell.column, index } } : cell;
}

/** A header row's cells, each read for `kind` (with the measure the title names, if one), 其中 columns as parts. */
function headerCells(kind: InputKind, texts: readonly string[], titleMeasure?: QuantityField): HeaderCell[] {
  return withItemColumn(
    kind,
    withParts(
      kind,
      texts,
      withBareItems(
        kind,
        texts,
        texts.map((text, i) => withIndex(headerCell(kind, text, titleMeasure), i)),
        titleMeasure,
      ),
    ),
  );
}

/**
 * Beside the long form's item column (作物, 畜种), a header of an item and a measure (有效灌溉面积（亩）, 规模场存栏（头）)
 * is a figure landcap does not use, not a wide table's item: an unknown column.
 */
function withItemColumn(kind: InputKind, cells: HeaderCell[]): HeaderCell[] {
  const item = ITEM_FIELD[kind];
  if (!cells.some((c) => c.role === 'field' && c.field === item)) return cells;
  return cells.map((c) => (c.role === 'wide' || c.role === 'no-measure' ? { role: 'unknown' } : c));
}

/** A header cell that is a name alone, in Chinese (生猪, 水稻, 家禽): an item, when the title says what is counted. */
const BARE_ITEM = /^\p{Script=Han}{1,10}$/u;
/** Names alone that head no item: a form's remarks and numbering. */
const NOT_ITEM = /^(?:备注|附注|说明|序号|编号|行次|栏次|代码|区划代码|行政区划代码)$/;

/**
 * Names alone in a row of items (乡镇, 生猪, 肉牛, 羊 — alone, or beside 生猪存栏（头）): under a title that names their
 * measure (各乡镇畜禽年末存栏), each is an item in it (measure-from-title); else, beside other items, each is an item
 * whose measure is missing (an error, not a column left out). In a row with a column of the long form's items or
 * figures (畜种, 存栏), a name alone is an unknown column.
 */
function withBareItems(kind: InputKind, texts: readonly string[], cells: HeaderCell[], titleMeasure: QuantityField | undefined): HeaderCell[] {
  if (cells.some((c) => c.role === 'field' && !['township', 'county', 'city'].includes(c.field))) return cells;
  if (titleMeasure === undefined && !cells.some((c) => c.role === 'wide' && c.column.role === 'item')) return cells;
  return cells.map((cell, i) => {
    const text = normaliseHeader(texts[i] ?? '');
    if (cell.role !== 'unknown' || !BARE_ITEM.test(text) || NOT_ITEM.test(text)) return cell;
    if (titleMeasure === undefined) return { role: 'no-measure', item: text, measures: (MEASURE_NAMES[kind] ?? []).map((m) => m.name) };
    return { role: 'wide', column: { ...wideOf(i, texts[i]!, text, titleMeasure, undefined), measureFromTitle: true } };
  });
}

/**
 * A header read as an item in `field`'s measure (其中：能繁母猪（头）, 家禽（万羽） under 存栏): the item, and the unit its
 * bracket gives; undefined when its bracket is no unit of the field.
 */
function itemOfField(kind: InputKind, field: QuantityField, header: string): { readonly item: string; readonly unit: Unit | undefined } | undefined {
  const name = normaliseHeader(header);
  const bracket = bracketOf(name);
  if (!bracket) return { item: name, unit: undefined };
  const unit = KIND_FIELDS[kind].find((s) => s.field === field)?.units?.[bracket.inside];
  return unit ? { item: bracket.base, unit } : undefined;
}

/**
 * A 其中 column that names no measure (其中：能繁母猪（头）) is a part of the wide column before it, in that column's
 * measure (and in its own unit, when its bracket gives one).
 */
function withParts(kind: InputKind, texts: readonly string[], cells: HeaderCell[]): HeaderCell[] {
  let previous: WideColumn | undefined;
  cells.forEach((cell, i) => {
    if (cell.role === 'wide') previous = cell.column;
    else if ((cell.role === 'unknown' || cell.role === 'no-measure') && previous && isPart(normaliseHeader(texts[i]!))) {
      const part = itemOfField(kind, previous.field, texts[i]!);
      if (!part) return;
      cells[i] = { role: 'wide', column: wideOf(i, texts[i]!, asWritten(texts[i]!, part.item), previous.field, part.unit ?? previous.unit) };
    }
  });
  return cells;
}

/**
 * A header and the row of units under it (`乡镇,生猪存栏,家禽存栏` over `,头,万羽`, or `单位,头,万羽`) as one header row
 * (生猪存栏(头), 家禽存栏(万羽)); undefined unless every filled cell of the lower row is a unit, one at least.
 */
function withUnitsRow(upper: readonly string[], lower: readonly string[]): string[] | undefined {
  let units = 0;
  for (const cell of lower) {
    const text = cell.trim();
    if (text === '' || UNIT_HEADERS.has(normaliseHeader(text))) continue;
    if (!unitNamed(text)) return undefined;
    units++;
  }
  if (units === 0) return undefined;
  // A header that gives its unit already (存栏(头)) over another in the row below: which one holds is not for landcap to guess.
  if (upper.some((text, i) => /[()（）]/.test(text) && (lower[i] ?? '').trim() !== '' && !UNIT_HEADERS.has(normaliseHeader(lower[i]!)))) return undefined;
  return upper.map((text, i) => {
    const unit = (lower[i] ?? '').trim();
    return unit === '' || UNIT_HEADERS.has(normaliseHeader(unit)) ? text : `${text.trim()}(${unit})`;
  });
}

/**
 * Two header rows read as one: each cell of the lower row that is a measure (面积（亩）, 产量, 存栏（头）) under an item of
 * the upper row (the cell above, or the nearest filled one to its left) is that item's measure; other cells are read
 * from whichever row names them. Undefined when no lower cell is a measure under an item.
 */
function twoRowHeader(
  kind: InputKind,
  upper: readonly string[],
  lower: readonly string[],
  titleMeasure?: QuantityField,
): { texts: string[]; cells: HeaderCell[] } | undefined {
  const width = Math.max(upper.length, lower.length);
  const texts: string[] = [];
  const cells: HeaderCell[] = [];
  let item = '';
  // Or a measure above its items (播种面积（亩） over 水稻, 玉米, 甘蔗), merged or written once.
  let measure: { readonly text: string; readonly field: QuantityField; readonly unit: Unit | undefined; readonly units?: readonly Unit[] } | undefined;
  let measures = 0;
  for (let i = 0; i < width; i++) {
    const top = (upper[i] ?? '').trim();
    const bottom = (lower[i] ?? '').trim();
    const topCell = headerCell(kind, top, titleMeasure);
    if (top !== '') item = topCell.role === 'unknown' ? top : '';
    if (top !== '')
      measure =
        topCell.role === 'field' && isQuantity(topCell.field)
          ? { text: top, field: topCell.field as QuantityField, unit: topCell.unitGiven ? topCell.unit : undefined, units: topCell.units }
          : undefined;
    // Under a measure, an item with its own unit (家禽（万羽） under 存栏（头）) is in that measure.
    const bottomCell = headerCell(kind, bottom, measure?.field ?? titleMeasure);
    // A figure under a measure, or a name under 乡镇: the row is data, under a one-row header.
    if (measure && parseNumberCell(bottom).kind === 'number') return undefined;
    if (topCell.role === 'field' && !isQuantity(topCell.field) && bottomCell.role === 'unknown') return undefined;
    if (measure && bottomCell.role === 'wide' && bottomCell.column.measureFromTitle && bottomCell.column.field === measure.field) {
      measures++;
      texts.push(bottom);
      cells.push({ role: 'wide', column: { ...bottomCell.column, index: i, measureFromTitle: false } });
      continue;
    }
    // An item under the measure; a unit there is a row of units (withUnitsRow), not an item 万头.
    if (measure && bottom !== '' && bottomCell.role === 'unknown' && !unitNamed(bottom)) {
      measures++;
      const text = `${bottom}${measure.text}`;
      // Its own unit, when its bracket gives one of the measure's (其中：能繁母猪（头） under 存栏).
      const own = itemOfField(kind, measure.field, bottom);
      texts.push(text);
      cells.push({ role: 'wide', column: wideOf(i, text, own?.item ?? normaliseHeader(bottom), measure.field, own?.unit ?? measure.unit, measure.units) });
      continue;
    }
    // Text above a column that is no measure (乡镇, 作物) is no item: a title line (merged across the table, or in its
    // first cell), not the upper row of a two-row header.
    if (top !== '' && topCell.role === 'unknown' && bottomCell.role === 'field' && !isQuantity(bottomCell.field)) return undefined;
    // Nor is a statement of units (单位：万头, at the right of the line under a title).
    if (top !== '' && topCell.role === 'unknown' && UNIT_STATEMENT.test(normaliseHeader(top))) return undefined;
    if (bottomCell.role === 'field' && isQuantity(bottomCell.field) && item !== '') {
      measures++;
      const text = `${item}${bottom}`;
      texts.push(text);
      cells.push({
        role: 'wide',
        column: wideOf(i, text, normaliseHeader(item), bottomCell.field as QuantityField, bottomCell.unitGiven ? bottomCell.unit : undefined, bottomCell.units),
      });
      continue;
    }
    const cell = top !== '' && topCell.role !== 'unknown' ? topCell : bottom !== '' ? bottomCell : topCell;
    texts.push(top !== '' && topCell.role !== 'unknown' ? top : bottom !== '' ? bottom : top);
    cells.push(withIndex(cell, i));
  }
  return measures > 0 ? { texts, cells: withParts(kind, texts, cells) } : undefined;
}

/**
 * No row among the first is a header of the kind: the first row is read as the header, for what it lacks. A header
 * of another kind than the one asked for, or of no kind (or several), is reported and gives no header.
 */
export function firstRowHeader(
  row: { readonly line: number; readonly cells: readonly string[] },
  kind: InputKind | undefined,
  at: Place,
  log: ProblemLog,
): FoundHeader | undefined {
  const kinds = detectKinds(row.cells);
  if (kind) {
    if (kinds.length === 1 && kinds[0] !== kind) {
      log.report(at, 'kind-mismatch', { expected: kind, found: kinds[0]! });
      return undefined;
    }
  } else {
    if (kinds.length !== 1) {
      log.report(at, kinds.length === 0 ? 'kind-unknown' : 'kind-ambiguous', { kinds: kinds.join(', ') });
      return undefined;
    }
    kind = kinds[0]!;
  }
  const cells = headerCells(kind, row.cells);
  return { kind, lines: [row.line], texts: row.cells, cells, wide: cells.some((c) => c.role === 'wide') };
}

/** The problems of a header: unknown columns and units, repeated columns, missing ones, units assumed. */
function checkHeader(found: FoundHeader, file: string, log: ProblemLog, optional: readonly string[], titleUnits: readonly Unit[]): Header | undefined {
  const { kind, cells, texts } = found;
  const line = found.lines[found.lines.length - 1]!;
  const at = (column: number): Place => ({ file, line, column });
  const columns: Column[] = [];
  const unnamed = new Set<number>();
  const seen = new Map<string, Column>();
  const hasUnitColumn = cells.some((c) => c.role === 'unit');
  cells.forEach((cell, index) => {
    const header = (texts[index] ?? '').trim();
    switch (cell.role) {
      case 'empty':
        unnamed.add(index);
        return;
      case 'unknown':
        log.report(at(index + 1), 'header-unknown-column', { header, kind });
        return;
      case 'bad-unit':
        log.report(at(index + 1), 'header-unknown-unit', { header, unit: cell.unitAsWritten, units: cell.units.join(', ') });
        return;
      case 'no-measure':
        log.report(at(index + 1), 'header-measure-missing', { header, item: cell.item, measures: cell.measures.join(' | ') });
        return;
      case 'unit':
      case 'wide':
        return;
    }
    const unit = cell.unitGiven ? cell.unit : unitWithout(cell.field, cell.unit, hasUnitColumn, titleUnits, header, at(index + 1), log);
    const column: Column = { index, header, field: cell.field, unit, ...(cell.units ? { units: cell.units } : {}) };
    if (cell.units) log.report(at(index + 1), 'unit-by-item', { header, units: cell.units.map((u) => u.label).join('、') });
    const key = `${column.field}|${cell.unitGiven ? `${unit?.base}|${unit?.scale}` : ''}`;
    const first = seen.get(key);
    if (first) {
      log.report(at(index + 1), 'header-duplicate-column', { header, first: first.header, firstColumn: first.index + 1 });
      return;
    }
    seen.set(key, column);
    columns.push(column);
  });
  for (const cell of cells) {
    if (cell.role !== 'wide') continue;
    const w = cell.column;
    if (w.measureFromTitle) log.report(at(w.index + 1), 'measure-from-title', { header: w.header, measure: measureLabel(kind, w.field) });
    if (w.unitsNamed) log.report(at(w.index + 1), 'unit-by-item', { header: w.header, units: w.unitsNamed.map((u) => u.label).join('、') });
    if (w.unit === undefined && w.role !== 'total') unitWithout(w.field, undefined, hasUnitColumn, titleUnits, w.header, at(w.index + 1), log);
  }
  const byField = new Map<string, Column[]>();
  for (const c of columns) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  // A wide table's item and measure columns stand for the long form's; an item without its measure is said already.
  const wide = cells.some((c) => c.role === 'wide' || c.role === 'no-measure');
  let complete = true;
  for (const alternatives of REQUIRED[kind]) {
    if (alternatives.some((f) => byField.has(f) || optional.includes(f) || (wide && f !== 'township'))) continue;
    complete = false;
    log.report(at(0), 'header-missing-column', { expected: alternatives.map((f) => expectedNames(kind, f)).join(' | '), kind });
  }
  if (kind === 'crops' && !wide && !byField.has('production') && !(byField.has('area') && byField.has('yield'))) {
    complete = false;
    log.report(at(0), 'header-missing-column', {
      expected: `${expectedNames(kind, 'production')} | ${expectedNames(kind, 'area')} + ${expectedNames(kind, 'yield')}`,
      kind,
    });
  }
  return complete ? { kind, columns, byField, unnamed, width: texts.length } : undefined;
}

/** A measure as a title or header names it (存栏, 产量). */
function measureLabel(kind: InputKind, field: QuantityField): string {
  return MEASURE_NAMES[kind]?.find((m) => m.field === field)?.name ?? field;
}

function isQuantity(field: string): boolean {
  return (QUANTITY_FIELDS as readonly string[]).includes(field);
}

/**
 * The unit of a quantity column whose header gives none: the unit column's row by row (undefined here), else a unit
 * the title states (单位：吨), else the field's default — with a warning naming it and the header to write instead.
 */
function unitWithout(
  field: string,
  fallback: Unit | undefined,
  hasUnitColumn: boolean,
  titleUnits: readonly Unit[],
  header: string,
  place: Place,
  log: ProblemLog,
): Unit | undefined {
  if (!isQuantity(field)) return fallback;
  if (hasUnitColumn) return undefined;
  const fromTitle = unitForItem(field as QuantityField, header, titleUnits);
  if (fromTitle) {
    log.report(place, 'unit-from-title', { header, unit: fromTitle.label });
    return fromTitle;
  }
  const unit = fallback ?? unitsOf(field as QuantityField)[0]!;
  log.report(place, 'unit-assumed', { header, unit: unit.label, example: `${header}(${unit.label})` });
  return unit;
}

/**
 * Of units named together — by a title (单位：头、万羽), or a header (存栏量（头、只、万羽）) — the one an item is read in:
 * of those that fit its field, the one whose counting word fits the item's animals (生猪存栏 in 头, 家禽存栏 in 万羽).
 */
function unitForItem(field: QuantityField, item: string, named: readonly Unit[]): Unit | undefined {
  const units = unitsOf(field);
  const fitting = named.filter((u) => units.some((v) => sameUnit(u, v)));
  const poultry = POULTRY.test(item);
  for (const word of poultry ? ['羽', '只'] : /[羊兔]/.test(item) ? ['只'] : ['头']) {
    const counted = fitting.filter((u) => u.label.endsWith(word));
    // Statistics count poultry by the ten thousand (万只 beside the sheep's 只: 单位：头、只、万只).
    if (counted.length > 0) return poultry ? counted.reduce((a, b) => (b.scale > a.scale ? b : a)) : counted[0];
  }
  return fitting[0];
}

/** Poultry, counted in 羽 or 只. */
const POULTRY = /[禽鸡鸭鹅鸽]/;

/** What a kind needs in its header: each entry is a list of alternatives, one of which must be present. */
const REQUIRED: Record<InputKind, readonly (readonly string[])[]> = {
  crops: [['township'], ['crop']],
  livestock: [['township'], ['species'], ['stock', 'slaughter']],
  soil: [['township'], ['n_grade', 'total_n', 'p_grade', 'available_p']],
  local: [['name'], ['source']],
  places: [['township'], ['lon'], ['lat']],
};

function expectedNames(kind: InputKind, field: string): string {
  const spec = KIND_FIELDS[kind].find((s) => s.field === field)!;
  const english = Object.keys(spec.exact ?? {}).filter((n) => /^[a-z_]+$/.test(n));
  const chinese = spec.names.find((n) => [...n].some((ch) => ch.charCodeAt(0) > 0x7f));
  return [...(english.length > 0 ? english : [field]), chinese].filter(Boolean).join('/');
}

/** Units a title line states: "（单位：吨）", "单位:万亩、吨". */
export function titleUnits(lines: readonly string[]): Unit[] {
  const found: Unit[] = [];
  for (const line of lines) {
    const m = /单位\s*[:：]\s*([^)）\s]+)/.exec(line.normalize('NFKC'));
    if (!m) continue;
    // 公斤/亩 is one unit (a yield), not 公斤 and 亩.
    for (const name of m[1]!.split(/[、,，;；]/)) {
      const unit = unitNamed(name);
      if (unit) found.push(unit);
    }
  }
  return found;
}

/** A row of the long form made from a row of the file: its cells, and where each one is in the file. */
export interface LongRow {
  readonly cells: readonly string[];
  /** 1-based column in the file of each cell; 0 for none. */
  readonly columns: readonly number[];
  /** The header each cell stands under in the file, for messages. */
  readonly headers: readonly string[];
}

/**
 * How a file's rows become rows of the long form. The long form itself with no unit column passes its rows as they
 * are (`identity`); a wide table gives a row per item of each row, and a unit column routes each row's figures to
 * the columns of its unit.
 */
export interface Layout {
  /** The header the kind's reader reads (the long form's). */
  readonly header: Header;
  /** The file's own header, for the shape of its rows. */
  readonly fileHeader: Header;
  readonly identity: boolean;
  /** The rows of the long form of one row of the file; problems of the row itself are reported. */
  expand(cells: Cells, line: number, file: string, log: ProblemLog): LongRow[];
}

/** The layout of a header found: the reader's header, and how rows are turned into its rows. */
export function makeLayout(found: FoundHeader, file: string, log: ProblemLog, optional: readonly string[], titles: readonly string[]): Layout | undefined {
  const fileHeader = checkHeader(found, file, log, optional, titleUnits(titles));
  if (!fileHeader) return undefined;
  const unitIndex = found.cells.findIndex((c) => c.role === 'unit');
  const unitColumn = unitIndex === -1 ? undefined : unitIndex;
  if (!found.wide && unitColumn === undefined && !fileHeader.columns.some((c) => c.units))
    return { header: fileHeader, fileHeader, identity: true, expand: () => [] };
  return new Reshape(found, fileHeader, unitColumn, titleUnits(titles));
}

/** A quantity cell of a file's row: its column in the file, its field, its unit if fixed, its header. */
interface Figure {
  readonly index: number;
  readonly field: QuantityField;
  readonly unit: Unit | undefined;
  readonly header: string;
  /** The units its header names together, each row's the one its item is counted in. */
  readonly units?: readonly Unit[];
}

/** The layouts that are not the long form as it is: wide tables, unit columns, a header of several units. */
class Reshape implements Layout {
  readonly header: Header;
  readonly identity = false;
  /** Columns of the long form: township, item, the file's other columns, then a column per field and unit. */
  private readonly longColumns: Column[] = [];
  private readonly slots = new Map<string, number>();
  /** Each item's figures in the file, in the order of its columns. */
  private readonly groups: { item: string; figures: Figure[] }[] = [];
  /** The file's columns the long form keeps as they are (township, land use, pe_factor …), by long index. */
  private readonly kept: { index: number; long: number; header: string }[] = [];
  private readonly totals: WideColumn[] = [];
  private readonly itemLong: number | undefined;
  /** The file's column of items (crop, species), when it has one. */
  private readonly itemIndex: number | undefined;
  private readonly townshipIndex: number | undefined;
  private readonly headerLine: number;
  private noted = false;

  constructor(
    found: FoundHeader,
    readonly fileHeader: Header,
    private readonly unitColumn: number | undefined,
    private readonly titleUnitList: readonly Unit[],
  ) {
    this.headerLine = found.lines[found.lines.length - 1]!;
    const add = (field: string, header: string, unit?: Unit): number => {
      const index = this.longColumns.length;
      this.longColumns.push({ index, header, field, unit });
      return index;
    };
    const itemField = ITEM_FIELD[found.kind];
    const longFigures: Figure[] = [];
    this.townshipIndex = fileHeader.byField.get('township')?.[0]?.index;
    for (const column of fileHeader.columns) {
      if (isQuantity(column.field)) {
        longFigures.push({ index: column.index, field: column.field as QuantityField, unit: column.unit, header: column.header, units: column.units });
        continue;
      }
      this.kept.push({ index: column.index, long: add(column.field, column.header, column.unit), header: column.header });
    }
    this.itemLong = itemField && !fileHeader.byField.has(itemField) ? add(itemField, itemField === 'crop' ? '作物' : '畜种') : undefined;
    this.itemIndex = itemField ? fileHeader.byField.get(itemField)?.[0]?.index : undefined;
    for (const cell of found.cells) {
      if (cell.role !== 'wide') continue;
      const w = cell.column;
      if (w.role === 'total') {
        this.totals.push(w);
        continue;
      }
      const unit = w.unit ?? (this.unitColumn === undefined ? this.defaultUnit(w.field, w.header) : undefined);
      const figure = { index: w.index, field: w.field, unit, header: w.header };
      // An item's measures side by side (水稻面积, 水稻产量), or apart under each measure (播种面积 over the crops, then 产量).
      const group = this.groups.find((g) => g.item === w.item && !g.figures.some((f) => f.field === w.field));
      if (group) group.figures.push(figure);
      else this.groups.push({ item: w.item, figures: [figure] });
    }
    if (longFigures.length > 0) this.groups.unshift({ item: '', figures: longFigures });
    // A column per field and unit the rows can give: the header's, or each unit a unit cell may name.
    for (const group of this.groups) for (const f of group.figures) for (const unit of f.unit ? [f.unit] : unitsOf(f.field)) this.slot(f.field, unit, add);
    const byField = new Map<string, Column[]>();
    for (const c of this.longColumns) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
    this.header = { kind: found.kind, columns: this.longColumns, byField, unnamed: new Set(), width: this.longColumns.length };
  }

  private slot(field: string, unit: Unit, add: (field: string, header: string, unit?: Unit) => number): number {
    const key = `${field}|${unit.base}|${unit.scale}`;
    let index = this.slots.get(key);
    if (index === undefined) this.slots.set(key, (index = add(field, `${field}(${unit.label})`, unit)));
    return index;
  }

  /** The unit of a column that gives none: the title's that fits it, else its field's default. */
  private defaultUnit(field: QuantityField, header: string): Unit {
    return unitForItem(field, header, this.titleUnitList) ?? unitsOf(field)[0]!;
  }

  expand(cells: Cells, line: number, file: string, log: ProblemLog): LongRow[] {
    const width = this.longColumns.length;
    let rowUnit: Unit | undefined;
    let unitText = '';
    if (this.unitColumn !== undefined) {
      unitText = cells.raw(this.unitColumn).trim();
      if (unitText !== '') {
        rowUnit = unitNamed(unitText);
        if (!rowUnit) {
          log.report({ file, line, column: this.unitColumn + 1 }, 'unit-invalid', { unit: unitText });
          return [];
        }
      }
    }
    const rows: LongRow[] = [];
    const base = new Array<string>(width).fill('');
    const baseColumns = new Array<number>(width).fill(0);
    const baseHeaders = this.longColumns.map((c) => c.header);
    for (const k of this.kept) {
      base[k.long] = cells.raw(k.index);
      baseColumns[k.long] = k.index + 1;
      baseHeaders[k.long] = k.header;
    }
    for (const group of this.groups) {
      const texts = base.slice();
      const columns = baseColumns.slice();
      const headers = baseHeaders.slice();
      let filled = false;
      for (const f of group.figures) {
        const text = cells.raw(f.index);
        if (text.trim() === '') continue;
        let unit = f.unit;
        if (!unit) {
          if (rowUnit && !unitsOf(f.field).some((u) => sameUnit(u, rowUnit!))) {
            log.report({ file, line, column: this.unitColumn! + 1 }, 'unit-conflict', { unit: unitText, header: f.header });
            return [];
          }
          // A header of several units (存栏量（头、只、万羽）): the one the row's animals are counted in (家禽 in 万羽).
          const item = group.item !== '' ? group.item : this.itemIndex === undefined ? '' : cells.raw(this.itemIndex);
          unit = rowUnit ?? (f.units ? unitForItem(f.field, item, f.units) : undefined) ?? this.unitAssumed(f, line, file, log);
        }
        const long = this.slots.get(`${f.field}|${unit.base}|${unit.scale}`)!;
        texts[long] = text;
        columns[long] = f.index + 1;
        headers[long] = f.header;
        filled = true;
      }
      if (!filled && group.item !== '') continue;
      if (this.itemLong !== undefined) {
        texts[this.itemLong] = group.item;
        columns[this.itemLong] = (group.figures[0]?.index ?? -1) + 1;
        headers[this.itemLong] = group.figures[0]?.header ?? '';
      }
      rows.push({ cells: texts, columns, headers });
    }
    if (this.totals.length > 0) this.checkTotals(cells, line, file, log, rowUnit, rows.length > 0);
    return rows;
  }

  /** A unit cell left blank: the field's default, with a warning at the cell. */
  private unitAssumed(f: Figure, line: number, file: string, log: ProblemLog): Unit {
    const unit = this.defaultUnit(f.field, f.header);
    log.report({ file, line, column: this.unitColumn! + 1 }, 'unit-assumed', { header: f.header, unit: unit.label, example: unit.label });
    return unit;
  }

  /** A totals column (合计, 小计) of a wide table: left out, and compared with the sum of the row's columns it totals. */
  private checkTotals(cells: Cells, line: number, file: string, log: ProblemLog, rowUnit: Unit | undefined, any: boolean): void {
    for (const t of this.totals) {
      const text = cells.raw(t.index).trim();
      if (text === '') continue;
      if (!this.noted) {
        this.noted = true;
        log.report({ file, line: this.headerLine, column: t.index + 1 }, 'total-column', { header: t.header });
      }
      const unit = t.unit ?? rowUnit ?? this.defaultUnit(t.field, t.header);
      const total = numberIn(text, unit);
      if (total === undefined) continue;
      let sum = 0;
      for (const group of this.groups) {
        if (group.item === '') continue;
        if (isPart(group.item)) continue;
        for (const f of group.figures) {
          if (f.field !== t.field) continue;
          const value = numberIn(cells.raw(f.index).trim(), f.unit ?? rowUnit ?? this.defaultUnit(f.field, f.header));
          if (value !== undefined) sum += value;
        }
      }
      if (!any && sum === 0) continue;
      const apart = relativeDifference(total, sum);
      if (apart > 0.01)
        log.report({ file, line, column: t.index + 1 }, 'total-mismatch', {
          label: t.header,
          item: this.townshipIndex === undefined ? '' : cells.raw(this.townshipIndex).trim(),
          given: Math.round(total * 100) / 100,
          sum: Math.round(sum * 100) / 100,
          percent: (apart * 100).toFixed(1),
          unit: unitBaseLabel(t.field),
        });
    }
  }
}

/** A figure in a unit, in the unit's base (吨 → kg); undefined when the cell is empty or not a number. */
function numberIn(text: string, unit: Unit): number | undefined {
  const cell = parseNumberCell(text);
  return cell.kind === 'number' ? scaleNumber(cell.value, cell.text, unit.scale) : undefined;
}

function unitBaseLabel(field: QuantityField): string {
  return field === 'stock' || field === 'slaughter' ? '' : field === 'area' ? '亩' : 'kg';
}
