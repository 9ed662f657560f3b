import type { CropRow } from '../io/crops.js';
import type { LivestockRow } from '../io/livestock.js';
import { cropNutrientDemandKg } from '../method/crop-demand.js';
import { ExactSum } from '../method/exact-sum.js';
import { pigEquivalents } from '../method/pig-equivalent.js';
import type { SoilGradeSource } from '../method/soil-grade.js';
import { LAND_USES, type LandUse, type Nutrient, type SoilGrade } from '../method/types.js';

/** A crop row as the method used it: its soil grade and nutrient demand per nutrient. */
export interface CropDetail {
  readonly row: CropRow;
  readonly nutrients: Partial<Record<Nutrient, { readonly grade: SoilGrade; readonly gradeSource: SoilGradeSource; readonly demandKg: number }>>;
}

export interface LivestockDetail {
  readonly row: LivestockRow;
  readonly pe: number;
}

/** Demand sums are kept by land use — none (grass, forest) first, then LAND_USES — and nutrient. */
const LAND_USE_INDEX = new Map<string, number>([['', 0], ...LAND_USES.map((lu, i) => [lu, i + 1] as const)]);
const landUseAt = (index: number): LandUse | null => (index === 0 ? null : LAND_USES[index - 1]!);
const NUTRIENT_INDEX: Record<Nutrient, number> = { N: 0, P: 1 };

/**
 * Everything the method needs of one township, summed row by row as the files stream past: crop nutrient demand by
 * land use (graded by soil once all files are read) and stock in pig equivalents. Sums are exact, so that sums of
 * parts — one per thread, per land use — are the same as one sum of every row. A national run holds tens of
 * thousands, so each holds only its sums.
 */
export class TownshipData {
  cropRows = 0;
  livestockRows = 0;
  /** Demand sums: land use index × 2 + nutrient index. */
  private readonly demand: (ExactSum | undefined)[] = [];
  private stock: ExactSum | undefined;
  /** Row by row detail, kept only for townships `explain` asks about. */
  readonly details?: { crops: CropDetail[]; livestock: LivestockDetail[] };
  /** Line of the first livestock row, to place the no-land warning. */
  firstLivestockLine = 0;

  constructor(
    readonly name: string,
    keepDetails: boolean,
  ) {
    if (keepDetails) this.details = { crops: [], livestock: [] };
  }

  private slot(slot: number): ExactSum {
    return (this.demand[slot] ??= new ExactSum());
  }

  addDemand(n: Nutrient, landUse: LandUse | null, kg: number): void {
    this.slot(LAND_USE_INDEX.get(landUse ?? '')! * 2 + NUTRIENT_INDEX[n]).add(kg);
  }

  /** Crop demand by soil grade: each land use's demand goes to the grade the soil gives it. */
  demandByGrade(n: Nutrient, gradeOf: (landUse: LandUse | null) => SoilGrade): Record<SoilGrade, number> {
    const byGrade: Record<SoilGrade, ExactSum[]> = { I: [], II: [], III: [] };
    for (let slot = NUTRIENT_INDEX[n]; slot < this.demand.length; slot += 2) {
      const sum = this.demand[slot];
      if (sum) byGrade[gradeOf(landUseAt(slot >> 1))].push(sum);
    }
    // Usually one land use's sum per grade; with soil data, several merged.
    const total = (sums: ExactSum[]) => (sums.length < 2 ? (sums[0]?.value() ?? 0) : sums.reduce((t, sum) => t.merge(sum), new ExactSum()).value());
    return { I: total(byGrade.I), II: total(byGrade.II), III: total(byGrade.III) };
  }

  addStock(pe: number): void {
    (this.stock ??= new ExactSum()).add(pe);
  }

  get stockPe(): number {
    return this.stock?.value() ?? 0;
  }

  /** Writes the township's sums to a part (see TallyPart). */
  writeTo(ints: number[], floats: number[]): void {
    const sums: [number, ExactSum][] = [];
    this.demand.forEach((sum, slot) => sum && sums.push([slot, sum]));
    if (this.stock) sums.push([STOCK, this.stock]);
    ints.push(this.cropRows, this.livestockRows, this.firstLivestockLine, sums.length);
    for (const [slot, sum] of sums) {
      const partials = sum.toJSON();
      ints.push(slot, partials.length);
      floats.push(...partials);
    }
  }

  /**
   * Adds another part's sums for this township (from another thread, in file order), reading them from `at`;
   * `lineOffset` makes its lines the file's; `at` moves on to the next township's.
   */
  mergeFrom(part: TallyPart, at: { int: number; float: number }, lineOffset: number): void {
    const { ints, floats } = part;
    this.cropRows += ints[at.int++]!;
    this.livestockRows += ints[at.int++]!;
    const firstLine = ints[at.int++]!;
    if (!this.firstLivestockLine && firstLine) this.firstLivestockLine = firstLine + lineOffset;
    for (let k = ints[at.int++]!; k > 0; k--) {
      const slot = ints[at.int++]!;
      const count = ints[at.int++]!;
      const partials = ExactSum.fromPartials(floats.subarray(at.float, (at.float += count)));
      if (slot === STOCK) this.stock = this.stock ? this.stock.merge(partials) : partials;
      else this.demand[slot] = this.demand[slot]?.merge(partials) ?? partials;
    }
  }
}

/** The slot of the stock sum in a part. */
const STOCK = -1;

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
 * tens of thousands of objects: townships in order; per township in `ints` its row counts, first livestock line and
 * sums (slot and number of partials), the partials themselves in `floats`.
 */
export interface TallyPart {
  readonly townships: readonly string[];
  readonly ints: Int32Array;
  readonly floats: Float64Array;
  readonly used: { readonly crops: [string, { rows: number; local: boolean }][]; readonly species: [string, { rows: number; local: boolean }][] };
  /** Townships the crops file lists: those of `townships` when `townshipsListed`, and these. */
  readonly listed: readonly string[];
  readonly townshipsListed: boolean;
}

/**
 * The sums of the rows read so far, per township in order of first appearance, and what the rows used of the
 * coefficient tables. Rows go in one by one (addCrop, addLivestock) or as whole parts from other threads (merge).
 */
export class Tally {
  readonly townships = new Map<string, TownshipData>();
  readonly used: CoefficientsUsed = { crops: new Map(), species: new Map() };
  /** Townships the crops file lists, even on rows with errors: the no-land check must not pile onto those. */
  readonly listed = new Set<string>();

  constructor(
    private readonly nutrients: readonly Nutrient[],
    private readonly keepDetails: (township: string) => boolean = () => false,
  ) {}

  /** The township of the last row: files list a township's rows together. */
  private last: TownshipData | undefined;

  township(name: string): TownshipData {
    if (this.last?.name === name) return this.last;
    let t = this.townships.get(name);
    if (!t) this.townships.set(name, (t = new TownshipData(name, this.keepDetails(name))));
    return (this.last = t);
  }

  private count(m: Map<string, { rows: number; local: boolean }>, key: string, local: boolean, rows = 1): void {
    const e = m.get(key);
    if (e) e.rows += rows;
    else m.set(key, { rows, local });
  }

  /** A crop row: its demand for each nutrient goes to its township and land use. */
  addCrop(r: CropRow, gradeOf?: GradeOf): void {
    const t = this.township(r.township);
    t.cropRows++;
    this.count(this.used.crops, r.crop?.crop ?? r.cropAsWritten, r.crop === null);
    const detail: CropDetail['nutrients'] = {};
    for (const n of this.nutrients) {
      const demandKg = cropNutrientDemandKg(r.production, r.uptake[n]!.value, r.measure);
      t.addDemand(n, r.landUse, demandKg);
      if (t.details && gradeOf) {
        const { grade, source } = gradeOf(r.township, r.landUse, n);
        detail[n] = { grade, gradeSource: source, demandKg };
      }
    }
    t.details?.crops.push({ row: r, nutrients: detail });
  }

  /** A livestock row: its stock in pig equivalents goes to its township and species. */
  addLivestock(r: LivestockRow): void {
    const t = this.township(r.township);
    t.livestockRows++;
    t.firstLivestockLine ||= r.line;
    this.count(this.used.species, r.speciesName, r.species === null);
    const pe = pigEquivalents(r.stock, r.peFactor);
    t.addStock(pe);
    t.details?.livestock.push({ row: r, pe });
  }

  toPart(): TallyPart {
    const ints: number[] = [];
    const floats: number[] = [];
    for (const t of this.townships.values()) t.writeTo(ints, floats);
    // A crops file lists every township it has rows for (and some whose rows all had errors); a livestock file, none.
    const townshipsListed = this.townships.size > 0 && [...this.townships.keys()].every((name) => this.listed.has(name));
    return {
      townships: [...this.townships.keys()],
      ints: Int32Array.from(ints),
      floats: Float64Array.from(floats),
      used: { crops: [...this.used.crops], species: [...this.used.species] },
      ...(townshipsListed
        ? { listed: [...this.listed].filter((name) => !this.townships.has(name)), townshipsListed }
        : { listed: [...this.listed], townshipsListed }),
    };
  }

  /** Adds a part read by another thread (parts in file order); `lineOffset` makes its line numbers the file's. */
  merge(part: TallyPart, lineOffset: number): void {
    const at = { int: 0, float: 0 };
    for (const name of part.townships) {
      this.township(name).mergeFrom(part, at, lineOffset);
      if (part.townshipsListed) this.listed.add(name);
    }
    for (const [key, u] of part.used.crops) this.count(this.used.crops, key, u.local, u.rows);
    for (const [key, u] of part.used.species) this.count(this.used.species, key, u.local, u.rows);
    for (const name of part.listed) this.listed.add(name);
  }
}
