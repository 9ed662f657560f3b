import { relativeDifference } from '../method/production.js';
import type { Column, Row } from './table.js';
import type { Place, ProblemLog } from '../problems.js';
import { isNamedScope, scopesOf, townshipIdOf, townshipLabel } from './township.js';

/** How far a totals row may be from the sum of what it totals before it is worth a word: 1%. */
export const TOTAL_TOLERANCE = 0.01;

/** The scopes of a township without a region: the file's only. */
const NO_REGION: readonly string[] = [''];

const keyOf = (scope: string, item: string) => (scope === '' ? item : `${scope}\u0000${item}`);

/** How close a township's figures must be to the sum of all the others' to be taken for an unlabelled totals row. */
const UNLABELLED_TOLERANCE = 0.005;
/**
 * The same, for a row named as a county or district (柳江区, 某某县): its name says what it is, and a yearbook's total
 * may hold a little the townships do not (a state farm's herd).
 */
const DISTRICT_TOLERANCE = 0.15;
const DISTRICT_NAME = /[区县市旗]$/;

/** A township's rows as they were added: its place, and its items and figures in turn. */
interface TownshipRows {
  readonly key: string;
  readonly place: Place;
  readonly items: string[];
  readonly values: number[];
}

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
  private notedSubtotal = false;
  /** The regions of the last township added (files list a township's rows together). */
  private lastTownship = '';
  private lastScopes: readonly string[] = NO_REGION;
  /**
   * The first township's rows and the current one's (at the end, the last's): where a yearbook puts a totals row
   * that is labelled with the county's name (柳江区) rather than 合计, to be found by its figures (check).
   */
  private first: TownshipRows | undefined;
  private current: TownshipRows | undefined;
  private townships = 0;

  /**
   * A township's row of `item` (the township by its key, its name in `row`'s cell `column`), counted into the item's
   * sum in each region it is in; and under the name it is written as, when that is another (早稻 counted as 水稻).
   */
  add(item: string, value: number, township = '', asWritten = item, row?: Row, column?: Column): void {
    this.addTo(item, value);
    if (asWritten !== item) this.addTo(asWritten, value);
    if (township !== this.lastTownship) {
      this.lastTownship = township;
      this.lastScopes = township === '' ? NO_REGION : scopesOf(township);
      this.townships++;
      if (row) {
        this.current = { key: township, place: row.place(column), items: [], values: [] };
        this.first ??= this.current;
      }
    }
    if (this.current?.key === township) {
      this.current.items.push(item);
      this.current.values.push(value);
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

  /**
   * A township's row whose item is a total (小计, 合计 in the crop or species column): the sum of its rows the file
   * gives, left out; noted once per file.
   */
  subtotal(row: Row, column: Column | undefined, label: string): undefined {
    if (this.notedSubtotal) return;
    this.notedSubtotal = true;
    row.report(column, 'subtotal-item', { label });
  }

  /** A totals row whose township cell was its label, noted even when the row gives nothing to compare. */
  note(row: Row, label: string): void {
    if (this.noted) return;
    this.noted = true;
    row.report(undefined, 'total-row', { label });
  }

  /**
   * Compares each totals row with the sum of the rows it totals; and the first and the last township with the sum of
   * all the others: a township whose every figure (two items at least) is that sum is a totals row not labelled as
   * one (柳江区, 全区 (总计)), which counted as a township would double the file's figures — an error, at its row.
   */
  check(log: ProblemLog): void {
    for (const t of new Set([this.first, this.current])) if (t) this.checkUnlabelled(t, log);
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

  private checkUnlabelled(t: TownshipRows, log: ProblemLog): void {
    if (this.townships < 3) return;
    const own = new Map<string, number>();
    t.items.forEach((item, i) => own.set(item, (own.get(item) ?? 0) + t.values[i]!));
    if (own.size < 2) return;
    const others = (item: string, value: number) => (this.sums.get(item)?.sum ?? 0) - value;
    const tolerance = DISTRICT_NAME.test(townshipIdOf(t.key).name) ? DISTRICT_TOLERANCE : UNLABELLED_TOLERANCE;
    for (const [item, value] of own) if (!(value > 0) || relativeDifference(value, others(item, value)) > tolerance) return;
    const [item, value] = own.entries().next().value!;
    log.report(t.place, 'total-unlabelled', {
      township: townshipLabel(townshipIdOf(t.key)),
      items: own.size,
      item,
      value: Math.round(value * 100) / 100,
      others: Math.round(others(item, value) * 100) / 100,
    });
  }
}
