import type { ChainConstants } from '../method/balance.js';
import type { Fraction, LandUse, LoadGrade, Measure, Nutrient, SoilGrade } from '../method/types.js';
import type { LoadGradeBound } from '../method/load-grade.js';
import type { SoilGradeThresholds } from '../method/soil-grade.js';
import type { NutrientConstant, Provenance } from './schema.js';

/** Where a coefficient comes from: a provenance mark and a human-readable source. */
export interface Cited<T> {
  readonly value: T;
  readonly provenance: Provenance;
  readonly source: string;
}

export type CropGroup = 'field' | 'vegetable' | 'fruit' | 'cash' | 'grass' | 'forest';

export interface CropCoefficient {
  readonly crop: string;
  readonly nameEn: string;
  readonly group: CropGroup;
  readonly measure: Measure;
  /** Default land use for soil grading; null for sown grass and plantation forest (graded as 旱地). */
  readonly landUse: LandUse | null;
  readonly uptake: Record<Nutrient, Cited<number>>;
  /**
   * The credible yields per 亩 (kg, or m³ for forest), with the bounds' source: below the least, a production is
   * usually in 吨 read as kg or an area in 公顷 read as 亩; above the most, a yield is usually per 公顷.
   */
  readonly yieldPerMu: { readonly min: number; readonly max: number; readonly source: string };
}

export interface SpeciesCoefficient {
  readonly species: string;
  readonly nameEn: string;
  /** Pig equivalents per head in stock; null for species the guide gives no factor for. */
  readonly peFactor: Fraction | null;
  /** Share of excreted N and P held in solid manure (farm "solids sold off-farm" case). */
  readonly solidShare: Record<Nutrient, number> | null;
  /** The largest stock (head) one township can plausibly hold: above it, a figure is a unit slip (万头) or a typo. */
  readonly maxStock: Cited<number>;
  /** For cattle the guide does not split (牛, 水牛, 黄牛, 牦牛): the guide's species a county reads it as, one of them. */
  readonly oneOf: readonly string[];
  readonly provenance: Provenance;
  readonly source: string;
}

export interface SoilThreshold extends SoilGradeThresholds {
  readonly nutrient: Nutrient;
  readonly landUse: LandUse;
  readonly unit: string;
  readonly physicalMax: number;
  readonly provenance: Provenance;
  readonly source: string;
}

export interface LoadGradeRow extends LoadGradeBound {
  readonly meaning: { zh: string; en: string };
  readonly provenance: Provenance;
  readonly source: string;
}

/**
 * Another name for a crop or species of the table: a synonym (稻谷 = 水稻: a second row of it is a duplicate), or a
 * member of a whole counted together (早稻 in 水稻: rows of members are summed, and left out when their whole is
 * listed too). Built in (provenance landcap) or a county's (local), with its source.
 */
export interface Alias {
  readonly target: string;
  readonly relation: 'synonym' | 'member';
  readonly provenance: Provenance;
  readonly source: string;
}

export interface Coefficients {
  readonly crops: ReadonlyMap<string, CropCoefficient>;
  /** Alias as written → crop name in the table. */
  readonly cropAliases: ReadonlyMap<string, Alias>;
  readonly species: ReadonlyMap<string, SpeciesCoefficient>;
  readonly speciesAliases: ReadonlyMap<string, Alias>;
  /** Names statistics give a group of crops or species (粮食作物, 大牲畜): no item of the tables, a sum of some. */
  readonly groups: readonly ItemGroup[];
  readonly fertilisationShares: Record<SoilGrade, Cited<number>>;
  readonly soilThresholds: readonly SoilThreshold[];
  readonly loadGrades: readonly LoadGradeRow[];
  readonly constants: Record<NutrientConstant, Cited<string> & { unit: string }>;
  /** The data files these came from, for the report's provenance note. */
  readonly files: readonly string[];
}

/** A group of crops or species that statistics total (粮食作物, 大牲畜), and the items of the tables in it. */
export interface ItemGroup {
  readonly group: string;
  readonly kind: 'crop' | 'species';
  readonly members: readonly string[];
  readonly source: string;
}

/** The crops or species that members are counted in (水稻 of 早稻, 生猪 of 能繁母猪). */
export function wholesOf(aliases: ReadonlyMap<string, Alias>): ReadonlySet<string> {
  const wholes = new Set<string>();
  for (const a of aliases.values()) if (a.relation === 'member') wholes.add(a.target);
  return wholes;
}

export function soilThreshold(c: Coefficients, nutrient: Nutrient, landUse: LandUse): SoilThreshold {
  const t = c.soilThresholds.find((r) => r.nutrient === nutrient && r.landUse === landUse);
  if (!t) throw new Error(`no soil threshold for ${nutrient} on ${landUse}`);
  return t;
}

export function constantNumber(c: Coefficients, name: NutrientConstant): number {
  return Number(c.constants[name].value);
}

const chainConstantsOf = new WeakMap<Coefficients, ChainConstants>();

/** What the method's chain takes of the tables, as plain numbers (read once per set of tables: a national report has 40,000 balances). */
export function chainConstants(c: Coefficients): ChainConstants {
  let k = chainConstantsOf.get(c);
  if (!k) {
    k = {
      fertilisationShares: { I: c.fertilisationShares.I.value, II: c.fertilisationShares.II.value, III: c.fertilisationShares.III.value },
      useRateRange: {
        N: [constantNumber(c, 'n_use_rate'), constantNumber(c, 'n_use_rate_max')],
        P: [constantNumber(c, 'p_use_rate'), constantNumber(c, 'p_use_rate_max')],
      },
      thresholds: { warningAbove: constantNumber(c, 'warning_load_index'), overloadedAbove: constantNumber(c, 'overload_load_index') },
      loadGrades: c.loadGrades,
      peFactors: [...c.species.values()].flatMap((s) => (s.peFactor ? [[s.species, s.peFactor] as const] : [])),
    };
    chainConstantsOf.set(c, k);
  }
  return k;
}

export type { LoadGrade };
