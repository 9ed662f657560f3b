import type { Alias } from '../coefficients/coefficients.js';
import type { CropRow } from '../input/crops.js';
import type { LivestockRow } from '../input/livestock.js';
import type { WholeMark } from '../input/names.js';
import { hasRegion, regionWrittenOtherwise, sameTownship, townshipIdOf, townshipLabel } from '../input/township.js';
import type { Place, ProblemLog } from '../problems.js';
import { cropNutrientDemandKg } from '../method/crop-demand.js';
import { ExactSums } from '../method/exact-sum.js';
import { pigEquivalents } from '../method/pig-equivalent.js';
import type { SoilGradeSource } from '../method/soil-grade.js';
import { LAND_USES, LAND_USE_SLOTS, landUseIndex, type LandUse, type Nutrient, type SoilGrade } from '../method/types.js';

/**
 * Members counted while their whole was not (yet) listed in their township (早稻 before any 稻谷): for each, its
 * name (WholeMark), file and line, and what it added to the sums — each nutrient's demand, or its stock — to take out
 * exactly if the whole comes after it. In flat arrays, a list per township and whole: a national file has hundreds of
 * thousands of members, most never taken out.
 */
class CountedMembers {
  private size = 0;
  /** Per member: line, the next member of its list (-1 at the end), land use index, 1 for plantation forest. */
  private ints = new Int32Array(4 * 1024);
  /** Per member: two amounts (N and P demand on its land use, or its pig equivalents and 0). */
  private amounts = new Float64Array(2 * 1024);
  private readonly marks: WholeMark[] = [];
  private readonly files: string[] = [];

  /** Adds a member at the head of a list; its index, the list's new head. */
  add(head: number, mark: WholeMark, file: string, line: number, landUse: number, forest: boolean, a: number, b: number): number {
    const i = this.size++;
    if (4 * this.size > this.ints.length) {
      const ints = new Int32Array(this.ints.length * 2);
      ints.set(this.ints);
      this.ints = ints;
      const amounts = new Float64Array(this.amounts.length * 2);
      amounts.set(this.amounts);
      this.amounts = amounts;
    }
    const ints = this.ints;
    ints[4 * i] = line;
    ints[4 * i + 1] = head;
    ints[4 * i + 2] = landUse;
    ints[4 * i + 3] = forest ? 1 : 0;
    this.amounts[2 * i] = a;
    this.amounts[2 * i + 1] = b;
    this.marks[i] = mark;
    this.files[i] = file;
    return i;
  }

  /** The members of a list, from its head. */
  *list(head: number): Generator<{ mark: WholeMark; place: Place; landUse: number; forest: boolean; amounts: readonly [number, number] }> {
    for (let i = head; i !== -1; i = this.ints[4 * i + 1]!) {
      const mark = this.marks[i]!;
      yield {
        mark,
        place: { file: this.files[i]!, line: this.ints[4 * i]!, column: mark.column },
        landUse: this.ints[4 * i + 2]!,
        forest: this.ints[4 * i + 3] === 1,
        amounts: [this.amounts[2 * i]!, this.amounts[2 * i + 1]!],
      };
    }
  }
}

/**
 * One whole (水稻, with 早稻 and 晚稻 as members) across the townships, by township index: the line it is listed on
 * (0: not listed), the name it is listed as, and the head of its township's list of members counted meanwhile. Arrays,
 * not an object per township: a national file names a whole or its members in every township.
 */
class Whole {
  private lines = new Int32Array(1024);
  private heads = new Int32Array(1024).fill(-1);
  private readonly names: (string | undefined)[] = [];

  constructor(
    readonly name: string,
    readonly kind: 'crop' | 'species',
  ) {}

  private fit(township: number): void {
    if (township < this.lines.length) return;
    const size = Math.max(township + 1, this.lines.length * 2);
    const lines = new Int32Array(size);
    lines.set(this.lines);
    const heads = new Int32Array(size).fill(-1);
    heads.set(this.heads);
    [this.lines, this.heads] = [lines, heads];
  }

  listedLine(township: number): number {
    return this.lines[township] ?? 0;
  }

  listedAs(township: number): string {
    return this.names[township]!;
  }

  list(township: number, name: string, line: number): void {
    this.fit(township);
    this.lines[township] = line;
    this.names[township] = name;
  }

  members(township: number): number {
    return this.heads[township] ?? -1;
  }

  setMembers(township: number, head: number): void {
    this.fit(township);
    this.heads[township] = head;
  }
}

/** A crop row as the method used it: its soil grade and nutrient demand per nutrient. */
export interface CropDetail {
  readonly row: CropRow;
  readonly nutrients: Partial<Record<Nutrient, { readonly grade: SoilGrade; readonly gradeSource: SoilGradeSource; readonly demandKg: number }>>;
}

export interface LivestockDetail {
  readonly row: LivestockRow;
  readonly pe: number;
}

/** How a soil grade is found for a crop row shown in detail (explain). */
export type GradeOf = (township: string, landUse: LandUse | null, n: Nutrient) => { readonly grade: SoilGrade; readonly source: SoilGradeSource };

const landUseAt = (index: number): LandUse | null => (index === 0 ? null : LAND_USES[index - 1]!);

/** The stock's sum, after the demand sums of each land use and nutrient. */
const STOCK = LAND_USE_SLOTS * 2;

/**
 * Everything the method needs of one township, summed row by row: crop nutrient demand by land use (graded by soil
 * once every file is read) and stock in pig equivalents. The sums are exact (ExactSum): the order of the rows
 * changes nothing.
 */
export class TownshipData {
  /** Its name, county and city (the last two '' where no file gives them; a file without them names it by name). */
  readonly name: string;
  county: string;
  city: string;
  cropRows = 0;
  livestockRows = 0;
  /** Line of the first crops row, and of the first livestock row: where problems of the township's sums are placed. */
  firstCropLine = 0;
  firstLivestockLine = 0;
  /** Row by row detail, kept only for townships `explain` asks about. */
  readonly details?: { crops: CropDetail[]; livestock: LivestockDetail[] };
  /** Demand by land use (landUseIndex) and nutrient, sum landUse × 2 + (N 0, P 1); then stock, sum STOCK. */
  private readonly sums = new ExactSums(STOCK + 1);
  /** The demand of its plantation forest (crops measured in m³), as `sums` by land use and nutrient: when it has any. */
  private forest?: ExactSums;

  constructor(
    /** The township as the files identify it (townshipKey). */
    readonly key: string,
    /** Its place among the townships, in order of first appearance. */
    readonly index: number,
    keepDetails: boolean,
  ) {
    ({ name: this.name, county: this.county, city: this.city } = townshipIdOf(key));
    if (keepDetails) this.details = { crops: [], livestock: [] };
  }

  addDemand(n: Nutrient, landUse: LandUse | null, kg: number, forest = false): void {
    const sum = landUseIndex(landUse) * 2 + (n === 'N' ? 0 : 1);
    this.sums.add(sum, kg);
    if (forest) (this.forest ??= new ExactSums(STOCK)).add(sum, kg);
  }

  get hasForest(): boolean {
    return this.forest !== undefined;
  }

  addStock(pe: number): void {
    this.sums.add(STOCK, pe);
  }

  /**
   * Crop demand by soil grade: each land use's demand goes to the grade the soil gives it, and a grade's demand is the
   * exact sum of every row of its land uses.
   */
  demandByGrade(n: Nutrient, gradeOf: (landUse: LandUse | null) => SoilGrade, forestOnly = false): Record<SoilGrade, number> {
    const sums = forestOnly ? this.forest : this.sums;
    if (!sums) return { I: 0, II: 0, III: 0 };
    const byGrade: Partial<Record<SoilGrade, number[]>> = {};
    for (let lu = 0; lu < LAND_USE_SLOTS; lu++) {
      const sum = lu * 2 + (n === 'N' ? 0 : 1);
      if (sums.has(sum)) (byGrade[gradeOf(landUseAt(lu))] ??= []).push(sum);
    }
    const value = (list: number[] | undefined) => (list === undefined ? 0 : sums.value(...list));
    return { I: value(byGrade.I), II: value(byGrade.II), III: value(byGrade.III) };
  }

  get stockPe(): number {
    return this.sums.value(STOCK);
  }
}

/** Coefficients that the data actually used, for the report's provenance note. */
export interface CoefficientsUsed {
  /** Crop of the table (or local crop as written) → number of rows. */
  readonly crops: Map<string, { rows: number; local: boolean }>;
  readonly species: Map<string, { rows: number; local: boolean }>;
  /** Names read through an alias (早稻 → 水稻, a local 水牛 → 肉牛) → the alias and its rows. */
  readonly names: Map<string, { rows: number; alias: Alias; kind: 'crop' | 'species' }>;
}

/** The sums of the rows read, per township in order of first appearance, and what the rows used of the coefficient tables. */
export class Tally {
  /** By key, in order of first appearance. */
  readonly townships = new Map<string, TownshipData>();
  /**
   * The townships with a county or city of each name (those without are found by their name as their key), and keys
   * of other files found to mean one of them (a file without a county column).
   */
  private readonly byName = new Map<string, TownshipData[]>();
  private readonly resolved = new Map<string, TownshipData>();
  /** What has been said once: a key found ambiguous in a file, a region a file writes otherwise. */
  private readonly said = new Set<string>();
  readonly used: CoefficientsUsed = { crops: new Map(), species: new Map(), names: new Map() };
  /** The township of the last row: files list a township's rows together. */
  private last: TownshipData | undefined;
  private readonly members = new CountedMembers();
  /** The wholes the rows name, by kind and name. */
  private readonly wholes = { crop: new Map<string, Whole>(), species: new Map<string, Whole>() };

  constructor(
    private readonly nutrients: readonly Nutrient[],
    private readonly log: ProblemLog,
    private readonly keepDetails?: (township: string) => boolean,
  ) {}

  /**
   * The township a row's key means: the one of that key, else the one township of its name whose county and city
   * agree with what the row gives (sameTownship), else a new one. Undefined, with township-ambiguous once per key and
   * file, when several agree (a file without a county column naming the 东风镇 of two counties).
   */
  township(key: string, file = '', line = 0): TownshipData | undefined {
    // Rows of one township come together: the check V8 keeps inline, the search apart.
    return this.last?.key === key ? this.last : this.find(key, file, line);
  }

  private find(key: string, file: string, line: number): TownshipData | undefined {
    let t = this.townships.get(key) ?? this.resolved.get(key);
    // A name alone, and no township with a region read: a new township (a file without regions, as most are).
    if (!t && this.byName.size === 0 && !hasRegion(key)) t = this.create(key);
    if (!t) {
      const id = townshipIdOf(key);
      // The township of this name from a file without regions (by its name), and those with regions.
      const bare = key === id.name ? undefined : this.townships.get(id.name);
      const named = this.byName.get(id.name);
      const agree = [...(bare ? [bare] : []), ...(named ?? [])].filter((o) => sameTownship(o, id));
      if (agree.length > 1) {
        if (this.once(`${file}\u0000${key}`))
          this.log.report({ file, line, column: 0 }, 'township-ambiguous', { township: id.name, places: agree.map(townshipLabel).join(' / ') });
        return undefined;
      }
      if (agree.length === 1) {
        t = agree[0]!;
        // Said once for each way a file writes a region otherwise.
        if (regionWrittenOtherwise(id, t) && this.once(`${file}\u0000${id.city}\u0000${id.county}\u0000${t.city}\u0000${t.county}`))
          this.log.report({ file, line, column: 0 }, 'region-name-differs', {
            written: [id.city, id.county].filter((x) => x !== '').join(' '),
            known: [t.city, t.county].filter((x) => x !== '').join(' '),
            township: t.name,
          });
        t.county ||= id.county;
        t.city ||= id.city;
        this.resolved.set(key, t);
      } else {
        t = this.create(key);
        if (key !== id.name) {
          if (named) named.push(t);
          else this.byName.set(id.name, [t]);
        }
      }
    }
    return (this.last = t);
  }

  private create(key: string): TownshipData {
    const t = new TownshipData(key, this.townships.size, this.keepDetails?.(key) === true);
    this.townships.set(key, t);
    return t;
  }

  /** Whether `what` is said for the first time (and, from now on, said). */
  private once(what: string): boolean {
    if (this.said.has(what)) return false;
    this.said.add(what);
    return true;
  }

  private static count(m: Map<string, { rows: number; local: boolean }>, key: string, local: boolean): void {
    const e = m.get(key);
    if (e) e.rows++;
    else m.set(key, { rows: 1, local });
  }

  /** A row read through an alias: the name as written, counted. */
  private readAs(readAs: (Alias & { readonly name: string }) | undefined, kind: 'crop' | 'species', by: 1 | -1): void {
    if (!readAs) return;
    const e = this.used.names.get(readAs.name);
    if (e) {
      e.rows += by;
      if (e.rows === 0) this.used.names.delete(readAs.name);
    } else this.used.names.set(readAs.name, { rows: 1, alias: readAs, kind });
  }

  private static uncount(m: Map<string, { rows: number; local: boolean }>, key: string): void {
    const e = m.get(key)!;
    if (--e.rows === 0) m.delete(key);
  }

  /**
   * A whole and its members in one township (docs/local.md): members are summed (早稻 and 晚稻 are two harvests)
   * until the whole is listed too (稻谷), which counts them already — then they are left out, each with
   * part-of-whole, whether they come before the whole or after it. Whether to count the row.
   */
  private admit(t: TownshipData, kind: Whole['kind'], mark: WholeMark, file: string, line: number): Whole | undefined {
    const wholes = this.wholes[kind];
    let whole = wholes.get(mark.name);
    if (!whole) wholes.set(mark.name, (whole = new Whole(mark.name, kind)));
    const listed = whole.listedLine(t.index);
    if (mark.member) {
      if (listed === 0) return whole;
      this.partOfWhole({ file, line, column: mark.column }, mark, whole.listedAs(t.index), listed);
      return undefined;
    }
    if (listed === 0) {
      whole.list(t.index, mark.asWritten, line);
      for (const m of this.members.list(whole.members(t.index))) {
        if (kind === 'species') {
          t.livestockRows--;
          t.addStock(-m.amounts[0]);
          Tally.uncount(this.used.species, whole.name);
          if (t.details) t.details.livestock = t.details.livestock.filter((d) => d.row.speciesAsWritten !== m.mark.asWritten || d.row.line !== m.place.line);
        } else {
          t.cropRows--;
          this.nutrients.forEach((n, i) => t.addDemand(n, landUseAt(m.landUse), -m.amounts[i]!, m.forest));
          Tally.uncount(this.used.crops, whole.name);
          if (t.details) t.details.crops = t.details.crops.filter((d) => d.row.cropAsWritten !== m.mark.asWritten || d.row.line !== m.place.line);
        }
        this.readAs(m.mark.alias, kind, -1);
        this.partOfWhole(m.place, m.mark, mark.asWritten, line);
      }
      whole.setMembers(t.index, -1);
    }
    return whole;
  }

  /** A member counted while its whole is not listed: remembered, to be taken out if the whole comes. */
  private remember(
    t: TownshipData,
    whole: Whole,
    mark: WholeMark,
    file: string,
    line: number,
    landUse: LandUse | null,
    forest: boolean,
    a: number,
    b: number,
  ): void {
    whole.setMembers(t.index, this.members.add(whole.members(t.index), mark, file, line, landUseIndex(landUse), forest, a, b));
  }

  /**
   * A member left out as its whole is listed for the same township. A member by the county's own dictionary (水牛
   * 对应 肉牛) is not known to be inside the whole the statistics list beside it — a yearbook's 水牛 and 肉牛 columns
   * count different animals — so there it is an error, not a guess either way.
   */
  private partOfWhole(place: Place, part: WholeMark, whole: string, line: number): void {
    const local = part.alias?.provenance === 'local';
    this.log.report(place, local ? 'local-member-with-whole' : 'part-of-whole', { part: part.asWritten, whole, line });
  }

  /** A crop row's demand for a nutrient. */
  private static demand(r: CropRow, n: Nutrient): number {
    return cropNutrientDemandKg(r.production, r.uptake[n]!.value, r.measure);
  }

  /** A crop row: its demand for each nutrient goes to its township and land use. */
  addCrop(r: CropRow, gradeOf?: GradeOf): void {
    const t = this.township(r.township, r.file, r.line);
    if (!t) return;
    const whole = r.whole;
    let state: Whole | undefined;
    if (whole) {
      state = this.admit(t, 'crop', whole, r.file, r.line);
      if (!state) return;
    }
    t.cropRows++;
    t.firstCropLine ||= r.line;
    Tally.count(this.used.crops, r.crop?.crop ?? r.cropAsWritten, r.crop === null);
    this.readAs(r.readAs, 'crop', 1);
    const forest = r.measure === 'm3';
    const n0 = this.nutrients[0]!;
    const n1 = this.nutrients[1];
    const a = Tally.demand(r, n0);
    const b = n1 === undefined ? 0 : Tally.demand(r, n1);
    t.addDemand(n0, r.landUse, a, forest);
    if (n1 !== undefined) t.addDemand(n1, r.landUse, b, forest);
    if (state && whole!.member) this.remember(t, state, whole!, r.file, r.line, r.landUse, forest, a, b);
    if (!t.details) return;
    const detail: CropDetail['nutrients'] = {};
    for (const n of this.nutrients) {
      if (!gradeOf) continue;
      const { grade, source } = gradeOf(t.key, r.landUse, n);
      detail[n] = { grade, gradeSource: source, demandKg: Tally.demand(r, n) };
    }
    t.details.crops.push({ row: r, nutrients: detail });
  }

  /** A livestock row: its stock in pig equivalents goes to its township. */
  addLivestock(r: LivestockRow): void {
    const t = this.township(r.township, r.file, r.line);
    if (!t) return;
    const whole = r.whole;
    let state: Whole | undefined;
    if (whole) {
      state = this.admit(t, 'species', whole, r.file, r.line);
      if (!state) return;
    }
    t.livestockRows++;
    t.firstLivestockLine ||= r.line;
    Tally.count(this.used.species, r.speciesName, r.species === null);
    this.readAs(r.readAs, 'species', 1);
    const pe = pigEquivalents(r.stock, r.peFactor);
    t.addStock(pe);
    if (state && whole!.member) this.remember(t, state, whole!, r.file, r.line, null, false, pe, 0);
    t.details?.livestock.push({ row: r, pe });
  }
}
