import { relativeDifference } from '../method/production.js';
import type { Column, Row } from './table.js';
import type { Place, ProblemLog } from '../problems.js';
import { isNamedScope, scopesOf } from './township.js';

/** How far a totals row may be from the sum of what it totals before it is worth a word: 1%. */
export const TOTAL_TOLERANCE = 0.01;

/** The scopes of a township without a region: the file's only. */
const NO_REGION: readonly string[] = [''];

const keyOf = (scope: string, item: string) => (scope === '' ? item : `${scope}\u0000${item}`);

/**
 * A file's totals rows (合计, 全区, 柳江区小计 …) and the sums they are checked against: each totals row is left out of
 * the data (it is not a township) and, once the file is read, compared with the sum of the townships' rows of the same
 * item (a crop's production, a species' stock) — of the county or city the row names, when the file has regions (a
 * county's 小计) — the item as the row writes it (早稻) where townships write it so, else as the tables count it (水稻).
 * A yearbook's own arithmetic error shows as total-mismatch.
 */
export class Totals {
  /** The townships' sum of each item (by region and item): compared to 1%, a plain sum is exact enough. */
  private readonly sums = new Map<string, { sum: number }>();
  private readonly totals: { place: Place; label: string; scope: string; item: string; asWritten: string; value: number; unit: string }[] = [];
  private noted = false;
  /** The regions of the last township added (files list a township's rows together). */
  private lastTownship = '';
  private lastScopes: readonly string[] = NO_REGION;

  /**
   * A township's row of `item` (the township by its key), counted into the item's sum in each region it is in; and
   * under the name it is written as, when that is another (早稻 counted as 水稻).
   */
  add(item: string, value: number, township = '', asWritten = item): void {
    this.addTo(item, value);
    if (asWritten !== item) this.addTo(asWritten, value);
    if (township !== this.lastTownship) {
      this.lastTownship = township;
      this.lastScopes = township === '' ? NO_REGION : scopesOf(township);
    }
    // The file's sum above; a county's and a city's when the file gives them (scopesOf lists the file's first).
    const scopes = this.lastScopes;
    for (let i = 1; i < scopes.length; i++) {
      this.addTo(keyOf(scopes[i]!, item), value);
      if (asWritten !== item) this.addTo(keyOf(scopes[i]!, asWritten), value);
    }
  }

  private addTo(key: string, value: number): void {
    const entry = this.sums.get(key);
    if (entry) entry.sum += value;
    else this.sums.set(key, { sum: value });
  }

  /**
   * A totals row's figure for `item` (its label as written), over the region `scope` ('' the file), to compare once
   * the file is read; noted once per file.
   */
  total(row: Row, column: Column | undefined, label: string, item: string, value: number, unit: string, scope = '', asWritten = item): void {
    if (!this.noted) {
      this.noted = true;
      row.report(undefined, 'total-row', { label });
    }
    this.totals.push({ place: row.place(column), label, scope, item, asWritten, value, unit });
  }

  /** A totals row whose township cell was its label, noted even when the row gives nothing to compare. */
  note(row: Row, label: string): void {
    if (this.noted) return;
    this.noted = true;
    row.report(undefined, 'total-row', { label });
  }

  /** Compares each totals row with the sum of the rows it totals. */
  check(log: ProblemLog): void {
    for (const t of this.totals) {
      const found = this.sums.get(keyOf(t.scope, t.asWritten)) ?? this.sums.get(keyOf(t.scope, t.item));
      // A region named only in the label (柳江区小计) of a file whose townships name no such county or city: not checked.
      if (!found && isNamedScope(t.scope)) continue;
      const sum = found?.sum ?? 0;
      const apart = relativeDifference(t.value, sum);
      if (apart > TOTAL_TOLERANCE)
        log.report(t.place, 'total-mismatch', {
          label: t.label,
          item: t.asWritten,
          given: Math.round(t.value * 100) / 100,
          sum: Math.round(sum * 100) / 100,
          percent: (apart * 100).toFixed(1),
          unit: t.unit,
        });
    }
  }
}
