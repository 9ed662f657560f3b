import { chainConstants, type Coefficients } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { balanceOf, demandByGrade, type Dataset, type TownshipData } from '../tally/dataset.js';
import { formatFraction, fractionValue } from '../method/pig-equivalent.js';
import type { SoilGradeSource } from '../method/soil-grade.js';
import { basisNutrients, SOIL_GRADES, type Basis, type LandUse, type Measure, type Nutrient, type SoilGrade } from '../method/types.js';
import type { ParameterName, ParameterSet, ParameterSource, Parameters } from '../params/params.js';
import { supplyPerPe, useRate, type Balance } from '../method/balance.js';
import { SCHEMA_VERSION } from '../report/report.js';
import type { TransferFlow } from '../transfer/plan.js';
import type { UnplacedReason } from '../method/transfer.js';

export interface ExplainedCrop {
  readonly file: string;
  readonly line: number;
  /** The crop of the guide's table, or the name as written for a local crop. */
  readonly crop: string;
  readonly cropAsWritten: string;
  readonly measure: Measure;
  readonly landUse: LandUse | null;
  readonly production: number;
  readonly productionFrom: 'production' | 'area-yield';
  readonly areaMu: number | null;
  /** Set when a scenario changed the row: the production in the file. Rows a scenario added have line 0. */
  readonly productionInFile?: number;
  /** When the crop's name was read through an alias (早稻 → 水稻; a local dictionary's): where the alias comes from. */
  readonly readAs?: { readonly provenance: Provenance; readonly source: string };
  readonly nutrients: Partial<
    Record<
      Nutrient,
      {
        readonly uptake: number;
        readonly uptakeProvenance: Provenance;
        readonly uptakeSource: string;
        readonly demandKg: number;
        readonly soilGrade: SoilGrade;
        readonly soilGradeSource: SoilGradeSource;
      }
    >
  >;
}

export interface ExplainedNutrient {
  /** D, and its split by soil grade with the fertilisation share of each grade. */
  readonly cropDemandKg: number;
  readonly byGrade: readonly { grade: SoilGrade; cropDemandKg: number; fertilisationShare: number; provenance: Provenance; fertilisedKg: number }[];
  readonly manureShare: number;
  readonly useRate: number;
  readonly manureDemandKg: number;
  readonly supplyPerPeKg: number;
  readonly capacityPe: number;
  readonly useRateRange: readonly [number, number];
}

export interface ExplainedLivestock {
  readonly file: string;
  readonly line: number;
  readonly species: string;
  readonly speciesAsWritten: string;
  readonly head: number;
  /** Set when a scenario changed the row: the stock in the file. Rows a scenario added have line 0. */
  readonly stockInFile?: number;
  readonly fromSlaughter?: { readonly slaughter: number; readonly ratio: number };
  readonly peFactor: string;
  readonly peFactorValue: number;
  readonly provenance: Provenance;
  readonly source: string;
  /** When the species' name was read through an alias (能繁母猪 → 生猪; a local dictionary's 水牛 → 肉牛): its source. */
  readonly readAs?: { readonly provenance: Provenance; readonly source: string };
  readonly pe: number;
}

/** Every step of the method for one township, each number with its inputs and their sources. */
export interface Explanation {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly township: string;
  /** Its county and city, where the files give them. */
  readonly county?: string;
  readonly city?: string;
  readonly basis: Basis;
  readonly parameters: Parameters;
  readonly parameterSources: Readonly<Record<ParameterName, ParameterSource>>;
  readonly crops: readonly ExplainedCrop[];
  readonly nutrients: Partial<Record<Nutrient, ExplainedNutrient>>;
  readonly livestock: readonly ExplainedLivestock[];
  /** The township's balance, computed exactly as the report computes it. */
  readonly balance: Balance;
  /** Its part in a transfer plan, when the run locates the townships (--places or --map). */
  readonly transfer?: ExplainedTransfer;
  /** The load grades (METHOD table C), with what each means. */
  readonly loadGrades: readonly { readonly grade: string; readonly meaning: { readonly zh: string; readonly en: string } }[];
}

/** A township's part in a transfer plan (docs/transfer.md): the flows from and to it, what it cannot place, its load index after. */
export interface ExplainedTransfer {
  readonly maxKm: number;
  readonly flows: readonly TransferFlow[];
  readonly sentPe: number;
  readonly receivedPe: number;
  readonly unplacedPe: number;
  readonly unplacedReason?: UnplacedReason;
  readonly loadIndexAfter: number | null;
  readonly located: boolean;
}

/** Builds the explanation from a township's sums and the row detail kept for it while loading. */
export function explainTownship(t: TownshipData, dataset: Dataset, params: ParameterSet, c: Coefficients): Explanation {
  const p = params.values;
  const nutrients = basisNutrients(p.basis);
  const details = t.details ?? { crops: [], livestock: [] };
  const demand = demandByGrade(dataset, t, nutrients);
  const k = chainConstants(c);
  const balance = balanceOf(dataset, t, p, k);
  const shares = k.fertilisationShares;
  const explainedNutrients: Partial<Record<Nutrient, ExplainedNutrient>> = {};
  for (const n of nutrients) {
    const byGrade = demand[n]!;
    explainedNutrients[n] = {
      cropDemandKg: balance.nutrients[n]!.cropDemandKg,
      byGrade: SOIL_GRADES.filter((g) => byGrade[g] !== 0).map((g) => ({
        grade: g,
        cropDemandKg: byGrade[g],
        fertilisationShare: shares[g],
        provenance: c.fertilisationShares[g].provenance,
        fertilisedKg: byGrade[g] * shares[g],
      })),
      manureShare: p.manureShare,
      useRate: useRate(p, n),
      manureDemandKg: balance.nutrients[n]!.manureDemandKg,
      supplyPerPeKg: supplyPerPe(p, n),
      capacityPe: balance.nutrients[n]!.capacityPe,
      useRateRange: k.useRateRange[n],
    };
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    township: t.name,
    ...(t.county === '' ? {} : { county: t.county }),
    ...(t.city === '' ? {} : { city: t.city }),
    basis: p.basis,
    parameters: p,
    parameterSources: params.sources,
    crops: details.crops.map(({ row, nutrients: used }) => ({
      file: row.file,
      line: row.line,
      crop: row.crop?.crop ?? row.cropAsWritten,
      cropAsWritten: row.cropAsWritten,
      measure: row.measure,
      landUse: row.landUse,
      production: row.production,
      productionFrom: row.productionFrom,
      areaMu: row.areaMu,
      ...(row.productionInFile !== undefined ? { productionInFile: row.productionInFile } : {}),
      ...(row.readAs ? { readAs: { provenance: row.readAs.provenance, source: row.readAs.source } } : {}),
      nutrients: Object.fromEntries(
        nutrients.map((n) => [
          n,
          {
            uptake: row.uptake[n]!.value,
            uptakeProvenance: row.uptake[n]!.provenance,
            uptakeSource: row.uptake[n]!.source,
            demandKg: used[n]!.demandKg,
            soilGrade: used[n]!.grade,
            soilGradeSource: used[n]!.gradeSource,
          },
        ]),
      ),
    })),
    nutrients: explainedNutrients,
    livestock: details.livestock.map(({ row, pe }) => ({
      file: row.file,
      line: row.line,
      species: row.speciesName,
      speciesAsWritten: row.speciesAsWritten,
      head: row.stock,
      ...(row.stockInFile !== undefined ? { stockInFile: row.stockInFile } : {}),
      ...(row.fromSlaughter ? { fromSlaughter: row.fromSlaughter } : {}),
      peFactor: formatFraction(row.peFactor),
      peFactorValue: fractionValue(row.peFactor),
      provenance: row.peFactorProvenance,
      source: row.peFactorSource,
      ...(row.readAs ? { readAs: { provenance: row.readAs.provenance, source: row.readAs.source } } : {}),
      pe,
    })),
    balance,
    loadGrades: c.loadGrades.map((g) => ({ grade: g.grade, meaning: g.meaning })),
  };
}
