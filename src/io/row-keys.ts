/**
 * Remembers which township × name pairs (crop, species, land use) a file has listed, to report a repeated row.
 * Names are interned to small numbers. Files list a township's rows together, and a township's entries are
 * kept one after another with the others' in one typed array — a few bytes each, so memory grows
 * with the townships and the names each one lists, not with the text of every row. A township listed again further
 * down keeps its entries in an array of its own from then on, so a file in another order costs no more.
 */
export class RowKeys {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Townships' entries, one township after another: name id, line, shown id … */
  private pool = new Int32Array(3 * 1024);
  private poolUsed = 0;
  /** Where each township before the current one has its entries in the pool: start, and how many numbers. */
  private readonly spans = new Map<string, { start: number; length: number }>();
  /** Townships listed again after others: their entries. */
  private readonly loose = new Map<string, number[]>();
  /** The township of the last call. */
  private current: string | undefined;
  /** Its entries: at the end of the pool from `currentStart` on, or in an array of its own when listed again. */
  private currentStart = 0;
  private currentLoose: number[] | undefined;

  /** The number a name (or a row's shown text) is kept as. */
  intern(text: string): number {
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
    return this.firstLineOf(township, id, line, shown === name ? id : this.intern(shown));
  }

  /** firstLine, with the name and the shown text as interned (intern). */
  firstLineOf(township: string, id: number, line: number, shown: number): number | undefined {
    if (township !== this.current) this.moveTo(township);
    const loose = this.currentLoose;
    if (loose) {
      for (let i = 0; i < loose.length; i += 3) if (loose[i] === id) return loose[i + 1];
      loose.push(id, line, shown);
      return undefined;
    }
    let pool = this.pool;
    const end = this.poolUsed;
    for (let i = this.currentStart; i < end; i += 3) if (pool[i] === id) return pool[i + 1];
    if (end + 3 > pool.length) {
      pool = new Int32Array(pool.length * 2);
      pool.set(this.pool.subarray(0, end));
      this.pool = pool;
    }
    pool[end] = id;
    pool[end + 1] = line;
    pool[end + 2] = shown;
    this.poolUsed = end + 3;
    return undefined;
  }

  /** What a township listed, in order: [name, line, shown]. */
  entries(township: string): [string, number, string][] {
    const span = this.spans.get(township);
    const entries =
      township === this.current
        ? (this.currentLoose ?? this.pool.subarray(this.currentStart, this.poolUsed))
        : (this.loose.get(township) ?? (span ? this.pool.subarray(span.start, span.start + span.length) : []));
    const out: [string, number, string][] = [];
    for (let i = 0; i < entries.length; i += 3) out.push([this.texts[entries[i]!]!, entries[i + 1]!, this.texts[entries[i + 2]!]!]);
    return out;
  }

  /** Numbers kept in the shared array (for tests: each entry is stored there once at most). */
  get pooled(): number {
    return this.poolUsed;
  }

  /** Marks where the current township's entries end, and takes up those of `township`. */
  private moveTo(township: string): void {
    const done = this.current;
    if (done !== undefined && !this.currentLoose) this.spans.set(done, { start: this.currentStart, length: this.poolUsed - this.currentStart });
    this.current = township;
    const span = this.spans.get(township);
    if (span) {
      // Listed again after others: from now on in an array of its own.
      this.spans.delete(township);
      this.loose.set(township, Array.from(this.pool.subarray(span.start, span.start + span.length)));
    }
    this.currentLoose = this.loose.get(township);
    this.currentStart = this.poolUsed;
  }
}
