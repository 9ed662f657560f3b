/**
 * Reading one part of a large file — in a worker thread, or in the main thread, which reads a part too: the rows are
 * checked and summed exactly as in one stream (the same readers, the same tally); the sums, problems and line
 * count are what the main thread merges in file order. The names each township listed are kept until the part is
 * merged, for the repeated-row check across parts.
 */
import { loadCoefficients } from '../coefficients/load.js';
import { readTableFile } from '../dataset/read-file.js';
import { cropRows, livestockRows } from '../dataset/rows.js';
import { Tally, type TallyPart } from '../dataset/tally.js';
import type { RowKeys } from '../io/row-keys.js';
import { basisNutrients } from '../method/types.js';
import { ProblemLog } from '../validate/problems.js';
import type { KeysResult, PartResult, PartTask } from './messages.js';

export class PartReader {
  /** The names each part listed, by township, until the part is released. */
  private readonly seen = new Map<number, RowKeys>();

  /** Reads a part; `keepTally`: the result holds the part's tally too (for the main thread's own part). */
  async read(task: PartTask, onProgress?: (done: number) => void, keepTally = false): Promise<PartResult> {
    const c = await loadCoefficients();
    const log = new ProblemLog({ strict: task.strict });
    const nutrients = basisNutrients(task.basis);
    // A worker thread's part of a livestock file keeps stock alone; a part kept in this thread may become the tally.
    const tally = new Tally(nutrients, undefined, task.kind === 'livestock' && !keepTally);
    const handler = task.kind === 'crops' ? cropRows(c, log, nutrients, tally) : livestockRows(c, log, task.stockRatio, tally);
    const { summary, lines } = await readTableFile(task.path, task.kind, task.encoding, log, handler.onRow, {
      part: { range: task.range, header: task.header, headerLine: task.headerLine },
      detected: task.detected,
      clean: handler.clean,
      onProgress: onProgress && ((_, done) => onProgress(done)),
    });
    const reader = handler.reader();
    if (reader) this.seen.set(task.id, reader.seen);
    const result = { type: 'part', id: task.id, problems: log.problems, lines, rows: summary.rows } as const;
    // A part kept in this thread goes to no other: its flat form is made (once) only if it is merged rather than taken over.
    let part: TallyPart | undefined;
    return keepTally
      ? {
          ...result,
          tally,
          get part() {
            return (part ??= tally.toPart());
          },
        }
      : { ...result, part: tally.toPart() };
  }

  /** What a part listed for these townships: [township, [name, line, shown][]]. */
  keys(id: number, townships: readonly string[]): KeysResult['keys'] {
    const seen = this.seen.get(id);
    return townships.map((t) => [t, seen?.entries(t) ?? []]);
  }

  release(id: number): void {
    this.seen.delete(id);
  }
}
