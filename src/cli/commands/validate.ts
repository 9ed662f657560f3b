import { Command, InvalidArgumentError, Option } from 'commander';
import { INPUT_KINDS, type EncodingOption, type InputKind } from '../../app/vocabulary.js';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { addExamples, addOutputOptions, addParameterOptions, encodingOption, runRequest, type OutputOptions } from '../options.js';

interface ValidateOptions extends OutputOptions {
  readonly kind?: InputKind;
  readonly encoding: EncodingOption;
  readonly strict?: boolean;
  readonly maxErrors?: number;
  readonly sample?: string;
  readonly params?: string;
  readonly local?: string;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number, 0 or more');
  return n;
}

/** landcap validate: every problem of the files, located; the files read; a verdict. */
export function validateCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('validate')
    .description(t.help.commands.validate)
    .argument('[files...]', o.files)
    .addOption(new Option('--kind <kind>', o.kind).choices(INPUT_KINDS))
    .addOption(encodingOption(o.encoding))
    .option('--strict', o.strict)
    .option('--max-errors <n>', o.maxErrors, count);
  addOutputOptions(cmd, 'validate', t, o.validateOutput);
  cmd.option('--sample <name>', o.validateSample).option('--params <file>', o.validateParams).option('--local <file>', o.local);
  addParameterOptions(cmd, t);
  addExamples(cmd, t, [
    'landcap validate crops.csv livestock.csv soil.csv',
    'landcap validate --format json --max-errors 100 data/*.csv > problems.json',
    'landcap validate --sample beipiao-county-2024',
  ]);
  return cmd.action(async (files: string[], opts: ValidateOptions & Record<string, unknown>) => {
    const ctx = context();
    const [{ runParameters, sampleFiles }, { validateInputs }] = await Promise.all([import('../../app/run.js'), import('../../app/validate.js')]);
    let paths = files;
    if (opts.sample !== undefined) {
      const s = sampleFiles(opts.sample, ctx.t);
      if (files.length > 0) throw new UsageError(ctx.t.ui.usage.filesOrSample);
      paths = [s.crops, s.livestock, ...(s.soil ? [s.soil] : [])];
    }
    const { params: _params, ...flags } = runRequest({ ...opts, params: opts.params });
    const parameters = await runParameters({ ...flags, params: opts.params });
    // The files are checked with the county's names: its dictionary is read with them (and alone, when it is all).
    const local = opts.local ?? parameters.local;
    if (local !== undefined) paths = [local, ...paths];
    if (paths.length === 0) throw new UsageError(ctx.t.ui.usage.noFiles);
    await ctx.checkOutput(
      opts.output,
      [...paths.map((path) => ({ path, given: path })), ...(opts.params !== undefined ? [{ path: opts.params, given: '--params' }] : [])],
      opts.format,
    );
    // JSON and a workbook list the problems; text prints each as it is found.
    const json = opts.format === 'json' || opts.format === 'xlsx';
    const limit = opts.maxErrors ?? Infinity;
    let printed = 0;
    let folded = 0;
    const result = await validateInputs(paths, {
      kind: opts.kind,
      encoding: opts.encoding,
      strict: opts.strict,
      parameters,
      retain: json ? limit : 0,
      // Text: each problem is printed as it is found, so a large file needs no memory for its problems.
      onProblem: json
        ? undefined
        : (p) => {
            if (printed >= limit) return;
            if (ctx.printProblem(p)) printed++;
            else folded++;
          },
      onProgress: ctx.progress(),
    });
    ctx.endProgress();
    ctx.endProblems();
    const { errors, warnings, notes } = result.counts;
    if (!json && errors + warnings + notes > printed + folded) ctx.err(`${ctx.t.ui.moreProblems(errors + warnings + notes - printed - folded)}\n`);
    await ctx.write('validate', opts.format, result, opts.output);
    if (errors > 0) throw new DataFailure('');
  });
}
