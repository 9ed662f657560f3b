import type { ItemGroup } from '../coefficients/coefficients.js';
import type { Place, ProblemLog } from '../problems.js';
import type { RowKeys } from './row-keys.js';

/** A group's row read: where, for which township, its name as written and its figure (kg, or head). */
interface GroupRow {
  readonly group: number;
  readonly asWritten: string;
  readonly township: number;
  readonly townshipName: string;
  readonly place: Place;
  readonly value: number;
}

const NONE: readonly number[] = [];

/**
 * The rows of a group that statistics total (粮食作物, 经济作物, 大牲畜; data/coefficients/groups.csv): no crop or
 * species of the tables — its uptake or factor would be a guess — but the sum of some. Yearbook tables give the group
 * beside its items (粮食作物, 稻谷, 玉米 …) or above them (粮食作物, 其中：稻谷 …). A group's row is left out where its
 * township lists items of it, which count its figures (noted once per group); what the items leave of the group's
 * figure is in items the file does not name, and said. Where the township lists none, the group's figure stands for
 * items the file never names: an error. The 其中 rows under a group's row are its items: read as items, not parts.
 */
export class GroupRows {
  private readonly groups: readonly ItemGroup[];
  private readonly byName = new Map<string, number>();
  private readonly rows: GroupRow[] = [];
  /** The township whose last row was a group's (-1: none): its 其中 rows are the group's items. */
  private groupTownship = -1;
  /** The township whose rows are being read, and its items' figures summed by group. */
  private current = -1;
  private currentHasGroup = false;
  private readonly sums: Float64Array;
  /** The sums of the townships that have a group's row, kept once their rows are read. */
  private readonly kept = new Map<number, Float64Array>();

  constructor(groups: readonly ItemGroup[], kind: ItemGroup['kind']) {
    this.groups = groups.filter((g) => g.kind === kind);
    this.groups.forEach((g, i) => this.byName.set(g.group, i));
    this.sums = new Float64Array(this.groups.length);
  }

  /** The group a name is (as written, spaces and full-width forms aside), if it is one. */
  of(name: string): number | undefined {
    return this.byName.size === 0 ? undefined : this.byName.get(name.normalize('NFKC').replace(/\s+/g, ''));
  }

  /** The groups an item of the tables is in (for a name's memo: asked once per distinct cell). */
  membership(item: string | undefined): readonly number[] {
    if (item === undefined) return NONE;
    const of = this.groups.flatMap((g, i) => (g.members.includes(item) ? [i] : []));
    return of.length === 0 ? NONE : of;
  }

  /** A group's row, left out for now: decided once the file is read (finish). */
  add(group: number, asWritten: string, township: number, townshipName: string, place: Place, value: number): void {
    this.moveTo(township);
    this.currentHasGroup = true;
    this.rows.push({ group, asWritten, township, townshipName, place, value });
    this.groupTownship = township;
  }

  /** A row of an item other than a 其中: the 其中 rows after it are its parts, not a group's items. */
  item(): void {
    this.groupTownship = -1;
  }

  /** Whether a 其中 row of `township` is under a group's row: an item of it, read as an item. */
  under(township: number): boolean {
    return township === this.groupTownship;
  }

  /**
   * An item's row counted: its figure adds to the sums of the groups it is in (`groups`: membership), for the
   * township being read (a group's row may come after its items).
   */
  counted(township: number, groups: readonly number[], value: number): void {
    if (groups.length === 0) return;
    if (township !== this.current) this.moveTo(township);
    for (const g of groups) this.sums[g]! += value;
  }

  /** The rows of `township` are read next: the sums of the one before are kept if it has a group's row. */
  private moveTo(township: number): void {
    if (township === this.current) return;
    if (this.currentHasGroup) this.kept.set(this.current, Float64Array.from(this.sums));
    this.current = township;
    const kept = this.kept.get(township);
    this.currentHasGroup = kept !== undefined;
    if (kept) this.sums.set(kept);
    else this.sums.fill(0);
  }

  /**
   * Once the file is read: each group's row left out where its township lists items of it (`seen`: what each
   * township listed; `itemOf`: the item of the tables a listed name is), else refused.
   */
  finish(seen: RowKeys, itemOf: (name: string) => string | undefined, log: ProblemLog, unit: string): void {
    this.moveTo(-1);
    const noted = new Set<number>();
    for (const r of this.rows) {
      const group = this.groups[r.group]!;
      const listed = new Set<string>();
      for (const [key] of seen.entries(r.township)) {
        const item = itemOf(key.split('\u0000')[0]!);
        if (item !== undefined && group.members.includes(item)) listed.add(item);
      }
      if (listed.size === 0) {
        log.report(r.place, 'group-unlisted', { group: r.asWritten, township: r.townshipName, members: group.members.join('、') });
        continue;
      }
      const items = [...listed].join('、');
      if (!noted.has(r.group)) {
        noted.add(r.group);
        log.report(r.place, 'group-left-out', { group: r.asWritten, township: r.townshipName, members: items });
      }
      const sum = this.kept.get(r.township)?.[r.group] ?? 0;
      if (Math.abs(r.value - sum) > 0.01 * Math.max(r.value, sum))
        log.report(r.place, 'group-items-differ', { group: r.asWritten, township: r.townshipName, value: r.value, items, sum, unit });
    }
  }
}
