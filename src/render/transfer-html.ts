import { htmlText as esc } from '../safe-text.js';
import type { TransferPlan, TransferTownship } from '../transfer/plan.js';
import { townshipKey } from '../input/township.js';
import { placeName } from './columns.js';
import type { RenderContext } from './context.js';
import { countsInWan, formatCount, formatIndex, formatNumber } from './format.js';
import { mapSvg } from './map-svg.js';
import { COLOUR, mapLegend, pageHead } from './report-html.js';
import { statusCounts } from './notes.js';
import { flowEnds, planSummary, townshipRows } from './transfer.js';

/**
 * The transfer plan as one self-contained HTML page (docs/transfer.md): its totals, the map of the townships coloured
 * by status with the flows as arrows (with --map), the flows, and each township that sends, receives or keeps a
 * surplus. Inline CSS and SVG; no scripts, fonts or requests.
 */
export function renderTransferHtml(plan: TransferPlan, { lang, t, meta = {}, map }: RenderContext): string {
  const x = t.ui.transfer;
  const h = t.ui.html;
  const title = meta.title ?? x.title(formatNumber(plan.maxKm, 1));
  const card = (label: string, value: string) => `<div class="card"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div></div>`;
  const wan = (values: readonly number[]) => countsInWan(values);
  const byKey = new Map(plan.townships.map((s) => [townshipKey(s.name, s.county ?? '', s.city ?? ''), s]));
  const title1 = (s: TransferTownship) =>
    `${placeName(s, lang)}: ${t.ui.statuses[s.status]}, ${h.beforeAfter(formatIndex(s.loadIndexBefore), formatIndex(s.loadIndexAfter))}`;
  const flows = plan.flows.map((f) => ({ ...f, ...flowEnds(f) }));
  const flowTitle = (f: (typeof flows)[number]) => h.flowTitle(placeName(f.fromEnd, lang), placeName(f.toEnd, lang), formatCount(f.pe, lang), formatNumber(f.km, 1));
  const statuses = statusCounts(plan.townships).map(([s]) => s);
  const mapSection = map
    ? `<section class="chart">\n<h2>${esc(h.transferMap)}</h2>\n${mapLegend(map, statuses, t)}\n${mapSvg(
        map,
        (key) => {
          const s = byKey.get(key);
          return s && { colour: COLOUR[s.status], status: s.status, title: title1(s) };
        },
        { title: h.transferMap, offData: h.offData, km: h.km(formatNumber(map.scale.km, map.scale.km < 1 ? 1 : 0)) },
        flows.map((f) => ({
          from: townshipKey(f.from, f.fromCounty ?? '', f.fromCity ?? ''),
          to: townshipKey(f.to, f.toCounty ?? '', f.toCity ?? ''),
          weight: f.pe,
          title: flowTitle(f),
        })),
      )}\n</section>\n`
    : '';
  const flowWan = wan(flows.map((f) => f.pe));
  const flowTable = `<table><thead><tr><th>${esc(x.from)}</th><th>${esc(x.to)}</th><th class="num">${esc(x.pe)}</th><th class="num">${esc(x.km)}</th></tr></thead><tbody>${flows
    .map(
      (f) =>
        `<tr class="flow"><td>${esc(placeName(f.fromEnd, lang))}</td><td>${esc(placeName(f.toEnd, lang))}</td><td class="num">${formatCount(f.pe, lang, flowWan)}</td><td class="num">${formatNumber(f.km, 1)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const towns = townshipRows(plan, lang, t);
  // The name and the reason are text, the rest numbers.
  const numeric = (i: number) => i > 0 && i < towns.head.length - 1;
  const townTable = `<table><thead><tr>${towns.head.map((l, i) => `<th class="${numeric(i) ? 'num' : ''}">${esc(l)}</th>`).join('')}</tr></thead><tbody>${towns.rows
    .map((r, i) => `<tr class="status-${towns.moved[i]!.status}">${r.map((v, j) => `<td class="${numeric(j) ? 'num' : ''}">${esc(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
  return `${pageHead(lang, title)}
<body>
<main>
<header>
<h1>${esc(title)}</h1>
</header>
<section class="summary" id="summary">
<div class="cards">
${card(x.surplus, formatCount(plan.total.surplusPe, lang))}
${card(x.placed, formatCount(plan.total.placedPe, lang))}
${card(x.unplaced, formatCount(plan.total.unplacedPe, lang))}
${card(x.peKm, formatNumber(plan.total.peKm))}
</div>
<p class="sentence">${esc(planSummary(plan, lang, t))}</p>
</section>
${mapSection}<section class="table">
<h2>${esc(x.flows)}</h2>
${flows.length > 0 ? flowTable : `<p class="note">${esc(x.none)}</p>`}
</section>
<section class="table">
<h2>${esc(x.townships)}</h2>
${townTable}
</section>
<footer>${esc(h.transferFooter(meta.generator ?? 'landcap'))}</footer>
</main>
</body>
</html>
`;
}
