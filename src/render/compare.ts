import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import type { Status } from '../method/types.js';
import { countsInWan, formatCount, formatIndex } from './format.js';
import { placeName } from './columns.js';
import { csvTable } from './csv.js';
import { markdownText, visible } from '../safe-text.js';
import { drawTable, statusColour, withRules } from './report-table.js';
import type { ComparedBalance, Comparison } from '../compare/compare.js';
import type { RenderContext } from './context.js';

/** The rows of a comparison: the townships, the counties and cities, the total. */
export const compareRows = (c: Comparison) => [...c.townships, ...(c.regions ?? []), c.total];

const signed = (v: number, lang: Lang, inWan: boolean) => `${v > 0 ? '+' : ''}${formatCount(v, lang, inWan)}`;

interface Column {
  readonly label: (t: Messages) => string;
  readonly numeric: boolean;
  readonly display: (c: ComparedBalance, lang: Lang, t: Messages) => string;
  readonly value: (c: ComparedBalance) => string | number | null;
}

/** A row's name for people: a township with its county (柳江区东风镇), a region's subtotal (柳江区小计), the total. */
export function rowName(c: ComparedBalance, lang: Lang, t: Messages): string {
  if (c.level !== undefined) return placeName({ name: t.ui.subtotal, county: c.name }, lang);
  if (c.name === 'TOTAL' && c.county === undefined && c.city === undefined) return t.ui.total;
  return placeName(c, lang);
}

/** The columns of a comparison; a column of changes in 万 in Chinese throughout when one of its changes reaches 10,000. */
function columnsOf(c: Comparison): Column[] {
  const inWan = (get: (x: ComparedBalance) => number | undefined) => countsInWan(compareRows(c).map((r) => get(r) ?? 0));
  const stock = inWan((r) => r.change?.stockPe);
  const capacity = inWan((r) => r.change?.capacityPe);
  const headroom = inWan((r) => r.change?.headroomPe);
  return [
    { label: (t) => t.ui.township, numeric: false, display: (c, lang, t) => rowName(c, lang, t), value: (c) => c.name },
    {
      label: (t) => t.ui.compare.stockChange,
      numeric: true,
      display: (c, lang) => (c.change ? signed(c.change.stockPe, lang, stock) : '—'),
      value: (c) => c.change?.stockPe ?? null,
    },
    {
      label: (t) => t.ui.compare.capacityChange,
      numeric: true,
      display: (c, lang) => (c.change ? signed(c.change.capacityPe, lang, capacity) : '—'),
      value: (c) => c.change?.capacityPe ?? null,
    },
    {
      label: (t) => t.ui.compare.headroomChange,
      numeric: true,
      display: (c, lang) => (c.change ? signed(c.change.headroomPe, lang, headroom) : '—'),
      value: (c) => c.change?.headroomPe ?? null,
    },
    {
      label: (t) => t.ui.loadIndex,
      numeric: true,
      display: (c) => `${formatIndex(c.base?.loadIndex ?? null)} → ${formatIndex(c.scenario?.loadIndex ?? null)}`,
      value: (c) => c.change?.loadIndex ?? null,
    },
    {
      label: (t) => t.ui.status,
      numeric: false,
      display: (c, _l, t) =>
        c.statusChanged
          ? `${c.base ? t.ui.statuses[c.base.status] : t.ui.compare.absent} → ${c.scenario ? t.ui.statuses[c.scenario.status] : t.ui.compare.absent}`
          : t.ui.statuses[c.base!.status],
      value: (c) => `${c.base?.status ?? ''} → ${c.scenario?.status ?? ''}`,
    },
  ];
}

export function renderComparison(c: Comparison, format: string, { lang, t, chalk }: RenderContext): string {
  const COLUMNS = columnsOf(c);
  switch (format) {
    case 'json':
      return `${JSON.stringify(c, null, 2)}\n`;
    case 'csv': {
      const places = compareRows(c).some((r) => r.county !== undefined || r.city !== undefined || r.level !== undefined);
      // Headers and status words in the chosen language, as the report's CSV has them; numbers at full precision.
      const x = t.ui.compare;
      const pair = (label: string) => [x.before(label), x.after(label)];
      const head = [
        ...(places ? [t.ui.level, t.ui.city, t.ui.county] : []),
        t.ui.township,
        ...pair(t.ui.stockPe),
        ...pair(t.ui.capacityPe),
        ...pair(t.ui.headroomPe),
        ...pair(t.ui.loadIndex),
        ...pair(t.ui.status),
      ];
      const body = compareRows(c).map((r) => [
        ...(places
          ? [
              t.ui.levels[r.level ?? (r === c.total ? 'total' : 'township')],
              r.level === 'city' ? r.name : (r.city ?? r.parent ?? ''),
              r.level === 'county' ? r.name : (r.county ?? ''),
            ]
          : []),
        r.level === undefined ? (r === c.total ? t.ui.total : r.name) : '',
        r.base?.stockPe,
        r.scenario?.stockPe,
        r.base?.capacityPe,
        r.scenario?.capacityPe,
        r.base?.headroomPe,
        r.scenario?.headroomPe,
        r.base?.loadIndex,
        r.scenario?.loadIndex,
        r.base ? t.ui.statuses[r.base.status] : '',
        r.scenario ? t.ui.statuses[r.scenario.status] : '',
      ]);
      return csvTable([head, ...body]);
    }
    case 'md': {
      const lines = [
        `## ${markdownText(t.ui.compare.title(c.base, c.scenario))}`,
        '',
        `| ${COLUMNS.map((col) => markdownText(col.label(t))).join(' | ')} |`,
        `|${COLUMNS.map((col) => (col.numeric ? ' ---: ' : ' --- ')).join('|')}|`,
      ];
      for (const r of compareRows(c)) lines.push(`| ${COLUMNS.map((col) => markdownText(col.display(r, lang, t))).join(' | ')} |`);
      return `${lines.join('\n')}\n`;
    }
    default: {
      const table = drawTable(
        COLUMNS.map((col) => chalk.bold(col.label(t))),
        compareRows(c).map((r) =>
          COLUMNS.map((col, i) => {
            const text = visible(col.display(r, lang, t));
            if (i === COLUMNS.length - 1 && r.statusChanged && r.scenario) return statusColour(chalk, r.scenario.status as Status)(text);
            return text;
          }),
        ),
        COLUMNS.map((col) => (col.numeric ? 'right' : 'left')),
      );
      const changed = c.townships.filter((r) => r.statusChanged).length;
      return `${chalk.bold(visible(t.ui.compare.title(c.base, c.scenario)))}\n${withRules(table)}\n${t.ui.compare.summary(changed)}\n`;
    }
  }
}
