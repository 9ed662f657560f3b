import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import { basisNutrients, type Nutrient } from '../method/types.js';
import type { Balance, NutrientBalance } from '../method/balance.js';
import { countsInWan, formatCount, formatIndex, formatKg } from './format.js';
import type { Report } from '../report/report.js';
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
  /** Only in CSV (the chain behind a capacity), or only for people (a range in one cell). */
  readonly only?: 'csv' | 'display';
}

/** A column of counts (pig equivalents, head): in Chinese in 万 throughout when one of its values reaches 10,000. */
function countColumn(report: Report, key: string, label: (t: Messages) => string, get: (b: Balance) => number, only?: 'csv'): BalanceColumn {
  const inWan = countsInWan(balanceRows(report).map(get));
  return { key, label, value: get, display: (b, lang) => formatCount(get(b), lang, inWan), numeric: true, ...(only ? { only } : {}) };
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
    {
      key: 'township',
      label: (t) => t.ui.township,
      value: (b, t) => (b === report.total ? t.ui.total : b.name),
      display: (b, _l, t) => (b === report.total ? t.ui.total : b.name),
      numeric: false,
    },
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
    { key: 'load_index', label: (t) => t.ui.loadIndex, value: (b) => b.loadIndex, display: (b) => formatIndex(b.loadIndex), numeric: true },
    { key: 'grade', label: (t) => t.ui.loadGrade, value: (b) => b.grade, display: (b) => b.grade ?? '—', numeric: false },
    // A spreadsheet reader reads the status in words, in the report's language: ok, 适载 (JSON keeps the codes).
    { key: 'status', label: (t) => t.ui.status, value: (b, t) => t.ui.statuses[b.status], display: (b, _l, t) => t.ui.statuses[b.status], numeric: false },
  ];
  if (report.basis === 'both') {
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
