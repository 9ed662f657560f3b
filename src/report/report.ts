import { chainConstants } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { balanceOf, type Dataset, type TownshipData } from '../tally/dataset.js';
import type { FileSummary } from '../input/read.js';
import { formatFraction } from '../method/pig-equivalent.js';
import { NUTRIENTS, basisNutrients, type Basis, type Nutrient, type SoilGrade } from '../method/types.js';
import type { ParameterName, ParameterSet, ParameterSource, Parameters } from '../params/params.js';
import type { Place, Problem, ProblemArgs, ProblemLog } from '../problems.js';
import { totalBalance, type Balance } from '../method/balance.js';
import type { RegionLevel } from './regions.js';

export { REGION_LEVELS, type RegionLevel } from './regions.js';

export const SCHEMA_VERSION = 1;

/** A coefficient the data used, with its provenance (for the note under every report). */
export interface CoefficientUse {
  readonly name: string;
  readonly nameEn: string;
  readonly value: string;
  readonly provenance: Provenance;
  readonly rows: number;
  /** Where the value comes from: the table's source, or the local dictionary's (its text, file and line). */
  readonly source: string;
}

/** A name the data used that was read as a crop or species of the tables (早稻 → 水稻; a local dictionary's 水牛 → 肉牛). */
export interface NameUse {
  readonly name: string;
  readonly kind: 'crop' | 'species';
  readonly means: string;
  readonly relation: 'synonym' | 'member';
  readonly provenance: Provenance;
  readonly source: string;
  readonly rows: number;
}

/** A county's or a city's balance: the sum over its townships, as the total is over all. */
export interface RegionBalance extends Balance {
  readonly level: RegionLevel;
  /** A county's city, where the files give one. */
  readonly parent?: string;
}

/** The one report object that every renderer is fed. */
export interface Report {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly basis: Basis;
  readonly parameters: Parameters;
  readonly parameterSources: Readonly<Record<ParameterName, ParameterSource>>;
  readonly townships: readonly Balance[];
  /** Each county and city of the townships, when the files give them: a city's counties, then the city. */
  readonly regions: readonly RegionBalance[];
  readonly total: Balance;
  /** Warnings found in the data (a report is only built when there are no errors). */
  readonly warnings: readonly Problem[];
  readonly inputs: readonly FileSummary[];
  readonly coefficients: {
    readonly uptake: Partial<Record<Nutrient, readonly CoefficientUse[]>>;
    readonly peFactors: readonly CoefficientUse[];
    readonly fertilisationShares: readonly (CoefficientUse & { grade: SoilGrade })[];
    readonly names: readonly NameUse[];
  };
}

export const TOTAL_NAME = 'TOTAL';

/**
 * A share of a township's capacity from plantation forest that reports point out: forest can give most of a
 * township's capacity on a timber figure whose meaning is unsettled (docs/method.md, plantation forest).
 */
export const LARGE_FOREST_SHARE = 0.3;

/**
 * A figure of a township's balance that is not a finite number — a sum of rows beyond any double (1e308 pigs and
 * 1e308 sheep) — as a problem at the township's first row of the file behind it; undefined when all are finite.
 */
export function infiniteFigure(
  t: TownshipData,
  b: Balance,
  files: { readonly crops?: string; readonly livestock?: string },
): { place: Place; args: ProblemArgs } | undefined {
  const at = (file: string | undefined, line: number, what: string, value: number) => ({
    place: { file: file ?? '', line, column: 0 },
    args: { what, township: t.name, value: String(value) },
  });
  if (!Number.isFinite(b.stockPe)) return at(files.livestock, t.firstLivestockLine, 'stock', b.stockPe);
  for (const n of NUTRIENTS) {
    const chain = b.nutrients[n];
    if (chain && !Number.isFinite(chain.cropDemandKg)) return at(files.crops, t.firstCropLine, 'crop demand', chain.cropDemandKg);
  }
  // The rest follows from those: a capacity beyond any number comes of crop demand near the largest double.
  if (!Number.isFinite(b.capacityPe) || !Number.isFinite(b.capacityRangePe[1])) return at(files.crops, t.firstCropLine, 'capacity', b.capacityPe);
  // A capacity so small (a production of 1e-300 kg) that the load index is beyond any number.
  if (b.loadIndex !== null && !Number.isFinite(b.loadIndex)) return at(files.crops, t.firstCropLine, 'load index', b.loadIndex);
  return undefined;
}

/**
 * The balance of each county and city the townships are in, in order of first appearance: a city's counties, then the
 * city; none when the files give no regions.
 */
export function regionBalances(townships: readonly Balance[], p: Parameters, k: ReturnType<typeof chainConstants>): RegionBalance[] {
  const cities = new Map<string, { townships: Balance[]; counties: Map<string, Balance[]> }>();
  for (const b of townships) {
    if (b.county === undefined && b.city === undefined) continue;
    const city = b.city ?? '';
    let c = cities.get(city);
    if (!c) cities.set(city, (c = { townships: [], counties: new Map() }));
    c.townships.push(b);
    if (b.county !== undefined) c.counties.set(b.county, [...(c.counties.get(b.county) ?? []), b]);
  }
  const regions: RegionBalance[] = [];
  const region = (level: RegionLevel, list: readonly Balance[], regionName: string, parent: string): RegionBalance => {
    const { name, ...figures } = totalBalance(regionName, list, p, k);
    return { level, name, ...(parent === '' ? {} : { parent }), ...figures };
  };
  for (const [city, c] of cities) {
    for (const [county, list] of c.counties) regions.push(region('county', list, county, city));
    if (city !== '') regions.push(region('city', c.townships, city, ''));
  }
  return regions;
}

/**
 * The report: each township's balance, and the total; undefined, with the problems in `log`, when a township's
 * figures are not finite numbers. `warnings` are the problems found in reading (a report is only built without errors).
 */
export function buildReport(dataset: Dataset, params: ParameterSet, log: ProblemLog): Report | undefined {
  const c = dataset.coefficients;
  const p = params.values;
  const k = chainConstants(c);
  const nutrients = basisNutrients(p.basis);
  const townships: Balance[] = [];
  const files = { crops: dataset.files.find((f) => f.kind === 'crops')?.path, livestock: dataset.files.find((f) => f.kind === 'livestock')?.path };
  for (const t of dataset.townships.values()) {
    const b = balanceOf(dataset, t, p, k);
    const infinite = infiniteFigure(t, b, files);
    if (infinite) log.report(infinite.place, 'figure-not-finite', infinite.args);
    townships.push(b);
  }
  if (log.hasErrors) return undefined;
  const uptake: Partial<Record<Nutrient, CoefficientUse[]>> = {};
  for (const n of nutrients) {
    uptake[n] = [...dataset.used.crops].map(([name, u]) => {
      const crop = c.crops.get(name);
      return crop && !u.local
        ? { name, nameEn: crop.nameEn, value: String(crop.uptake[n].value), provenance: crop.uptake[n].provenance, rows: u.rows, source: crop.uptake[n].source }
        : { name, nameEn: name, value: '', provenance: 'user' as const, rows: u.rows, source: files.crops ?? '' };
    });
  }
  const peFactors = [...dataset.used.species].map(([name, u]) => {
    const sp = c.species.get(name);
    return sp?.peFactor && !u.local
      ? { name, nameEn: sp.nameEn, value: formatFraction(sp.peFactor), provenance: sp.provenance, rows: u.rows, source: sp.source }
      : { name, nameEn: name, value: '', provenance: 'user' as const, rows: u.rows, source: files.livestock ?? '' };
  });
  const fertilisationShares = (['I', 'II', 'III'] as const).map((grade) => ({
    grade,
    name: grade,
    nameEn: grade,
    value: String(c.fertilisationShares[grade].value),
    provenance: c.fertilisationShares[grade].provenance,
    rows: 0,
    source: c.fertilisationShares[grade].source,
  }));
  const names = [...dataset.used.names].map(([name, u]) => ({
    name,
    kind: u.kind,
    means: u.alias.target,
    relation: u.alias.relation,
    provenance: u.alias.provenance,
    source: u.alias.source,
    rows: u.rows,
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    basis: p.basis,
    parameters: p,
    parameterSources: params.sources,
    townships,
    regions: regionBalances(townships, p, k),
    total: totalBalance(TOTAL_NAME, townships, p, k),
    warnings: log.problems,
    inputs: dataset.files,
    coefficients: { uptake, peFactors, fertilisationShares, names },
  };
}
