#!/usr/bin/env node
'use strict';
// (A CommonJS file, as bin/package.json says: Node starts it without its ES module loader.)
const { join } = require('node:path');
const { compileBundle } = require('./bundle.cjs');

const bundle = join(__dirname, '..', 'dist', 'bundle', 'landcap.cjs');
let exported;
try {
  exported = compileBundle(bundle).exports;
} catch (error) {
  // A checkout not built yet, or being built (the build replaces dist/): a message, not a stack trace.
  if (error.code !== 'ENOENT') throw error;
  process.stderr.write(`landcap: ${bundle} is missing: landcap is not built, or a build is under way (run npm run build in ${join(__dirname, '..')})\n`);
  process.exit(2);
}
const { main, streamFailed } = exported;

// Standard output or error that fails (a full disk, a closed terminal) ends the run with a message and exit code 2;
// a reader that stops early (landcap report | head) is not an error.
for (const [name, stream] of [
  ['stdout', process.stdout],
  ['stderr', process.stderr],
]) {
  stream.on('error', (error) => process.exit(streamFailed(error, name, process.argv.slice(2)) ?? process.exitCode ?? 0));
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
