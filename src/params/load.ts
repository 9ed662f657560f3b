import { readFile } from 'node:fs/promises';
import { InputFileError } from '../file-errors.js';
import { bounded } from '../safe-text.js';
import { checkParametersFile, type ParametersFile } from './check.js';
import { ParameterError } from './errors.js';

/**
 * Reads a JSON file landcap is given (parameters, a scenario): InputFileError when it cannot be read, ParameterError
 * when it is not JSON, or is JSON that JSON.parse would read without a word but not as the user meant (jsonHazard).
 */
export async function readJsonFile(path: string): Promise<unknown> {
  return (await readJsonText(path)).value;
}

/** readJsonFile's value, with the text it was read from (without a byte order mark). */
export async function readJsonText(
  path: string,
  decode: (bytes: Buffer) => string | Promise<string> = utf8Only(path),
): Promise<{ readonly value: unknown; readonly text: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw InputFileError.from(path, error);
  }
  const text = await decode(bytes);
  const json = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch (error) {
    throw new ParameterError(path, 'not-json', { detail: bounded(withLineAndColumn((error as Error).message, json).replace(/\r?\n/g, '\\n'), 200) });
  }
  const hazard = jsonHazard(json);
  if (hazard) {
    const { line, column } = lineAndColumn(json, hazard.at);
    throw new ParameterError(path, hazard.code, { ...hazard.args, line, column });
  }
  return { value, text: json };
}

/** A JSON file's text, which must be UTF-8 (with or without a byte-order mark), as JSON is. */
const utf8Only = (path: string) => (bytes: Buffer) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ParameterError(path, 'not-utf8', {});
  }
};

/** Nesting no parameters or scenario file needs (a scenario's is three deep). */
const MAX_DEPTH = 32;

/**
 * What JSON.parse reads without a word but not as the user meant, in valid JSON text: a key given twice in one object
 * (the last wins), a number beyond any double (1e400 is read as Infinity), nesting deeper than MAX_DEPTH (a value
 * a checker then walks recursively). The first one found, at its position in the text.
 */
function jsonHazard(
  text: string,
): { at: number; code: 'json-duplicate-key' | 'json-too-deep' | 'json-number-too-large'; args: Record<string, string | number> } | undefined {
  // Per open object the keys it has, per open array null.
  const open: (Set<string> | null)[] = [];
  let keyNext = false;
  const number = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '{' || c === '[') {
      open.push(c === '{' ? new Set() : null);
      if (open.length > MAX_DEPTH) return { at: i, code: 'json-too-deep', args: { depth: MAX_DEPTH } };
      keyNext = c === '{';
    } else if (c === '}' || c === ']') {
      open.pop();
      keyNext = false;
    } else if (c === ',') keyNext = open.at(-1) instanceof Set;
    else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (keyNext) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const keys = open.at(-1)!;
        if (keys.has(key)) return { at: i, code: 'json-duplicate-key', args: { key: bounded(key) } };
        keys.add(key);
        keyNext = false;
      }
      i = end;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      number.lastIndex = i;
      const m = number.exec(text)!;
      if (!Number.isFinite(Number(m[0]))) return { at: i, code: 'json-number-too-large', args: { text: bounded(m[0]) } };
      i += m[0].length - 1;
    }
  }
  return undefined;
}

/** Reads and checks a parameters JSON file. */
export async function readParametersFile(path: string): Promise<ParametersFile> {
  return checkParametersFile(path, await readJsonFile(path));
}

/** The line and column an editor shows for a position in a text. */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  return linesAndColumns(text, [at])[0]!;
}

/** The lines and columns an editor shows for positions in a text, given in order, in one pass over it. */
export function linesAndColumns(text: string, ascending: readonly number[]): { line: number; column: number }[] {
  let line = 1;
  let start = 0;
  let next = text.indexOf('\n');
  return ascending.map((at) => {
    for (; next !== -1 && next < at; next = text.indexOf('\n', next + 1)) {
      line++;
      start = next + 1;
    }
    return { line, column: at - start + 1 };
  });
}

/** A JSON.parse message with the line and column an editor shows added, where its position can be known. */
function withLineAndColumn(message: string, text: string): string {
  const at = errorPosition(message, text);
  if (at === undefined) return message;
  const { line, column } = lineAndColumn(text, at);
  return `${message} (line ${line}, column ${column})`;
}

/**
 * Where JSON.parse stopped: the position its message gives, or, for an unexpected token, the token within the piece
 * of text the message quotes (up to 10 characters each side of it, "..." where the text goes on).
 */
function errorPosition(message: string, text: string): number | undefined {
  const given = /at position (\d+)/.exec(message);
  if (given) return Number(given[1]);
  // Node 20: Unexpected token 'n', ..."{"name": nope}, "geo"... is not valid JSON
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return undefined;
  const [, token = '', before, piece = '', after] = quoted;
  const start = before ? text.indexOf(piece) : 0;
  if (start < 0) return undefined;
  // Ten characters stand before the token when the text has them, ten after it when it goes on.
  const at = before ? start + 10 : after ? start + piece.length - 10 - token.length : piece.indexOf(token) === piece.lastIndexOf(token) ? piece.indexOf(token) : -1;
  return at >= 0 && text.startsWith(token, at) ? at : undefined;
}
