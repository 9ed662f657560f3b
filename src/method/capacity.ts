/** Capacity in pig equivalents (guide step 4): manure nutrient demand ÷ manure nutrient supply per PE. */
export function capacityPe(manureDemandKg: number, supplyPerPeKg: number): number {
  return manureDemandKg / supplyPerPeKg;
}

/** Load index: stock ÷ capacity; null when there is no capacity to divide by. */
export function loadIndex(stockPe: number, capacity: number): number | null {
  return capacity > 0 ? stockPe / capacity : null;
}

/** Headroom: capacity − stock, negative when the land is overloaded. */
export function headroomPe(capacity: number, stockPe: number): number {
  return capacity - stockPe;
}
