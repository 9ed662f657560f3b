import type { LoadGrade, Status } from './types.js';

export interface LoadGradeBound {
  readonly grade: LoadGrade;
  /** Upper bound of the grade's load index, inclusive; null for the last, open-ended grade. */
  readonly maxLoadIndex: number | null;
}

/** Load grade (docs/method.md, load grades) of a load index: the first grade whose upper bound it does not exceed. */
export function loadGrade(index: number | null, bounds: readonly LoadGradeBound[]): LoadGrade | null {
  if (index === null) return null;
  for (const b of bounds) if (b.maxLoadIndex === null || index <= b.maxLoadIndex) return b.grade;
  return bounds.length > 0 ? bounds[bounds.length - 1]!.grade : null;
}

export interface StatusThresholds {
  /** ok up to and including this load index. */
  readonly warningAbove: number;
  /** overloaded above this load index. */
  readonly overloadedAbove: number;
}

/**
 * Balance status: ok ≤ warningAbove < warning ≤ overloadedAbove < overloaded;
 * no-land when there is stock but no capacity to take its manure.
 */
export function balanceStatus(stockPe: number, capacity: number, t: StatusThresholds): Status {
  if (capacity <= 0) return stockPe > 0 ? 'no-land' : 'ok';
  const r = stockPe / capacity;
  if (r > t.overloadedAbove) return 'overloaded';
  if (r > t.warningAbove) return 'warning';
  return 'ok';
}
