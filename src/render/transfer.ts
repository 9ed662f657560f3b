import type { TransferPlan, FlowEnd, TransferFlow, TransferTownship } from '../transfer/plan.js';
import type { Messages } from '../i18n/en.js';
import type { Lang } from '../i18n/index.js';
import { markdownText, visible } from '../safe-text.js';
import { placeName } from './columns.js';
import type { RenderContext } from './context.js';
import { csvTable } from './csv.js';
import { countsInWan, formatCount, formatIndex, formatNumber } from './format.js';
import { drawTable } from './report-table.js';

const named = (e: FlowEnd, lang: Lang) => placeName(e, lang);

/** A flow's two townships, each with its county and city where the data give them. */
export function flowEnds(f: TransferFlow): { readonly fromEnd: FlowEnd; readonly toEnd: FlowEnd } {
  return {
    fromEnd: { name: f.from, ...(f.fromCounty === undefined ? {} : { county: f.fromCounty }), ...(f.fromCity === undefined ? {} : { city: f.fromCity }) },
    toEnd: { name: f.to, ...(f.toCounty === undefined ? {} : { county: f.toCounty }), ...(f.toCity === undefined ? {} : { city: f.toCity }) },
  };
}

/** The transfer plan in a format: its flows, each township's change, and the totals (docs/transfer.md). */
export function renderTransfer(plan: TransferPlan, format: string, { lang, t, chalk }: RenderContext): string {
  const x = t.ui.transfer;
  const flowHead = [x.from, x.to, x.pe, x.km];
  const flowRows = plan.flows.map((f) => {
    const { fromEnd, toEnd } = flowEnds(f);
    return [named(fromEnd, lang), named(toEnd, lang), f.pe, f.km] as const;
  });
  const { head: townHead, moved, rows: townRows } = townshipRows(plan, lang, t);
  const flowWan = countsInWan(plan.flows.map((f) => f.pe));
  const summary = planSummary(plan, lang, t);
  switch (format) {
    case 'json':
      return `${JSON.stringify(plan, null, 2)}\n`;
    case 'csv': {
      const { heads, cells } = placeColumns(plan, t);
      return csvTable([
        [...heads(x.from), ...heads(x.to), x.pe, x.km],
        ...plan.flows.map((f) => {
          const { fromEnd, toEnd } = flowEnds(f);
          return [...cells(fromEnd), ...cells(toEnd), f.pe, f.km];
        }),
      ]);
    }
    case 'md':
      return [
        `## ${markdownText(x.title(formatNumber(plan.maxKm, 1)))}`,
        '',
        markdownText(summary),
        '',
        `| ${flowHead.map(markdownText).join(' | ')} |`,
        '| --- | --- | ---: | ---: |',
        ...flowRows.map(([a, b, pe, km]) => `| ${markdownText(a)} | ${markdownText(b)} | ${formatCount(pe, lang, flowWan)} | ${formatNumber(km, 1)} |`),
        '',
        `| ${townHead.map(markdownText).join(' | ')} |`,
        `| --- |${' ---: |'.repeat(townHead.length - 2)} --- |`,
        ...townRows.map((r) => `| ${r.map(markdownText).join(' | ')} |`),
        '',
      ].join('\n');
    default: {
      const flows = drawTable(
        flowHead.map((h) => chalk.bold(h)),
        flowRows.map(([a, b, pe, km]) => [visible(a), visible(b), formatCount(pe, lang, flowWan), formatNumber(km, 1)]),
        ['left', 'left', 'right', 'right'],
      );
      const towns = drawTable(
        townHead.map((h) => chalk.bold(h)),
        townRows.map((r) => r.map(visible)),
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      );
      return `${chalk.bold(x.title(formatNumber(plan.maxKm, 1)))}\n${summary}\n${plan.flows.length > 0 ? `${flows}\n` : ''}${moved.length > 0 ? `${towns}\n` : ''}`;
    }
  }
}

/**
 * The townships that send, receive or keep a surplus, as rows of text (name, surplus, sent, received, unplaced, load
 * index before and after, why surplus stays), each column of counts in one unit (in Chinese all in 万 when one value reaches 10,000).
 */
export function townshipRows(plan: TransferPlan, lang: Lang, t: Messages): { head: string[]; moved: TransferTownship[]; rows: string[][] } {
  const x = t.ui.transfer;
  const moved = plan.townships.filter((s) => s.sentPe > 0 || s.receivedPe > 0 || s.unplacedPe > 0);
  const inWan = (get: (s: TransferTownship) => number) => countsInWan(moved.map(get));
  const wan = { surplus: inWan((s) => s.surplusPe), sent: inWan((s) => s.sentPe), received: inWan((s) => s.receivedPe), unplaced: inWan((s) => s.unplacedPe) };
  return {
    head: [t.ui.township, x.surplus, x.sent, x.received, x.unplaced, x.before, x.after, x.why],
    moved,
    rows: moved.map((s) => [
      named(s, lang),
      formatCount(s.surplusPe, lang, wan.surplus),
      formatCount(s.sentPe, lang, wan.sent),
      formatCount(s.receivedPe, lang, wan.received),
      formatCount(s.unplacedPe, lang, wan.unplaced),
      formatIndex(s.loadIndexBefore),
      formatIndex(s.loadIndexAfter),
      s.unplacedReason ? x.reasons[s.unplacedReason] : '',
    ]),
  };
}

/** The plan in a sentence: the surplus, what is placed within reach and what is not, and the PE × km. */
export function planSummary(plan: TransferPlan, lang: Lang, t: Messages): string {
  return t.ui.transfer.summary(
    formatCount(plan.total.surplusPe, lang),
    formatCount(plan.total.placedPe, lang),
    formatCount(plan.total.unplacedPe, lang),
    formatNumber(plan.total.peKm),
    formatNumber(plan.maxKm, 1),
  );
}

/**
 * A flow's townships as columns — city and county where the plan's townships have them, then the name — for the
 * formats read by programs (CSV, the workbook): each part in a cell of its own.
 */
export function placeColumns(plan: TransferPlan, t: Messages): { heads: (label: string) => string[]; cells: (e: FlowEnd) => string[] } {
  const cities = plan.townships.some((s) => s.city !== undefined);
  const counties = plan.townships.some((s) => s.county !== undefined);
  return {
    heads: (label) => [...(cities ? [`${label} · ${t.ui.city}`] : []), ...(counties ? [`${label} · ${t.ui.county}`] : []), label],
    cells: (e) => [...(cities ? [e.city ?? ''] : []), ...(counties ? [e.county ?? ''] : []), e.name],
  };
}
