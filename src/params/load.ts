import { readFile } from 'node:fs/promises';
import { InputFileError } from '../io/csv.js';
import { checkParametersFile, type ParametersFile } from './check.js';
import { ParameterError } from './errors.js';

/** Reads and checks a parameters JSON file. */
export async function readParametersFile(path: string): Promise<ParametersFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw InputFileError.from(path, error);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ParameterError(path, 'not-json', { detail: (error as Error).message });
  }
  return checkParametersFile(path, data);
}
