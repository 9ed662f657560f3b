// The command line the binary runs (dist/bundle), kept loaded in a worker thread so that a test runs it in a few
// milliseconds instead of starting Node for each run (tests/helpers.ts, landcap()). One run at a time: each request
// is answered on the port, then the shared flag wakes the waiting test.
import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';

// Compiled as bin/landcap.js compiles it.
const { compileBundle } = createRequire(import.meta.url)('../bin/bundle.cjs');
const { main } = compileBundle(workerData.bundle).exports;
const flag = new Int32Array(workerData.flag);
workerData.port.on('message', async ({ args, env }) => {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: { write: (s) => (stdout += s) }, stderr: { write: (s) => (stderr += s) }, env });
  workerData.port.postMessage({ status, stdout, stderr });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
