import { Command } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { DataFailure } from '../errors.js';
import { addExamples, addOutputOptions, addParameterOptions, collect, runRequest, type InputOptions, type OutputOptions } from '../options.js';

interface FarmOptions extends OutputOptions {
  readonly stock?: string[];
  readonly livestock?: string;
  readonly crop?: string[];
  readonly params?: string;
  readonly local?: string;
  readonly set?: string[];
  readonly nRetention?: string;
  readonly pRetention?: string;
  readonly solidsSold?: boolean;
}

/** landcap farm: a scale farm's land requirement. */
export function farmCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('farm')
    .description(t.help.commands.farm)
    .option('--stock <species=head[:factor]>', o.stock, collect)
    .option('--livestock <file>', o.farmLivestock)
    .option('--crop <crop=yield[:n:p]>', o.crop, collect)
    .option('--n-retention <share>', o.nRetention)
    .option('--p-retention <share>', o.pRetention)
    .option('--solids-sold', o.solidsSold)
    .option('--params <file>', o.params)
    .option('--local <file>', o.local);
  addParameterOptions(cmd, t);
  addOutputOptions(cmd, 'farm', t);
  addExamples(cmd, t, [
    'landcap farm --stock 生猪=5000 --crop 小麦=450 --crop 玉米=600',
    'landcap farm --stock 奶牛=300 --stock 蛋鸡=50000 --crop 玉米=600 --solids-sold --soil-grade I',
  ]);
  return cmd.action(async (opts: FarmOptions & Record<string, unknown>) => {
    const ctx = context();
    const { farmRun } = await import('../../app/farm.js');
    await ctx.checkOutput(opts.output, [
      ...(opts.livestock !== undefined ? [{ path: opts.livestock, given: '--livestock' }] : []),
      ...(opts.params !== undefined ? [{ path: opts.params, given: '--params' }] : []),
      ...(opts.local !== undefined ? [{ path: opts.local, given: '--local' }] : []),
    ]);
    const { flags, set } = runRequest(opts as unknown as InputOptions & Record<string, unknown>);
    const { result, problems } = await farmRun({ ...opts, flags, set }, ctx.t);
    ctx.printProblems(problems);
    if (!result) throw new DataFailure(ctx.failureSummary(problems));
    await ctx.write('farm', opts.format, result, opts.output);
  });
}
