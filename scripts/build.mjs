#!/usr/bin/env node
// After tsc (which type-checks and writes dist/ for the library):
// 1. checks the coefficient tables against their schemas and stores them, with a digest of the files, as
//    dist/coefficients.json — what landcap reads at start-up while the files are unchanged;
// 2. bundles the command line into dist/bundle/ (one file, and one chunk per command and renderer, loaded when
//    used), so that a command starts without resolving and loading dozens of modules.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const { readAndCheckTables } = await import('../dist/coefficients/tables.js');
const { compile } = await import('../dist/coefficients/load.js');
writeFileSync(new URL('../dist/coefficients.json', import.meta.url), JSON.stringify(compile(readAndCheckTables())));

await build({
  entryPoints: { landcap: 'src/cli/main.ts', worker: 'src/parallel/worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  minify: process.env.LANDCAP_BUILD_DEBUG !== '1',
  legalComments: 'linked',
  // CommonJS packages in the bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __landcapRequire } from 'node:module'; const require = __landcapRequire(import.meta.url);" },
  logLevel: 'warning',
});
