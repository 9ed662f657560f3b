#!/usr/bin/env node
'use strict';
// (A CommonJS file, as bin/package.json says: Node starts it without its ES module loader.)
const { join } = require('node:path');
const { compileBundle } = require('./bundle.cjs');

const { main, streamFailed } = compileBundle(join(__dirname, '..', 'dist', 'bundle', 'landcap.cjs')).exports;

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
