import { chmod, lstat, readlink, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FileError, ioReason, type IoReason } from '../file-errors.js';

/** The output file could not be written: exit code 2. */
export class OutputFileError extends FileError {}

/** Paths that name standard output rather than a file to replace. */
export function isStdout(path: string | undefined): boolean {
  return path === undefined || path === '-' || path === '/dev/stdout';
}

/** An input of a run, for refuseOutputOverInput: its path, and how the user gave it (`--crops`, `a file to validate`). */
export interface NamedInput {
  readonly path: string;
  readonly given: string;
}

/**
 * Refuses an output file that is one of the run's inputs — by its name, through a symbolic link, or as a hard link of
 * it (the same file on the same device) — before anything is read or written: writing the report there would put
 * it in place of the user's data.
 */
export async function refuseOutputOverInput(output: string | undefined, inputs: readonly (NamedInput | undefined)[]): Promise<void> {
  if (isStdout(output)) return;
  const out = await stat(output!).catch(() => undefined);
  if (!out) return;
  for (const input of inputs) {
    if (!input || input.path === '-') continue;
    const info = await stat(input.path).catch(() => undefined);
    if (info && info.dev === out.dev && info.ino === out.ino) throw new OutputFileError(output!, 'is-input', input.given);
  }
}

/** Temporary files being written, removed if the run is stopped (SIGINT, SIGTERM, SIGHUP) before they are renamed. */
const pending = new Set<string>();
let handlersInstalled = false;

function removePendingOn(signal: NodeJS.Signals, code: number): void {
  process.on(signal, () => {
    for (const temp of pending) {
      try {
        unlinkSync(temp);
      } catch {
        // Already gone.
      }
    }
    process.exit(128 + code);
  });
}

function watchSignals(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  removePendingOn('SIGINT', 2);
  removePendingOn('SIGTERM', 15);
  removePendingOn('SIGHUP', 1);
}

/**
 * Where a path leads: itself, or through symbolic links (even to a file that does not exist yet) the path they end
 * at. A link into /proc (/dev/stdout) or a loop of links gives undefined.
 */
async function linkTarget(path: string): Promise<string | undefined> {
  let target = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(target).catch(() => undefined);
    if (!info?.isSymbolicLink()) return target;
    const next = await readlink(target).catch(() => undefined);
    if (next === undefined) return undefined;
    target = resolve(dirname(target), next);
  }
  return undefined;
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it. A failed or stopped run leaves the
 * old file (or none), never a half-written one, and no temporary file. A symbolic link is written through (its
 * target is replaced, keeping its permissions; a link to a file not there yet makes it); a device or pipe
 * (/dev/stdout) is written to directly, as it cannot be replaced. Text in parts is written part by part.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  const direct = async () => {
    try {
      await writeFile(path, content);
    } catch (error) {
      throw outputError(path, error);
    }
  };
  // What the path leads to, following links as the system does: a device or pipe (/dev/stderr, a terminal) is written
  // to directly; an existing file is replaced where it really is.
  const info = await stat(path).catch((error: unknown) =>
    ioReason(error) === 'not-found' ? undefined : Promise.reject(new OutputFileError(path, ioReason(error))),
  );
  if (info?.isDirectory()) throw new OutputFileError(path, 'is-directory');
  if (info && !info.isFile()) return direct();
  // A file not there yet is made where the path, or the chain of links it starts, leads.
  const target = info ? await realpath(path).catch(() => undefined) : await linkTarget(path);
  if (target === undefined) return direct();
  const mode = info ? info.mode & 0o7777 : undefined;
  // The folder as the system finds it: a path through a folder that is not there (nosub/../crops.csv) is refused, not
  // tidied into another place (path.join would make it crops.csv, one of the inputs maybe).
  const real = await realpath(dirname(target)).catch(() => undefined);
  if (real === undefined) throw new OutputFileError(path, 'not-a-folder');
  // The process and a random part make its name its own; made only if no file has that name ('wx').
  const temp = join(real, `.${basename(target)}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
  watchSignals();
  pending.add(temp);
  try {
    await writeFile(temp, content, { flush: true, flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, join(real, basename(target)));
  } catch (error) {
    // A file of that name that was there already is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await unlink(temp).catch(() => {});
    // A missing file here means its folder is missing.
    throw outputError(path, error, ioReason(error) === 'not-found' ? 'not-a-folder' : undefined);
  } finally {
    pending.delete(temp);
  }
}

/** A failed write as an OutputFileError; an error that is not the system's (in making the text) as it is. */
function outputError(path: string, error: unknown, reason?: IoReason): unknown {
  if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') return error;
  return new OutputFileError(path, reason ?? ioReason(error), (error as Error).message);
}

/** The room of a chunk of utf8Chunks (a part that may need more has a chunk of its own room). */
const CHUNK_BYTES = 1 << 20;

/**
 * Text in parts as UTF-8, in chunks of up to a megabyte: the parts are encoded one after another into the same chunk
 * instead of each into bytes of its own (a national report's JSON is 30 MB in some 1,600 parts). A chunk is filled
 * again once `written` says the consumer is done with it — it writes each chunk out before it asks for the next (fs's
 * writeFile; a process's own stdout when nothing is left queued) — else a new one is made, so one handed on may be
 * queued while the next is filled. A national report's 30 chunks would otherwise wait as garbage outside the
 * JavaScript heap, and be most of its peak memory. No character is cut between chunks.
 */
export function* utf8Chunks(parts: Iterable<string>, size = CHUNK_BYTES, written: () => boolean = () => false): Generator<Buffer> {
  let chunk = Buffer.allocUnsafeSlow(size);
  let used = 0;
  for (const part of parts) {
    // A UTF-16 code unit takes at most three bytes in UTF-8 (a surrogate pair, two units, takes four).
    const most = part.length * 3;
    if (most > chunk.length - used) {
      if (used > 0) yield chunk.subarray(0, used);
      if (!written() || chunk.length < most) chunk = Buffer.allocUnsafeSlow(Math.max(size, most));
      used = 0;
    }
    used += chunk.write(part, used, 'utf8');
  }
  if (used > 0) yield chunk.subarray(0, used);
}
