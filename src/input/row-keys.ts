/**
 * Remembers which township × name pairs (crop, species, land use) a file has listed, to report a repeated row.
 * Names are kept as small numbers (intern); townships by their number in the file (TownshipColumn). Files list a
 * township's rows together: its entries go one after another at the end of one shared array, and a township listed
 * again after others has its entries moved to the end again. Memory grows with the townships and the names each
 * lists, in one array, not with the rows.
 */
export class RowKeys {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Entries, township after township: name id, line … */
  private pool = new Int32Array(2 * 1024);
  private used = 0;
  /** Per township number: where its entries start in the pool (+1; 0 for none yet), and how many numbers. */
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  /** The township of the last call: its entries are at the end of the pool. */
  private current = -1;

  /** The number a name (or a row's shown text) is kept as. */
  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      this.ids.set(text, (id = this.texts.length));
      this.texts.push(text);
    }
    return id;
  }

  /** The text a number stands for (intern). */
  text(id: number): string {
    return this.texts[id]!;
  }

  /**
   * The line where township number `township` first listed name `id`; records it at `line` if this is the first time.
   */
  firstLine(township: number, id: number, line: number): number | undefined {
    if (township !== this.current) this.moveTo(township);
    const start = this.starts[township]! - 1;
    const end = start + this.lengths[township]!;
    const pool = this.pool;
    for (let i = start; i < end; i += 2) if (pool[i] === id) return pool[i + 1];
    this.room(2);
    this.pool[this.used] = id;
    this.pool[this.used + 1] = line;
    this.used += 2;
    this.lengths[township]! += 2;
    return undefined;
  }

  /** What a township listed, in order: [name, line]. */
  entries(township: number): [string, number][] {
    const start = this.starts[township]! - 1;
    const out: [string, number][] = [];
    for (let i = start; start >= 0 && i < start + this.lengths[township]!; i += 2) out.push([this.texts[this.pool[i]!]!, this.pool[i + 1]!]);
    return out;
  }

  /** Makes `township` the current one, its entries (if any) at the end of the pool. */
  private moveTo(township: number): void {
    this.current = township;
    if (township >= this.starts.length) {
      const size = Math.max(township + 1, this.starts.length * 2);
      const grow = (a: Int32Array) => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
    }
    const length = this.lengths[township]!;
    const start = this.starts[township]! - 1;
    if (start >= 0 && start + length === this.used) return;
    // Its entries (none yet, or those of its rows further up) go to the end of the pool, where its next ones go.
    this.room(length);
    if (length > 0) this.pool.copyWithin(this.used, start, start + length);
    this.starts[township] = this.used + 1;
    this.used += length;
  }

  private room(more: number): void {
    if (this.used + more <= this.pool.length) return;
    const pool = new Int32Array(Math.max(this.used + more, this.pool.length * 2));
    pool.set(this.pool.subarray(0, this.used));
    this.pool = pool;
  }
}
