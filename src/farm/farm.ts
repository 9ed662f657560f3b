import type { Coefficients } from '../coefficients/coefficients.js';
import { chainConstants, constantNumber } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { exactSum } from '../method/exact-sum.js';
import { cropNutrientDemandKg } from '../method/crop-demand.js';
import { farmNutrientSupplyKg, manureDemandPerMu, muToHectares, requiredLandMu, type FarmAnimals, type RotationCrop } from '../method/farm.js';
import { formatFraction, fractionValue, pigEquivalents } from '../method/pig-equivalent.js';
import { NUTRIENTS, type Fraction, type Nutrient, type SoilGrade } from '../method/types.js';
import type { ParameterSet } from '../params/params.js';
import { supplyPerPe, useRate } from '../method/balance.js';
import { SCHEMA_VERSION } from '../report/report.js';

export interface FarmAnimalInput extends FarmAnimals {
  readonly provenance: Provenance;
  /** Where the row came from: a flag, or FILE:LINE. */
  readonly from: string;
}

export interface FarmCropInput {
  readonly crop: string;
  readonly targetYieldPerMu: number;
  readonly measure: 'kg' | 'm3';
  readonly uptake: Record<Nutrient, { readonly value: number; readonly provenance: Provenance }>;
}

export interface FarmOptions {
  readonly solidsSold: boolean;
  /** Share of excreted nutrient kept after collection, treatment and storage; default supply per PE ÷ excretion per PE. */
  readonly retention: Partial<Record<Nutrient, number>>;
}

export interface FarmNutrient {
  readonly excretionPerPeKg: number;
  readonly retention: number;
  /** "7/11" for the default (supply per PE ÷ excretion per PE), else the value given. */
  readonly retentionAs: string;
  readonly retentionFrom: 'default' | 'flag';
  readonly supplyKg: number;
  readonly uptakePerMuKg: number;
  readonly fertilisationShare: number;
  readonly manureShare: number;
  readonly useRate: number;
  readonly demandPerMuKg: number;
  readonly landMu: number;
  readonly landHa: number;
}

/** A farm's land requirement for N and P, with every step. */
export interface FarmResult {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly parameters: ParameterSet['values'];
  readonly parameterSources: ParameterSet['sources'];
  readonly soilGrade: SoilGrade;
  readonly solidsSold: boolean;
  readonly animals: readonly {
    species: string;
    head: number;
    peFactor: string;
    provenance: Provenance;
    from: string;
    pe: number;
    supplyKg: Record<Nutrient, number>;
    liquidShare: Record<Nutrient, number> | null;
  }[];
  readonly crops: readonly {
    crop: string;
    targetYieldPerMu: number;
    measure: 'kg' | 'm3';
    uptake: Record<Nutrient, { value: number; provenance: Provenance; perMuKg: number }>;
  }[];
  readonly nutrients: Record<Nutrient, FarmNutrient>;
  /** The nutrient that needs more land; its land is the farm's requirement. */
  readonly limitingNutrient: Nutrient;
  readonly landMu: number;
  readonly landHa: number;
}

export function computeFarm(
  animals: readonly FarmAnimalInput[],
  crops: readonly FarmCropInput[],
  params: ParameterSet,
  options: FarmOptions,
  c: Coefficients,
): FarmResult {
  const p = params.values;
  const excretion: Record<Nutrient, number> = { N: constantNumber(c, 'n_excretion_per_pe'), P: constantNumber(c, 'p_excretion_per_pe') };
  const shares = chainConstants(c).fertilisationShares;
  const retention = (n: Nutrient): Fraction =>
    options.retention[n] !== undefined ? { numerator: options.retention[n]!, denominator: 1 } : { numerator: supplyPerPe(p, n), denominator: excretion[n] };
  const rotation = (n: Nutrient): RotationCrop[] =>
    crops.map((cr) => ({ targetYieldPerMu: cr.targetYieldPerMu, measure: cr.measure, uptake: cr.uptake[n].value }));
  const nutrients = {} as Record<Nutrient, FarmNutrient>;
  const supplies = animals.map(
    (a) =>
      Object.fromEntries(NUTRIENTS.map((n) => [n, farmNutrientSupplyKg(a, n, excretion[n], retention(n), options.solidsSold)])) as Record<Nutrient, number>,
  );
  for (const n of NUTRIENTS) {
    const r = retention(n);
    const supplyKg = exactSum(supplies.map((s) => s[n]));
    const { uptakePerMuKg, demandPerMuKg } = manureDemandPerMu(rotation(n), p.soilGrade, shares, p.manureShare, useRate(p, n));
    const landMu = requiredLandMu(supplyKg, demandPerMuKg);
    nutrients[n] = {
      excretionPerPeKg: excretion[n],
      retention: fractionValue(r),
      retentionAs: formatFraction(r),
      retentionFrom: options.retention[n] !== undefined ? 'flag' : 'default',
      supplyKg,
      uptakePerMuKg,
      fertilisationShare: shares[p.soilGrade],
      manureShare: p.manureShare,
      useRate: useRate(p, n),
      demandPerMuKg,
      landMu,
      landHa: muToHectares(landMu),
    };
  }
  const limitingNutrient: Nutrient = nutrients.P.landMu > nutrients.N.landMu ? 'P' : 'N';
  return {
    schemaVersion: SCHEMA_VERSION,
    parameters: p,
    parameterSources: params.sources,
    soilGrade: p.soilGrade,
    solidsSold: options.solidsSold,
    animals: animals.map((a, i) => ({
      species: a.species,
      head: a.head,
      peFactor: formatFraction(a.peFactor),
      provenance: a.provenance,
      from: a.from,
      pe: pigEquivalents(a.head, a.peFactor),
      supplyKg: supplies[i]!,
      liquidShare: options.solidsSold && a.solidShare ? { N: 1 - a.solidShare.N, P: 1 - a.solidShare.P } : null,
    })),
    crops: crops.map((cr) => ({
      crop: cr.crop,
      targetYieldPerMu: cr.targetYieldPerMu,
      measure: cr.measure,
      uptake: Object.fromEntries(
        NUTRIENTS.map((n) => [
          n,
          {
            ...cr.uptake[n],
            perMuKg: cropNutrientDemandKg(cr.targetYieldPerMu, cr.uptake[n].value, cr.measure),
          },
        ]),
      ) as Record<Nutrient, { value: number; provenance: Provenance; perMuKg: number }>,
    })),
    nutrients,
    limitingNutrient,
    landMu: nutrients[limitingNutrient].landMu,
    landHa: nutrients[limitingNutrient].landHa,
  };
}
