import type { Messages } from '../../i18n/en.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadCoefficients } from '../../coefficients/load.js';
import { INPUT_KINDS, type InputKind } from '../../input/columns.js';
import { ENCODING_OPTIONS, type EncodingOption } from '../../input/errors.js';
import { readParametersFile } from '../../params/load.js';
import { defaultParameters, fileLayer, flagLayer, resolveParameters } from '../../params/params.js';
import { problemJson } from '../../report/render-json.js';
import { sample, sampleNames } from '../../samples.js';
import { visible } from '../../safe-text.js';
import { ProblemLog } from '../../problems.js';
import { validateFiles } from '../../validate/validate.js';
import type { Context } from '../context.js';
import { SCHEMA_VERSION } from '../../report/report.js';
import type { ValidateJson } from '../../report/schema.js';
import { DataFailure, UsageError } from '../errors.js';
import { addExamples, addParameterOptions, parameterFlags, setLayer } from '../options.js';

interface ValidateOptions {
  readonly kind?: InputKind;
  readonly encoding: EncodingOption;
  readonly strict?: boolean;
  readonly maxErrors?: number;
  readonly format: 'text' | 'table' | 'json';
  readonly output?: string;
  readonly sample?: string;
  readonly params?: string;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number, 0 or more');
  return n;
}

export async function run(context: () => Context, files: string[], opts: ValidateOptions & Record<string, unknown>): Promise<void> {
  const ctx = context();
  const c = await loadCoefficients();
  let paths = files;
  if (opts.sample !== undefined) {
    const s = sample(opts.sample);
    if (!s) throw new UsageError(ctx.t.ui.usage.noSample(opts.sample, sampleNames().join(', ')));
    if (files.length > 0) throw new UsageError(ctx.t.ui.usage.filesOrSample);
    paths = [s.crops, s.livestock, ...(s.soil ? [s.soil] : [])];
  }
  if (paths.length === 0) throw new UsageError(ctx.t.ui.usage.noFiles);
  await ctx.checkOutput(opts.output, [
    ...paths.map((path) => ({ path, given: path })),
    ...(opts.params !== undefined ? [{ path: opts.params, given: '--params' }] : []),
  ]);
  const fileParams = opts.params === undefined ? undefined : fileLayer(opts.params, await readParametersFile(opts.params));
  const params = resolveParameters(defaultParameters(c), [
    fileParams,
    flagLayer(await parameterFlags(opts)),
    await setLayer(opts.set as string[] | undefined),
  ]).values;

  const json = opts.format === 'json';
  const limit = opts.maxErrors ?? Infinity;
  let printed = 0;
  const log = new ProblemLog({
    strict: opts.strict,
    retain: json ? limit : 0,
    // Text: each problem is printed as it is found, so a large file needs no memory for its problems.
    onProblem: json
      ? undefined
      : (p) => {
          if (printed >= limit) return;
          printed++;
          ctx.printProblems([p]);
        },
  });
  const summaries = await validateFiles(paths, params, c, log, { kind: opts.kind, encoding: opts.encoding, onProgress: ctx.progress() });
  ctx.endProgress();
  const rows = summaries.reduce((n, f) => n + f.rows, 0);
  let out: string;
  if (json) {
    const listed = log.problems.map((p) => problemJson(p, ctx.t));
    const json: ValidateJson = {
      schemaVersion: SCHEMA_VERSION,
      valid: log.errors === 0,
      errors: listed.filter((p) => p.severity === 'error'),
      warnings: listed.filter((p) => p.severity === 'warning'),
      notes: listed.filter((p) => p.severity === 'note'),
      counts: { errors: log.errors, warnings: log.warnings, notes: log.notes, shown: listed.length },
      files: summaries.map((f) => ({ path: f.path, kind: f.kind, encoding: f.encoding, rows: f.rows })),
    };
    out = `${JSON.stringify(json, null, 2)}\n`;
  } else {
    if (log.count > printed) ctx.err(`${ctx.t.ui.moreProblems(log.count - printed)}\n`);
    const lines = summaries.map((f) => `${visible(f.path)}: ${f.kind ?? ctx.t.ui.unknown}, ${f.encoding ?? ctx.t.ui.unknown}, ${ctx.t.ui.rowsCount(f.rows)}`);
    lines.push(log.errors === 0 ? ctx.t.ui.validOk(summaries.length, rows, log.warnings) : ctx.t.ui.invalid(log.errors, log.warnings, summaries.length, rows));
    out = `${lines.join('\n')}\n`;
  }
  await ctx.emit(opts.output, out);
  if (log.errors > 0) throw new DataFailure('');
}
