import type { Column, Row } from './table.js';

/** An item written as a part of the one before it: 其中：能繁母猪, 其中 水牛 ("of which"). */
const PART = /^其中(?:\s|:|：)*/;

export function isPart(item: string): boolean {
  return PART.test(item.normalize('NFKC'));
}

/** The item a 其中 names (能繁母猪 of 其中：能繁母猪). */
export function partName(item: string): string {
  return item.normalize('NFKC').replace(PART, '');
}

/**
 * The 其中 rows of a file (and a wide table's 其中 columns, which become such rows): each is part of an item of the
 * same township, already counted in it — the whole the tables count it in (能繁母猪 in 生猪) when the township lists
 * that whole, else the item before it. It is left out (noted once per file) and checked to be no larger than that
 * item: adding a part to its whole is the commonest error of hand-made capacity sheets.
 */
export class Parts {
  // The last whole read, in fields rather than an object a row: every row of a file is one (-1: none).
  private lastTownship = -1;
  private lastItem = '';
  private lastValue = 0;
  private noted = false;
  /** The wholes of the tables (生猪, 水稻) the current township has listed, by their name in the tables. */
  private wholesTownship = -1;
  private readonly wholes = new Map<string, { readonly item: string; readonly value: number }>();

  /**
   * A row of a whole item, read: the parts after it are compared with it. `name`: the whole of the tables it is (生猪
   * for 生猪 or 猪), when it is one, for a part that names a member of it further on (生猪, 家禽, 其中：能繁母猪).
   */
  whole(township: number, item: string, value: number, name?: string): void {
    this.lastTownship = township;
    this.lastItem = item;
    this.lastValue = value;
    if (name === undefined) return;
    if (township !== this.wholesTownship) {
      this.wholesTownship = township;
      this.wholes.clear();
    }
    this.wholes.set(name, { item, value });
  }

  /** A row that is not read as a whole (a bad row): the parts after it have nothing to be compared with. */
  reset(): void {
    this.lastTownship = -1;
  }

  /**
   * A part (its item's cell, its figure's; `of`, the whole of the tables it is a member of): left out; its figure,
   * when given, must not be larger than its whole's.
   */
  part(row: Row, itemColumn: Column | undefined, valueColumn: Column | undefined, township: number, item: string, value: number | undefined, of?: string): void {
    const named = of !== undefined && township === this.wholesTownship ? this.wholes.get(of) : undefined;
    const whole = named ?? (this.lastTownship === township && township >= 0 ? { item: this.lastItem, value: this.lastValue } : undefined);
    if (!this.noted) {
      this.noted = true;
      row.report(itemColumn, 'part-left-out', { item, whole: whole?.item ?? '' });
    }
    if (whole && value !== undefined && value > whole.value * (1 + 1e-9))
      row.report(valueColumn, 'part-exceeds-whole', { item, part: value, whole: whole.item, value: whole.value });
  }
}
