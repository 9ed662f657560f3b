import { readFile } from 'node:fs/promises';
import { InputFileError } from '../io/csv.js';
import { checkParametersFile, type ParametersFile } from './check.js';
import { ParameterError } from './errors.js';

/** Reads a JSON file landcap is given (parameters, a scenario): InputFileError when it cannot be read, ParameterError when it is not JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw InputFileError.from(path, error);
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new ParameterError(path, 'not-json', { detail: withLineAndColumn((error as Error).message, json) });
  }
}

/** Reads and checks a parameters JSON file. */
export async function readParametersFile(path: string): Promise<ParametersFile> {
  return checkParametersFile(path, await readJsonFile(path));
}

/** A JSON.parse message that gives a position in the text, with the line and column an editor shows added. */
function withLineAndColumn(message: string, text: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m) return message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return `${message} (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}
