import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (where package.json and data/ are), found from this module's own place: dist/… when
 * compiled file by file, dist/bundle/ when bundled.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
  }
  throw new Error('landcap: cannot find its package folder (package.json and data/)');
}

/** Paths of the package's own files. */
export const PACKAGE_ROOT = findRoot();
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
export const packagePath = (...parts: string[]) => join(PACKAGE_ROOT, ...parts);
