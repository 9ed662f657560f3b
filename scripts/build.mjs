#!/usr/bin/env node
// After tsc (which type-checks and writes dist/ for the library):
// 1. checks the coefficient tables against their schemas and stores them, with the text of the files, as
//    dist/coefficients.json — what landcap reads at start-up while the files are unchanged;
// 2. writes the JSON Schemas of landcap's JSON into schemas/;
// 3. bundles the command line into one file, dist/bundle/landcap.cjs, so that a command starts without resolving and
//    loading dozens of modules;
// 4. stores beside it the code V8 compiled of it, which bin/landcap.js gives V8 back at each start.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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
// One CommonJS file, so that bin/landcap.js can compile it with the code V8 kept of it (4.): modules are compiled one
// by one at each start, and V8 takes a code cache only for a script. Libraries loaded only when used (d3-geo, the
// workbook reader) are in it, their code run only when used. The build's id, at its end, names its code cache.
const buildId = randomBytes(8).toString('hex');
const bundlePath = fileURLToPath(new URL('../dist/bundle/landcap.cjs', import.meta.url));
await build({
  entryPoints: { landcap: 'src/cli/main.ts' },
  bundle: true,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  minify: process.env.LANDCAP_BUILD_DEBUG !== '1',
  legalComments: 'linked',
  // The modules find the package's files from their own place (src/paths.ts) and load some packages by require.
  define: { 'import.meta.url': '__landcapModuleUrl' },
  // "use strict" first, as the directive it is: the code runs strict, as the modules it was bundled from do.
  banner: { js: "'use strict';\nvar __landcapModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  footer: { js: `//# landcap-build=${buildId}` },
  logLevel: 'warning',
  plugins: [lazyChildProcess],
});

// 4. The code cache: the bundle compiled as bin/landcap.js compiles it, a few commands run on the bundled sample (so
//    that what a run uses is compiled too), and what V8 compiled written beside it, named by the build's id. Node
//    takes it only from the same Node and V8 (else it compiles the bundle as usual); a new build has a new id.
const { compileBundle, storedCode } = createRequire(import.meta.url)('../bin/bundle.cjs');
const { script, exports: cli, bytes, codeFile } = compileBundle(bundlePath);
const quiet = { stdout: { write: () => {} }, stderr: { write: () => {} }, env: { LANG: 'C.UTF-8' } };
const sample = fileURLToPath(new URL('../data/samples/beipiao-townships-2024/', import.meta.url));
for (const args of [
  ['report'],
  ['report', '--format', 'json'],
  ['report', '--format', 'csv', '--crops', `${sample}crops.csv`, '--livestock', `${sample}livestock.csv`],
  ['validate', `${sample}crops.csv`, `${sample}livestock.csv`],
])
  await cli.main(args, quiet);
const code = storedCode(script.createCachedData(), bytes);
if (code) writeFileSync(codeFile, code);
