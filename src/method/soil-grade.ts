import type { LandUse, Nutrient, SoilGrade } from './types.js';

export interface SoilGradeThresholds {
  /** Grade I above this value. */
  readonly gradeIAbove: number;
  /** Grade III below this value. Values from this one up to gradeIAbove, both included, are grade II. */
  readonly gradeIIIBelow: number;
}

/** Soil nutrient grade of a measured value (guide appendix table 2); boundary values belong to grade II. */
export function soilGradeOfMeasurement(value: number, t: SoilGradeThresholds): SoilGrade {
  if (value > t.gradeIAbove) return 'I';
  if (value < t.gradeIIIBelow) return 'III';
  return 'II';
}

/** Where a crop's soil grade came from (docs/input.md, soil): a soil row, graded or as given, or the parameter. */
export type SoilGradeSource =
  | {
      readonly from: 'soil';
      readonly file: string;
      readonly line: number;
      readonly rowLandUse: LandUse | null;
      readonly measured?: number;
      readonly unit?: string;
      readonly gradedAs?: LandUse;
    }
  | { readonly from: 'parameter' };

export interface SoilRowForGrade {
  readonly file: string;
  readonly line: number;
  readonly landUse: LandUse | null;
  readonly values: Partial<Record<Nutrient, { readonly grade: SoilGrade } | { readonly measured: number; readonly unit: string }>>;
}

/**
 * The soil grade of one nutrient for a crop of a township: from the township's row for the crop's land use,
 * else its row without a land use, else the default grade. A measured value is graded with the thresholds of
 * the row's land use, else the crop's, else 旱地 (sown grass and plantation forest).
 */
export function resolveSoilGrade(
  rows: ReadonlyMap<LandUse | null, SoilRowForGrade> | undefined,
  cropLandUse: LandUse | null,
  nutrient: Nutrient,
  defaultGrade: SoilGrade,
  thresholds: (nutrient: Nutrient, landUse: LandUse) => SoilGradeThresholds,
): { readonly grade: SoilGrade; readonly source: SoilGradeSource } {
  const own = cropLandUse === null ? undefined : rows?.get(cropLandUse);
  const row = own?.values[nutrient] ? own : rows?.get(null);
  const value = row?.values[nutrient];
  if (!row || !value) return { grade: defaultGrade, source: FROM_PARAMETER };
  const base = { from: 'soil', file: row.file, line: row.line, rowLandUse: row.landUse } as const;
  if ('grade' in value) return { grade: value.grade, source: base };
  const gradedAs = row.landUse ?? cropLandUse ?? '旱地';
  return {
    grade: soilGradeOfMeasurement(value.measured, thresholds(nutrient, gradedAs)),
    source: { ...base, measured: value.measured, unit: value.unit, gradedAs },
  };
}

const FROM_PARAMETER: SoilGradeSource = { from: 'parameter' };
