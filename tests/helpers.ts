import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { main } from '../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'landcap.js');
export const COUNTY = join(ROOT, 'data/samples/beipiao-county-2024');
export const TOWNSHIPS = join(ROOT, 'data/samples/beipiao-townships-2024');

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `landcap` binary as a user would, without a terminal and without colour settings of the caller. */
export function landcapBinary(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: runEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A run that does not end is killed (its status is then -1).
    timeout: options.timeoutMs,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const runEnv = (env: Record<string, string> = {}) => ({ ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '', FORCE_COLOR: '', ...env }) as Record<string, string>;

/**
 * Runs the command line the binary runs (its bundle, as built) with the same arguments and environment, without a
 * terminal, in a worker thread that keeps it loaded: what `landcapBinary` gives, in milliseconds. A run in another
 * folder or with a time limit is one of the binary's.
 */
export function landcap(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Run {
  if (options.cwd !== undefined || options.timeoutMs !== undefined) return landcapBinary(args, options);
  const w = (worker ??= startWorker());
  Atomics.store(w.flag, 0, 0);
  w.port.postMessage({ args: [...args], env: runEnv(options.env) });
  if (Atomics.wait(w.flag, 0, 0, 120_000) === 'timed-out') {
    // A run that does not end: the worker goes, so that no late answer is taken for the next run's.
    void w.thread.terminate();
    worker = undefined;
    throw new Error(`landcap ${args.join(' ')}: no answer in 120 s`);
  }
  // The flag can be seen before the answer posted ahead of it reaches this side of the port (on a busy machine): wait
  // for it, rather than leave it to be taken as the next run's answer.
  for (let waited = 0; waited < 10_000; waited++) {
    const answer = receiveMessageOnPort(w.port);
    if (answer) return answer.message as Run;
    Atomics.wait(PAUSE, 0, 0, 1);
  }
  throw new Error(`landcap ${args.join(' ')}: its answer did not arrive`);
}

/** Something to wait on for a millisecond. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

let worker: { flag: Int32Array; port: MessagePort; thread: Worker } | undefined;
function startWorker() {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const bundle = join(ROOT, 'dist/bundle/landcap.cjs');
  const w = new Worker(join(ROOT, 'tests/binary-worker.mjs'), { workerData: { bundle, flag: flag.buffer, port: port2 }, transferList: [port2] });
  w.unref();
  port1.unref();
  // A worker that failed is started afresh for the next run.
  w.on('exit', () => {
    if (worker?.thread === w) worker = undefined;
  });
  return { flag, port: port1, thread: w };
}

/** Runs the CLI's main function in this process, as the binary would. */
export async function landcapInProcess(args: readonly string[], env: Record<string, string> = { LANG: 'C.UTF-8' }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env });
  return { status, stdout, stderr };
}

/** A new temporary folder, in the run's folder (tests/global-setup.ts), which is removed when the run ends. */
export function tempDir(prefix = 'landcap-test-'): string {
  return mkdtempSync(join(inject('tempRoot'), prefix));
}

/** Writes files into a new temporary folder; returns the folder. */
export function writeFiles(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** True when the text looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+[(:]\d+/.test(text) || /^\s*at .+:\d+:\d+\)?$/m.test(text);
}
