#!/usr/bin/env node
// Runs npm scripts side by side (`node scripts/together.mjs typecheck lint`): the type check and the lint are each
// one process on one core, and a 2-core machine runs both in the time of the longer. Each script's output is printed
// whole when it ends; the exit code is the first failure's, else 0.
import { spawn } from 'node:child_process';

const results = await Promise.all(
  process.argv.slice(2).map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (d) => output.push(d));
        child.stderr.on('data', (d) => output.push(d));
        child.on('close', (code) => resolve({ script, code: code ?? 1, output: Buffer.concat(output).toString() }));
      }),
  ),
);
for (const { script, code, output } of results) process.stdout.write(`> ${script}: ${code === 0 ? 'ok' : `exit ${code}`}\n${output}`);
process.exit(results.find((r) => r.code !== 0)?.code ?? 0);
