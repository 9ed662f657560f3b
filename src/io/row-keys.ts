/**
 * Remembers which township × name pairs (crop, species, land use) a file has listed, to report a repeated row.
 * Names are interned to small numbers, so memory grows with the townships and the names each one lists,
 * not with the text of every row.
 */
export class RowKeys {
  private readonly names = new Map<string, number>();
  /** Per township: name id, line, name id, line … (a township lists a few dozen names at most). */
  private readonly byTownship = new Map<string, number[]>();

  /** The line where this township and name were first listed; records them at `line` if this is the first time. */
  firstLine(township: string, name: string, line: number): number | undefined {
    let id = this.names.get(name);
    if (id === undefined) this.names.set(name, (id = this.names.size));
    let pairs = this.byTownship.get(township);
    if (!pairs) this.byTownship.set(township, (pairs = []));
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === id) return pairs[i + 1];
    pairs.push(id, line);
    return undefined;
  }
}
