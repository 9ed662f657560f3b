import { Command } from 'commander';
import { visible } from '../../app/present.js';
import type { Messages } from '../../i18n/en.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { addExamples, addInputOptions, addOutputOptions, addParameterOptions, runRequest, type InputOptions, type OutputOptions } from '../options.js';

/** landcap compare: two reports, or the data without and with a scenario, township by township. */
export function compareCommand(context: () => Context, t: Messages): Command {
  const cmd = new Command('compare').description(t.help.commands.compare).argument('[reports...]', t.help.options.reports);
  addInputOptions(cmd, t);
  addParameterOptions(cmd, t);
  addOutputOptions(cmd, 'compare', t);
  addExamples(cmd, t, ['landcap compare base.json scenario.json', 'landcap compare --scenario data/samples/beipiao-townships-2024/scenario-2030.json']);
  return cmd.action(async (files: string[], opts: InputOptions & OutputOptions & Record<string, unknown>) => {
    const ctx = context();
    const app = await import('../../app/compare.js');
    let comparison;
    if (files.length === 2 && opts.scenario === undefined) {
      await ctx.checkOutput(
        opts.output,
        files.map((path, i) => ({ path, given: i === 0 ? 'BASE' : 'SCENARIO' })),
        opts.format,
      );
      const compared = await app.compareFiles(files[0]!, files[1]!, ctx.t);
      for (const w of compared.warnings) ctx.err(`${ctx.chalkErr.yellow(visible(w))}\n`);
      comparison = compared.comparison;
    } else if (files.length === 0 && opts.scenario !== undefined) {
      // Two runs on the same inputs: without the scenario, and with it.
      const { resolveRun } = await import('../../app/run.js');
      const run = await resolveRun(runRequest(opts), ctx.t);
      await ctx.checkOutput(opts.output, run.named, opts.format);
      const baseline = await resolveRun(runRequest({ ...opts, scenario: undefined }), ctx.t);
      const result = await app.compareScenario(run, baseline, ctx.t, { encoding: opts.encoding, strict: opts.strict });
      ctx.printProblems(result.problems);
      ctx.printUnmatched(run.scenario!.path, result.unmatched);
      if (!result.comparison) throw new DataFailure(ctx.failureSummary(result.problems));
      comparison = result.comparison;
    } else throw new UsageError(ctx.t.ui.compare.needTwo);
    await ctx.write('compare', opts.format, comparison, opts.output);
  });
}
