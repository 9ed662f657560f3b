/**
 * Remembers which township × name pairs (crop, species, land use) a file has listed, to report a repeated row.
 * Names are interned to small numbers, so memory grows with the townships and the names each one lists,
 * not with the text of every row.
 */
export class RowKeys {
  private readonly names = new Map<string, number>();
  private readonly byTownship = new Map<string, Map<number, number>>();

  /** The line where this township and name were first listed; records them at `line` if this is the first time. */
  firstLine(township: string, name: string, line: number): number | undefined {
    let id = this.names.get(name);
    if (id === undefined) this.names.set(name, (id = this.names.size));
    let lines = this.byTownship.get(township);
    if (!lines) this.byTownship.set(township, (lines = new Map()));
    const first = lines.get(id);
    if (first === undefined) lines.set(id, line);
    return first;
  }
}
