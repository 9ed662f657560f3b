import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, packagePath } from '../paths.js';
import { TABLE_FILES } from './files.js';
import type { Alias, Coefficients, CropCoefficient, SpeciesCoefficient } from './coefficients.js';

export { DATA_DIR };

/** The checked tables as JSON (maps as entry lists), with the text of the files they were read from. */
interface Compiled {
  readonly files: string;
  readonly coefficients: Omit<Coefficients, 'crops' | 'cropAliases' | 'species' | 'speciesAliases'> & {
    crops: [string, CropCoefficient][];
    cropAliases: [string, Alias][];
    species: [string, SpeciesCoefficient][];
    speciesAliases: [string, Alias][];
  };
}

const COMPILED = packagePath('dist', 'coefficients.json');

/**
 * The coefficient files as they are now, names and text, one after another (about 12 KB): compared whole with what
 * the build checked, which takes microseconds — a digest worked out byte by byte took 3 ms of a command's start.
 */
export function tablesText(): string {
  return TABLE_FILES.map((f) => `${f}\n${readFileSync(join(DATA_DIR, 'coefficients', f), 'utf8')}`).join('\n');
}

export function compile(c: Coefficients): Compiled {
  return {
    files: tablesText(),
    coefficients: { ...c, crops: [...c.crops], cropAliases: [...c.cropAliases], species: [...c.species], speciesAliases: [...c.speciesAliases] },
  };
}

let cached: Promise<Coefficients> | undefined;

/**
 * The coefficient tables, each row checked against its schema. The build checks them and stores the result with the
 * files' text (dist/coefficients.json); when the files are still those, start-up reads that. When a file
 * differs (edited data), the tables are read and checked again here.
 */
export function loadCoefficients(): Promise<Coefficients> {
  cached ??= (async () => {
    try {
      const compiled = JSON.parse(readFileSync(COMPILED, 'utf8')) as Compiled;
      if (compiled.files === tablesText()) {
        const c = compiled.coefficients;
        return { ...c, crops: new Map(c.crops), cropAliases: new Map(c.cropAliases), species: new Map(c.species), speciesAliases: new Map(c.speciesAliases) };
      }
    } catch {
      // No compiled tables (a build in progress, or files changed): check the files themselves.
    }
    const { readAndCheckTables } = await import('./tables.js');
    return readAndCheckTables();
  })();
  return cached;
}
