import { existsSync } from 'node:fs';

/**
 * The package's root folder (where package.json and data/ are), found from this module's own place: dist/… when
 * compiled file by file, dist/ when bundled.
 */
function findRoot(): URL {
  for (const up of ['../', '../../', '../../../']) {
    const url = new URL(up, import.meta.url);
    if (existsSync(new URL('package.json', url)) && existsSync(new URL('data/', url))) return url;
  }
  throw new Error('landcap: cannot find its package folder (package.json and data/)');
}

export const PACKAGE_ROOT = findRoot();
export const DATA_DIR = new URL('data/', PACKAGE_ROOT);
