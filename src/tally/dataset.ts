import { soilThreshold, type Coefficients } from '../coefficients/coefficients.js';
import { applyLocal } from '../coefficients/local.js';
import { CropReader, type CropRow } from '../input/crops.js';
import type { EncodingOption } from '../input/errors.js';
import { LivestockReader, type LivestockRow } from '../input/livestock.js';
import { openInput, readTable, type FileSummary, type OpenedInput, type Progress } from '../input/read.js';
import { LocalReader } from '../input/local.js';
import { SoilReader, type SoilRow } from '../input/soil.js';
import { PlacesReader, type PlaceRow } from '../input/places.js';
import type { MapShape } from '../input/map.js';
import { TownshipIndex, TownshipMatcher, sameTownship, townshipIdOf, townshipLabel, type TownshipId } from '../input/township.js';
import type { InputKind } from '../input/columns.js';
import type { InputRef } from '../input/source.js';
import type { Header, Row } from '../input/table.js';
import { capacityShare, townshipBalance, type Balance, type ChainConstants, type ChainParameters } from '../method/balance.js';
import { resolveSoilGrade, type SoilGradeSource } from '../method/soil-grade.js';
import { basisNutrients, landUseIndex, type LandUse, type Nutrient, type SoilGrade } from '../method/types.js';
import type { Parameters } from '../params/params.js';
import type { Place, ProblemLog } from '../problems.js';
import { Tally, type CoefficientsUsed, type GradeOf, type TownshipData } from './tally.js';

export { Tally, TownshipData, type CoefficientsUsed, type CropDetail, type LivestockDetail } from './tally.js';

/** An input of a dataset: a path or bytes in memory, or an input already read (validate reads each file's header first). */
export type DatasetInput = InputRef | OpenedInput;

export interface InputFiles {
  readonly crops: DatasetInput;
  readonly livestock: DatasetInput;
  readonly soil?: DatasetInput;
  /** A county's local dictionary of names and values (docs/local.md), read before the data. */
  readonly local?: DatasetInput;
  /** The townships' locations, for a transfer plan (docs/transfer.md). */
  readonly places?: DatasetInput;
  /** A GeoJSON map of the townships, to draw (and to locate them when there is no places file). */
  readonly map?: string;
}

/** The files `validate` may be given: any of the three kinds. */
export type SomeInputFiles = Partial<InputFiles>;

export interface Dataset {
  /** By key (townshipKey), in order of first appearance: the crops file, then the livestock file. */
  readonly townships: Map<string, TownshipData>;
  /** The soil grade of a township's crops on a land use, and where it came from (docs/input.md, soil). */
  readonly soilGrade: (township: string, landUse: LandUse | null, n: Nutrient) => { readonly grade: SoilGrade; readonly source: SoilGradeSource };
  readonly files: FileSummary[];
  readonly used: CoefficientsUsed;
  /** The tables the data was read with: the guide's, with the local dictionary's names and values over them. */
  readonly coefficients: Coefficients;
  /** The townships' locations: the places file's, else the map's area centroids. */
  readonly places: TownshipIndex<PlaceRow>;
  /** The townships' shapes, when a map is given. */
  readonly map?: TownshipIndex<MapShape>;
}

/** A township's crop demand by soil grade, for each nutrient of the basis. */
export function demandByGrade(
  dataset: Pick<Dataset, 'soilGrade'>,
  t: TownshipData,
  nutrients: readonly Nutrient[],
  forestOnly = false,
): Partial<Record<Nutrient, Record<SoilGrade, number>>> {
  const demand: Partial<Record<Nutrient, Record<SoilGrade, number>>> = {};
  for (const n of nutrients) demand[n] = t.demandByGrade(n, (lu) => dataset.soilGrade(t.key, lu, n).grade, forestOnly);
  return demand;
}

/** A balance with its township's county and city after its name. */
function withRegion({ name, ...figures }: Balance, t: TownshipData): Balance {
  return { name, ...(t.county === '' ? {} : { county: t.county }), ...(t.city === '' ? {} : { city: t.city }), ...figures };
}

/**
 * A township's balance (the method's chain over its demand by soil grade and its stock), with the share of its
 * capacity its plantation forest gives when it has any: what the report lists and `explain` works through.
 */
export function balanceOf(dataset: Pick<Dataset, 'soilGrade'>, t: TownshipData, p: ChainParameters, k: ChainConstants): Balance {
  const nutrients = basisNutrients(p.basis);
  const chain = townshipBalance(t.name, demandByGrade(dataset, t, nutrients), t.stockPe, p, k);
  const b = t.county === '' && t.city === '' ? chain : withRegion(chain, t);
  return t.hasForest ? { ...b, forestShare: capacityShare(demandByGrade(dataset, t, nutrients, true), b, p, k) ?? 0 } : b;
}

type Named = TownshipId & { readonly key: string };

/**
 * A scenario's change that names a township no file lists (拉堡 where the files write 拉堡镇) would make a township of
 * its own, with no row of data: an error at the scenario, naming the likeliest township of the files.
 */
function checkScenarioTownships(rows: readonly { readonly file: string; readonly township: string }[], tally: Tally, log: ProblemLog): void {
  const withRows = (t: TownshipData | undefined) => t !== undefined && (t.firstCropLine > 0 || t.firstLivestockLine > 0);
  let matcher: TownshipMatcher | undefined;
  const said = new Set<TownshipData>();
  for (const r of rows) {
    const t = tally.township(r.township);
    if (!t || withRows(t) || said.has(t)) continue;
    said.add(t);
    matcher ??= new TownshipMatcher([...tally.townships.values()].filter(withRows).map((o) => o.key));
    log.report({ file: r.file, line: 0, column: 0 }, 'scenario-township-unknown', { township: townshipLabel(t), nearest: matcher.nearest(t.key) ?? '' });
  }
}

/**
 * Each township of the soil file against the crops file's (`listed`, by key): one that names none of them is soil
 * only; one named without its county where two counties have the name is ambiguous, as is a crops township that several
 * soil townships agree with. Nothing to look at when every soil township is a crops township by its key.
 */
function checkSoilTownships(
  soil: Map<string, Map<LandUse | null, SoilRow>>,
  listed: ReadonlySet<string>,
  named: (key: string) => Named,
  log: ProblemLog,
): void {
  const unmatched = [...soil.keys()].filter((k) => !listed.has(k));
  if (unmatched.length === 0) return;
  const place = (key: string) => {
    const first = [...soil.get(key)!.values()].sort((a, b) => a.line - b.line)[0]!;
    return { file: first.file, line: first.line, column: 0 };
  };
  const group = <T>(items: Iterable<T>, name: (x: T) => string) => {
    const by = new Map<string, T[]>();
    for (const x of items) by.set(name(x), [...(by.get(name(x)) ?? []), x]);
    return by;
  };
  const townships = [...listed].map(named);
  const byName = group(townships, (t) => t.name);
  for (const key of unmatched) {
    const id = townshipIdOf(key);
    const agree = byName.get(id.name)?.filter((t) => sameTownship(t, id)) ?? [];
    if (agree.length === 0) log.report(place(key), 'township-soil-only', { township: townshipLabel(id) });
    else if (agree.length > 1) log.report(place(key), 'township-ambiguous', { township: id.name, places: agree.map(townshipLabel).join(' / ') });
  }
  const soilOfName = group(soil.keys(), (k) => townshipIdOf(k).name);
  for (const t of townships) {
    if (soil.has(t.key)) continue;
    const agree = (soilOfName.get(t.name) ?? []).filter((k) => sameTownship(townshipIdOf(k), t));
    if (agree.length > 1)
      log.report(place(agree[0]!), 'township-ambiguous', { township: t.name, places: agree.map((k) => townshipLabel(townshipIdOf(k))).join(' / ') });
  }
}

/**
 * Each township of the data against the places file or the map: one missing from it (said at the township's first
 * row of data, naming the file that lacks it, with the entry of it that it most likely is), an entry naming no
 * township of the data (with the township it most likely means), and an entry without a county that would be the
 * location of several counties' townships of its name (an error: which one it is, the file does not say). A township
 * the map lacks has no location either when the map gives the locations.
 */
function checkLocations(
  entries: TownshipIndex<PlaceRow & { readonly column?: number }>,
  file: string,
  townships: readonly TownshipData[],
  firstRow: (t: TownshipData) => Place | undefined,
  log: ProblemLog,
  codes: { readonly missing: 'township-no-place' | 'township-not-on-map'; readonly extra: 'place-no-township' | 'map-no-township'; readonly locates: boolean },
): void {
  // A map of no township drawn has said so itself (map-not-features, map-outside-china …).
  if (entries.size === 0 || townships.length === 0) return;
  const used = new Map<string, TownshipData[]>();
  const missing: TownshipData[] = [];
  for (const t of townships) {
    const entry = entries.of(t.key);
    if (entry) used.set(entry.township, [...(used.get(entry.township) ?? []), t]);
    else missing.push(t);
  }
  // Not one township in common: the file names them otherwise (柳江区拉堡镇, a county's names for another's), or is
  // another place's. An error, once, with the likeliest pair, rather than a warning for every township.
  if (used.size === 0) {
    const first = [...entries.values()][0]!;
    log.report({ file: first.file, line: first.line, column: first.column ?? 0 }, 'locations-match-none', {
      file,
      count: entries.size,
      township: townshipLabel(townshipIdOf(first.township)),
      nearest: new TownshipMatcher(townships.map((t) => t.key)).nearest(first.township) ?? '',
      data: townships.slice(0, 3).map(townshipLabel).join(', '),
    });
    return;
  }
  // An entry without a county that several counties' townships of its name would all take as theirs: not guessed.
  for (const p of entries.values()) {
    const takers = used.get(p.township) ?? [];
    if (takers.length > 1)
      log.report({ file: p.file, line: p.line, column: p.column ?? 0 }, 'township-ambiguous', {
        township: townshipIdOf(p.township).name,
        places: takers.map(townshipLabel).join(' / '),
      });
  }
  const unused = [...entries.values()].filter((p) => !used.has(p.township));
  const unusedMatcher = new TownshipMatcher(unused.map((p) => p.township));
  for (const t of missing)
    log.report(firstRow(t) ?? { file, line: 0, column: 0 }, codes.missing, {
      township: townshipLabel(t),
      file,
      nearest: unusedMatcher.nearest(t.key) ?? '',
      located: codes.locates ? 'no' : 'yes',
    });
  let matcher: TownshipMatcher | undefined;
  for (const p of unused)
    log.report({ file: p.file, line: p.line, column: p.column ?? 0 }, codes.extra, {
      township: townshipLabel(townshipIdOf(p.township)),
      nearest: (matcher ??= new TownshipMatcher(townships.map((t) => t.key))).nearest(p.township) ?? '',
    });
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
  /** A scenario's changes to the rows, made for the tables the data is read with (with the local dictionary's names). */
  readonly adjust?: (c: Coefficients) => RowAdjuster;
  readonly encoding?: EncodingOption;
  /** Called as the files' rows are read, for a progress line. */
  readonly onProgress?: Progress;
  /** Townships whose row-by-row detail to keep (for explain). */
  readonly keepDetails?: (township: string) => boolean;
  /** The sheet of a workbook to read for a kind (--sheet KIND=NAME). */
  readonly sheets?: Partial<Record<InputKind, string>>;
}

function isOpened(input: DatasetInput): input is OpenedInput {
  return typeof input === 'object' && 'replaced' in input;
}

/** The path an input is reported under. */
export function inputName(input: DatasetInput): string {
  return typeof input === 'string' ? input : isOpened(input) ? input.path : input.name;
}

/**
 * Reads a county's local dictionary (docs/local.md) and gives the tables with it over them; with errors in it, the
 * tables as they were (the errors stop the run).
 */
export async function readLocal(
  input: OpenedInput,
  c: Coefficients,
  log: ProblemLog,
  options: { readonly onProgress?: Progress; readonly sheet?: string } = {},
): Promise<{ readonly coefficients: Coefficients; readonly summary: FileSummary }> {
  let reader: LocalReader | undefined;
  const errors = log.errors;
  const summary = await readTable(input, 'local', log, (row, header) => (reader ??= new LocalReader(header, c, log)).read(row), options);
  const entries = reader?.finish() ?? [];
  return { coefficients: log.errors > errors ? c : applyLocal(c, entries, summary.path), summary };
}

/**
 * Reads the soil, crops and livestock files — each once, row by row through its kind's reader — into per-township
 * sums, and checks them against each other: livestock in a township without crop land, soil for a township without
 * crops.
 */
export async function loadDataset(
  files: SomeInputFiles,
  params: Parameters,
  guide: Coefficients,
  log: ProblemLog,
  options: LoadOptions = {},
): Promise<Dataset> {
  const nutrients = basisNutrients(params.basis);
  const tally = new Tally(nutrients, log, options.keepDetails);
  const summaries: FileSummary[] = [];
  const { onProgress } = options;
  // A workbook given for several kinds (--crops book.xlsx --livestock book.xlsx) is read once.
  const opening = new Map<string, Promise<OpenedInput>>();
  const open = (input: DatasetInput): Promise<OpenedInput> => {
    if (isOpened(input)) return Promise.resolve(input);
    if (typeof input !== 'string') return openInput(input, options.encoding ?? 'auto', log);
    let opened = opening.get(input);
    if (!opened) opening.set(input, (opened = openInput(input, options.encoding ?? 'auto', log)));
    return opened;
  };
  const sheet = (kind: InputKind) => ({ onProgress, sheet: options.sheets?.[kind] });

  let c = guide;
  if (files.local) {
    const local = await readLocal(await open(files.local), guide, log, sheet('local'));
    summaries.push(local.summary);
    c = local.coefficients;
    // Data read without the dictionary's names would bury its errors under unknown names.
    if (log.hasErrors)
      return {
        townships: tally.townships,
        files: summaries,
        used: tally.used,
        soilGrade: () => ({ grade: params.soilGrade, source: { from: 'parameter' } }),
        coefficients: c,
        places: new TownshipIndex<PlaceRow>(new Map()),
      };
  }
  const adjust = options.adjust?.(c);

  const soil = new Map<string, Map<LandUse | null, SoilRow>>();
  /** A township's soil rows: those of its key, else of the one soil township of its name that agrees with it. */
  const soilOf = new TownshipIndex(soil);
  const readSoil = async (input: DatasetInput) => {
    let reader: SoilReader | undefined;
    const onRow = (row: Row, header: Header) => {
      const r = (reader ??= new SoilReader(header, c)).read(row);
      if (!r) return;
      let byLandUse = soil.get(r.township);
      if (!byLandUse) soil.set(r.township, (byLandUse = new Map()));
      byLandUse.set(r.landUse, r);
    };
    return readTable(await open(input), 'soil', log, onRow, sheet('soil'));
  };

  const thresholds = (n: Nutrient, lu: LandUse) => soilThreshold(c, n, lu);
  // Without soil data for the township every crop takes the default grade; with it, grades are resolved once per land use.
  const defaultGrade = { grade: params.soilGrade, source: { from: 'parameter' } } as const;
  // Grades are asked for township by township: the last one's soil rows and grades (by land use × nutrient) are kept.
  let lastTownship: string | undefined;
  let lastRows: Map<LandUse | null, SoilRow> | undefined;
  let lastGrades: ReturnType<typeof resolveSoilGrade>[] = [];
  const gradeOf: GradeOf = (townshipName, landUse, n) => {
    if (lastTownship !== townshipName) {
      lastTownship = townshipName;
      lastRows = soilOf.of(townshipName);
      lastGrades = [];
    }
    if (!lastRows) return defaultGrade;
    const key = landUseIndex(landUse) * 2 + (n === 'N' ? 0 : 1);
    return (lastGrades[key] ??= resolveSoilGrade(lastRows, landUse, n, params.soilGrade, thresholds));
  };

  let crops: CropReader | undefined;
  const readCrops = async (input: DatasetInput) => {
    const onRow = (row: Row, header: Header) => {
      const r = (crops ??= new CropReader(header, c, log, nutrients)).read(row);
      if (r) tally.addCrop(adjust ? adjust.crop(r) : r, gradeOf);
    };
    const summary = await readTable(await open(input), 'crops', log, onRow, sheet('crops'));
    crops?.finish();
    return summary;
  };
  const readLivestock = async (input: DatasetInput) => {
    let reader: LivestockReader | undefined;
    const onRow = (row: Row, header: Header) => {
      const r = (reader ??= new LivestockReader(header, c, log, params.stockRatio)).read(row);
      if (r) tally.addLivestock(adjust ? adjust.livestock(r) : r);
    };
    const summary = await readTable(await open(input), 'livestock', log, onRow, sheet('livestock'));
    reader?.finish();
    return summary;
  };

  const places = new Map<string, PlaceRow>();
  if (files.places) {
    let reader: PlacesReader | undefined;
    const onRow = (row: Row, header: Header) => {
      const r = (reader ??= new PlacesReader(header)).read(row);
      if (r) places.set(r.township, r);
    };
    summaries.push(await readTable(await open(files.places), 'places', log, onRow, sheet('places')));
  }
  let shapes: Map<string, MapShape> | undefined;
  if (files.map !== undefined) {
    const read = await (await import('../input/map.js')).readTownshipMap(files.map, log, options.encoding);
    shapes = read.shapes;
    summaries.push({ path: files.map, kind: 'map', encoding: read.encoding, rows: shapes?.size ?? 0, readable: shapes !== undefined });
  }
  if (files.soil) summaries.push(await readSoil(files.soil));
  const cropsFile = files.crops === undefined ? undefined : await readCrops(files.crops);
  if (cropsFile) summaries.push(cropsFile);
  const listed = crops?.listed ?? new Set<string>();
  const extraCrops = adjust?.extraCrops() ?? [];
  for (const r of extraCrops) {
    listed.add(r.township);
    tally.addCrop(r, gradeOf);
  }
  const livestockFile = files.livestock === undefined ? undefined : await readLivestock(files.livestock);
  if (livestockFile) summaries.push(livestockFile);
  const extraLivestock = adjust?.extraLivestock() ?? [];
  for (const r of extraLivestock) tally.addLivestock(r);
  checkScenarioTownships([...extraCrops, ...extraLivestock], tally, log);

  const map = shapes && new TownshipIndex(shapes);
  const dataset: Dataset = {
    townships: tally.townships,
    files: summaries,
    used: tally.used,
    soilGrade: gradeOf,
    coefficients: c,
    places: files.places === undefined && map ? map : new TownshipIndex(places),
    ...(map ? { map } : {}),
  };
  // Checks across files need a readable crops file to compare with.
  if (!cropsFile?.readable) return dataset;
  // A township of the livestock file missing from the crops file may be one of the crops file's written another way:
  // where it plainly is (拉堡 / 拉堡镇), the report would show one township's livestock without land and the other's
  // land without livestock — an error; else a township with livestock and no land is one the report can show.
  let matcher: TownshipMatcher | undefined;
  const matcherOf = () => (matcher ??= new TownshipMatcher([...listed].filter((n) => !tally.townships.get(n)?.firstLivestockLine)));
  for (const t of tally.townships.values()) {
    if (listed.has(t.key) || !t.firstLivestockLine) continue;
    const place = { file: livestockFile!.path, line: t.firstLivestockLine, column: 0 };
    const same = matcherOf().same(t.key);
    if (same !== undefined) log.report(place, 'township-written-otherwise', { township: townshipLabel(t), other: same });
    else log.report(place, 'township-no-land', { township: townshipLabel(t), nearest: matcherOf().nearest(t.key) ?? '' });
  }
  if (soil.size > 0) checkSoilTownships(soil, listed, (k) => tally.townships.get(k) ?? { key: k, ...townshipIdOf(k) }, log);
  const all = [...tally.townships.values()];
  // A township only a scenario adds has no row: said at the file that lacks it.
  const firstRow = (t: TownshipData): Place | undefined =>
    t.firstCropLine > 0
      ? { file: cropsFile.path, line: t.firstCropLine, column: 0 }
      : t.firstLivestockLine > 0
        ? { file: livestockFile!.path, line: t.firstLivestockLine, column: 0 }
        : undefined;
  if (files.places)
    checkLocations(dataset.places, inputName(files.places), all, firstRow, log, { missing: 'township-no-place', extra: 'place-no-township', locates: true });
  if (map) checkLocations(map, files.map!, all, firstRow, log, { missing: 'township-not-on-map', extra: 'map-no-township', locates: files.places === undefined });
  return dataset;
}
