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
