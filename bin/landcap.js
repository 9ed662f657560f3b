#!/usr/bin/env node
import { main, streamFailed } from '../dist/bundle/landcap.js';

// Standard output or error that fails (a full disk, a closed terminal) ends the run with a message and exit code 2;
// a reader that stops early (landcap report | head) is not an error.
for (const [name, stream] of [
  ['stdout', process.stdout],
  ['stderr', process.stderr],
]) {
  stream.on('error', (error) => process.exit(streamFailed(error, name, process.argv.slice(2)) ?? process.exitCode ?? 0));
}

process.exitCode = await main(process.argv.slice(2));
