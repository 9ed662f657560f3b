/** The errors of files that could not be read or written (exit code 2): where, why, and the system's own words. */

/** Why a file could not be read or written; the CLI words it in the user's language. */
export type IoReason =
  'not-found' | 'is-directory' | 'permission' | 'not-a-folder' | 'no-space' | 'read-only' | 'is-input' | 'too-large' | 'old-workbook' | 'other';

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
