/** Output formats and table names, for the command line's options: nothing here loads a renderer. */
export const REPORT_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const COEFFICIENT_TABLES = [
  'crops',
  'crop-aliases',
  'species',
  'species-aliases',
  'fertilisation-shares',
  'soil-thresholds',
  'load-grades',
  'nutrients',
] as const;
export type CoefficientTableName = (typeof COEFFICIENT_TABLES)[number];
