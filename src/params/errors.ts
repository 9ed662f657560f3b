/**
 * Errors in what the user gave on the command line or in a parameters or scenario file: a usage error
 * (exit code 2). Each has a code and arguments; the CLI words it in the user's language (src/i18n).
 */
export const PARAMETER_ERRORS = [
  'share',
  'positive',
  'supply',
  'one-of',
  'unknown-keys',
  'not-number',
  'not-species-ratio',
  'not-utf8',
  'not-text',
  'not-json',
  'json-duplicate-key',
  'json-too-deep',
  'json-number-too-large',
  'not-finite',
  'set-syntax',
  'invalid',
  'one-change',
  'unknown-species',
  'unknown-crop',
  'below-zero',
  'too-many',
  'no-area',
  'no-factor',
  'township-ambiguous',
] as const;
export type ParameterErrorCode = (typeof PARAMETER_ERRORS)[number];

export class ParameterError extends Error {
  constructor(
    /** The flag, or the file and the place in it: "--manure-share", "params.json: manureShare". */
    readonly where: string,
    readonly code: ParameterErrorCode,
    readonly args: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${where}: ${code} ${JSON.stringify(args)}`);
  }
}
