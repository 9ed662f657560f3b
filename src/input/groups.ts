import type { ItemGroup } from '../coefficients/coefficients.js';
import type { Place, ProblemLog } from '../problems.js';
import type { RowKeys } from './row-keys.js';

/** A group's row read: where, for which township, and its name as written. */
interface GroupRow {
  readonly group: ItemGroup;
  readonly asWritten: string;
  readonly township: number;
  readonly townshipName: string;
  readonly place: Place;
}

/**
 * The rows of a group that statistics total (粮食作物, 经济作物, 大牲畜; data/coefficients/groups.csv): no crop or
 * species of the tables — its uptake or factor would be a guess — but the sum of some. Yearbook tables give the group
 * beside its members (粮食作物, 稻谷, 玉米 …) or above them (粮食作物, 其中：稻谷 …). A group's row is left out where
 * its township lists a member of it, which counts its figures already (noted once per group); where the township
 * lists none, the group's figure stands for items the file never names: an error. The 其中 rows under a group's row
 * are its members: read as items, not left out as parts.
 */
export class GroupRows {
  private readonly byName = new Map<string, ItemGroup>();
  private readonly rows: GroupRow[] = [];
  /** The township whose last row was a group's (-1: none): its 其中 rows are the group's members. */
  private groupTownship = -1;

  constructor(groups: readonly ItemGroup[], kind: ItemGroup['kind']) {
    for (const g of groups) if (g.kind === kind) this.byName.set(g.group, g);
  }

  /** The group a name is (as written, spaces and full-width forms aside), if it is one. */
  of(name: string): ItemGroup | undefined {
    return this.byName.size === 0 ? undefined : this.byName.get(name.normalize('NFKC').replace(/\s+/g, ''));
  }

  /** A group's row, left out for now: decided once the file is read (finish). */
  add(group: ItemGroup, asWritten: string, township: number, townshipName: string, place: Place): void {
    this.rows.push({ group, asWritten, township, townshipName, place });
    this.groupTownship = township;
  }

  /** A row of an item other than a 其中: the 其中 rows after it are its parts, not a group's members. */
  item(): void {
    this.groupTownship = -1;
  }

  /** Whether a 其中 row of `township` is under a group's row: a member, read as an item. */
  under(township: number): boolean {
    return township === this.groupTownship;
  }

  /**
   * Once the file is read: each group's row left out where its township lists a member (`seen`: what each township
   * listed; `itemOf`: the item of the tables a listed name is), else refused.
   */
  finish(seen: RowKeys, itemOf: (name: string) => string | undefined, log: ProblemLog): void {
    const noted = new Set<string>();
    for (const r of this.rows) {
      const listed = new Set<string>();
      for (const [key] of seen.entries(r.township)) {
        const item = itemOf(key.split('\u0000')[0]!);
        if (item !== undefined && r.group.members.includes(item)) listed.add(item);
      }
      if (listed.size === 0) {
        log.report(r.place, 'group-unlisted', { group: r.asWritten, township: r.townshipName, members: r.group.members.join('、') });
      } else if (!noted.has(r.group.group)) {
        noted.add(r.group.group);
        log.report(r.place, 'group-left-out', { group: r.asWritten, township: r.townshipName, members: [...listed].join('、') });
      }
    }
  }
}
