import { Command } from 'commander';
import { loadCoefficients } from '../../coefficients/load.js';
import { computeReport } from '../../api.js';
import { scenarioAdjuster } from '../../scenario/scenario.js';
import { writeFileAtomic } from '../../io/output.js';
import { renderReport, REPORT_FORMATS } from '../../report/render.js';
import type { Problem } from '../../validate/problems.js';
import type { Context } from '../context.js';
import { VERSION } from '../version.js';
import { DataFailure } from '../errors.js';
import { resolveInputs } from '../inputs.js';
import { addInputOptions, addOutputOptions, addParameterOptions, type InputOptions, type OutputOptions } from '../options.js';

interface ReportOptions extends InputOptions, OutputOptions {
  readonly failOnOverload?: boolean;
  readonly headroom?: boolean;
  readonly range?: boolean;
  readonly title?: string;
  readonly region?: string;
  readonly year?: string;
}

export function reportCommand(context: () => Context): Command {
  const cmd = new Command('report').description('per-township balance of livestock manure and crop land, with a county total');
  addInputOptions(cmd);
  addParameterOptions(cmd);
  addOutputOptions(cmd, REPORT_FORMATS);
  cmd.option('--headroom', 'show how many more head of each species the land could take (JSON always has it)');
  cmd.option('--range', "show capacity at both ends of the guide's use-rate range (JSON always has it)");
  cmd.option('--title <text>', 'title of the HTML report');
  cmd.option('--region <text>', 'region named under the title of the HTML report');
  cmd.option('--year <year>', 'year named under the title of the HTML report');
  cmd.option('--fail-on-overload', 'exit with code 1 when a township is overloaded');
  cmd.action(async (opts: ReportOptions & Record<string, unknown>) => {
    const ctx = context();
    const c = loadCoefficients();
    const inputs = await resolveInputs(opts, c);
    const adjust = inputs.scenario && scenarioAdjuster(inputs.scenario, c);
    const { report, problems } = await computeReport(inputs.files, inputs.params, { encoding: opts.encoding, strict: opts.strict, adjust });
    ctx.printProblems(problems);
    if (adjust) ctx.printUnmatched(inputs.scenario!.path, adjust.unmatched);
    if (!report) throw new DataFailure(failureSummary(problems, ctx));
    const text = await renderReport(report, opts.format, {
      lang: ctx.lang,
      t: ctx.t,
      chalk: ctx.chalk,
      columns: { headroom: opts.headroom, range: opts.range },
      meta: { title: opts.title, region: opts.region, year: opts.year, generator: `landcap ${VERSION}` },
    });
    if (opts.output !== undefined) await writeFileAtomic(opts.output, text);
    else ctx.out(text);
    if (opts.failOnOverload && report.townships.some((t) => t.status === 'overloaded')) throw new DataFailure('overloaded');
  });
  return cmd;
}

export function failureSummary(problems: readonly Problem[], ctx: Context): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return ctx.t.ui.errorsSummary(errors, problems.length - errors);
}
