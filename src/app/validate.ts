import { loadCoefficients } from '../coefficients/load.js';
import type { InputKind } from '../input/columns.js';
import type { EncodingOption } from '../input/errors.js';
import type { FileSummary, Progress } from '../input/read.js';
import type { Parameters, ParameterSet } from '../params/params.js';
import { ProblemLog, type Problem } from '../problems.js';
import { validateFiles } from '../validate/validate.js';
import { asParameterSet, inputRef, type InputSource } from './report.js';

export interface ValidateResult {
  /** No errors (with `strict`, no warnings either). */
  readonly valid: boolean;
  /** Every problem, in the order found (up to `retain`). */
  readonly problems: readonly Problem[];
  /** How many problems of each severity were found, all of them. */
  readonly counts: { readonly errors: number; readonly warnings: number; readonly notes: number };
  /** What was read of each input: its kind (from its header, or `kind`), encoding and rows. */
  readonly files: readonly FileSummary[];
}

export interface ValidateOptions {
  readonly kind?: InputKind;
  readonly encoding?: EncodingOption;
  readonly strict?: boolean;
  /** The parameters that change what is checked (a local crop needs the uptake of each nutrient of the basis). */
  readonly parameters?: Partial<Parameters> | ParameterSet;
  /** Called with each problem as it is found (a long list printed as the files are read). */
  readonly onProblem?: (problem: Problem) => void;
  /** Keep at most this many problems in `problems` (the counts always cover all of them). */
  readonly retain?: number;
  readonly onProgress?: Progress;
}

/**
 * Checks inputs as `landcap validate` does: each one's kind from its header (or `kind` for all), every row with the
 * readers the report uses, and — for one file of each kind — the checks across files.
 */
export async function validateInputs(inputs: readonly InputSource[], options: ValidateOptions = {}): Promise<ValidateResult> {
  const c = await loadCoefficients();
  const params = await asParameterSet(options.parameters ?? {});
  const log = new ProblemLog({ strict: options.strict, onProblem: options.onProblem, retain: options.retain });
  const refs = await Promise.all(inputs.map((source, i) => inputRef(source, `input ${i + 1}`)));
  const files = await validateFiles(refs, params.values, c, log, { kind: options.kind, encoding: options.encoding ?? 'auto', onProgress: options.onProgress });
  return { valid: log.errors === 0, problems: log.problems, counts: { errors: log.errors, warnings: log.warnings, notes: log.notes }, files };
}
