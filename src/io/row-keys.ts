/**
 * Remembers which township × name pairs (crop, species, land use) a file has listed, to report a repeated row.
 * Names are interned to small numbers, so memory grows with the townships and the names each one lists,
 * not with the text of every row.
 */
export class RowKeys {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Per township: name id, line, shown id … (a township lists a few dozen names at most). */
  private readonly byTownship = new Map<string, number[]>();
  /** The township of the last call: files list a township's rows together. */
  private lastTownship: string | undefined;
  private lastEntries: number[] | undefined;

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
    let entries = this.lastTownship === township ? this.lastEntries! : this.byTownship.get(township);
    if (!entries) this.byTownship.set(township, (entries = []));
    this.lastTownship = township;
    this.lastEntries = entries;
    for (let i = 0; i < entries.length; i += 3) if (entries[i] === id) return entries[i + 1];
    entries.push(id, line, this.intern(shown));
    return undefined;
  }

  /** What a township listed, in order: [name, line, shown]. */
  entries(township: string): [string, number, string][] {
    const entries = this.byTownship.get(township) ?? [];
    const out: [string, number, string][] = [];
    for (let i = 0; i < entries.length; i += 3) out.push([this.texts[entries[i]!]!, entries[i + 1]!, this.texts[entries[i + 2]!]!]);
    return out;
  }
}
