import { distance } from 'fastest-levenshtein';
import { invisibleCharacter, showInvisible } from '../safe-text.js';
import { HAN_PADDING } from './columns.js';
import type { CellSource } from './csv.js';
import type { Column, Row } from './table.js';

/**
 * The labels of a totals row where a township's name would be (合计, 全区, 全县合计, 小计, Total …), after spaces
 * and full-width forms are folded: a yearbook table's last row, which must not count as one more township.
 */
const TOTAL_LABEL = /^(?:全(?:区|县|市|镇|乡|旗)(?:合计|总计|\((?:合计|总计)\))?|(?:合计|总计|小计|总数|共计|总和)(?:\(全(?:区|县|市|镇|乡|旗)\))?|total|grandtotal)$/;

/** A character every totals label has (looked for first: most names have none). */
const TOTAL_MARK = /[合总小全共ｔtＴT]/;

/** A county's or city's totals row, by its label: 柳江区小计, 柳州市合计, 鹿寨县总计. */
const REGION_TOTAL = /^(.+?)(?:小计|合计|总计)$/;

/** Whether a township cell holds a totals row's label. */
export function isTotalLabel(name: string): boolean {
  if (!TOTAL_MARK.test(name)) return false;
  const label = name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return TOTAL_LABEL.test(label) || REGION_TOTAL.test(label);
}

/** The region a totals row's label names (柳江区 of 柳江区小计), if it names one. */
export function totalLabelRegion(name: string): string | undefined {
  const label = name.normalize('NFKC').replace(/\s+/g, '');
  return TOTAL_LABEL.test(label.toLowerCase()) ? undefined : REGION_TOTAL.exec(label)?.[1];
}

/**
 * A line under a table that is a note, not a township: 注：…, 资料来源：…, 说明：…, and a form's sign-off (填表人：…,
 * 审核人：…, 填报日期：…).
 */
const NOTE_LINE =
  /^(?:注|附注|备注|说明|资料来源|数据来源|来源|填表人|填报人|制表人|制表|审核人|审核|单位负责人|统计负责人|负责人|填报单位|填报日期|报出日期|制表日期|联系人|联系电话)\s*[:：\d]/;

/** Whether a cell's text opens a note under the table (注：…, 资料来源：…). */
export function isNoteLine(text: string): boolean {
  return NOTE_LINE.test(text);
}

/**
 * A township cell read: the name, its number in the file (in order of first appearance), whether it is a totals
 * row's label rather than a township, and whether the row is a note under the table (注：…), which is no data.
 */
export interface TownshipCell {
  readonly name: string;
  /** The township with its county and city, as the file gives them (townshipKey): what identifies it. */
  readonly key: string;
  readonly id: number;
  readonly total: boolean;
  readonly note: boolean;
  /** For a totals row: the region it totals ('' the whole file; regionScope). */
  readonly scope: string;
}

/** A row repeating the table's title or header: no township, and no data (the readers skip it as a note). */
const REPEATED: TownshipCell = { name: '', key: '', id: -1, total: false, note: true, scope: '' };

/** The township of a file without a township column (a farm's): all its rows are the one farm's. */
export const NO_TOWNSHIP: TownshipCell = { name: '', key: '', id: 0, total: false, note: false, scope: '' };

/**
 * A township as the files identify it: its name, and the county and city it is in ('' where a file gives none).
 * Every county has its own 城关镇: two townships of one name in two counties are two townships.
 */
export interface TownshipId {
  readonly name: string;
  readonly county: string;
  readonly city: string;
}

/** Between the parts of a key: a character no cell keeps (cells are read as text without control characters). */
const KEY_SEPARATOR = '\u001f';

/** A township's key: its name alone when no county or city is given (as in files without regions), else all three. */
export function townshipKey(name: string, county: string, city: string): string {
  return county === '' && city === '' ? name : `${city}${KEY_SEPARATOR}${county}${KEY_SEPARATOR}${name}`;
}

/** Whether a key gives a county or city (a file with regions), not the name alone. */
export function hasRegion(key: string): boolean {
  return key.includes(KEY_SEPARATOR);
}

/** The township a key names. */
export function townshipIdOf(key: string): TownshipId {
  if (!hasRegion(key)) return { city: '', county: '', name: key };
  const parts = key.split(KEY_SEPARATOR);
  return { city: parts[0]!, county: parts[1]!, name: parts[2]! };
}

/** Endings of county and city names that files write or leave out (鹿寨 / 鹿寨县, 柳州 / 柳州市), longest first. */
const REGION_SUFFIXES = ['自治县', '自治州', '自治旗', '地区', '新区', '县', '区', '市', '州', '旗', '盟'];

/** A county's or city's name without its ending: 鹿寨县 → 鹿寨; 柳江区 and 柳江县 (its name before 2016) → 柳江. */
export function regionStem(name: string): string {
  return withoutEnding(name, REGION_SUFFIXES);
}

const sameRegion = (a: string, b: string) => a === '' || b === '' || a === b || regionStem(a) === regionStem(b);

/**
 * Whether two files' rows can mean one township: the same name, and the same county and city wherever both give one
 * (a livestock file without a county column names the crops file's 东风镇 of whichever county has one), a county or
 * city written with or without its ending (鹿寨 / 鹿寨县) the same.
 */
export function sameTownship(a: TownshipId, b: TownshipId): boolean {
  return a.name === b.name && sameRegion(a.county, b.county) && sameRegion(a.city, b.city);
}

/** Whether a file writes a township's county or city otherwise than the township is known by (鹿寨 for 鹿寨县). */
export function regionWrittenOtherwise(written: TownshipId, known: TownshipId): boolean {
  return (
    (written.county !== '' && known.county !== '' && written.county !== known.county) ||
    (written.city !== '' && known.city !== '' && written.city !== known.city)
  );
}

/**
 * Entries by township key (soil rows, a location), found by a key as another file writes it: the entry of that key,
 * else the one entry of its name whose county and city agree (sameTownship) — a file without a county column naming
 * a township of a file with one, or the reverse. Names are indexed only for keys with a region, once first needed.
 */
export class TownshipIndex<T> {
  private regioned?: Map<string, string[]>;

  constructor(private readonly entries: ReadonlyMap<string, T>) {}

  get size(): number {
    return this.entries.size;
  }

  values(): Iterable<T> {
    return this.entries.values();
  }

  of(key: string): T | undefined {
    const exact = this.entries.get(key);
    if (exact !== undefined || this.entries.size === 0) return exact;
    if (!this.regioned) {
      this.regioned = new Map();
      for (const k of this.entries.keys()) {
        if (!hasRegion(k)) continue;
        const name = townshipIdOf(k).name;
        this.regioned.set(name, [...(this.regioned.get(name) ?? []), k]);
      }
    }
    // Without a region on either side, an entry of this name would have been this key's.
    if (this.regioned.size === 0 && !hasRegion(key)) return undefined;
    const id = townshipIdOf(key);
    const bare = hasRegion(key) && this.entries.has(id.name) ? [id.name] : [];
    const agree = [...bare, ...(this.regioned.get(id.name) ?? [])].filter((k) => sameTownship(townshipIdOf(k), id));
    return agree.length === 1 ? this.entries.get(agree[0]!) : undefined;
  }
}

/**
 * A township for people: its county and name (柳江区 拉堡镇), with the city when it has no county; a name that already
 * begins with it (柳江区拉堡镇, as some maps write it) alone.
 */
export function townshipLabel(id: TownshipId): string {
  const region = id.county || id.city;
  return region === '' || id.name.startsWith(region) ? id.name : `${region} ${id.name}`;
}

/** The region a totals row totals: the file ('') , a city, or a county of a city. */
function regionScope(county: string, city: string): string {
  return county === '' && city === '' ? '' : `${city}${KEY_SEPARATOR}${county}`;
}

/** Before a county or city known only by the name a totals row's label gives it (柳江区小计). */
const NAMED = '\u0002';

/** Whether a totals row's region is one named only in its label. */
export function isNamedScope(scope: string): boolean {
  return scope.startsWith(NAMED);
}

const WHOLE_FILE: readonly string[] = [''];

/** The regions a township's row counts in, for totals rows to be checked against: the file, its city, its county. */
export function scopesOf(key: string): readonly string[] {
  if (!hasRegion(key)) return WHOLE_FILE;
  const { county, city } = townshipIdOf(key);
  // The file, the city, the county; and the county and the city by name alone, for a label that names them (柳江区小计).
  const scopes = [''];
  if (city !== '') scopes.push(regionScope('', city), `${NAMED}${city}`);
  if (county !== '') scopes.push(regionScope(county, city), `${NAMED}${county}`);
  return scopes;
}

/**
 * Reads a file's township column, row by row: the name (required), whether the row is a totals row, and — once per
 * name — a warning when the name holds a character that is there and not seen (甲\u200b镇 is not 甲镇). Files list a
 * township's rows together: a cell as the one before is not read again.
 */
export class TownshipColumn {
  private lastSource: CellSource = '';
  private lastCounty: CellSource = '';
  private lastCity: CellSource = '';
  private last: TownshipCell | undefined;
  private readonly warned = new Set<string>();
  /** Every township read (its key), with its number; totals rows' labels among them. */
  private readonly ids = new Map<string, number>();
  /** The totals rows' labels among `ids` (a few). */
  private readonly totals = new Set<string>();
  private notedNote = false;
  /** The last township named (not a totals label), for a hint at an empty township cell under it. */
  private lastName: string | undefined;

  constructor(
    readonly column: Column | undefined,
    /** The county and city columns, when the file has them. */
    private readonly county?: Column,
    private readonly city?: Column,
  ) {}

  private sameRegion(row: Row): boolean {
    return (!this.county || row.cells.is(this.county.index, this.lastCounty)) && (!this.city || row.cells.is(this.city.index, this.lastCity));
  }

  read(row: Row): TownshipCell | undefined {
    const { column } = this;
    if (!column) return undefined;
    if (this.last && row.cells.is(column.index, this.lastSource) && this.sameRegion(row)) return this.last.note ? this.noteLine(row, this.last) : this.last;
    // A township cell merged over its rows in a workbook is empty in a CSV saved from it: the hint names the row above's.
    if (this.lastName !== undefined && row.cells.blank(column.index)) {
      row.report(column, 'cell-required', { header: row.headerOf(column), above: this.lastName });
      return (this.last = undefined);
    }
    const written = row.required(column);
    if (written === undefined) return (this.last = undefined);
    // A new township, or the table's title or header again on a new page (no data: skipped like a note).
    if (row.repeated()) {
      this.last = undefined;
      return REPEATED;
    }
    const total = isTotalLabel(written);
    const note = isNoteLine(written);
    // Spaces a yearbook pads a name with (拉 堡 镇, 拉\u3000堡\u3000镇) are not part of it; a totals label or a note is
    // shown as written.
    const name = total || note ? written : written.replace(HAN_PADDING, '');
    this.lastSource = row.cells.source(column.index);
    // A note, or a line of a note's list after it (注： then 1. 甘蔗为糖料蔗): a text alone in its row.
    if (note || (this.notedNote && this.alone(row, column)))
      return this.noteLine(row, (this.last = { name, key: name, id: -1, total: false, note: true, scope: '' }));
    const county = this.county ? row.text(this.county) : '';
    const city = this.city ? row.text(this.city) : '';
    if (this.county) this.lastCounty = row.cells.source(this.county.index);
    if (this.city) this.lastCity = row.cells.source(this.city.index);
    const invisible = invisibleCharacter(name);
    if (invisible !== undefined && !this.warned.has(name)) {
      this.warned.add(name);
      row.report(column, 'name-invisible-character', { name: showInvisible(name), character: invisible });
    }
    const key = townshipKey(name, county, city);
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    if (total) this.totals.add(key);
    const labelRegion = total && county === '' && city === '' ? totalLabelRegion(name) : undefined;
    const scope = !total ? '' : labelRegion !== undefined ? `${NAMED}${labelRegion}` : regionScope(county, city);
    if (!total) this.lastName = name;
    return (this.last = { name, key, id, total, note: false, scope });
  }

  /** The townships read (their keys; not totals rows), even on rows with other errors, in the order first read. */
  names(): Set<string> {
    const names = new Set<string>();
    for (const key of this.ids.keys()) if (!this.totals.has(key)) names.add(key);
    return names;
  }

  /** Whether the row's only filled cell is the township column's. */
  private alone(row: Row, column: Column): boolean {
    for (let i = 0; i < row.cells.count; i++) if (i !== column.index && !row.cells.blank(i)) return false;
    return true;
  }

  /** A note under the table: said once per file; the reader skips the row. */
  private noteLine(row: Row, cell: TownshipCell): TownshipCell {
    this.notedNote = true;
    row.note(cell.name);
    return cell;
  }
}

/** Endings of township names that files write or leave out (拉堡 / 拉堡镇), longest first. */
const TOWNSHIP_SUFFIXES = ['街道办事处', '民族乡', '办事处', '街道', '社区', '镇', '乡'];

/** A township's name without its ending: 拉堡镇 → 拉堡. */
export function townshipStem(name: string): string {
  return withoutEnding(name, TOWNSHIP_SUFFIXES);
}

/** A name as compared: full-width forms and spaces folded. */
const folded = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** A name, full-width forms and spaces folded, without the first of `endings` it ends with (leaving two characters or more). */
function withoutEnding(name: string, endings: readonly string[]): string {
  const key = folded(name);
  for (const ending of endings) if (key.length > ending.length + 1 && key.endsWith(ending)) return key.slice(0, -ending.length);
  return key;
}

/** Where a name may be written after its county or city (柳江区拉堡镇, 柳州市柳江区拉堡镇): after a character that ends one. */
const REGION_END = /[省市区县旗盟]/g;

/**
 * A name (folded) without each county or city written before it, longest first: 柳州市柳江区拉堡镇 → 柳江区拉堡镇,
 * 拉堡镇. A county or city is two characters or more (县城镇 is no 县 before 城镇), and so is what it leaves.
 */
function withoutRegions(name: string): string[] {
  const out: string[] = [];
  for (const m of name.matchAll(REGION_END)) if (m.index >= 1 && name.length - m.index - 1 >= 2) out.push(name.slice(m.index + 1));
  return out;
}

/**
 * Finds the township among `candidates` (keys) that a township (a key) most likely means, when one is near: the same
 * name with another ending first (拉堡 / 拉堡镇, 城关 / 城关街道), then the same name written with its county or city
 * before it, on either side (柳江区拉堡镇 / 拉堡镇), else — among up to a few thousand — one a character or two apart;
 * given as people read it (townshipLabel).
 */
/** A number a list puts before a name (1.拉堡镇, 2、进德镇, （3）百朋镇). */
const NUMBERED = /^\s*(?:\d+\s*[.、．]|[（(]\d+[)）])\s*/;

export class TownshipMatcher {
  private readonly byStem = new Map<string, TownshipId>();
  /** Candidates by name, and by their names without the county or city written before them. */
  private readonly byName = new Map<string, TownshipId>();
  private readonly byBareName = new Map<string, TownshipId>();
  private readonly list: TownshipId[];

  constructor(candidates: Iterable<string>) {
    this.list = [...candidates].map(townshipIdOf);
    for (const c of this.list) {
      if (!this.byStem.has(townshipStem(c.name))) this.byStem.set(townshipStem(c.name), c);
      const name = folded(c.name);
      if (!this.byName.has(name)) this.byName.set(name, c);
      for (const bare of withoutRegions(name)) if (!this.byBareName.has(bare)) this.byBareName.set(bare, c);
    }
  }

  /**
   * The candidate that `key` names written otherwise, if one does: the same name but for its ending (拉堡 / 拉堡镇,
   * 新华街道办事处 / 新华街道), its county or city written before it (柳江区拉堡镇), or a number before it (1.拉堡镇).
   */
  same(key: string): string | undefined {
    const written = townshipIdOf(key).name;
    const name = written.replace(NUMBERED, '');
    const same = this.byStem.get(townshipStem(name));
    if (same !== undefined && same.name !== written) return townshipLabel(same);
    const plain = folded(name);
    const prefixed = withoutRegions(plain)
      .map((bare) => this.byName.get(bare))
      .find((c) => c !== undefined);
    const named = prefixed ?? this.byBareName.get(plain);
    if (named !== undefined && folded(named.name) !== folded(written)) return townshipLabel(named);
    return undefined;
  }

  /** The candidate `key` names written otherwise (same), else the nearest by spelling: a hint for a name not found. */
  nearest(key: string): string | undefined {
    const same = this.same(key);
    if (same !== undefined) return same;
    const { name } = townshipIdOf(key);
    const stem = townshipStem(name);
    if (this.list.length > 2000) return undefined;
    let best: TownshipId | undefined;
    let bestDistance = Infinity;
    for (const c of this.list) {
      if (c.name === name) continue;
      const d = distance(stem, townshipStem(c.name));
      if (d < bestDistance) [best, bestDistance] = [c, d];
    }
    return best !== undefined && bestDistance <= Math.max(1, Math.floor(stem.length / 3)) ? townshipLabel(best) : undefined;
  }
}
