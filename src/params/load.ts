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
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ParameterError(path, 'not-json', { detail: (error as Error).message });
  }
}

/** Reads and checks a parameters JSON file. */
export async function readParametersFile(path: string): Promise<ParametersFile> {
  return checkParametersFile(path, await readJsonFile(path));
}
