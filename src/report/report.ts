import type { Coefficients } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { demandByGrade, type Dataset } from '../dataset/dataset.js';
import type { FileSummary } from '../dataset/read-file.js';
import { formatFraction } from '../method/pig-equivalent.js';
import { basisNutrients, type Basis, type Nutrient, type SoilGrade } from '../method/types.js';
import type { ParameterName, ParameterSet, ParameterSource, Parameters } from '../params/params.js';
import type { Problem } from '../validate/problems.js';
import { balanceOfLand, landSide, totalBalance, type Balance, type LandSide } from './balance.js';

export const SCHEMA_VERSION = 1;

/** A coefficient the data used, with its provenance (for the note under every report). */
export interface CoefficientUse {
  readonly name: string;
  readonly nameEn: string;
  readonly value: string;
  readonly provenance: Provenance;
  readonly rows: number;
}

/** The one report object that every renderer is fed. */
export interface Report {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly basis: Basis;
  readonly parameters: Parameters;
  readonly parameterSources: Readonly<Record<ParameterName, ParameterSource>>;
  readonly townships: readonly Balance[];
  readonly total: Balance;
  /** Warnings found in the data (a report is only built when there are no errors). */
  readonly warnings: readonly Problem[];
  readonly inputs: readonly FileSummary[];
  readonly coefficients: {
    readonly uptake: Partial<Record<Nutrient, readonly CoefficientUse[]>>;
    readonly peFactors: readonly CoefficientUse[];
    readonly fertilisationShares: readonly (CoefficientUse & { grade: SoilGrade })[];
  };
}

export const TOTAL_NAME = 'TOTAL';

/**
 * The land side of each township read so far (LoadOptions.landRead: once the crops and soil files are read), for
 * buildReport to finish with each township's stock; by the township's place in the dataset (TownshipData.index).
 */
export function landSides(land: Pick<Dataset, 'townships' | 'soilGrade'>, p: Parameters, c: Coefficients): LandSide[] {
  const nutrients = basisNutrients(p.basis);
  const sides: LandSide[] = [];
  for (const t of land.townships.values()) sides[t.index] = landSide(demandByGrade(land, t, nutrients), p, c);
  return sides;
}

/** The report: each township's balance (its land side from `lands` when worked out before), and the total. */
export function buildReport(
  dataset: Dataset,
  params: ParameterSet,
  c: Coefficients,
  warnings: readonly Problem[],
  lands?: readonly (LandSide | undefined)[],
): Report {
  const p = params.values;
  const nutrients = basisNutrients(p.basis);
  const townships: Balance[] = [];
  for (const t of dataset.townships.values())
    townships.push(balanceOfLand(t.name, lands?.[t.index] ?? landSide(demandByGrade(dataset, t, nutrients), p, c), t.stockPe, c));
  const uptake: Partial<Record<Nutrient, CoefficientUse[]>> = {};
  for (const n of nutrients) {
    uptake[n] = [...dataset.used.crops].map(([name, u]) => {
      const crop = c.crops.get(name);
      return crop && !u.local
        ? { name, nameEn: crop.nameEn, value: String(crop.uptake[n].value), provenance: crop.uptake[n].provenance, rows: u.rows }
        : { name, nameEn: name, value: '', provenance: 'user' as const, rows: u.rows };
    });
  }
  const peFactors = [...dataset.used.species].map(([name, u]) => {
    const sp = c.species.get(name);
    return sp?.peFactor && !u.local
      ? { name, nameEn: sp.nameEn, value: formatFraction(sp.peFactor), provenance: sp.provenance, rows: u.rows }
      : { name, nameEn: name, value: '', provenance: 'user' as const, rows: u.rows };
  });
  const fertilisationShares = (['I', 'II', 'III'] as const).map((grade) => ({
    grade,
    name: grade,
    nameEn: grade,
    value: String(c.fertilisationShares[grade].value),
    provenance: c.fertilisationShares[grade].provenance,
    rows: 0,
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    basis: p.basis,
    parameters: p,
    parameterSources: params.sources,
    townships,
    total: totalBalance(TOTAL_NAME, townships, p, c),
    warnings,
    inputs: dataset.files,
    coefficients: { uptake, peFactors, fertilisationShares },
  };
}
