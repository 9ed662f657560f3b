import { chmod, lstat, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileError, ioReason, type IoReason } from './errors.js';

/** The output file could not be written: exit code 2. */
export class OutputFileError extends FileError {}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it. A failed run leaves the old file
 * (or none), never a half-written one. A symbolic link is written through (its target is replaced, keeping its
 * permissions); a device or pipe (/dev/stdout) is written to directly, as it cannot be replaced. Text in parts is
 * written part by part.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  let target = path;
  let mode: number | undefined;
  const direct = async () => {
    try {
      await writeFile(path, content);
    } catch (error) {
      throw outputError(path, error);
    }
  };
  const exists = await lstat(path).catch((error: unknown) =>
    ioReason(error) === 'not-found' ? undefined : Promise.reject(new OutputFileError(path, ioReason(error))),
  );
  if (exists) {
    // Follow a link to what it points at; a link into /proc (/dev/stdout) has no file to replace.
    const resolved = exists.isSymbolicLink() ? await realpath(path).catch(() => undefined) : path;
    const info = resolved === undefined ? undefined : await stat(resolved).catch(() => undefined);
    if (info?.isDirectory()) throw new OutputFileError(path, 'is-directory');
    if (!resolved || !info?.isFile()) return direct();
    target = resolved;
    mode = info.mode & 0o7777;
  }
  // node:crypto is loaded only here: most runs write to stdout.
  const { randomBytes } = await import('node:crypto');
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { flush: true });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    // A missing file here means its folder is missing.
    throw outputError(path, error, ioReason(error) === 'not-found' ? 'not-a-folder' : undefined);
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
 * instead of each into bytes of its own (a national report's JSON is 30 MB in some 1,600 parts), and every chunk is
 * new, so one handed on may be queued while the next is filled. No character is cut between chunks.
 */
export function* utf8Chunks(parts: Iterable<string>, size = CHUNK_BYTES): Generator<Buffer> {
  let chunk = Buffer.allocUnsafeSlow(size);
  let used = 0;
  for (const part of parts) {
    // A UTF-16 code unit takes at most three bytes in UTF-8 (a surrogate pair, two units, takes four).
    const most = part.length * 3;
    if (most > chunk.length - used) {
      if (used > 0) yield chunk.subarray(0, used);
      chunk = Buffer.allocUnsafeSlow(Math.max(size, most));
      used = 0;
    }
    used += chunk.write(part, used, 'utf8');
  }
  if (used > 0) yield chunk.subarray(0, used);
}
