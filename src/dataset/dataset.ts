import { stat } from 'node:fs/promises';
import type { Coefficients } from '../coefficients/coefficients.js';
import { soilThreshold } from '../coefficients/coefficients.js';
import type { CropRow } from '../io/crops.js';
import type { Encoding, EncodingOption } from '../io/csv.js';
import type { LivestockRow } from '../io/livestock.js';
import { SoilReader, type SoilRow } from '../io/soil.js';
import type { Header, Row } from '../io/table.js';
import { resolveSoilGrade, type SoilGradeSource } from '../method/soil-grade.js';
import { basisNutrients, landUseIndex, type LandUse, type Nutrient, type SoilGrade } from '../method/types.js';
import type { Parameters } from '../params/params.js';
import type { ProblemLog } from '../validate/problems.js';
import { readTableFile, type FileSummary, type Progress } from './read-file.js';
import { cropRows, livestockRows } from './rows.js';
import type { WorkerPool } from '../parallel/pool.js';
import { Tally, type CoefficientsUsed, type GradeOf, type TownshipData } from './tally.js';

export { Tally, TownshipData, type CoefficientsUsed, type CropDetail, type LivestockDetail } from './tally.js';

/** Files from this size on are read in parts by several threads (see parallel/). */
const PARALLEL_MIN_BYTES = 2 << 20;

export interface InputFiles {
  readonly crops: string;
  readonly livestock: string;
  readonly soil?: string;
}

/** The files `validate` may be given: any of the three kinds. */
export type SomeInputFiles = Partial<InputFiles>;

export interface Dataset {
  /** In order of first appearance: the crops file, then the livestock file. */
  readonly townships: Map<string, TownshipData>;
  /** The soil grade of a township's crops on a land use, and where it came from (CONTRACT.md "soil"). */
  readonly soilGrade: (township: string, landUse: LandUse | null, n: Nutrient) => { readonly grade: SoilGrade; readonly source: SoilGradeSource };
  readonly files: FileSummary[];
  readonly used: CoefficientsUsed;
}

/** A township's crop demand by soil grade, for each nutrient of the basis. */
export function demandByGrade(
  dataset: Pick<Dataset, 'soilGrade'>,
  t: TownshipData,
  nutrients: readonly Nutrient[],
): Partial<Record<Nutrient, Record<SoilGrade, number>>> {
  const demand: Partial<Record<Nutrient, Record<SoilGrade, number>>> = {};
  for (const n of nutrients) demand[n] = t.demandByGrade(n, (lu) => dataset.soilGrade(t.name, lu, n).grade);
  return demand;
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
  /** Encodings detected over the whole file, by path: such a file is not scanned again, nor its rows checked for undecodable text. */
  readonly encodings?: ReadonlyMap<string, Encoding>;
  /** Called as the files are read, for a progress line. */
  readonly onProgress?: Progress;
  /** Townships whose row-by-row detail to keep (for explain). */
  readonly keepDetails?: (township: string) => boolean;
  /** Large files are read by worker threads unless this is false; an object sets the size from which and the parts. */
  readonly parallel?: false | { readonly minBytes?: number; readonly parts?: number };
  /**
   * Clean lines of a file read in one stream are read in place (see CleanLine) unless this is false: every line is
   * then read as a Row — the reference the reading in place is tested against.
   */
  readonly inPlace?: boolean;
  /**
   * Hears of the townships' land once the crops and soil files are read, before the livestock file's rows are in:
   * what follows from the land alone can be worked out meanwhile. When the files are read in parts, the livestock
   * file is then read whole by a worker thread, leaving this thread to that work.
   */
  readonly landRead?: (land: Pick<Dataset, 'townships' | 'soilGrade'>) => void;
}

/**
 * Reads soil, crops and livestock files row by row into per-township sums. Memory grows with the number of
 * townships (and the crops of each, for the repeated-row check), not with the number of rows. A large crops or
 * livestock file is read by worker threads, a part each, when nothing needs its rows one by one (see parallel/).
 */
export async function loadDataset(files: SomeInputFiles, params: Parameters, c: Coefficients, log: ProblemLog, options: LoadOptions = {}): Promise<Dataset> {
  const encodingOf = (path: string) => options.encodings?.get(path) ?? options.encoding ?? 'auto';
  const detected = (path: string) => options.encodings?.has(path) === true;
  const nutrients = basisNutrients(params.basis);
  const tally = new Tally(nutrients, options.keepDetails);
  const summaries: FileSummary[] = [];
  const { adjust, onProgress } = options;

  const soil = new Map<string, Map<LandUse | null, SoilRow>>();
  const readSoil = async (path: string) => {
    let reader: SoilReader | undefined;
    const onRow = (row: Row, header: Header) => {
      reader ??= new SoilReader(header, c, log);
      const r = reader.read(row);
      if (!r) return;
      let byLandUse = soil.get(r.township);
      if (!byLandUse) soil.set(r.township, (byLandUse = new Map()));
      byLandUse.set(r.landUse, r);
    };
    return (await readTableFile(path, 'soil', encodingOf(path), log, onRow, { onProgress, detected: detected(path) })).summary;
  };

  const thresholds = (n: Nutrient, lu: LandUse) => soilThreshold(c, n, lu);
  // Without soil data for the township every crop takes the default grade; with it, grades are resolved once per land use.
  const defaultGrade = { grade: params.soilGrade, source: { from: 'parameter' } } as const;
  // Grades are asked for township by township: the last one's soil rows and grades (of each land use — none first,
  // then LAND_USES — × nutrient) are kept at hand. Another township's are worked out again when asked for.
  let lastTownship: string | undefined;
  let lastRows: Map<LandUse | null, SoilRow> | undefined;
  let lastGrades: ReturnType<typeof resolveSoilGrade>[] = [];
  const gradeOf: GradeOf = (townshipName, landUse, n) => {
    if (lastTownship !== townshipName) {
      lastTownship = townshipName;
      lastRows = soil.get(townshipName);
      lastGrades = [];
    }
    if (!lastRows) return defaultGrade;
    const key = landUseIndex(landUse) * 2 + (n === 'N' ? 0 : 1);
    return (lastGrades[key] ??= resolveSoilGrade(lastRows, landUse, n, params.soilGrade, thresholds));
  };

  // Rows one by one are needed for explain's detail and a scenario's changes; otherwise large files go in parallel,
  // the crops and the livestock file at once, and are merged in that order.
  const parallel = options.parallel !== false && !options.keepDetails && !adjust;
  let pool: WorkerPool | undefined;
  const start = async (path: string | undefined, kind: 'crops' | 'livestock') => {
    if (!parallel || path === undefined) return undefined;
    const settings = typeof options.parallel === 'object' ? options.parallel : {};
    // A small file (a county's) is read in one stream, without loading the threads' code.
    const size = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    const minBytes = settings.minBytes ?? PARALLEL_MIN_BYTES;
    if (size < minBytes) return undefined;
    const { readInParallel, WorkerPool } = await import('../parallel/parallel.js');
    // The worker threads start now, while this thread finds the file's encoding and parts.
    pool ??= new WorkerPool(settings.parts).start();
    // A livestock file read while this thread works out the land goes to a worker thread whole.
    const meanwhile = kind === 'livestock' && options.landRead !== undefined;
    return readInParallel(path, kind, encodingOf(path), {
      params,
      strict: log.strict,
      tally,
      log,
      pool,
      onProgress,
      detected: detected(path),
      ...settings,
      minBytes,
      ...(meanwhile ? { parts: 1, workerOnly: true } : {}),
    });
  };
  const read = async (path: string, kind: 'crops' | 'livestock', inFlight: Awaited<ReturnType<typeof start>>) => {
    const merged = await inFlight?.merge();
    if (merged) return merged;
    const handler = kind === 'crops' ? cropRows(c, log, nutrients, tally, adjust, gradeOf) : livestockRows(c, log, params.stockRatio, tally, adjust);
    const clean = options.inPlace === false ? undefined : handler.clean;
    return (await readTableFile(path, kind, encodingOf(path), log, handler.onRow, { onProgress, detected: detected(path), clean })).summary;
  };

  let cropsFile: FileSummary | undefined;
  try {
    const cropsInFlight = await start(files.crops, 'crops');
    const livestockInFlight = await start(files.livestock, 'livestock');
    // The soil file is read while the threads read their parts; its grades are needed only once they are merged.
    if (files.soil) summaries.push(await readSoil(files.soil));
    cropsFile = files.crops === undefined ? undefined : await read(files.crops, 'crops', cropsInFlight);
    if (cropsFile) summaries.push(cropsFile);
    if (adjust)
      for (const r of adjust.extraCrops()) {
        tally.listed.add(r.township);
        tally.addCrop(r, gradeOf);
      }
    options.landRead?.({ townships: tally.townships, soilGrade: gradeOf });
    if (files.livestock) summaries.push(await read(files.livestock, 'livestock', livestockInFlight));
  } finally {
    await pool?.close();
  }
  if (adjust) for (const r of adjust.extraLivestock()) tally.addLivestock(r);

  const dataset = { townships: tally.townships, files: summaries, used: tally.used, soilGrade: gradeOf };
  // Checks across files need a readable crops file to compare with.
  if (!cropsFile?.readable) return dataset;
  for (const t of tally.townships.values()) {
    if (!tally.listed.has(t.name) && t.firstLivestockLine)
      log.report({ file: files.livestock!, line: t.firstLivestockLine, column: 0 }, 'township-no-land', { township: t.name });
  }
  for (const [name, byLandUse] of soil) {
    if (tally.listed.has(name)) continue;
    const first = [...byLandUse.values()].sort((a, b) => a.line - b.line)[0]!;
    log.report({ file: first.file, line: first.line, column: 0 }, 'township-soil-only', { township: name });
  }
  return dataset;
}
