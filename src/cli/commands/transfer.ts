import { Command } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { addLocationOptions, addExamples, addInputOptions, addOutputOptions, addParameterOptions, type InputOptions, type OutputOptions } from '../options.js';

interface TransferOptions extends InputOptions, OutputOptions {
  readonly maxKm: number;
}

/** landcap transfer: where the surplus can go — a plan of flows from overloaded townships to those with headroom. */
export function transferCommand(context: () => Context, t: Messages): Command {
  const cmd = new Command('transfer').description(t.help.commands.transfer);
  addLocationOptions(cmd, t);
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  addOutputOptions(cmd, 'transfer', t);
  addExamples(cmd, t, [
    'landcap transfer --crops crops.csv --livestock livestock.csv --places places.csv',
    'landcap transfer --crops crops.csv --livestock livestock.csv --places places.csv --max-km 20 --format json > plan.json',
    'landcap transfer --crops crops.csv --livestock livestock.csv --map townships.geojson --format html --output plan.html',
  ]);
  return cmd.action(async (opts: TransferOptions & Record<string, unknown>) => {
    const ctx = context();
    if (opts.places === undefined && opts.map === undefined) throw new UsageError(ctx.t.ui.transfer.noLocations);
    const [{ transferRun }, { VERSION }] = await Promise.all([import('../../app/transfer.js'), import('../../app/version.js')]);
    const run = await ctx.startRun(opts);
    const { plan, problems, unmatched, map } = await transferRun(run, opts.maxKm, {
      encoding: opts.encoding,
      strict: opts.strict,
      onProgress: ctx.progress(),
      draw: opts.format === 'html',
    });
    ctx.endRead(run, { problems, unmatched });
    if (!plan) throw new DataFailure(ctx.failureSummary(problems));
    await ctx.write('transfer', opts.format, plan, opts.output, { ...(map ? { map } : {}), meta: { generator: `landcap ${VERSION}` } });
  });
}
