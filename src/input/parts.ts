import type { Column, Row } from './table.js';

/** An item written as a part of the one before it: 其中：能繁母猪, 其中 水牛 ("of which"). */
const PART = /^其中(?:\s|:|：)*/;

export function isPart(item: string): boolean {
  return PART.test(item.normalize('NFKC'));
}

/**
 * The 其中 rows of a file (and a wide table's 其中 columns, which become such rows): each is part of the item before
 * it in the same township, already counted in that item. It is left out (noted once per file) and checked to be no
 * larger than that item: adding a part to its whole is the commonest error of hand-made capacity sheets.
 */
export class Parts {
  // The last whole read, in fields rather than an object a row: every row of a file is one (-1: none).
  private lastTownship = -1;
  private lastItem = '';
  private lastValue = 0;
  private noted = false;

  /** A row of a whole item, read: the parts after it are compared with it. */
  whole(township: number, item: string, value: number): void {
    this.lastTownship = township;
    this.lastItem = item;
    this.lastValue = value;
  }

  /** A row that is not read as a whole (a bad row): the parts after it have nothing to be compared with. */
  reset(): void {
    this.lastTownship = -1;
  }

  /** A part (its item's cell, its figure's): left out; its figure, when given, must not be larger than its whole's. */
  part(row: Row, itemColumn: Column | undefined, valueColumn: Column | undefined, township: number, item: string, value: number | undefined): void {
    const whole = this.lastTownship === township && township >= 0 ? { item: this.lastItem, value: this.lastValue } : undefined;
    if (!this.noted) {
      this.noted = true;
      row.report(itemColumn, 'part-left-out', { item, whole: whole?.item ?? '' });
    }
    if (whole && value !== undefined && value > whole.value * (1 + 1e-9))
      row.report(valueColumn, 'part-exceeds-whole', { item, part: value, whole: whole.item, value: whole.value });
  }
}
