import { Command, Option } from 'commander';
import { closest, distance } from 'fastest-levenshtein';
import { loadCoefficients } from '../../coefficients/load.js';
import { loadDataset } from '../../dataset/dataset.js';
import { explainTownship } from '../../explain/explain.js';
import { writeFileAtomic } from '../../io/output.js';
import { scenarioAdjuster } from '../../scenario/scenario.js';
import { ProblemLog } from '../../validate/problems.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { resolveInputs } from '../inputs.js';
import { addInputOptions, addParameterOptions, type InputOptions } from '../options.js';
import { failureSummary } from './report.js';

interface ExplainOptions extends InputOptions {
  readonly township: string;
  readonly format: 'text' | 'json' | 'md';
  readonly output?: string;
}

/** Up to three township names nearest to one that is not in the data. */
function nearestNames(name: string, names: string[]): string[] {
  const out: string[] = [];
  const pool = [...names];
  while (out.length < 3 && pool.length > 0) {
    const best = closest(name, pool);
    if (distance(name, best) > Math.max(2, name.length)) break;
    out.push(best);
    pool.splice(pool.indexOf(best), 1);
  }
  return out;
}

export function explainCommand(context: () => Context): Command {
  const cmd = new Command('explain')
    .description('the whole calculation for one township: every number with its formula, inputs and their sources')
    .requiredOption('--township <name>', 'the township to explain, as the data names it');
  addInputOptions(cmd);
  addParameterOptions(cmd);
  cmd.addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'));
  cmd.option('--output <file>', 'write to this file (atomically) instead of stdout');
  cmd.action(async (opts: ExplainOptions & Record<string, unknown>) => {
    const ctx = context();
    const c = loadCoefficients();
    const inputs = await resolveInputs(opts, c);
    const log = new ProblemLog({ strict: opts.strict });
    const name = opts.township.trim();
    const adjust = inputs.scenario && scenarioAdjuster(inputs.scenario, c);
    const dataset = await loadDataset(inputs.files, inputs.params.values, c, log, { encoding: opts.encoding, keepDetails: (t) => t === name, adjust });
    ctx.printProblems(log.problems);
    if (adjust) ctx.printUnmatched(inputs.scenario!.path, adjust.unmatched);
    if (log.hasErrors) throw new DataFailure(failureSummary(log.problems, ctx));
    const township = dataset.townships.get(name);
    if (!township) throw new UsageError(ctx.t.ui.explain.notFound(name, nearestNames(name, [...dataset.townships.keys()]).join(', ')));
    const explanation = explainTownship(township, inputs.params, c);
    const meaning = (grade: string) => c.loadGrades.find((g) => g.grade === grade)?.meaning[ctx.lang] ?? '';
    const { renderExplainMarkdown, renderExplainText } = await import('../../explain/render.js');
    const text =
      opts.format === 'json'
        ? `${JSON.stringify(explanation, null, 2)}\n`
        : opts.format === 'md'
          ? renderExplainMarkdown(explanation, ctx.t, meaning)
          : renderExplainText(explanation, ctx.t, ctx.chalk, meaning);
    if (opts.output !== undefined) await writeFileAtomic(opts.output, text);
    else ctx.out(text);
  });
  return cmd;
}
