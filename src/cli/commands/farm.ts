import { Command, Option } from 'commander';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { addExamples, addParameterOptions, collect, runLazily } from '../options.js';

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
    .option('--params <file>', o.params);
  addParameterOptions(cmd, t);
  cmd.addOption(new Option('--format <format>', o.format).choices(['text', 'table', 'json', 'md']).default('text'));
  cmd.option('--output <file>', o.output);
  addExamples(cmd, t, [
    'landcap farm --stock 生猪=5000 --crop 小麦=450 --crop 玉米=600',
    'landcap farm --stock 奶牛=300 --stock 蛋鸡=50000 --crop 玉米=600 --solids-sold --soil-grade I',
  ]);
  return runLazily(cmd, context, () => import('../run/farm.js'));
}
