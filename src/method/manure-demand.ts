import { ExactSum } from './exact-sum.js';
import type { SoilGrade } from './types.js';

/**
 * Manure nutrient demand (guide step 2): M = D × FS × MS ÷ UR, where
 * D is the crop nutrient demand, FS the share of it that fertilisation supplies (by soil grade),
 * MS the share of fertilisation that comes from manure, UR the first-season use rate of manure nutrient.
 */
export function manureNutrientDemandKg(cropDemandKg: number, fertilisationShare: number, manureShare: number, useRate: number): number {
  return (cropDemandKg * fertilisationShare * manureShare) / useRate;
}

/**
 * The same formula over crop demand split by soil grade: (Σ_grade D × FS) × MS ÷ UR.
 * With a single grade this is exactly manureNutrientDemandKg.
 */
export function manureNutrientDemandByGradeKg(
  cropDemandByGrade: Partial<Record<SoilGrade, number>>,
  fertilisationShare: Record<SoilGrade, number>,
  manureShare: number,
  useRate: number,
): number {
  const fertilised = new ExactSum();
  for (const g of Object.keys(cropDemandByGrade) as SoilGrade[]) fertilised.add(cropDemandByGrade[g]! * fertilisationShare[g]);
  return (fertilised.value() * manureShare) / useRate;
}
