import type { CropRow } from '../input/crops.js';
import type { LivestockRow } from '../input/livestock.js';
import { cropNutrientDemandKg } from '../method/crop-demand.js';
import { ExactSums } from '../method/exact-sum.js';
import { pigEquivalents } from '../method/pig-equivalent.js';
import type { SoilGradeSource } from '../method/soil-grade.js';
import { LAND_USES, LAND_USE_SLOTS, landUseIndex, type LandUse, type Nutrient, type SoilGrade } from '../method/types.js';

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
  cropRows = 0;
  livestockRows = 0;
  /** Line of the first crops row, and of the first livestock row: where problems of the township's sums are placed. */
  firstCropLine = 0;
  firstLivestockLine = 0;
  /** Row by row detail, kept only for townships `explain` asks about. */
  readonly details?: { crops: CropDetail[]; livestock: LivestockDetail[] };
  /** Demand by land use (landUseIndex) and nutrient, sum landUse × 2 + (N 0, P 1); then stock, sum STOCK. */
  private readonly sums = new ExactSums(STOCK + 1);

  constructor(
    readonly name: string,
    /** Its place among the townships, in order of first appearance. */
    readonly index: number,
    keepDetails: boolean,
  ) {
    if (keepDetails) this.details = { crops: [], livestock: [] };
  }

  addDemand(n: Nutrient, landUse: LandUse | null, kg: number): void {
    this.sums.add(landUseIndex(landUse) * 2 + (n === 'N' ? 0 : 1), kg);
  }

  addStock(pe: number): void {
    this.sums.add(STOCK, pe);
  }

  /**
   * Crop demand by soil grade: each land use's demand goes to the grade the soil gives it, and a grade's demand is the
   * exact sum of every row of its land uses.
   */
  demandByGrade(n: Nutrient, gradeOf: (landUse: LandUse | null) => SoilGrade): Record<SoilGrade, number> {
    const byGrade: Partial<Record<SoilGrade, number[]>> = {};
    for (let lu = 0; lu < LAND_USE_SLOTS; lu++) {
      const sum = lu * 2 + (n === 'N' ? 0 : 1);
      if (this.sums.has(sum)) (byGrade[gradeOf(landUseAt(lu))] ??= []).push(sum);
    }
    const value = (sums: number[] | undefined) => (sums === undefined ? 0 : this.sums.value(...sums));
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
}

/** The sums of the rows read, per township in order of first appearance, and what the rows used of the coefficient tables. */
export class Tally {
  readonly townships = new Map<string, TownshipData>();
  readonly used: CoefficientsUsed = { crops: new Map(), species: new Map() };
  /** The township of the last row: files list a township's rows together. */
  private last: TownshipData | undefined;

  constructor(
    private readonly nutrients: readonly Nutrient[],
    private readonly keepDetails?: (township: string) => boolean,
  ) {}

  township(name: string): TownshipData {
    if (this.last?.name === name) return this.last;
    let t = this.townships.get(name);
    if (!t) this.townships.set(name, (t = new TownshipData(name, this.townships.size, this.keepDetails?.(name) === true)));
    return (this.last = t);
  }

  private static count(m: Map<string, { rows: number; local: boolean }>, key: string, local: boolean): void {
    const e = m.get(key);
    if (e) e.rows++;
    else m.set(key, { rows: 1, local });
  }

  /** A crop row: its demand for each nutrient goes to its township and land use. */
  addCrop(r: CropRow, gradeOf?: GradeOf): void {
    const t = this.township(r.township);
    t.cropRows++;
    t.firstCropLine ||= r.line;
    Tally.count(this.used.crops, r.crop?.crop ?? r.cropAsWritten, r.crop === null);
    for (const n of this.nutrients) t.addDemand(n, r.landUse, cropNutrientDemandKg(r.production, r.uptake[n]!.value, r.measure));
    if (!t.details) return;
    const detail: CropDetail['nutrients'] = {};
    for (const n of this.nutrients) {
      if (!gradeOf) continue;
      const { grade, source } = gradeOf(r.township, r.landUse, n);
      detail[n] = { grade, gradeSource: source, demandKg: cropNutrientDemandKg(r.production, r.uptake[n]!.value, r.measure) };
    }
    t.details.crops.push({ row: r, nutrients: detail });
  }

  /** A livestock row: its stock in pig equivalents goes to its township. */
  addLivestock(r: LivestockRow): void {
    const t = this.township(r.township);
    t.livestockRows++;
    t.firstLivestockLine ||= r.line;
    Tally.count(this.used.species, r.speciesName, r.species === null);
    const pe = pigEquivalents(r.stock, r.peFactor);
    t.addStock(pe);
    t.details?.livestock.push({ row: r, pe });
  }
}
