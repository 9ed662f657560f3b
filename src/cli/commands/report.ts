import { Command } from 'commander';
import type { Messages } from '../../i18n/en.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import type { Context } from '../context.js';
import { addExamples, addInputOptions, addOutputOptions, addParameterOptions, runLazily } from '../options.js';
import * as reportRun from '../run/report.js';

export function reportCommand(context: () => Context, t: Messages): Command {
  const o = t.help.options;
  const cmd = new Command('report').description(t.help.commands.report);
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  addOutputOptions(cmd, REPORT_FORMATS, t);
  cmd.option('--headroom', o.headroom);
  cmd.option('--range', o.range);
  cmd.option('--title <text>', o.title);
  cmd.option('--region <text>', o.region);
  cmd.option('--year <year>', o.year);
  cmd.option('--fail-on-overload', o.failOnOverload);
  addExamples(cmd, t, [
    'landcap report',
    'landcap report --crops crops.csv --livestock livestock.csv --manure-share 0.4',
    'landcap report --crops crops.csv --livestock livestock.csv --soil soil.csv --basis both --format json > report.json',
    'landcap report --format html --title "北票市畜禽粪污土地承载力" --year 2024 --output report.html',
  ]);
  // report is what landcap runs most: its work is in the main bundle; the other commands load theirs when they run.
  return runLazily(cmd, context, async () => reportRun);
}
