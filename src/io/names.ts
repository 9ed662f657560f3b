import { closest, distance } from 'fastest-levenshtein';

/**
 * Looks up a name as users write it: exactly, through an alias, or by its English name in any case.
 * Unknown names get the nearest known name as a hint, when one is near enough.
 */
export class NameIndex<T> {
  private readonly map = new Map<string, T>();
  private readonly same = new Map<string, string>();
  private readonly names: string[] = [];
  /** Names as written, looked up before: a file repeats the same few names row after row. */
  private readonly seen = new Map<string, { value: T | undefined; identity: string }>();

  /**
   * What a name stands for, and its identity: what it stands for when rows are compared — the thing it is a
   * synonym of, else the name itself. One lookup: a file repeats the same few names row after row.
   */
  lookup(name: string): { readonly value: T | undefined; readonly identity: string } {
    let hit = this.seen.get(name);
    if (!hit) {
      const key = NameIndex.key(name);
      hit = { value: this.map.get(key), identity: this.same.get(key) ?? key };
      if (this.seen.size < 100_000) this.seen.set(name, hit);
    }
    return hit;
  }

  /** Adds a name; `sameAs` names the thing it is another name for (a synonym), so that the two count as one. */
  add(name: string, value: T, sameAs?: string): void {
    const key = NameIndex.key(name);
    if (!this.map.has(key)) {
      this.seen.clear();
      this.map.set(key, value);
      this.names.push(name);
      if (sameAs !== undefined) this.same.set(key, sameAs);
    }
  }

  get(name: string): T | undefined {
    return this.lookup(name).value;
  }

  /** The nearest known name, if it is within about a third of the name's length in edits. */
  nearest(name: string): string | undefined {
    if (this.names.length === 0) return undefined;
    const best = closest(name, this.names);
    const limit = Math.max(1, Math.floor(Math.max(name.length, best.length) / 3));
    return distance(name, best) <= limit ? best : undefined;
  }

  static key(name: string): string {
    return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  }
}

/** Whether bytes from `start` on are those of `name`, all of them (the caller knows there are as many). */
export function bytesAre(bytes: Uint8Array, start: number, name: Uint8Array): boolean {
  for (let k = 0; k < name.length; k++) if (bytes[start + k] !== name[k]) return false;
  return true;
}

/**
 * Names found in a line's bytes where they stand, without cutting them out: a few dozen names (crops, species) recur
 * on hundreds of thousands of lines of a large file. A name is found by its length and its first and last bytes
 * (UTF-8), then compared where it stands. Each entry carries what its name stands for.
 */
export class NamesInText<T extends { readonly name: string }> {
  private readonly buckets: ({ readonly entry: T; readonly bytes: Buffer }[] | undefined)[] = new Array(256);
  private count = 0;

  constructor(
    /** Entries kept at most: a file of many distinct names (most of them errors) is not kept whole. */
    private readonly limit = 1000,
  ) {}

  private static bucket(bytes: Uint8Array, start: number, end: number): number {
    return ((end - start) * 31 + bytes[start]! * 7 + bytes[end - 1]!) & 255;
  }

  /** The entry of the name bytes[start, end) (not empty), if added. */
  find(bytes: Uint8Array, start: number, end: number): T | undefined {
    const bucket = this.buckets[NamesInText.bucket(bytes, start, end)];
    if (bucket === undefined) return undefined;
    const length = end - start;
    for (let i = 0; i < bucket.length; i++) {
      const { entry, bytes: name } = bucket[i]!;
      if (name.length === length && bytesAre(bytes, start, name)) return entry;
    }
    return undefined;
  }

  /** Adds an entry (its name not empty, and not added before); past the limit, nothing more is kept. */
  add(entry: T): void {
    if (this.count === this.limit) return;
    this.count++;
    const bytes = Buffer.from(entry.name);
    (this.buckets[NamesInText.bucket(bytes, 0, bytes.length)] ??= []).push({ entry, bytes });
  }
}
