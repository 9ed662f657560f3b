import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import { basisNutrients, type Nutrient } from '../method/types.js';
import type { Balance, NutrientBalance } from '../method/balance.js';
import { countsInWan, formatCount, formatIndex, formatKg } from './format.js';
import type { RegionBalance, RegionLevel, Report } from '../report/report.js';
import type { ColumnChoice } from './context.js';

/** A column of the balance table, shared by the table, Markdown and CSV renderers. */
export interface BalanceColumn {
  readonly key: string;
  readonly label: (t: Messages) => string;
  /** The value as data (full precision; a status in the language), for CSV. */
  readonly value: (b: Balance, t: Messages) => number | string | null;
  /** The value for people (rounded, 万 in Chinese). */
  readonly display: (b: Balance, lang: Lang, t: Messages) => string;
  readonly numeric: boolean;
  /** What its numbers are, for a spreadsheet's display format: counts (in 万 in Chinese when `inWan`), kg, an index. */
  readonly measure?: { readonly kind: 'count'; readonly inWan: boolean } | { readonly kind: 'kg' | 'index' };
  /** Only in CSV (the chain behind a capacity), or only for people (a range in one cell). */
  readonly only?: 'csv' | 'display';
}

/** A column of counts (pig equivalents, head): in Chinese in 万 throughout when one of its values reaches 10,000. */
function countColumn(report: Report, key: string, label: (t: Messages) => string, get: (b: Balance) => number, only?: 'csv'): BalanceColumn {
  const inWan = countsInWan(balanceRows(report).map(get));
  return {
    key,
    label,
    value: get,
    display: (b, lang) => formatCount(get(b), lang, inWan),
    numeric: true,
    measure: { kind: 'count', inWan },
    ...(only ? { only } : {}),
  };
}

const nutrientColumn = (n: Nutrient, key: keyof NutrientBalance, label: (t: Messages) => string, kg: boolean, inWan: boolean): BalanceColumn => ({
  key: `${n.toLowerCase()}_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
  label,
  value: (b) => b.nutrients[n]?.[key] ?? null,
  display: (b, lang) => {
    const v = b.nutrients[n]?.[key];
    return v === undefined ? '' : kg ? formatKg(v) : formatCount(v, lang);
  },
  numeric: true,
  measure: kg ? { kind: 'kg' } : { kind: 'count', inWan },
  only: 'csv',
});

/** A township for people: its county (or city, without one) and its name — 柳江区东风镇 — or its name alone. */
export function placeName(b: Pick<Balance, 'name' | 'county' | 'city'>, lang: Lang): string {
  const region = b.county ?? b.city;
  return region === undefined ? b.name : `${region}${lang === 'zh' ? '' : ' '}${b.name}`;
}

/** A county's or city's subtotal row. */
export function isRegion(b: Balance): b is RegionBalance {
  return 'level' in b;
}

/** A text column of the table's left, naming the row; the total's label in the first of them. */
function nameColumn(key: string, label: (t: Messages) => string, text: (b: Balance, t: Messages) => string): BalanceColumn {
  return { key, label, value: text, display: (b, _l, t) => text(b, t), numeric: false };
}

/**
 * The columns naming a row: the city and county when the data give them, and the township (none with rows `by` a
 * region). A subtotal row names its region where its townships name theirs, and says 小计 in the next column.
 */
function placeColumns(report: Report, by: RegionLevel | undefined): BalanceColumn[] {
  const levels = new Set(report.regions.map((r) => r.level));
  const columns: BalanceColumn[] = [];
  const total = (b: Balance, t: Messages) => (b === report.total ? t.ui.total : undefined);
  if (levels.has('city'))
    columns.push(
      nameColumn(
        'city',
        (t) => t.ui.city,
        (b, t) => total(b, t) ?? (isRegion(b) ? (b.level === 'city' ? b.name : (b.parent ?? '')) : (b.city ?? '')),
      ),
    );
  if (levels.has('county') && by !== 'city') {
    const first = columns.length === 0;
    columns.push(
      nameColumn(
        'county',
        (t) => t.ui.county,
        (b, t) => (first ? total(b, t) : undefined) ?? (isRegion(b) ? (b.level === 'county' ? b.name : t.ui.wholeCity) : (b.county ?? '')),
      ),
    );
  }
  if (by === undefined) {
    const first = columns.length === 0;
    columns.push(
      nameColumn(
        'township',
        (t) => t.ui.township,
        (b, t) => (first ? total(b, t) : undefined) ?? (isRegion(b) ? t.ui.subtotal : b === report.total ? '' : b.name),
      ),
    );
  }
  return columns;
}

/** The columns of a report: the balance, the chosen extras, then per nutrient the chain behind the capacity. */
export function balanceColumns(report: Report, choice: ColumnChoice = {}, by?: RegionLevel): BalanceColumn[] {
  const columns: BalanceColumn[] = [
    ...placeColumns(report, by),
    countColumn(
      report,
      'stock_pe',
      (t) => t.ui.stockPe,
      (b) => b.stockPe,
    ),
    countColumn(
      report,
      'capacity_pe',
      (t) => t.ui.capacityPe,
      (b) => b.capacityPe,
    ),
    countColumn(
      report,
      'headroom_pe',
      (t) => t.ui.headroomPe,
      (b) => b.headroomPe,
    ),
    {
      key: 'load_index',
      label: (t) => t.ui.loadIndex,
      value: (b) => b.loadIndex,
      display: (b) => formatIndex(b.loadIndex),
      numeric: true,
      measure: { kind: 'index' },
    },
    { key: 'grade', label: (t) => t.ui.loadGrade, value: (b) => b.grade, display: (b) => b.grade ?? '—', numeric: false },
    // A spreadsheet reader reads the status in words, in the report's language: ok, 适载 (JSON keeps the codes).
    { key: 'status', label: (t) => t.ui.status, value: (b, t) => t.ui.statuses[b.status], display: (b, _l, t) => t.ui.statuses[b.status], numeric: false },
  ];
  // A region's capacity sums its townships' own limiting nutrients: it has none of its own.
  if (report.basis === 'both' && by === undefined) {
    columns.push({
      key: 'limiting_nutrient',
      label: (t) => t.ui.limiting,
      value: (b, t) => (b.limitingNutrient ? t.ui.nutrientNames[b.limitingNutrient] : null),
      display: (b, _l, t) => (b.limitingNutrient ? t.ui.nutrientNames[b.limitingNutrient] : ''),
      numeric: false,
    });
  }
  if (choice.range) {
    const [low, high] = [(b: Balance) => b.capacityRangePe[0], (b: Balance) => b.capacityRangePe[1]];
    const inWan = countsInWan(balanceRows(report).flatMap((b) => [low(b), high(b)]));
    columns.push(
      {
        key: 'capacity_range_pe',
        label: (t) => t.ui.capacityRangePe,
        value: () => null,
        display: (b, lang) => `${formatCount(low(b), lang, inWan)}–${formatCount(high(b), lang, inWan)}`,
        numeric: true,
        only: 'display',
      },
      countColumn(report, 'capacity_low_pe', (t) => t.ui.capacityLowPe, low, 'csv'),
      countColumn(report, 'capacity_high_pe', (t) => t.ui.capacityHighPe, high, 'csv'),
    );
  }
  if (choice.headroom) {
    for (const species of Object.keys(report.total.headroomHead))
      columns.push(
        countColumn(
          report,
          `headroom_head_${species}`,
          (t) => t.ui.headroomHead(species),
          (b) => b.headroomHead[species] ?? 0,
        ),
      );
  }
  for (const n of basisNutrients(report.basis)) {
    columns.push(
      nutrientColumn(n, 'cropDemandKg', (t) => t.ui.cropDemandKg(n), true, false),
      nutrientColumn(n, 'manureDemandKg', (t) => t.ui.manureDemandKg(n), true, false),
      nutrientColumn(n, 'supplyPerPeKg', (t) => t.ui.supplyPerPeKg(n), true, false),
      nutrientColumn(n, 'capacityPe', (t) => t.ui.nutrientCapacityPe(n), false, countsInWan(balanceRows(report).map((b) => b.nutrients[n]?.capacityPe ?? 0))),
    );
  }
  return columns;
}

/**
 * The rows every format lists: the townships, each county's after its townships with its subtotal, each city's after
 * its counties, then the total; `by` a level, that level's subtotals and the total.
 */
export function balanceRows(report: Report, by?: RegionLevel): Balance[] {
  if (report.regions.length === 0) return [...report.townships, report.total];
  if (by !== undefined) return [...report.regions.filter((r) => r.level === by), report.total];
  const group = (city = '', county = '') => `${city}\u0000${county}`;
  const members = new Map<string, Balance[]>();
  for (const b of report.townships) {
    const key = group(b.city, b.county);
    const list = members.get(key);
    if (list) list.push(b);
    else members.set(key, [b]);
  }
  const rows: Balance[] = [];
  for (const r of report.regions) rows.push(...(members.get(r.level === 'county' ? group(r.parent, r.name) : group(r.name)) ?? []), r);
  return [...rows, ...(members.get(group()) ?? []), report.total];
}
