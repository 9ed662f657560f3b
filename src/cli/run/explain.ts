import type { Messages } from '../../i18n/en.js';
import { Command, Option } from 'commander';
import { distance } from 'fastest-levenshtein';
import { loadCoefficients } from '../../coefficients/load.js';
import { loadDataset } from '../../tally/dataset.js';
import { explainTownship } from '../../explain/explain.js';
import { scenarioAdjuster } from '../../scenario/adjust.js';
import { ProblemLog } from '../../problems.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { resolveInputs } from '../inputs.js';
import { addExamples, addInputOptions, addParameterOptions, type InputOptions } from '../options.js';
import { failureSummary } from './report.js';

interface ExplainOptions extends InputOptions {
  readonly township: string;
  readonly format: 'text' | 'table' | 'json' | 'md';
  readonly output?: string;
}

/** Up to three township names nearest to one that is not in the data: fewest edits, a shared beginning counting for more. */
function nearestNames(name: string, names: string[]): string[] {
  const prefix = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  const scored = names
    .map((n) => ({ n, score: distance(name, n) - prefix(name, n) / 2 }))
    .filter((x) => x.score <= Math.max(1, name.length / 2))
    .sort((a, b) => a.score - b.score);
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((x) => x.score <= best + 0.5)
    .slice(0, 3)
    .map((x) => x.n);
}

export async function run(context: () => Context, opts: ExplainOptions & Record<string, unknown>): Promise<void> {
  const ctx = context();
  const c = await loadCoefficients();
  const inputs = await resolveInputs(opts, c, ctx.t);
  await ctx.checkOutput(opts.output, inputs.named);
  const log = new ProblemLog({ strict: opts.strict });
  const name = opts.township.trim();
  const adjust = inputs.scenario && scenarioAdjuster(inputs.scenario, c);
  const dataset = await loadDataset(inputs.files, inputs.params.values, c, log, {
    encoding: opts.encoding,
    keepDetails: (t) => t === name,
    adjust,
    onProgress: ctx.progress(),
  });
  ctx.endProgress();
  ctx.printProblems(log.problems);
  if (adjust) ctx.printUnmatched(inputs.scenario!.path, adjust.unmatched);
  if (log.hasErrors) throw new DataFailure(failureSummary(log.problems, ctx));
  const township = dataset.townships.get(name);
  if (!township) throw new UsageError(ctx.t.ui.explain.notFound(name, nearestNames(name, [...dataset.townships.keys()]).join(', ')));
  const explanation = explainTownship(township, dataset, inputs.params, c);
  const meaning = (grade: string) => c.loadGrades.find((g) => g.grade === grade)?.meaning[ctx.lang] ?? '';
  const { renderExplainMarkdown, renderExplainText } = await import('../../explain/render.js');
  const text =
    opts.format === 'json'
      ? `${JSON.stringify(explanation, null, 2)}\n`
      : opts.format === 'md'
        ? renderExplainMarkdown(explanation, ctx.t, meaning)
        : renderExplainText(explanation, ctx.t, ctx.chalk, meaning);
  await ctx.emit(opts.output, text);
}
