import type { Tally, TallyPart } from '../dataset/tally.js';
import type { ByteRange, Encoding } from '../io/csv.js';
import type { Basis } from '../method/types.js';
import type { Problem } from '../validate/problems.js';

/** The messages between the main thread and the workers that read parts of large files. */
export interface PartTask {
  readonly type: 'part';
  readonly id: number;
  readonly path: string;
  readonly kind: 'crops' | 'livestock';
  readonly encoding: Encoding;
  /** The encoding was detected over the whole file: no row needs checking for undecodable text. */
  readonly detected: boolean;
  readonly range: ByteRange;
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly basis: Basis;
  readonly stockRatio: Readonly<Record<string, number>>;
  readonly strict: boolean;
  /** Whether to send ProgressReports as the part is read. */
  readonly progress: boolean;
}

/** Bytes of a part read so far. */
export interface ProgressReport {
  readonly type: 'progress';
  readonly id: number;
  readonly done: number;
}

export interface PartResult {
  readonly type: 'part';
  readonly id: number;
  readonly part: TallyPart;
  /** The part's tally itself, when read in the main thread (never sent between threads): see Tally.adopt. */
  readonly tally?: Tally;
  /** Problems with lines counted from the part's first line. */
  readonly problems: readonly Problem[];
  /** Lines in the part. */
  readonly lines: number;
  readonly rows: number;
}

/** What a part listed for some townships, for the repeated-row check across parts: [township, [name, line, shown][]]. */
export interface KeysRequest {
  readonly type: 'keys' | 'release';
  readonly id: number;
  readonly townships: readonly string[];
}

export interface KeysResult {
  readonly type: 'keys';
  readonly id: number;
  readonly keys: readonly [string, readonly [string, number, string][]][];
}

export interface ErrorResult {
  readonly type: 'error';
  readonly id: number;
  readonly error: unknown;
}
