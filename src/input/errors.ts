/** Encodings, and the errors of reading a file's text: light, for the command line to load before any reading. */

/** The longest line landcap reads, in characters: a yearbook's widest row is a few thousand. */
export const MAX_LINE_CHARS = 100_000;

/** Encodings landcap reads: what Excel and WPS write as "CSV" and "CSV UTF-8" on Chinese Windows. */
export const ENCODING_OPTIONS = ['auto', 'utf-8', 'gb18030'] as const;
export type EncodingOption = (typeof ENCODING_OPTIONS)[number];
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A CSV syntax error (an unclosed quote, say) that stops the parse of a file. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Not UTF-8, not GB18030: the file is in an encoding landcap does not read (UTF-16, say). */
export class EncodingError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
    readonly column = 0,
  ) {
    super(detail);
  }
}
