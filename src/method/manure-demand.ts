import { ExactSum } from './exact-sum.js';
import { SOIL_GRADES, type SoilGrade } from './types.js';

/**
 * Manure nutrient demand (guide step 2) is M = D × FS × MS ÷ UR, where D is the crop nutrient demand, FS the share of
 * it that fertilisation supplies (by soil grade), MS the share of fertilisation that comes from manure, UR the
 * first-season use rate of manure nutrient. Over demand split by soil grade, the part that fertilisation supplies is
 * Σ_grade D × FS, summed exactly; manure demand follows from it for any manure share and use rate
 * (manureDemandFromFertilisedKg).
 */
export function fertilisedDemandKg(cropDemandByGrade: Partial<Record<SoilGrade, number>>, fertilisationShare: Record<SoilGrade, number>): number {
  const fertilised = new ExactSum();
  for (const g of SOIL_GRADES) {
    const d = cropDemandByGrade[g];
    if (d) fertilised.add(d * fertilisationShare[g]);
  }
  return fertilised.value();
}

/** Manure nutrient demand from the fertilised demand: (Σ D × FS) × MS ÷ UR. */
export function manureDemandFromFertilisedKg(fertilisedKg: number, manureShare: number, useRate: number): number {
  return (fertilisedKg * manureShare) / useRate;
}
