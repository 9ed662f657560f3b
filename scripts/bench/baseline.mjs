// The baseline of the benchmark: read and parse the same files with csv-parse and do nothing else, in the same
// process model as landcap — a large file split at line breaks into one part per core, each part parsed by a
// worker thread, the crops and livestock files at once; a small file parsed in the main thread.
//   node scripts/bench/baseline.mjs FILE...
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { planParts } from '../../dist/parallel/plan.js';

/** Records in a byte range of a file (the whole file without one), parsed by csv-parse. */
function parseRange(path, range) {
  return new Promise((resolve, reject) => {
    let records = 0;
    const parser = parse({ relax_column_count: true, bom: true });
    parser.on('readable', () => {
      while (parser.read() !== null) records++;
    });
    parser.on('end', () => resolve(records));
    parser.on('error', reject);
    createReadStream(path, range ? { start: range.start, end: range.end - 1 } : {}).pipe(parser);
  });
}

if (isMainThread) {
  const threads = availableParallelism();
  const files = await Promise.all(process.argv.slice(2).map(async (path) => ({ path, plan: await planParts(path, 'utf-8', threads, 2 << 20) })));
  const parts = files.flatMap(({ path, plan }) => (plan ? plan.ranges.map((range) => ({ path, range })) : []));
  // One worker per core, each parsing parts in turn.
  const queue = [...parts];
  const workers = Array.from({ length: Math.min(threads, parts.length) }, () => new Worker(new URL(import.meta.url)));
  const inWorkers = workers.map(
    (worker) =>
      new Promise((resolve, reject) => {
        let records = 0;
        const next = () => {
          const part = queue.shift();
          if (part) worker.postMessage(part);
          else worker.terminate().then(() => resolve(records));
        };
        worker.on('message', (n) => {
          records += n;
          next();
        });
        worker.on('error', reject);
        next();
      }),
  );
  const inMain = files.filter((f) => !f.plan).map((f) => parseRange(f.path));
  const counts = await Promise.all([...inWorkers, ...inMain]);
  console.log(JSON.stringify({ records: counts.reduce((a, b) => a + b, 0) }));
} else {
  parentPort.on('message', async ({ path, range }) => parentPort.postMessage(await parseRange(path, range)));
}
