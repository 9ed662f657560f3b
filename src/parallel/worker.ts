/**
 * A worker thread reading parts of large files: each part's rows are checked and summed exactly as the main thread
 * would (the same readers, the same tally); the sums, problems and line count go back to be merged in file order.
 */
import { parentPort } from 'node:worker_threads';
import { loadCoefficients } from '../coefficients/load.js';
import { readTableFile } from '../dataset/read-file.js';
import { cropRows, livestockRows, type RowHandler } from '../dataset/rows.js';
import { Tally } from '../dataset/tally.js';
import { basisNutrients } from '../method/types.js';
import { ProblemLog } from '../validate/problems.js';
import type { KeysRequest, PartResult, PartTask } from './messages.js';

const handlers = new Map<number, RowHandler>();

async function readPart(task: PartTask): Promise<PartResult> {
  const c = await loadCoefficients();
  const log = new ProblemLog({ strict: task.strict });
  const nutrients = basisNutrients(task.basis);
  const tally = new Tally(nutrients);
  const handler = task.kind === 'crops' ? cropRows(c, log, nutrients, tally) : livestockRows(c, log, task.stockRatio, tally);
  const summary = await readTableFile(task.path, task.kind, task.encoding, log, handler.onRow, {
    part: { range: task.range, header: task.header, headerLine: task.headerLine, checked: task.checked },
    onProgress: task.progress ? (_, done) => parentPort!.postMessage({ type: 'progress', id: task.id, done }) : undefined,
  });
  handlers.set(task.id, handler);
  return { type: 'part', id: task.id, part: tally.toPart(), problems: log.problems, lines: summary.lines, rows: summary.rows };
}

parentPort!.on('message', (message: PartTask | KeysRequest) => {
  if (message.type === 'part') {
    readPart(message).then(
      (result) => parentPort!.postMessage(result, [result.part.ints.buffer as ArrayBuffer, result.part.floats.buffer as ArrayBuffer]),
      (error: unknown) => parentPort!.postMessage({ type: 'error', id: message.id, error }),
    );
  } else if (message.type === 'keys') {
    const reader = handlers.get(message.id)?.reader();
    parentPort!.postMessage({ type: 'keys', id: message.id, keys: message.townships.map((t) => [t, reader?.seen.entries(t) ?? []]) });
  } else handlers.delete(message.id);
});
