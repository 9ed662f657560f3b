import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder every test's temporary folders are made in (tempDir), removed with all it holds when the run ends. */
    tempRoot: string;
  }
}

/**
 * One folder for the run's temporary files, in memory where the machine has /dev/shm (landcap syncs each output file
 * to disk before it renames it into place, and thousands of runs would wait on the disk for nothing else). Removed at
 * the end of the run: left behind, a few thousand runs' files would hold gigabytes of the machine's memory.
 */
export default function setup(project: TestProject): () => void {
  let base = tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    base = '/dev/shm';
  } catch {
    // No /dev/shm (not Linux): the system's temporary folder.
  }
  const root = mkdtempSync(join(base, 'landcap-tests-'));
  project.provide('tempRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
