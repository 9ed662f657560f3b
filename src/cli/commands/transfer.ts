import { Command, InvalidArgumentError, Option } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { DataFailure } from '../errors.js';
import { addExamples, addInputOptions, addOutputOptions, addParameterOptions, runRequest, type InputOptions, type OutputOptions } from '../options.js';

interface TransferOptions extends InputOptions, OutputOptions {
  readonly places: string;
  readonly maxKm: number;
}

/** landcap transfer: where the surplus can go — a plan of flows from overloaded townships to those with headroom. */
export function transferCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('transfer').description(t.help.commands.transfer).addOption(new Option('--places <file>', o.places).makeOptionMandatory());
  cmd.addOption(
    new Option('--max-km <km>', o.maxKm).default(30).argParser((value: string) => {
      const km = Number(value);
      if (!Number.isFinite(km) || km <= 0 || km > 1000) throw new InvalidArgumentError(t.ui.transfer.badKm);
      return km;
    }),
  );
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  addOutputOptions(cmd, 'transfer', t);
  addExamples(cmd, t, [
    'landcap transfer --crops crops.csv --livestock livestock.csv --places places.csv',
    'landcap transfer --crops crops.csv --livestock livestock.csv --places places.csv --max-km 20 --format json > plan.json',
  ]);
  return cmd.action(async (opts: TransferOptions & Record<string, unknown>) => {
    const ctx = context();
    const [{ resolveRun }, { transferRun }] = await Promise.all([import('../../app/run.js'), import('../../app/transfer.js')]);
    const run = await resolveRun(runRequest(opts), ctx.t);
    if (run.defaultSample) ctx.err(`${ctx.t.ui.runningSample(run.sample!)}\n`);
    await ctx.checkOutput(opts.output, [...run.named, { path: opts.places, given: '--places' }], opts.format);
    const { plan, problems, unmatched } = await transferRun(run, opts.places, opts.maxKm, {
      encoding: opts.encoding,
      strict: opts.strict,
      onProgress: ctx.progress(),
    });
    ctx.endProgress();
    ctx.printProblems(problems);
    if (run.scenario) ctx.printUnmatched(run.scenario.path, unmatched);
    if (!plan) throw new DataFailure(ctx.failureSummary(problems));
    await ctx.write('transfer', opts.format, plan, opts.output);
  });
}
