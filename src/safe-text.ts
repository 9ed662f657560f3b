/**
 * Text from users' files (township and crop names, file paths) on its way to a terminal, a spreadsheet or a page:
 * each target gets the data as text it shows, never as commands it runs. Nothing here changes the data itself; the
 * JSON output keeps every name exactly as the file wrote it.
 */

/**
 * Characters a terminal acts on or that change how text around them shows: C0 controls and DEL (ESC starts
 * terminal commands, BEL rings, CR and LF break lines, tab moves the cursor), C1 controls, and the bidirectional
 * marks, embeddings, overrides and isolates that reorder the text around them (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCode(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The text with every control and bidirectional character shown as an escape (`\x1b`, `\n`, `\u202e`): for the
 * terminal table, the text reports and every diagnostic line. Other text is returned as it is.
 */
export function visible(text: string): string {
  ACTIVE.lastIndex = 0;
  return ACTIVE.test(text) ? text.replace(ACTIVE, escapeCode) : text;
}

/** Text of several lines, each line's control characters shown as escapes, its line breaks kept. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

/**
 * Characters that are there and not seen: zero-width spaces and joiners, the word joiner, the byte-order mark inside
 * text, soft hyphens, and NUL. 甲\u200b镇 looks like 甲镇 and is another name; reading a name, landcap warns of them.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/;

const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The first invisible character of a name (see INVISIBLE), as an escape (`\u200b`); undefined when it has none. */
export function invisibleCharacter(name: string): string | undefined {
  const m = INVISIBLE.exec(name);
  return m ? unicodeEscape(m[0]) : undefined;
}

/** A name with its invisible characters shown as escapes (甲\u200b镇), for the message that warns of them. */
export function showInvisible(name: string): string {
  return name.replace(new RegExp(INVISIBLE.source, 'g'), unicodeEscape);
}

/** What a spreadsheet reads as a formula at the start of a text cell: = + - @, and tab or CR before one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell for a CSV (or any file meant for a spreadsheet): one that a spreadsheet would read as a formula gets a
 * leading apostrophe, which spreadsheets show as text (`'=1+2`). Numbers are not text cells: they stay numbers.
 */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML, in elements and attributes alike, its controls shown as escapes. */
export function htmlText(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * Data in Markdown (a township's name in a table cell, a file path in a note): shown as written, never read as
 * Markdown or HTML. Controls are shown as escapes (a line break would end a table row), HTML's special characters
 * become entities, and the characters of emphasis, code and tables are escaped with a backslash, as is the `]` of a
 * link's `](` (a bracket alone is text: no line of landcap's Markdown starts with data, where a link could be defined).
 */
export function markdownText(text: string): string {
  return visible(text)
    .replace(/[\\`*_~|]|\](?=\()/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML[c]!);
}

/** At most `max` characters of a text quoted in a message, the rest shown as "…" (a cell may be megabytes). */
export function bounded(text: string, max = 80): string {
  if (text.length <= max) return text;
  // Not cutting a surrogate pair in two.
  const end = /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
