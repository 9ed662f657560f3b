import type { CleanCropRow, CropRow } from '../io/crops.js';
import type { CleanLivestockRow, LivestockRow } from '../io/livestock.js';
import { cropNutrientDemandKg } from '../method/crop-demand.js';
import { ExactSums, type ExactSumsSlice } from '../method/exact-sum.js';
import { pigEquivalents } from '../method/pig-equivalent.js';
import type { SoilGradeSource } from '../method/soil-grade.js';
import { LAND_USES, LAND_USE_SLOTS, landUseIndex, type Fraction, type LandUse, type Measure, type Nutrient, type SoilGrade } from '../method/types.js';

/** A crop row as the method used it: its soil grade and nutrient demand per nutrient. */
export interface CropDetail {
  readonly row: CropRow;
  readonly nutrients: Partial<Record<Nutrient, { readonly grade: SoilGrade; readonly gradeSource: SoilGradeSource; readonly demandKg: number }>>;
}

export interface LivestockDetail {
  readonly row: LivestockRow;
  readonly pe: number;
}

/** Scratch of TownshipData.demandByGrade: the sums of each grade's land uses, and how many. */
const GRADE_INDEX: Readonly<Record<SoilGrade, number>> = { I: 0, II: 1, III: 2 };
const BY_GRADE = new Int32Array(3 * LAND_USE_SLOTS);
const BY_GRADE_COUNT = new Int32Array(3);

/** Demand sums are kept by land use (landUseIndex) and nutrient. */
const landUseAt = (index: number): LandUse | null => (index === 0 ? null : LAND_USES[index - 1]!);

/**
 * Where a tally keeps each township's sums, one after another in one store: per township, demand by land use and
 * nutrient of the basis (land use index × nutrients + nutrient's position), then stock. A tally of livestock rows
 * only (a worker thread's part of a livestock file) keeps the stock alone.
 */
class SumLayout {
  readonly sums = new ExactSums();
  /** Sums per township. */
  readonly width: number;
  private readonly position: Partial<Record<Nutrient, number>> = {};

  constructor(
    readonly nutrients: readonly Nutrient[],
    readonly stockOnly = false,
  ) {
    nutrients.forEach((n, i) => (this.position[n] = i));
    this.width = stockOnly ? 1 : LAND_USE_SLOTS * nutrients.length + 1;
  }

  demand(township: number, n: Nutrient, landUseIndex: number): number {
    if (this.stockOnly) throw new Error('crop demand in a tally of stock only');
    return township * this.width + landUseIndex * this.nutrients.length + this.position[n]!;
  }

  stock(township: number): number {
    return township * this.width + this.width - 1;
  }
}

/**
 * Everything the method needs of one township, summed row by row as the files stream past: crop nutrient demand by
 * land use (graded by soil once all files are read) and stock in pig equivalents. Sums are exact, so that sums of
 * parts — one per thread, per land use — are the same as one sum of every row. A national run holds tens of
 * thousands: the sums are kept in the tally's store, not in the township.
 */
export class TownshipData {
  cropRows = 0;
  livestockRows = 0;
  /** Row by row detail, kept only for townships `explain` asks about. */
  readonly details?: { crops: CropDetail[]; livestock: LivestockDetail[] };
  /** Line of the first livestock row, to place the no-land warning. */
  firstLivestockLine = 0;

  constructor(
    readonly name: string,
    /** Its place in the tally, in order of first appearance. */
    readonly index: number,
    private readonly layout: SumLayout,
    keepDetails: boolean,
  ) {
    if (keepDetails) this.details = { crops: [], livestock: [] };
  }

  addDemand(n: Nutrient, landUse: LandUse | null, kg: number): void {
    this.layout.sums.add(this.layout.demand(this.index, n, landUseIndex(landUse)), kg);
  }

  /** Crop demand by soil grade: each land use's demand goes to the grade the soil gives it. */
  demandByGrade(n: Nutrient, gradeOf: (landUse: LandUse | null) => SoilGrade): Record<SoilGrade, number> {
    const { sums } = this.layout;
    // The land uses' sums, by grade (grade g's from g × LAND_USE_SLOTS on): usually one per grade, whose value is the
    // grade's; else the exact sum of those sums.
    BY_GRADE_COUNT.fill(0);
    for (let lu = 0; lu < LAND_USE_SLOTS; lu++) {
      const k = this.layout.demand(this.index, n, lu);
      if (!sums.has(k)) continue;
      const g = GRADE_INDEX[gradeOf(landUseAt(lu))];
      BY_GRADE[g * LAND_USE_SLOTS + BY_GRADE_COUNT[g]!++] = k;
    }
    const value = (g: number) => {
      const count = BY_GRADE_COUNT[g]!;
      const from = g * LAND_USE_SLOTS;
      return count === 0 ? 0 : count === 1 ? sums.value(BY_GRADE[from]!) : sums.total(BY_GRADE, from, from + count);
    };
    return { I: value(0), II: value(1), III: value(2) };
  }

  addStock(pe: number): void {
    this.layout.sums.add(this.layout.stock(this.index), pe);
  }

  get stockPe(): number {
    return this.layout.sums.value(this.layout.stock(this.index));
  }
}

/** Coefficients that the data actually used, for the report's provenance note. */
export interface CoefficientsUsed {
  /** Crop of the table (or local crop as written) → number of rows. */
  readonly crops: Map<string, { rows: number; local: boolean }>;
  readonly species: Map<string, { rows: number; local: boolean }>;
}

/** How a soil grade is found for a crop row shown in detail (explain). */
export type GradeOf = (township: string, landUse: LandUse | null, n: Nutrient) => { readonly grade: SoilGrade; readonly source: SoilGradeSource };

/**
 * A tally's contents as flat arrays, to pass from a worker thread to the main one without a structured clone of
 * tens of thousands of objects: townships in order; per township in `ints` its row counts and first livestock line;
 * its sums in `sums`, as the tally's store keeps them.
 */
export interface TallyPart {
  readonly townships: readonly string[];
  readonly ints: Int32Array;
  readonly sums: ExactSumsSlice;
  readonly used: { readonly crops: [string, { rows: number; local: boolean }][]; readonly species: [string, { rows: number; local: boolean }][] };
  /** Townships the crops file lists: those of `townships` when `townshipsListed`, and these. */
  readonly listed: readonly string[];
  readonly townshipsListed: boolean;
  /** The sums are each township's stock only (a tally of livestock rows only). */
  readonly stockOnly: boolean;
}

/**
 * The sums of the rows read so far, per township in order of first appearance, and what the rows used of the
 * coefficient tables. Rows go in one by one (addCrop, addLivestock) or as whole parts from other threads (merge); a
 * file's first part, read in this thread, is taken over whole (adopt).
 */
export class Tally {
  // Replaced only when the tally takes over another (adopt).
  private townshipMap = new Map<string, TownshipData>();
  private usedCounts: CoefficientsUsed = { crops: new Map(), species: new Map() };
  private listedSet = new Set<string>();
  private layout: SumLayout;

  get townships(): Map<string, TownshipData> {
    return this.townshipMap;
  }

  get used(): CoefficientsUsed {
    return this.usedCounts;
  }

  /** Townships the crops file lists, even on rows with errors: the no-land check must not pile onto those. */
  get listed(): Set<string> {
    return this.listedSet;
  }

  constructor(
    private readonly nutrients: readonly Nutrient[],
    private readonly keepDetails?: (township: string) => boolean,
    /** Only livestock rows go in (a worker thread's part of a livestock file): only stock is kept. */
    stockOnly = false,
  ) {
    this.layout = new SumLayout(nutrients, stockOnly);
  }

  /** Whether rows are kept, row by row, for some townships (explain). */
  get keepsDetails(): boolean {
    return this.keepDetails !== undefined;
  }

  /** The township of the last row: files list a township's rows together. */
  private last: TownshipData | undefined;

  township(name: string): TownshipData {
    if (this.last?.name === name) return this.last;
    let t = this.townships.get(name);
    if (!t) this.townships.set(name, (t = new TownshipData(name, this.townships.size, this.layout, this.keepDetails?.(name) === true)));
    return (this.last = t);
  }

  private count(m: Map<string, { rows: number; local: boolean }>, key: string, local: boolean, rows = 1): void {
    const e = m.get(key);
    if (e) e.rows += rows;
    else m.set(key, { rows, local });
  }

  /** A crop row: its demand for each nutrient goes to its township and land use. */
  addCrop(r: CropRow, gradeOf?: GradeOf): void {
    const t = this.cropDemand(r.township, r.crop?.crop ?? r.cropAsWritten, r.crop === null, r.landUse, r.production, r.uptake, r.measure);
    if (!t.details) return;
    const detail: CropDetail['nutrients'] = {};
    for (const n of this.nutrients) {
      if (!gradeOf) continue;
      const { grade, source } = gradeOf(r.township, r.landUse, n);
      detail[n] = { grade, gradeSource: source, demandKg: cropNutrientDemandKg(r.production, r.uptake[n]!.value, r.measure) };
    }
    t.details.crops.push({ row: r, nutrients: detail });
  }

  /** A row of a line read in place (CropReader.readClean): a crop of the guide's table, with the table's uptake. */
  addCleanCrop(r: CleanCropRow): void {
    this.cropDemand(r.township, r.crop.crop, false, r.landUse, r.production, r.crop.uptake, r.crop.measure);
  }

  private cropDemand(
    township: string,
    counted: string,
    local: boolean,
    landUse: LandUse | null,
    production: number,
    uptake: CropRow['uptake'],
    measure: Measure,
  ): TownshipData {
    const t = this.township(township);
    t.cropRows++;
    this.count(this.used.crops, counted, local);
    for (const n of this.nutrients) t.addDemand(n, landUse, cropNutrientDemandKg(production, uptake[n]!.value, measure));
    return t;
  }

  /** A livestock row: its stock in pig equivalents goes to its township and species. */
  addLivestock(r: LivestockRow): void {
    const t = this.township(r.township);
    const pe = this.stock(t, r.line, r.speciesName, r.species === null, r.stock, r.peFactor);
    t.details?.livestock.push({ row: r, pe });
  }

  /** A row of a line read in place (LivestockReader.readClean): a species of the guide's table, with its factor. */
  addCleanLivestock(r: CleanLivestockRow): void {
    this.stock(this.township(r.township), r.line, r.species.species, false, r.stock, r.peFactor);
  }

  private stock(t: TownshipData, line: number, counted: string, local: boolean, head: number, factor: Fraction): number {
    t.livestockRows++;
    t.firstLivestockLine ||= line;
    this.count(this.used.species, counted, local);
    const pe = pigEquivalents(head, factor);
    t.addStock(pe);
    return pe;
  }

  toPart(): TallyPart {
    const ints = new Int32Array(this.townships.size * 3);
    let i = 0;
    for (const t of this.townships.values()) {
      ints[i++] = t.cropRows;
      ints[i++] = t.livestockRows;
      ints[i++] = t.firstLivestockLine;
    }
    // A crops file lists every township it has rows for (and some whose rows all had errors); a livestock file, none.
    const townshipsListed = this.townships.size > 0 && [...this.townships.keys()].every((name) => this.listed.has(name));
    return {
      townships: [...this.townships.keys()],
      ints,
      sums: this.layout.sums.slice(this.townships.size * this.layout.width),
      used: { crops: [...this.used.crops], species: [...this.used.species] },
      ...(townshipsListed
        ? { listed: [...this.listed].filter((name) => !this.townships.has(name)), townshipsListed }
        : { listed: [...this.listed], townshipsListed }),
      stockOnly: this.layout.stockOnly,
    };
  }

  /**
   * The townships of a file's parts (in file order) as this tally's — those new to it added, in order of first
   * appearance — and the names more than one part lists (or, `listedBefore`, a part and this tally: it holds an
   * earlier part of the same file). Adding them changes nothing if the file is then read in one stream instead: that
   * adds the same townships in the same order.
   */
  townshipsOfParts(parts: readonly TallyPart[], listedBefore = false): { townships: TownshipData[][]; shared: string[] } {
    // The part each township was last met in (-1: none yet, -2: already found shared, -3: in the earlier part).
    const before = this.townships.size;
    const partOf = new Int32Array(before + parts.reduce((n, p) => n + p.townships.length, 0)).fill(-1);
    if (listedBefore) partOf.fill(-3, 0, before);
    const shared: string[] = [];
    const townships = parts.map((part, i) =>
      part.townships.map((name) => {
        const t = this.township(name);
        const last = partOf[t.index]!;
        if (last === -1) partOf[t.index] = i;
        else if (last !== -2 && last !== i) {
          shared.push(name);
          partOf[t.index] = -2;
        }
        return t;
      }),
    );
    return { townships, shared };
  }

  /** Whether nothing has been added yet. */
  get empty(): boolean {
    return this.townships.size === 0 && this.listed.size === 0 && this.used.crops.size === 0 && this.used.species.size === 0;
  }

  /**
   * Takes over all that `other` holds, this tally being empty: a file's first part, read in this thread, becomes the
   * tally instead of being merged into it. `lineOffset` makes its line numbers the file's. `other` is not to be used
   * after.
   */
  adopt(other: Tally, lineOffset: number): void {
    if (
      !this.empty ||
      other.nutrients.join() !== this.nutrients.join() ||
      other.keepDetails !== this.keepDetails ||
      other.layout.stockOnly !== this.layout.stockOnly
    )
      throw new Error('a tally takes over only a tally like it, and only when empty');
    this.townshipMap = other.townshipMap;
    this.usedCounts = other.usedCounts;
    this.listedSet = other.listedSet;
    this.layout = other.layout;
    this.last = other.last;
    if (lineOffset !== 0) for (const t of this.townships.values()) if (t.firstLivestockLine) t.firstLivestockLine += lineOffset;
  }

  /**
   * Adds a part read by another thread (parts in file order); `lineOffset` makes its line numbers the file's.
   * `townships`: the part's townships in this tally, as townshipsOfParts gave them.
   */
  merge(part: TallyPart, lineOffset: number, townships: readonly TownshipData[]): void {
    const { ints } = part;
    const sums = ExactSums.from(part.sums);
    const { width } = this.layout;
    // Parts are read with the same basis, so their sums are laid out as this tally's — or are the stock alone.
    const partWidth = part.stockOnly ? 1 : width;
    if (sums.count !== part.townships.length * partWidth) throw new Error(`a part's sums are not laid out as the tally's (${sums.count} sums)`);
    for (let i = 0; i < part.townships.length; i++) {
      const name = part.townships[i]!;
      const t = townships[i]!;
      t.cropRows += ints[i * 3]!;
      t.livestockRows += ints[i * 3 + 1]!;
      const firstLine = ints[i * 3 + 2]!;
      if (!t.firstLivestockLine && firstLine) t.firstLivestockLine = firstLine + lineOffset;
      if (part.stockOnly) this.layout.sums.addSums(this.layout.stock(t.index), sums, i, 1);
      if (part.townshipsListed) this.listed.add(name);
    }
    // Townships one after another in the part and in the tally have their sums one after another in both stores: they
    // go in together (those of townships new to the tally, past its last sum so far, in one copy: see addSums).
    if (!part.stockOnly)
      for (let i = 0; i < part.townships.length;) {
        const first = townships[i]!.index;
        let j = i + 1;
        while (j < part.townships.length && townships[j]!.index === first + j - i) j++;
        this.layout.sums.addSums(first * width, sums, i * width, (j - i) * width);
        i = j;
      }
    for (const [key, u] of part.used.crops) this.count(this.used.crops, key, u.local, u.rows);
    for (const [key, u] of part.used.species) this.count(this.used.species, key, u.local, u.rows);
    for (const name of part.listed) this.listed.add(name);
  }
}
