import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
export function landcap(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Run {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '', FORCE_COLOR: '', ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A run that does not end is killed (its status is then -1).
    timeout: options.timeoutMs,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI's main function in this process, as the binary would. */
export async function landcapInProcess(args: readonly string[], env: Record<string, string> = { LANG: 'C.UTF-8' }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env });
  return { status, stdout, stderr };
}

export function tempDir(prefix = 'landcap-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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
