import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packagePath } from '../paths.js';
import type { ErrorResult, KeysResult, PartResult, PartTask, ProgressReport } from './messages.js';
import { PartReader } from './part.js';

/** The worker script: beside this module when built (dist/parallel/, or dist/bundle/); the built one when run from source. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? pathToFileURL(packagePath('dist', 'parallel', 'worker.js')) : new URL('./worker.js', import.meta.url);
}

/** Threads to read large files with: LANDCAP_THREADS when set (1 reads every file in one stream), else one per core. */
export function threadCount(): number {
  const set = Number.parseInt(process.env.LANDCAP_THREADS ?? '', 10);
  return Number.isInteger(set) && set >= 1 ? set : availableParallelism();
}

/** Reads parts: in the main thread, or in a worker thread. */
interface Reader {
  read(task: PartTask, onProgress?: (done: number) => void): Promise<PartResult>;
  keys(id: number, townships: readonly string[]): Promise<KeysResult['keys']>;
  release(id: number): void;
  close(): Promise<void>;
}

/** The main thread's own reader: it would otherwise wait while the workers read. */
class LocalReader implements Reader {
  private readonly reader = new PartReader();
  read(task: PartTask, onProgress?: (done: number) => void): Promise<PartResult> {
    return this.reader.read(task, onProgress, true);
  }
  keys(id: number, townships: readonly string[]): Promise<KeysResult['keys']> {
    return Promise.resolve(this.reader.keys(id, townships));
  }
  release(id: number): void {
    this.reader.release(id);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A worker thread, one part at a time, talked to by messages (see worker.ts). */
class WorkerReader implements Reader {
  // A part's garbage (cells, rows) dies young: a small young generation keeps the thread's memory down at no cost in time.
  private readonly worker = new Worker(workerUrl(), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  private readonly waiting = new Map<string, { resolve: (value: never) => void; reject: (error: unknown) => void }>();
  private readonly progress = new Map<number, (done: number) => void>();

  constructor() {
    this.worker.on('message', (message: PartResult | KeysResult | ErrorResult | ProgressReport) => {
      if (message.type === 'progress') {
        this.progress.get(message.id)?.(message.done);
        return;
      }
      const key = `${message.type === 'keys' ? 'keys' : 'part'}:${message.id}`;
      const settle = this.waiting.get(key);
      this.waiting.delete(key);
      if (message.type === 'error') settle?.reject(message.error);
      else if (message.type === 'keys') settle?.resolve(message.keys as never);
      else settle?.resolve(message as never);
    });
    this.worker.on('error', (error) => {
      for (const settle of this.waiting.values()) settle.reject(error);
      this.waiting.clear();
    });
  }

  private ask<T>(key: string, message: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(key, { resolve: resolve as (value: never) => void, reject });
      this.worker.postMessage(message);
    });
  }

  read(task: PartTask, onProgress?: (done: number) => void): Promise<PartResult> {
    if (onProgress) this.progress.set(task.id, onProgress);
    return this.ask(`part:${task.id}`, task);
  }
  keys(id: number, townships: readonly string[]): Promise<KeysResult['keys']> {
    return this.ask(`keys:${id}`, { type: 'keys', id, townships });
  }
  release(id: number): void {
    this.progress.delete(id);
    this.worker.postMessage({ type: 'release', id, townships: [] });
  }
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * Readers of parts, one per thread: the main thread's own and `size - 1` worker threads, started when first
 * needed (or all at once, by start). Each reads one part at a time; parts wait in turn, and go to whichever reader
 * is free first.
 */
export class WorkerPool {
  readonly size: number;
  private readonly readers: Reader[] = [];
  private readonly idle: Reader[] = [];
  private readonly queue: {
    task: PartTask;
    onProgress?: (done: number) => void;
    workerOnly: boolean;
    resolve: (r: PartResult) => void;
    reject: (e: unknown) => void;
  }[] = [];
  /** Which reader read which part: it is asked again about that part's rows. */
  private readonly owner = new Map<number, Reader>();

  constructor(size = threadCount()) {
    this.size = Math.max(1, size);
  }

  private next(reader: Reader): void {
    // The main thread's own reader leaves parts for worker threads only to them.
    const at = reader instanceof LocalReader ? this.queue.findIndex((j) => !j.workerOnly) : 0;
    const job = at === -1 ? undefined : this.queue.splice(at, 1)[0];
    if (!job) {
      this.idle.push(reader);
      return;
    }
    this.owner.set(job.task.id, reader);
    reader.read(job.task, job.onProgress).then(
      (result) => {
        job.resolve(result);
        this.next(reader);
      },
      (error: unknown) => {
        job.reject(error);
        this.next(reader);
      },
    );
  }

  /** A reader more: the main thread's own first, then worker threads. */
  private addReader(): Reader {
    const reader = this.readers.length === 0 ? new LocalReader() : new WorkerReader();
    this.readers.push(reader);
    return reader;
  }

  /**
   * Starts the worker threads before any part is asked for: a thread takes a while to start. The main thread's own
   * reader takes the first part (a file's first part, read here, can become the tally: see mergeParts).
   */
  start(): this {
    const added: Reader[] = [];
    while (this.readers.length < this.size) added.push(this.addReader());
    this.idle.push(...added.reverse());
    return this;
  }

  /**
   * Reads a part; `onProgress` hears of the bytes read so far. `workerOnly`: by a worker thread (the pool must have
   * one), while the main thread does other work.
   */
  read(task: PartTask, onProgress?: (done: number) => void, workerOnly = false): Promise<PartResult> {
    if (workerOnly) {
      if (this.size < 2) return Promise.reject(new Error('a part for worker threads, in a pool without any'));
      this.start();
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ task, onProgress, workerOnly, resolve, reject });
      let free = this.idle.length - 1;
      while (free >= 0 && workerOnly && this.idle[free] instanceof LocalReader) free--;
      const reader = free >= 0 ? this.idle.splice(free, 1)[0] : this.readers.length < this.size ? this.addReader() : undefined;
      if (reader) this.next(reader);
    });
  }

  /** What a part listed for these townships: [township, [name, line, shown][]]. */
  keys(part: number, townships: readonly string[]): Promise<KeysResult['keys']> {
    return this.owner.get(part)!.keys(part, townships);
  }

  /** Lets the reader forget a part it read. */
  release(part: number): void {
    this.owner.get(part)?.release(part);
    this.owner.delete(part);
  }

  async close(): Promise<void> {
    await Promise.all(this.readers.map((r) => r.close()));
  }
}
