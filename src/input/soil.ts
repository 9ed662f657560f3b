import type { Coefficients } from '../coefficients/coefficients.js';
import { soilThreshold } from '../coefficients/coefficients.js';
import { soilGradeOfMeasurement } from '../method/soil-grade.js';
import { type LandUse, type Nutrient, type SoilGrade } from '../method/types.js';
import { parseLandUse } from './crops.js';
import { RowKeys } from './row-keys.js';
import type { Column, Header, Row } from './table.js';
import { Totals } from './totals.js';
import { TownshipColumn } from './township.js';

/** One nutrient of a soil row: a grade as given, or a measured value to grade. */
export type SoilValue = { readonly grade: SoilGrade } | { readonly measured: number; readonly unit: string };

export interface SoilRow {
  readonly file: string;
  readonly line: number;
  /** The township with its county and city when the file gives them (townshipKey). */
  readonly township: string;
  readonly landUse: LandUse | null;
  readonly values: Partial<Record<Nutrient, SoilValue>>;
}

const GRADE_WORDS = new Map<string, SoilGrade>([
  ['I', 'I'],
  ['II', 'II'],
  ['III', 'III'],
  ['1', 'I'],
  ['2', 'II'],
  ['3', 'III'],
  ['一级', 'I'],
  ['二级', 'II'],
  ['三级', 'III'],
  ['一', 'I'],
  ['二', 'II'],
  ['三', 'III'],
]);

/** Reads a grade cell: I/II/III, Ⅰ/Ⅱ/Ⅲ, 1/2/3 or 一级/二级/三级. */
export function parseGrade(text: string): SoilGrade | undefined {
  // Most cells are written as the grade is: found without being normalised first.
  return (
    GRADE_WORDS.get(text) ??
    GRADE_WORDS.get(
      text
        .normalize('NFKC')
        .trim()
        .toUpperCase()
        .replace(/^GRADE\s*/, ''),
    )
  );
}

const MEASURE_FIELD: Record<Nutrient, string> = { N: 'total_n', P: 'available_p' };
const GRADE_FIELD: Record<Nutrient, string> = { N: 'n_grade', P: 'p_grade' };

/** Reads the rows of one soil file, each cell checked by one rule, and hands on the good rows. */
export class SoilReader {
  private readonly seen = new RowKeys();
  /** The header's columns, looked up once: the township's, the land use's, and each nutrient's grade and measure. */
  private readonly township: TownshipColumn;
  private readonly townshipColumn: Column | undefined;
  /** A totals row of a soil file (a county-wide grade, say) is no township's: it is left out, with a note. */
  private readonly totals = new Totals();
  private readonly landUse: Column | undefined;
  private readonly gradeColumns: Readonly<Record<Nutrient, Column | undefined>>;
  private readonly measureColumns: Readonly<Record<Nutrient, Column | undefined>>;

  constructor(
    header: Header,
    private readonly coefficients: Coefficients,
  ) {
    const col = (field: string) => header.byField.get(field)?.[0];
    this.townshipColumn = col('township');
    this.township = new TownshipColumn(this.townshipColumn, col('county'), col('city'));
    this.landUse = col('land_use');
    this.gradeColumns = { N: col(GRADE_FIELD.N), P: col(GRADE_FIELD.P) };
    this.measureColumns = { N: col(MEASURE_FIELD.N), P: col(MEASURE_FIELD.P) };
  }

  read(row: Row): SoilRow | undefined {
    const townshipCell = this.township.read(row);
    if (townshipCell?.note) return undefined;
    if (townshipCell?.total) {
      this.totals.note(row, townshipCell.name);
      return undefined;
    }
    const township = townshipCell?.name;
    const landUse = parseLandUse(row, this.landUse);
    let bad = false;
    const values: Partial<Record<Nutrient, SoilValue>> = {};
    for (const n of ['N', 'P'] as const) {
      const gradeColumn = this.gradeColumns[n];
      const gradeText = row.text(gradeColumn);
      let grade: SoilGrade | undefined;
      if (gradeText !== '') {
        grade = parseGrade(gradeText);
        if (!grade) {
          row.report(gradeColumn, 'grade-invalid', { header: gradeColumn!.header, value: gradeText });
          bad = true;
        }
      }
      const measureColumn = this.measureColumns[n];
      const state = { bad: false };
      const measured = row.number(measureColumn, state);
      bad ||= state.bad;
      const threshold = soilThreshold(this.coefficients, n, landUse ?? '旱地');
      if (measured !== undefined && measured > threshold.physicalMax) {
        row.report(measureColumn, 'soil-out-of-range', { header: measureColumn!.header, value: measured, max: threshold.physicalMax, unit: threshold.unit });
        bad = true;
        continue;
      }
      if (grade && measured !== undefined && landUse) {
        const measuredGrade = soilGradeOfMeasurement(measured, threshold);
        if (measuredGrade !== grade)
          row.report(gradeColumn, 'soil-grade-disagrees', { nutrient: n, grade, value: measured, unit: threshold.unit, measuredGrade });
      }
      if (grade) values[n] = { grade };
      else if (measured !== undefined) values[n] = { measured, unit: threshold.unit };
    }
    if (township === undefined || landUse === undefined || bad) return undefined;
    if (!values.N && !values.P) {
      row.report(undefined, 'soil-missing-values');
      return undefined;
    }
    const key = this.seen.intern(landUse ?? '');
    const firstLine = this.seen.firstLine(townshipCell!.id, key, row.line);
    if (firstLine !== undefined) {
      row.report(this.townshipColumn, 'duplicate-row', { key: `${township}${landUse ? ` ${landUse}` : ''}`, firstLine, kind: 'soil' });
      return undefined;
    }
    return { file: row.file, line: row.line, township: townshipCell!.key, landUse, values };
  }
}
