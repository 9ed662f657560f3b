import { createRequire } from 'node:module';
import { distance } from 'fastest-levenshtein';
import type { Alias } from '../coefficients/coefficients.js';

/**
 * A crop or species name's whole (水稻 for 稻谷 and for 早稻), when the tables count members in it: whether the name
 * is a member of it, and for a member, the name as written, its column and the alias it is read through — the same
 * for every row that writes it, so that a row carries no more than this one object.
 */
export interface WholeMark {
  readonly name: string;
  readonly member: boolean;
  readonly asWritten: string;
  readonly column: number;
  readonly alias?: Alias & { readonly name: string };
}

/** The whole a name is counted in when `wholes` (wholesOf) has it, made once per distinct cell. */
export function wholeMark<T>(named: Named<T>, whole: string | undefined, asWritten: string, column: number): WholeMark | undefined {
  if (whole === undefined) return undefined;
  const member = named.alias?.relation === 'member';
  return { name: whole, member, asWritten, column, alias: member ? named.alias : undefined };
}

/** A name looked up: what it stands for, its identity when rows are compared, and the alias it was read through. */
export interface Named<T> {
  readonly value: T | undefined;
  /** What the name stands for when rows are compared: the thing it is a synonym of, else the name itself. */
  readonly identity: string;
  /** The alias the name was read through (早稻 → 水稻, a member), when it is one. */
  readonly alias?: Alias & { readonly name: string };
}

/**
 * Looks up a name as users write it: exactly, through an alias, by its English name in any case, or by its main name
 * when a bracket follows it (甘蔗（糖料蔗）is read as 甘蔗). Unknown names get a known name as a hint only when
 * they are plausibly that name with a slip (plausibleSlip): never a crop or species of another kind.
 */
export class NameIndex<T> {
  private readonly map = new Map<string, { value: T; alias: (Alias & { name: string }) | undefined }>();
  private readonly same = new Map<string, string>();
  private readonly names: string[] = [];
  /** Names as written, looked up before: a file repeats the same few names row after row. */
  private readonly seen = new Map<string, Named<T>>();

  /** What a name stands for, its identity and the alias it was read through. */
  lookup(name: string): Named<T> {
    let hit = this.seen.get(name);
    if (!hit) {
      hit = this.find(NameIndex.key(name));
      if (hit.value === undefined) {
        const main = mainName(name);
        if (main !== undefined) hit = this.find(NameIndex.key(main));
      }
      if (this.seen.size < 100_000) this.seen.set(name, hit);
    }
    return hit;
  }

  private find(key: string): Named<T> {
    const entry = this.map.get(key);
    // One shape for every name looked up: the readers' code that reads it stays monomorphic.
    return { value: entry?.value, identity: this.same.get(key) ?? key, alias: entry?.alias };
  }

  /**
   * Adds a name; `sameAs` names the thing it is another name for (a synonym), so that the two count as one; `alias`
   * is the alias row it comes from. A name already known keeps its first meaning unless `replace` is set.
   */
  add(name: string, value: T, sameAs?: string, alias?: Alias, replace = false): void {
    const key = NameIndex.key(name);
    if (this.map.has(key) && !replace) return;
    this.seen.clear();
    if (!this.map.has(key)) this.names.push(name);
    this.map.set(key, { value, alias: alias && { ...alias, name } });
    if (sameAs !== undefined) this.same.set(key, sameAs);
    else this.same.delete(key);
  }

  get(name: string): T | undefined {
    return this.lookup(name).value;
  }

  /** The known name the unknown one is plausibly a slip of (plausibleSlip), if any: the closest such. */
  nearest(name: string): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const known of this.names) {
      if (!plausibleSlip(name, known)) continue;
      const d = distance(fold(name), fold(known));
      if (d < bestDistance) [best, bestDistance] = [known, d];
    }
    return best;
  }

  static key(name: string): string {
    return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  }
}

/**
 * The names of a table of crops or species as users write them: each row's name, its aliases, and its English name.
 * A county's alias may give a name of the table another meaning (牛 read as 肉牛): it replaces the table's.
 */
export function tableNames<T extends { readonly nameEn: string }>(rows: ReadonlyMap<string, T>, aliases: ReadonlyMap<string, Alias>): NameIndex<T> {
  const index = new NameIndex<T>();
  for (const [name, row] of rows) index.add(name, row, name);
  for (const [name, alias] of aliases)
    index.add(name, rows.get(alias.target)!, alias.relation === 'synonym' ? alias.target : undefined, alias, alias.provenance === 'local');
  for (const [name, row] of rows) index.add(row.nameEn, row, name);
  return index;
}

/** 甘蔗（糖料蔗）, 番茄(西红柿): the name before the bracket; undefined when the name has no bracket after it. */
function mainName(name: string): string | undefined {
  const m = /^(.+?)\s*[（(][^（）()]*[）)]\s*$/.exec(name.normalize('NFKC'));
  return m ? m[1] : undefined;
}

/** Characters statistics write two ways for one thing: 砂糖橘 and 沙糖桔, 蕃茄 and 番茄. */
const VARIANTS: Readonly<Record<string, string>> = { 砂: '沙', 桔: '橘', 蕃: '番', 苞: '包' };

/** A name folded for comparing: NFKC, lower case, no spaces, variant characters as one. */
function fold(name: string): string {
  return [...NameIndex.key(name).replace(/\s+/g, '')].map((ch) => VARIANTS[ch] ?? ch).join('');
}

/** Words before a crop's name that keep it the same crop: 冬小麦 is 小麦, 大棚黄瓜 is 黄瓜. */
const SAME_CROP_BEFORE = ['春', '夏', '秋', '冬', '早', '晚', '鲜', '鲜食', '杂交', '露地', '设施', '大棚', '温室', '有机'];
/** Characters after a name that keep it the same thing: 桃子 is 桃, 苹果树 is 苹果, 玉米粒 is 玉米. */
const SAME_THING_AFTER_ONE = ['子'];
const SAME_THING_AFTER = ['子', '籽', '粒', '果', '树', '仁'];

const LATIN = /^[a-z][a-z ()-]*$/;

type Pinyin = (text: string, options: { toneType: 'none'; type: 'array'; multiple: true }) => string[];
let pinyin: Pinyin | undefined;
const readings = new Map<string, ReadonlySet<string>>();

/**
 * Whether two Chinese characters can be read alike (toneless pinyin): the slip a pinyin input method makes, 生诸 for
 * 生猪. The pronunciations (pinyin-pro) load only when a name is unknown.
 */
function soundAlike(a: string, b: string): boolean {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: Pinyin }).pinyin;
  const of = (ch: string) => {
    let r = readings.get(ch);
    if (!r) readings.set(ch, (r = new Set(pinyin!(ch, { toneType: 'none', type: 'array', multiple: true }))));
    return r;
  };
  const rb = of(b);
  return [...of(a)].some((r) => /^[a-z]+$/.test(r) && rb.has(r));
}

/**
 * Whether an unknown name is plausibly a known one with a slip, so that suggesting it cannot mislead
 * (docs/names.md): the same word in another writing (砂糖桔 / 砂糖橘); one character for another that sounds the
 * same, as a pinyin input method slips (生诸 / 生猪); a character missing at its end (马铃 / 马铃薯); a character
 * after it that keeps the thing (桃子, 苹果树); a word before it that keeps the crop (冬小麦, 大棚黄瓜); an English
 * name with a typing slip (whaet / wheat). Never one character for another that sounds different: 甘薯 is not
 * 甘蔗, 水牛 not 奶牛, 桑叶 not 烟叶, 水果 not 水稻.
 */
export function plausibleSlip(unknown: string, known: string): boolean {
  const a = fold(unknown);
  const b = fold(known);
  if (a === b || a.length === 0 || b.length === 0) return a === b && a.length > 0;
  if (LATIN.test(a) && LATIN.test(b)) return distance(a, b) <= (Math.max(a.length, b.length) < 5 ? 1 : 2);
  if (LATIN.test(a) || LATIN.test(b)) return false;
  // One character for another that sounds the same, in a word of at least two: 生诸 for 生猪, 马铃署 for 马铃薯.
  if (a.length === b.length && a.length >= 2) {
    const differ = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
    if (differ.length === 1) return soundAlike(a[differ[0]!]!, b[differ[0]!]!);
  }
  // A character missing at the end of a word of at least two: 马铃 for 马铃薯.
  if (a.length >= 2 && b.length === a.length + 1 && b.startsWith(a)) return true;
  if (a.length === b.length + 1 && a.startsWith(b)) return (b.length >= 2 ? SAME_THING_AFTER : SAME_THING_AFTER_ONE).includes(a.slice(b.length));
  if (b.length >= 2 && a.endsWith(b)) return SAME_CROP_BEFORE.includes(a.slice(0, a.length - b.length));
  return false;
}
