import { visible } from '../safe-text.js';
import type { Problem } from '../validate/problems.js';
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

/**
 * `FILE:LINE:COLUMN: error|warning CODE message` (CONTRACT.md), with the hint after it when there is one — on one
 * line, its control and bidirectional characters shown as escapes (a name may hold a terminal's commands).
 */
export function formatProblem(p: Problem, t: Messages): string {
  const hint = problemHint(p, t);
  return visible(`${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code} ${problemMessage(p, t)}${hint ? t.ui.paren(t.ui.label(t.ui.hint, hint)) : ''}`);
}
