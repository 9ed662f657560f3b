import type { Measure } from './types.js';

/**
 * A crop's nutrient demand (guide step 1): production × uptake, where uptake is kg per 100 kg of yield,
 * or kg per m³ of timber growth for plantation forest.
 */
export function cropNutrientDemandKg(production: number, uptake: number, measure: Measure): number {
  return measure === 'm3' ? production * uptake : (production * uptake) / 100;
}
