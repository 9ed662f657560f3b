import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { DATA_DIR } from './paths.js';

/** The sample `landcap report` runs when no input files are given. */
export const DEFAULT_SAMPLE = 'beipiao-townships-2024';

export interface Sample {
  readonly name: string;
  readonly crops: string;
  readonly livestock: string;
  readonly soil?: string;
  readonly params?: string;
}

export function sampleNames(): string[] {
  return readdirSync(join(DATA_DIR, 'samples'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** A path for messages: relative to the working directory when the file is under it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** A bundled sample's files; undefined when there is no sample of that name. */
export function sample(name: string): Sample | undefined {
  if (!/^[a-z0-9-]+$/.test(name)) return undefined;
  const dir = join(DATA_DIR, 'samples', name) + sep;
  const file = (f: string) => (existsSync(dir + f) ? shown(dir + f) : undefined);
  const crops = file('crops.csv');
  const livestock = file('livestock.csv');
  if (!crops || !livestock) return undefined;
  return { name, crops, livestock, soil: file('soil.csv'), params: file('params.json') };
}
