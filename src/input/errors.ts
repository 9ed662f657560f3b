/** Encodings, and the errors of reading files: light, for the command line to load before any reading. */

/** The longest line landcap reads, in characters: a yearbook's widest row is a few thousand. */
export const MAX_LINE_CHARS = 100_000;

/** Encodings landcap reads: what Excel and WPS write as "CSV" and "CSV UTF-8" on Chinese Windows. */
export const ENCODING_OPTIONS = ['auto', 'utf-8', 'gb18030'] as const;
export type EncodingOption = (typeof ENCODING_OPTIONS)[number];
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Why a file could not be read or written; the CLI words it in the user's language. */
export type IoReason = 'not-found' | 'is-directory' | 'permission' | 'not-a-folder' | 'no-space' | 'read-only' | 'is-input' | 'too-large' | 'other';

export function ioReason(error: unknown): IoReason {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'not-found';
    case 'EISDIR':
      return 'is-directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'ENOTDIR':
      return 'not-a-folder';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no-space';
    case 'EROFS':
      return 'read-only';
    default:
      return 'other';
  }
}

/** A file that could not be read or written: where, why, and the system's own words. */
export class FileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: IoReason,
    /** The system's message, for reasons landcap has no words of its own for. */
    readonly detail = '',
  ) {
    super(`${path}: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

/** The file could not be read at all (missing, a directory, no permission): exit code 2, not a data problem. */
export class InputFileError extends FileError {
  static from(path: string, error: unknown): InputFileError {
    return new InputFileError(path, ioReason(error), error instanceof Error ? error.message : String(error));
  }
}

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
