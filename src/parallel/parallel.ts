import { loadCoefficients } from '../coefficients/load.js';
import type { FileSummary, Progress } from '../dataset/read-file.js';
import type { Tally } from '../dataset/tally.js';
import { EncodingError, detectEncoding, type Encoding, type EncodingOption } from '../io/csv.js';
import { RowKeys } from '../io/row-keys.js';
import { readHeader } from '../io/table.js';
import type { Parameters } from '../params/params.js';
import { ProblemLog, type Problem } from '../validate/problems.js';
import type { PartResult } from './messages.js';
import { planParts, SplitCheck } from './plan.js';
import { WorkerPool } from './pool.js';

export { WorkerPool };

export interface ParallelOptions {
  readonly params: Parameters;
  readonly strict: boolean;
  readonly tally: Tally;
  readonly log: ProblemLog;
  readonly pool: WorkerPool;
  /** Files smaller than this are read in one stream. */
  readonly minBytes: number;
  /** Parts to split a file into (default: the pool's size). */
  readonly parts?: number;
  /** The parts are for worker threads only: this thread has other work meanwhile. */
  readonly workerOnly?: boolean;
  readonly onProgress?: Progress;
  /** The encoding given was detected over the whole file. */
  readonly detected?: boolean;
}

let nextId = 0;

/** A file whose parts are being read by the workers; `merge` adds what they found, once every earlier file's is in. */
export interface PartsInFlight {
  /** Undefined when the file must be read again in one stream (see mergeParts). */
  merge(): Promise<FileSummary | undefined>;
}

/**
 * Starts reading a large crops or livestock file in parts, one per worker thread. Several files' parts may be
 * read at once; each file's `merge` then adds what its parts found, in file order: sums into the tally, problems
 * into the log with the file's line numbers. Resolves to undefined when the file is not one to split (small,
 * quoted, a problem in its header): the caller then reads it in one stream, which finds and words every problem
 * the same way.
 */
export async function readInParallel(
  path: string,
  kind: 'crops' | 'livestock',
  encodingOption: EncodingOption | Encoding,
  options: ParallelOptions,
): Promise<PartsInFlight | undefined> {
  const { pool, log, tally } = options;
  // One part is worth reading apart only in a worker thread, while this thread works on something else.
  const parts = options.parts ?? pool.size;
  if (options.workerOnly ? pool.size < 2 : parts < 2) return undefined;
  let encoding: Encoding;
  // What splitting the file needs to know of it, learnt as its encoding is (see planParts).
  const check = new SplitCheck();
  try {
    encoding = encodingOption === 'auto' ? await detectEncoding(path, (bytes) => check.add(bytes)) : encodingOption;
  } catch (error) {
    if (error instanceof EncodingError) return undefined;
    throw error;
  }
  const plan = await planParts(path, encoding, parts, options.minBytes, check);
  if (!plan) return undefined;
  const scratch = new ProblemLog();
  const header = readHeader(path, plan.header, kind, scratch, [], plan.headerLine);
  if (!header || scratch.count > 0) return undefined;
  await loadCoefficients();

  const tasks = plan.ranges.map((range) => ({
    type: 'part' as const,
    id: nextId++,
    path,
    kind,
    encoding,
    detected: encodingOption === 'auto' || options.detected === true,
    range,
    header: plan.header,
    headerLine: 1,
    basis: options.params.basis,
    stockRatio: options.params.stockRatio,
    strict: options.strict,
    progress: options.onProgress !== undefined,
  }));
  // Progress through the file: its header, and what each part has read.
  const { onProgress } = options;
  const done = tasks.map(() => 0);
  const size = plan.ranges.at(-1)!.end;
  const progress = (i: number) => (bytes: number) => {
    done[i] = bytes;
    onProgress?.(path, plan.ranges[0]!.start + done.reduce((a, b) => a + b, 0), size);
  };
  const reading = Promise.all(tasks.map((t, i) => pool.read(t, onProgress && progress(i), options.workerOnly)));
  // Until merged, a failure is held for merge to throw.
  reading.catch(() => undefined);

  const merge = async (): Promise<FileSummary | undefined> => {
    try {
      const results = await reading;
      return await mergeParts(path, kind, encoding, results, plan.headerLine, tasks, options);
    } finally {
      for (const t of tasks) pool.release(t.id);
    }
  };
  return { merge };
}

/**
 * Merges the parts of a file, or returns undefined when a township lists the same name in two parts: which of those
 * rows counts, and which line a message points to, depends on every row before it — the file is then read again
 * in one stream (a repeated row is an error, and rare; most files list a township's rows together, in one part).
 */
async function mergeParts(
  path: string,
  kind: 'crops' | 'livestock',
  encoding: Encoding,
  results: readonly PartResult[],
  headerLine: number,
  tasks: readonly { id: number }[],
  { tally, log, pool }: ParallelOptions,
): Promise<FileSummary | undefined> {
  // A file's first part read in this thread into an empty tally becomes the tally (Tally.adopt), once the parts are
  // known to merge; until then the tally is not touched, and the file may still be read again in one stream.
  const first = results[0]?.tally;
  const adopting = first !== undefined && tally.empty;
  const merged = adopting ? results.slice(1) : results;
  const { townships, shared } = (adopting ? first : tally).townshipsOfParts(
    merged.map((r) => r.part),
    adopting,
  );
  if (shared.length > 0) {
    const seen = new RowKeys();
    for (const t of tasks) {
      const keys = await pool.keys(t.id, shared);
      // Each part's own keys are distinct: one seen before is in an earlier part.
      for (const [township, entries] of keys)
        for (const [name, line, shown] of entries) if (seen.firstLine(township, name, line, shown) !== undefined) return undefined;
    }
  }

  // A file without rows (comments only) is read in one stream, which says so once.
  const rows = results.reduce((n, r) => n + r.rows, 0);
  if (rows === 0) return undefined;

  // Line numbers: a part's line 1 follows the previous part's last line; the first follows the header.
  const offsets: number[] = [];
  let offset = headerLine;
  for (const r of results) {
    offsets.push(offset);
    offset += r.lines;
  }
  const problems: Problem[] = [];
  // What a file reports once, each part reports for itself: a part without rows, a cell under a column without a
  // header (once per column, where the first part to meet one met it).
  const emptyHeaderReported = new Set<number>();
  if (adopting) tally.adopt(first, offsets[0]!);
  results.forEach((r, i) => {
    const at = adopting ? i - 1 : i;
    if (at >= 0) tally.merge(r.part, offsets[i]!, townships[at]!);
    for (const p of r.problems) {
      if (p.code === 'file-no-rows') continue;
      if (p.code === 'header-empty') {
        if (emptyHeaderReported.has(p.column)) continue;
        emptyHeaderReported.add(p.column);
      }
      const args = typeof p.args.firstLine === 'number' ? { ...p.args, firstLine: p.args.firstLine + offsets[i]! } : p.args;
      problems.push({ ...p, line: p.line + offsets[i]!, args });
    }
  });
  for (const p of problems) log.report({ file: p.file, line: p.line, column: p.column }, p.code, p.args);
  return { path, kind, encoding, rows, readable: true };
}
