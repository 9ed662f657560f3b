import { readFile } from 'node:fs/promises';
import { InputFileError } from '../io/csv.js';
import { checkParametersFile, ParameterError, type ParametersFile } from './params.js';

/** Reads and checks a parameters JSON file. */
export async function readParametersFile(path: string): Promise<ParametersFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ParameterError(path, `not valid JSON: ${(error as Error).message}`);
  }
  return checkParametersFile(path, data);
}
