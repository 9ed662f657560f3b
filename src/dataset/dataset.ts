import type { Coefficients } from '../coefficients/coefficients.js';
import { soilThreshold } from '../coefficients/coefficients.js';
import { CropReader, type CropRow } from '../io/crops.js';
import type { Encoding, EncodingOption } from '../io/csv.js';
import { LivestockReader, type LivestockRow } from '../io/livestock.js';
import { SoilReader, type SoilRow } from '../io/soil.js';
import { cropNutrientDemandKg } from '../method/crop-demand.js';
import { ExactSum } from '../method/exact-sum.js';
import { pigEquivalents } from '../method/pig-equivalent.js';
import { resolveSoilGrade, type SoilGradeSource } from '../method/soil-grade.js';
import { basisNutrients, type Fraction, type LandUse, type Nutrient, type SoilGrade } from '../method/types.js';
import type { Parameters } from '../params/params.js';
import type { ProblemLog } from '../validate/problems.js';
import { readTableFile, type FileSummary, type Progress } from './read-file.js';

export interface InputFiles {
  readonly crops: string;
  readonly livestock: string;
  readonly soil?: string;
}

/** The files `validate` may be given: any of the three kinds. */
export type SomeInputFiles = Partial<InputFiles>;

/** A crop row as the method used it: its soil grade and nutrient demand per nutrient. */
export interface CropDetail {
  readonly row: CropRow;
  readonly nutrients: Partial<Record<Nutrient, { readonly grade: SoilGrade; readonly gradeSource: SoilGradeSource; readonly demandKg: number }>>;
}

export interface LivestockDetail {
  readonly row: LivestockRow;
  readonly pe: number;
}

export interface SpeciesTotal {
  readonly head: ExactSum;
  readonly pe: ExactSum;
  readonly factor: Fraction;
}

const NUTRIENT_SLOT: Record<Nutrient, number> = { N: 0, P: 1 };

/** A township's sums as plain data, to pass between threads. */
export interface TownshipSums {
  readonly name: string;
  readonly cropRows: number;
  readonly livestockRows: number;
  /** [land use ('' for none), nutrient slot, exact-sum partials] */
  readonly demand: readonly (readonly [string, number, readonly number[]])[];
  readonly stock: readonly number[];
  /** [species, head partials, PE partials, factor] */
  readonly species: readonly (readonly [string, readonly number[], readonly number[], Fraction])[];
  readonly firstLivestockLine: number;
}

/**
 * Everything the method needs of one township, summed row by row as the files stream past: crop nutrient demand by
 * land use (graded by soil once all files are read), stock by species. Sums are exact, so that sums of parts —
 * one per thread, per land use — are the same as one sum of every row. A national run holds tens of thousands.
 */
export class TownshipData {
  cropRows = 0;
  livestockRows = 0;
  /** Land use ('' for none) → demand sums for N and P. */
  private readonly demand = new Map<string, (ExactSum | undefined)[]>();
  private stock: ExactSum | undefined;
  /** Head and PE by species as counted (生猪, 羊 …, or a local species' name). */
  species: Map<string, SpeciesTotal> | undefined;
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

  private sum(landUse: LandUse | null | string, n: Nutrient): ExactSum {
    const key = landUse ?? '';
    let sums = this.demand.get(key);
    if (!sums) this.demand.set(key, (sums = []));
    return (sums[NUTRIENT_SLOT[n]] ??= new ExactSum());
  }

  addDemand(n: Nutrient, landUse: LandUse | null, kg: number): void {
    this.sum(landUse, n).add(kg);
  }

  /** Crop demand by soil grade: each land use's demand goes to the grade the soil gives it. */
  demandByGrade(n: Nutrient, gradeOf: (landUse: LandUse | null) => SoilGrade): Record<SoilGrade, number> {
    const byGrade = { I: new ExactSum(), II: new ExactSum(), III: new ExactSum() };
    for (const [landUse, sums] of this.demand) {
      const sum = sums[NUTRIENT_SLOT[n]];
      if (sum) byGrade[gradeOf(landUse === '' ? null : (landUse as LandUse))].merge(sum);
    }
    return { I: byGrade.I.value(), II: byGrade.II.value(), III: byGrade.III.value() };
  }

  addStock(species: string, head: number, pe: number, factor: Fraction): void {
    (this.stock ??= new ExactSum()).add(pe);
    this.species ??= new Map();
    let s = this.species.get(species);
    if (!s) this.species.set(species, (s = { head: new ExactSum(), pe: new ExactSum(), factor }));
    s.head.add(head);
    s.pe.add(pe);
  }

  get stockPe(): number {
    return this.stock?.value() ?? 0;
  }

  toSums(): TownshipSums {
    return {
      name: this.name,
      cropRows: this.cropRows,
      livestockRows: this.livestockRows,
      demand: [...this.demand].flatMap(([landUse, sums]) => sums.flatMap((s, slot) => (s ? [[landUse, slot, s.toJSON()] as const] : []))),
      stock: this.stock?.toJSON() ?? [],
      species: [...(this.species ?? [])].map(([name, s]) => [name, s.head.toJSON(), s.pe.toJSON(), s.factor] as const),
      firstLivestockLine: this.firstLivestockLine,
    };
  }

  /** Adds another part's sums for this township (from another thread, in file order); `lineOffset` makes its lines the file's. */
  merge(other: TownshipSums, lineOffset: number): void {
    this.cropRows += other.cropRows;
    this.livestockRows += other.livestockRows;
    for (const [landUse, slot, partials] of other.demand) this.sum(landUse, slot === 0 ? 'N' : 'P').merge(ExactSum.from(partials));
    if (other.stock.length > 0) (this.stock ??= new ExactSum()).merge(ExactSum.from(other.stock));
    for (const [name, head, pe, factor] of other.species) {
      this.species ??= new Map();
      let s = this.species.get(name);
      if (!s) this.species.set(name, (s = { head: new ExactSum(), pe: new ExactSum(), factor }));
      s.head.merge(ExactSum.from(head));
      s.pe.merge(ExactSum.from(pe));
    }
    if (!this.firstLivestockLine && other.firstLivestockLine) this.firstLivestockLine = other.firstLivestockLine + lineOffset;
  }
}

/** Coefficients that the data actually used, for the report's provenance note. */
export interface CoefficientsUsed {
  /** Crop of the table (or local crop as written) → number of rows. */
  readonly crops: Map<string, { rows: number; local: boolean }>;
  readonly species: Map<string, { rows: number; local: boolean }>;
}

export interface Dataset {
  /** In order of first appearance: the crops file, then the livestock file. */
  readonly townships: Map<string, TownshipData>;
  /** The soil grade of a township's crops on a land use, and where it came from (CONTRACT.md "soil"). */
  readonly soilGrade: (township: string, landUse: LandUse | null, n: Nutrient) => { readonly grade: SoilGrade; readonly source: SoilGradeSource };
  readonly files: FileSummary[];
  readonly used: CoefficientsUsed;
}

/** Changes rows as they are read, and adds rows (a scenario: src/scenario). */
export interface RowAdjuster {
  crop(row: CropRow): CropRow;
  livestock(row: LivestockRow): LivestockRow;
  /** Rows to add after the files' own, once every row has been seen. */
  extraCrops(): CropRow[];
  extraLivestock(): LivestockRow[];
}

export interface LoadOptions {
  /** A scenario's changes to the rows. */
  readonly adjust?: RowAdjuster;
  readonly encoding?: EncodingOption;
  /** Encodings already detected, by path (so a file is not scanned twice). */
  readonly encodings?: ReadonlyMap<string, Encoding>;
  /** Called as the files are read, for a progress line. */
  readonly onProgress?: Progress;
  /** Townships whose row-by-row detail to keep (for explain). */
  readonly keepDetails?: (township: string) => boolean;
}

/**
 * Reads soil, crops and livestock files row by row into per-township sums. Memory grows with the number of
 * townships (and the crops of each, for the duplicate check), not with the number of rows.
 */
export async function loadDataset(files: SomeInputFiles, params: Parameters, c: Coefficients, log: ProblemLog, options: LoadOptions = {}): Promise<Dataset> {
  const encodingOf = (path: string) => options.encodings?.get(path) ?? options.encoding ?? 'auto';
  const keep = options.keepDetails ?? (() => false);
  const nutrients = basisNutrients(params.basis);
  const townships = new Map<string, TownshipData>();
  const township = (name: string) => {
    let t = townships.get(name);
    if (!t) townships.set(name, (t = new TownshipData(name, keep(name))));
    return t;
  };
  const summaries: FileSummary[] = [];
  const used: CoefficientsUsed = { crops: new Map(), species: new Map() };
  const count = (m: Map<string, { rows: number; local: boolean }>, key: string, local: boolean) => {
    const e = m.get(key);
    if (e) e.rows++;
    else m.set(key, { rows: 1, local });
  };

  const soil = new Map<string, Map<LandUse | null, SoilRow>>();
  if (files.soil) {
    let reader: SoilReader | undefined;
    summaries.push(
      await readTableFile(
        files.soil,
        'soil',
        encodingOf(files.soil),
        log,
        (row, header) => {
          reader ??= new SoilReader(header, c, log);
          const r = reader.read(row);
          if (!r) return;
          let byLandUse = soil.get(r.township);
          if (!byLandUse) soil.set(r.township, (byLandUse = new Map()));
          byLandUse.set(r.landUse, r);
        },
        [],
        options.onProgress,
      ),
    );
  }

  const thresholds = (n: Nutrient, lu: LandUse) => soilThreshold(c, n, lu);
  // Without soil data for the township every crop takes the default grade; with it, grades are resolved once per land use.
  const defaultGrade = { grade: params.soilGrade, source: { from: 'parameter' } } as const;
  const gradeCache = new Map<Map<LandUse | null, SoilRow>, Map<string, ReturnType<typeof resolveSoilGrade>>>();
  const gradeOf = (townshipName: string, landUse: LandUse | null, n: Nutrient) => {
    const rows = soil.get(townshipName);
    if (!rows) return defaultGrade;
    let cache = gradeCache.get(rows);
    if (!cache) gradeCache.set(rows, (cache = new Map()));
    const key = `${landUse ?? ''}${n}`;
    let g = cache.get(key);
    if (!g) cache.set(key, (g = resolveSoilGrade(rows, landUse, n, params.soilGrade, thresholds)));
    return g;
  };

  const addCrop = (r: CropRow) => {
    const t = township(r.township);
    t.cropRows++;
    count(used.crops, r.crop?.crop ?? r.cropAsWritten, r.crop === null);
    const detail: CropDetail['nutrients'] = {};
    for (const n of nutrients) {
      const uptake = r.uptake[n]!;
      const demandKg = cropNutrientDemandKg(r.production, uptake.value, r.measure);
      t.addDemand(n, r.landUse, demandKg);
      if (t.details) {
        const { grade, source } = gradeOf(r.township, r.landUse, n);
        detail[n] = { grade, gradeSource: source, demandKg };
      }
    }
    t.details?.crops.push({ row: r, nutrients: detail });
  };
  const addLivestock = (r: LivestockRow) => {
    const t = township(r.township);
    t.livestockRows++;
    t.firstLivestockLine ||= r.line;
    count(used.species, r.speciesName, r.species === null);
    const pe = pigEquivalents(r.stock, r.peFactor);
    t.addStock(r.speciesName, r.stock, pe, r.peFactor);
    t.details?.livestock.push({ row: r, pe });
  };
  const adjust = options.adjust;

  let cropReader: CropReader | undefined;
  // Townships the crops file lists, even on rows with errors: the no-land check must not pile onto those.
  const listed = new Set<string>();
  const cropsFile =
    files.crops === undefined
      ? undefined
      : await readTableFile(
          files.crops,
          'crops',
          encodingOf(files.crops),
          log,
          (row, header) => {
            cropReader ??= new CropReader(header, c, log, { nutrients });
            const listedAs = row.text(header.byField.get('township')?.[0]);
            if (listedAs !== '') listed.add(listedAs);
            const r = cropReader.read(row);
            if (r) addCrop(adjust ? adjust.crop(r) : r);
          },
          [],
          options.onProgress,
        );
  if (cropsFile) summaries.push(cropsFile);
  if (adjust)
    for (const r of adjust.extraCrops()) {
      listed.add(r.township);
      addCrop(r);
    }

  let livestockReader: LivestockReader | undefined;
  if (files.livestock)
    summaries.push(
      await readTableFile(
        files.livestock,
        'livestock',
        encodingOf(files.livestock),
        log,
        (row, header) => {
          livestockReader ??= new LivestockReader(header, c, log, params.stockRatio);
          const r = livestockReader.read(row);
          if (r) addLivestock(adjust ? adjust.livestock(r) : r);
        },
        [],
        options.onProgress,
      ),
    );
  if (adjust) for (const r of adjust.extraLivestock()) addLivestock(r);

  // Checks across files need a readable crops file to compare with.
  if (!cropsFile?.readable) return { townships, files: summaries, used, soilGrade: gradeOf };
  for (const t of townships.values()) {
    if (!listed.has(t.name) && t.firstLivestockLine)
      log.report({ file: files.livestock!, line: t.firstLivestockLine, column: 0 }, 'township-no-land', { township: t.name });
  }
  for (const [name, byLandUse] of soil) {
    if (listed.has(name)) continue;
    const first = [...byLandUse.values()].sort((a, b) => a.line - b.line)[0]!;
    log.report({ file: first.file, line: first.line, column: 0 }, 'township-soil-only', { township: name });
  }
  return { townships, files: summaries, used, soilGrade: gradeOf };
}
