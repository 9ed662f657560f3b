#!/usr/bin/env node
// Fills each ```console block of README.md (a "$ landcap …" line) with what that command prints now,
// so that the README shows real output. tests/readme.test.ts checks that it still does.
//   node scripts/readme-examples.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const readme = join(root, 'README.md');

/** Runs a README command line as a user would, without colour, in English; init writes into a scratch folder. */
function runExample(line) {
  const args = line.replace(/^\$ landcap\s+/, '').split(/\s+/);
  const cwd = args[0] === 'init' ? mkdtempSync(join(tmpdir(), 'landcap-readme-')) : root;
  const r = spawnSync(process.execPath, [join(root, 'bin/landcap.js'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '' },
    encoding: 'utf8',
  });
  // What a terminal shows: diagnostics (stderr) come before the output, which is written at the end.
  return r.stderr + r.stdout;
}

const text = readFileSync(readme, 'utf8').replace(
  /```console\n(\$ landcap[^\n]*)\n[\s\S]*?```/g,
  (_m, line) => `\`\`\`console\n${line}\n${runExample(line).trimEnd()}\n\`\`\``,
);
writeFileSync(readme, text);
