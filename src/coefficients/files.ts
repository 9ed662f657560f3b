/** The coefficient tables: one CSV file each in data/coefficients/, by name. */
export const COEFFICIENT_TABLES = [
  'crops',
  'crop-aliases',
  'species',
  'species-aliases',
  'groups',
  'fertilisation-shares',
  'soil-thresholds',
  'load-grades',
  'nutrients',
] as const;
export type CoefficientTableName = (typeof COEFFICIENT_TABLES)[number];

/** The tables' files. */
export const TABLE_FILES = COEFFICIENT_TABLES.map((table) => `${table}.csv`);

/** A coefficient file that does not meet its schema: a bug in the shipped data, never a user's error. */
export class CoefficientDataError extends Error {}
