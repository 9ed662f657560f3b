/** 1 公顷 (hectare) = 15 亩 (mu). */
export const MU_PER_HECTARE = 15;

export type AreaUnit = 'mu' | 'ha';

/**
 * Production from planted area and yield, in the units given (kg, or m³ for forest).
 * Area and yield may each be per 亩 or per 公顷; the one conversion factor (15) is applied last.
 */
export function productionFromAreaAndYield(area: number, areaUnit: AreaUnit, yieldPerArea: number, yieldUnit: AreaUnit): number {
  const product = area * yieldPerArea;
  if (areaUnit === yieldUnit) return product;
  return areaUnit === 'mu' ? product / MU_PER_HECTARE : product * MU_PER_HECTARE;
}

export function areaInMu(area: number, unit: AreaUnit): number {
  return unit === 'mu' ? area : area * MU_PER_HECTARE;
}

export function yieldPerMu(yieldPerArea: number, unit: AreaUnit): number {
  return unit === 'mu' ? yieldPerArea : yieldPerArea / MU_PER_HECTARE;
}

/** Relative difference |a − b| ÷ max(|a|, |b|); 0 when both are 0. */
export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}
