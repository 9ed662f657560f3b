import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import { basisNutrients, type Nutrient } from '../method/types.js';
import type { Balance, NutrientBalance } from '../method/balance.js';
import { formatCount, formatIndex, formatKg } from './format.js';
import type { Report } from '../report/report.js';
import type { ColumnChoice } from './context.js';

/** A column of the balance table, shared by the table, Markdown and CSV renderers. */
export interface BalanceColumn {
  readonly key: string;
  readonly label: (t: Messages) => string;
  /** The value as data (full precision), for CSV. */
  readonly value: (b: Balance) => number | string | null;
  /** The value for people (rounded, 万 in Chinese). */
  readonly display: (b: Balance, lang: Lang, t: Messages) => string;
  readonly numeric: boolean;
  /** Only in CSV (the chain behind a capacity), or only for people (a range in one cell). */
  readonly only?: 'csv' | 'display';
}

const nutrientColumn = (n: Nutrient, key: keyof NutrientBalance, label: (t: Messages) => string, kg: boolean): BalanceColumn => ({
  key: `${n.toLowerCase()}_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
  label,
  value: (b) => b.nutrients[n]?.[key] ?? null,
  display: (b, lang) => {
    const v = b.nutrients[n]?.[key];
    return v === undefined ? '' : kg ? formatKg(v) : formatCount(v, lang);
  },
  numeric: true,
  only: 'csv',
});

/** The columns of a report: the balance, the chosen extras, then per nutrient the chain behind the capacity. */
export function balanceColumns(report: Report, choice: ColumnChoice = {}): BalanceColumn[] {
  const columns: BalanceColumn[] = [
    { key: 'township', label: (t) => t.ui.township, value: (b) => b.name, display: (b, _l, t) => (b.name === 'TOTAL' ? t.ui.total : b.name), numeric: false },
    { key: 'stock_pe', label: (t) => t.ui.stockPe, value: (b) => b.stockPe, display: (b, lang) => formatCount(b.stockPe, lang), numeric: true },
    { key: 'capacity_pe', label: (t) => t.ui.capacityPe, value: (b) => b.capacityPe, display: (b, lang) => formatCount(b.capacityPe, lang), numeric: true },
    { key: 'headroom_pe', label: (t) => t.ui.headroomPe, value: (b) => b.headroomPe, display: (b, lang) => formatCount(b.headroomPe, lang), numeric: true },
    { key: 'load_index', label: (t) => t.ui.loadIndex, value: (b) => b.loadIndex, display: (b) => formatIndex(b.loadIndex), numeric: true },
    { key: 'grade', label: (t) => t.ui.loadGrade, value: (b) => b.grade, display: (b) => b.grade ?? '—', numeric: false },
    { key: 'status', label: (t) => t.ui.status, value: (b) => b.status, display: (b, _l, t) => t.ui.statuses[b.status], numeric: false },
  ];
  if (report.basis === 'both') {
    columns.push({
      key: 'limiting_nutrient',
      label: (t) => t.ui.limiting,
      value: (b) => b.limitingNutrient ?? null,
      display: (b) => b.limitingNutrient ?? '',
      numeric: false,
    });
  }
  if (choice.range) {
    const [low, high] = [(b: Balance) => b.capacityRangePe[0], (b: Balance) => b.capacityRangePe[1]];
    columns.push(
      {
        key: 'capacity_range_pe',
        label: (t) => t.ui.capacityRangePe,
        value: () => null,
        display: (b, lang) => `${formatCount(low(b), lang)}–${formatCount(high(b), lang)}`,
        numeric: true,
        only: 'display',
      },
      { key: 'capacity_low_pe', label: (t) => t.ui.capacityLowPe, value: low, display: (b, lang) => formatCount(low(b), lang), numeric: true, only: 'csv' },
      { key: 'capacity_high_pe', label: (t) => t.ui.capacityHighPe, value: high, display: (b, lang) => formatCount(high(b), lang), numeric: true, only: 'csv' },
    );
  }
  if (choice.headroom) {
    for (const species of Object.keys(report.total.headroomHead)) {
      columns.push({
        key: `headroom_head_${species}`,
        label: (t) => t.ui.headroomHead(species),
        value: (b) => b.headroomHead[species] ?? null,
        display: (b, lang) => formatCount(b.headroomHead[species] ?? 0, lang),
        numeric: true,
      });
    }
  }
  for (const n of basisNutrients(report.basis)) {
    columns.push(
      nutrientColumn(n, 'cropDemandKg', (t) => t.ui.cropDemandKg(n), true),
      nutrientColumn(n, 'manureDemandKg', (t) => t.ui.manureDemandKg(n), true),
      nutrientColumn(n, 'supplyPerPeKg', (t) => t.ui.supplyPerPeKg(n), true),
      nutrientColumn(n, 'capacityPe', (t) => t.ui.nutrientCapacityPe(n), false),
    );
  }
  return columns;
}

/** Townships then the total, as every format lists them. */
export function balanceRows(report: Report): Balance[] {
  return [...report.townships, report.total];
}
