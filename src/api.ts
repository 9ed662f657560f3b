/**
 * landcap as a library: the functions the command line is a shell over.
 *
 *   import { computeReport, parameterSet, renderReport } from 'landcap';
 *   const params = await parameterSet({ file: 'params.json', values: { manureShare: 0.4 } });
 *   const { report, problems } = await computeReport({ crops: 'crops.csv', livestock: 'livestock.csv' }, params);
 *   if (report) console.log(await renderReport(report, 'md', 'zh'));
 *
 * Inputs are paths, CSV text, or rows as objects keyed by column name (any header docs/input.md lists).
 */
import { DEFAULT_SAMPLE, sample as bundledSample, sampleNames, type Sample } from './samples.js';

export {
  computeReport,
  parameterSet,
  renderReport,
  type CellValue,
  type ComputeOptions,
  type ComputeResult,
  type Inputs,
  type InputSource,
} from './app/report.js';
export { validateInputs, type ValidateOptions, type ValidateResult } from './app/validate.js';

/** A bundled sample's files (its inputs and parameters file), by name; the default is the one `landcap report` runs. */
export function sample(name: string = DEFAULT_SAMPLE): Sample | undefined {
  return bundledSample(name);
}

export { sampleNames };
export type { Sample };
export type { InputKind } from './input/columns.js';
export type { EncodingOption } from './input/errors.js';
export type { FileSummary } from './input/read.js';
export type { Lang } from './i18n/index.js';
export type { Balance, NutrientBalance } from './method/balance.js';
export type { Parameters, ParameterSet } from './params/params.js';
export type { Problem } from './problems.js';
export type { ReportFormat } from './render/registry.js';
export type { Report } from './report/report.js';
export type { InputFiles } from './tally/dataset.js';
