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

const SLOT: Record<Nutrient, Record<SoilGrade, number>> = { N: { I: 0, II: 1, III: 2 }, P: { I: 3, II: 4, III: 5 } };

/**
 * Everything the method needs of one township, summed row by row as the files stream past.
 * Sums are made when first used: a national run holds tens of thousands of these.
 */
export class TownshipData {
  cropRows = 0;
  livestockRows = 0;
  /** Crop nutrient demand by nutrient and soil grade, in slots N I, N II, N III, P I, P II, P III. */
  private readonly demand: (ExactSum | undefined)[] = [];
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

  addDemand(n: Nutrient, grade: SoilGrade, kg: number): void {
    (this.demand[SLOT[n][grade]] ??= new ExactSum()).add(kg);
  }

  demandByGrade(n: Nutrient): Record<SoilGrade, number> {
    const d = (g: SoilGrade) => this.demand[SLOT[n][g]]?.value() ?? 0;
    return { I: d('I'), II: d('II'), III: d('III') };
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
      const { grade, source } = gradeOf(r.township, r.landUse, n);
      t.addDemand(n, grade, demandKg);
      if (t.details) detail[n] = { grade, gradeSource: source, demandKg };
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
  if (!cropsFile?.readable) return { townships, files: summaries, used };
  for (const t of townships.values()) {
    if (!listed.has(t.name) && t.firstLivestockLine)
      log.report({ file: files.livestock!, line: t.firstLivestockLine, column: 0 }, 'township-no-land', { township: t.name });
  }
  for (const [name, byLandUse] of soil) {
    if (listed.has(name)) continue;
    const first = [...byLandUse.values()].sort((a, b) => a.line - b.line)[0]!;
    log.report({ file: first.file, line: first.line, column: 0 }, 'township-soil-only', { township: name });
  }
  return { townships, files: summaries, used };
}
