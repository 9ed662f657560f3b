/** A worker thread reading parts of large files (see part.ts), told what to do by messages (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import type { KeysRequest, PartTask } from './messages.js';
import { PartReader } from './part.js';

const reader = new PartReader();

parentPort!.on('message', (message: PartTask | KeysRequest) => {
  if (message.type === 'part') {
    const onProgress = message.progress ? (done: number) => parentPort!.postMessage({ type: 'progress', id: message.id, done }) : undefined;
    reader.read(message, onProgress).then(
      (result) => parentPort!.postMessage(result, [result.part.ints.buffer as ArrayBuffer, result.part.sums.data.buffer as ArrayBuffer]),
      (error: unknown) => parentPort!.postMessage({ type: 'error', id: message.id, error }),
    );
  } else if (message.type === 'keys') {
    parentPort!.postMessage({ type: 'keys', id: message.id, keys: reader.keys(message.id, message.townships) });
  } else reader.release(message.id);
});
