#!/usr/bin/env node
// After tsc (which type-checks and writes dist/ for the library):
// 1. checks the coefficient tables against their schemas and stores them, with the text of the files, as
//    dist/coefficients.json — what landcap reads at start-up while the files are unchanged;
// 2. writes the JSON Schemas of landcap's JSON into schemas/;
// 3. bundles the command line into dist/bundle/ (one file, and one chunk per command and renderer, loaded when
//    used), so that a command starts without resolving and loading dozens of modules.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const { readAndCheckTables } = await import('../dist/coefficients/tables.js');
const { compile } = await import('../dist/coefficients/load.js');
writeFileSync(new URL('../dist/coefficients.json', import.meta.url), JSON.stringify(compile(readAndCheckTables())));

// 2. JSON Schemas of what landcap writes (report, validate) and reads (parameters, scenario files), generated from the
//    zod schemas the code uses, into schemas/ (shipped in the package), named by schemaVersion.
const { z } = await import('zod');
const { SCHEMA_VERSION } = await import('../dist/report/report.js');
const { reportJsonSchema, validateJsonSchema } = await import('../dist/report/schema.js');
const { parametersFileSchema } = await import('../dist/params/check.js');
const { scenarioFileSchema } = await import('../dist/scenario/scenario.js');
mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
for (const [name, schema, io, title] of [
  ['report', reportJsonSchema, 'output', 'landcap report --format json'],
  ['validate', validateJsonSchema, 'output', 'landcap validate --format json'],
  ['params', parametersFileSchema, 'input', 'landcap parameters file (--params)'],
  ['scenario', scenarioFileSchema, 'input', 'landcap scenario file (--scenario)'],
]) {
  const json = { $id: `urn:landcap:schema:${name}:v${SCHEMA_VERSION}`, title, ...z.toJSONSchema(schema, { target: 'draft-2020-12', io }) };
  writeFileSync(new URL(`../schemas/${name}.v${SCHEMA_VERSION}.schema.json`, import.meta.url), `${JSON.stringify(json, null, 2)}\n`);
}

// 3. The command line, bundled (afresh: no chunk of an earlier build left behind).
// commander loads node:child_process (and with it Node's sockets and pipes) when it loads, for subcommands that are
// programs of their own — landcap has none: the module is loaded only if it is ever used.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander/') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};
rmSync(new URL('../dist/bundle/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { landcap: 'src/cli/main.ts' },
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
  plugins: [lazyChildProcess],
});
