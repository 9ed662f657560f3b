import { visible } from '../safe-text.js';
import type { Problem, ProblemArgs, ProblemCode } from '../problems.js';
import { en, type Messages } from './en.js';
import { zh } from './zh.js';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const CATALOGUES: Record<Lang, Messages> = { en, zh };

export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** The language from LC_ALL, LC_MESSAGES or LANG: Chinese for zh*, English otherwise. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

export function problemMessage(p: Problem, t: Messages): string {
  return t.problems[p.code].message(p.args);
}

export function problemHint(p: Problem, t: Messages): string | undefined {
  return t.problems[p.code].hint?.(p.args);
}

/** A problem's message and hint, without a place: for a value given on the command line (farm's --crop, --stock). */
export function problemText(code: ProblemCode, args: ProblemArgs, t: Messages): string {
  const p = { file: '', line: 0, column: 0, severity: 'error', code, args } as const;
  const hint = problemHint(p, t);
  return hint ? t.ui.withHint(problemMessage(p, t), hint) : problemMessage(p, t);
}

/**
 * `FILE:LINE:COLUMN: error|warning CODE message` (docs/cli.md), with the hint after it when there is one — on one
 * line, its control and bidirectional characters shown as escapes (a name may hold a terminal's commands).
 */
export function formatProblem(p: Problem, t: Messages): string {
  const hint = problemHint(p, t);
  return visible(`${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code} ${hint ? t.ui.withHint(problemMessage(p, t), hint) : problemMessage(p, t)}`);
}
