#!/usr/bin/env node
// Fills each ```console block of README.md and docs/*.md (a "$ landcap …" line) with what that command prints now,
// so that they show real output. tests/readme.test.ts checks that they still do.
//   node scripts/readme-examples.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pages = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f)),
];

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

for (const page of pages) {
  const text = readFileSync(page, 'utf8').replace(
    /```console\n(\$ landcap[^\n]*)\n[\s\S]*?```/g,
    (_m, line) => `\`\`\`console\n${line}\n${runExample(line).trimEnd()}\n\`\`\``,
  );
  writeFileSync(page, text);
}
