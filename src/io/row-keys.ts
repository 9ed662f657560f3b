/**
 * Remembers which township × name pairs (crop, species, land use) a file has listed, to report a repeated row.
 * Names are interned to small numbers, and every township's entries are kept one after another in one typed
 * array, so memory grows with the townships and the names each one lists — a few bytes each — not with the text of
 * every row.
 */
export class RowKeys {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  /** The entries of every township but the current one: name id, line, shown id … */
  private pool = new Int32Array(3 * 1024);
  private poolUsed = 0;
  /** Where each township's entries start in the pool, and how many numbers they are. */
  private readonly spans = new Map<string, { start: number; length: number }>();
  /** The township of the last call and its entries, as they grow: files list a township's rows together. */
  private current: string | undefined;
  private currentEntries: number[] = [];

  private intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      this.ids.set(text, (id = this.texts.length));
      this.texts.push(text);
    }
    return id;
  }

  /**
   * The line where this township and name were first listed; records them at `line` if this is the first time.
   * `shown` is what a message calls the row after the township (the crop as written, its land use).
   */
  firstLine(township: string, name: string, line: number, shown: string): number | undefined {
    const id = this.intern(name);
    if (township !== this.current) this.moveTo(township);
    const entries = this.currentEntries;
    for (let i = 0; i < entries.length; i += 3) if (entries[i] === id) return entries[i + 1];
    entries.push(id, line, this.intern(shown));
    return undefined;
  }

  /** What a township listed, in order: [name, line, shown]. */
  entries(township: string): [string, number, string][] {
    const entries = township === this.current ? this.currentEntries : this.stored(township);
    const out: [string, number, string][] = [];
    for (let i = 0; i < entries.length; i += 3) out.push([this.texts[entries[i]!]!, entries[i + 1]!, this.texts[entries[i + 2]!]!]);
    return out;
  }

  private stored(township: string): ArrayLike<number> {
    const span = this.spans.get(township);
    return span ? this.pool.subarray(span.start, span.start + span.length) : [];
  }

  /** Stores the current township's entries in the pool, and takes up those of `township` (none if it is new). */
  private moveTo(township: string): void {
    if (this.current !== undefined && this.currentEntries.length > 0) {
      const entries = this.currentEntries;
      if (this.poolUsed + entries.length > this.pool.length) {
        const grown = new Int32Array(Math.max(this.pool.length * 2, this.poolUsed + entries.length));
        grown.set(this.pool.subarray(0, this.poolUsed));
        this.pool = grown;
      }
      this.pool.set(entries, this.poolUsed);
      // A township listed again further down the file is stored anew; its earlier place is left unused.
      this.spans.set(this.current, { start: this.poolUsed, length: entries.length });
      this.poolUsed += entries.length;
    }
    this.current = township;
    this.currentEntries = Array.from(this.stored(township));
  }
}
