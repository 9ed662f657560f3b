import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packagePath } from '../paths.js';
import type { ErrorResult, KeysResult, PartResult, PartTask, ProgressReport } from './messages.js';

/** The worker script: beside this module when built (dist/parallel/, or dist/bundle/); the built one when run from source. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? pathToFileURL(packagePath('dist', 'parallel', 'worker.js')) : new URL('./worker.js', import.meta.url);
}

interface Waiting {
  readonly resolve: (value: PartResult | KeysResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Worker threads to read large files with: LANDCAP_THREADS when set (1 reads every file in one stream), else one per core. */
export function threadCount(): number {
  const set = Number.parseInt(process.env.LANDCAP_THREADS ?? '', 10);
  return Number.isInteger(set) && set >= 1 ? set : availableParallelism();
}

/** Worker threads, one per core: each reads one part at a time; parts wait in turn. */
export class WorkerPool {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { task: PartTask; settle: Waiting }[] = [];
  private readonly waiting = new Map<string, Waiting>();
  /** Which worker read which part: it is asked again about that part's rows. */
  private readonly owner = new Map<number, Worker>();
  private readonly progress = new Map<number, (done: number) => void>();

  constructor(size = threadCount()) {
    this.size = Math.max(1, size);
  }

  private start(): Worker {
    const worker = new Worker(workerUrl());
    worker.on('message', (message: PartResult | KeysResult | ErrorResult | ProgressReport) => {
      if (message.type === 'progress') {
        this.progress.get(message.id)?.(message.done);
        return;
      }
      const key = `${message.type === 'keys' ? 'keys' : 'part'}:${message.id}`;
      const settle = this.waiting.get(key);
      this.waiting.delete(key);
      if (message.type === 'error') settle?.reject(message.error);
      else settle?.resolve(message);
      if (message.type !== 'keys') this.next(worker);
    });
    worker.on('error', (error) => {
      for (const settle of this.waiting.values()) settle.reject(error);
      this.waiting.clear();
    });
    this.workers.push(worker);
    return worker;
  }

  private next(worker: Worker): void {
    const job = this.queue.shift();
    if (!job) {
      this.idle.push(worker);
      return;
    }
    this.waiting.set(`part:${job.task.id}`, job.settle);
    this.owner.set(job.task.id, worker);
    worker.postMessage(job.task);
  }

  /** Reads a part in a worker; `onProgress` hears of the bytes read so far. */
  read(task: PartTask, onProgress?: (done: number) => void): Promise<PartResult> {
    if (onProgress) this.progress.set(task.id, onProgress);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, settle: { resolve: resolve as Waiting['resolve'], reject } });
      const worker = this.idle.pop() ?? (this.workers.length < this.size ? this.start() : undefined);
      if (worker) this.next(worker);
    });
  }

  /** What a part listed for these townships: [township, [name, line, shown][]]. */
  keys(part: number, townships: readonly string[]): Promise<KeysResult> {
    return new Promise((resolve, reject) => {
      this.waiting.set(`keys:${part}`, { resolve: resolve as Waiting['resolve'], reject });
      this.owner.get(part)!.postMessage({ type: 'keys', id: part, townships });
    });
  }

  /** Lets the worker forget a part it read. */
  release(part: number): void {
    this.progress.delete(part);
    this.owner.get(part)?.postMessage({ type: 'release', id: part, townships: [] });
    this.owner.delete(part);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
