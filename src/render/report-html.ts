import type { Lang } from '../i18n/index.js';
import { htmlText } from '../safe-text.js';
import type { Messages } from '../i18n/en.js';
import type { Status } from '../method/types.js';
import type { Balance } from '../method/balance.js';
import { balanceColumns, balanceRows, isRegion, placeName } from './columns.js';
import { countsInWan, formatCount, formatIndex, formatNumber } from './format.js';
import { coefficientLines, parameterLines, statusCounts, summarySentence } from './notes.js';
import type { Report } from '../report/report.js';
import type { RenderContext } from './context.js';
import type { MapDrawing } from './map-drawing.js';
import { OFF_DATA, mapSvg } from './map-svg.js';
import { townshipKey } from '../input/township.js';

const esc = htmlText;

/** Status colours, readable on screen and in greyscale print (each also has its word in the table and legend). */
export const COLOUR: Record<Status, string> = { ok: '#2e7d32', warning: '#e6a700', overloaded: '#c62828', 'no-land': '#7b1fa2' };

export const CSS = `
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Helvetica Neue",Arial,sans-serif;color:#1d2327;margin:0;background:#f6f7f8;line-height:1.45}
main{max-width:1000px;margin:0 auto;padding:24px;background:#fff}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.15rem;margin:28px 0 10px;border-bottom:2px solid #e3e6e8;padding-bottom:4px}
.meta{color:#5b646b;margin:0 0 16px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
.card{border:1px solid #e3e6e8;border-radius:6px;padding:10px 12px}
.card .label{font-size:.8rem;color:#5b646b}.card .value{font-size:1.35rem;font-weight:600;font-variant-numeric:tabular-nums}
.statuses{margin:12px 0 0;display:flex;gap:8px;flex-wrap:wrap}
.chip{border-radius:999px;padding:2px 10px;color:#fff;font-size:.85rem}
.sentence{margin:12px 0 0}
svg{width:100%;height:auto;display:block}
svg text{font-size:11px;fill:#1d2327}svg text.value{paint-order:stroke;stroke:#fff;stroke-width:3px}
svg .axis{stroke:#9aa3a9;stroke-width:1}svg .grid{stroke:#e3e6e8;stroke-width:1}
svg .ref{stroke-width:1.5;stroke-dasharray:5 4}svg .capacity{fill:#cfd8dc}
table{border-collapse:collapse;width:100%;font-size:.85rem;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #e3e6e8;padding:4px 6px;text-align:left}th{background:#f0f2f3}
td.num,th.num{text-align:right}tr.total td{font-weight:700;border-top:2px solid #1d2327}tr.subtotal td{font-weight:700;background:#f3f4f5}
.status{font-weight:600}
ul.notes{font-size:.85rem;color:#39424a;padding-left:18px}
p.note{font-size:.85rem;color:#39424a;margin:4px 0}
footer{margin-top:28px;font-size:.75rem;color:#5b646b}
.legend{display:flex;gap:14px;font-size:.8rem;margin:4px 0}.legend span::before{content:"";display:inline-block;width:10px;height:10px;margin-right:4px;background:var(--c)}
@media print{body{background:#fff}main{max-width:none;padding:0}.card{break-inside:avoid}section{break-inside:avoid}section.table{break-inside:auto}tr{break-inside:avoid}h2{break-after:avoid}}
@page{size:A4;margin:14mm 12mm}
`;

/** Both charts' layout: the width of the names, of the whole, of a bar and between bars. */
const CHART = { label: 150, width: 820, bar: 16, gap: 6 } as const;

/** Townships in the charts' order: highest load index first, those without capacity (no load index) above them. */
function byLoadIndex(townships: readonly Balance[]): Balance[] {
  return [...townships].sort((a, b) => (b.loadIndex ?? Infinity) - (a.loadIndex ?? Infinity));
}

/** The most townships a chart draws, the most loaded ones: a county's fit on a page; the table lists every township. */
export const CHART_TOWNSHIPS = 60;

/**
 * Ticks for an axis from 0 to `max`: at most about `count`, at a step of 1, 2 or 5 times a power of ten — a handful
 * whatever the largest value is (a load index of millions draws no more lines than one of 2).
 */
export function axisTicks(max: number, count = 6): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => max / s <= count)!;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Horizontal bars of the load index, highest first, coloured by status, with reference lines at 0.7 and 1.0. */
function loadChart(rows: readonly Balance[], t: Messages, lang: Lang, thresholds: readonly number[], id = 'load-chart', title = t.ui.html.loadChart): string {
  const { label, width, bar, gap } = CHART;
  const top = 24;
  const plot = width - label - 60;
  const max = Math.max(1.2, ...rows.map((r) => (Number.isFinite(r.loadIndex) ? r.loadIndex! : 0))) * 1.05;
  const x = (v: number) => label + (Math.min(v, max) / max) * plot;
  const height = top + rows.length * (bar + gap) + 24;
  const parts = [`<svg id="${id}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`];
  for (const v of axisTicks(max))
    parts.push(
      `<line class="grid" x1="${x(v)}" x2="${x(v)}" y1="${top - 6}" y2="${height - 20}"/><text x="${x(v)}" y="${height - 6}" text-anchor="middle">${v < 10 ? v.toFixed(1) : formatNumber(v)}</text>`,
    );
  rows.forEach((r, i) => {
    const y = top + i * (bar + gap);
    const value = r.loadIndex ?? 0;
    const shown = r.loadIndex === null ? t.ui.statuses[r.status] : formatIndex(r.loadIndex);
    parts.push(
      `<g><text x="${label - 6}" y="${y + bar - 4}" text-anchor="end">${esc(placeName(r, lang))}</text>` +
        `<rect class="bar status-${r.status}" data-township="${esc(placeName(r, lang))}" data-load-index="${r.loadIndex ?? ''}" x="${label}" y="${y}" width="${Math.max(0, x(value) - label)}" height="${bar}" fill="${COLOUR[r.status]}"><title>${esc(`${t.ui.label(placeName(r, lang), shown)}${t.ui.paren(t.ui.statuses[r.status])}`)}</title></rect>` +
        `<text class="value" x="${x(value) + 4}" y="${y + bar - 4}">${shown}</text></g>`,
    );
  });
  for (const [i, v] of thresholds.entries()) {
    const colour = i === 0 ? COLOUR.warning : COLOUR.overloaded;
    parts.push(
      `<line class="ref" x1="${x(v)}" x2="${x(v)}" y1="${top - 10}" y2="${height - 20}" stroke="${colour}"/><text x="${x(v)}" y="${top - 12}" text-anchor="middle" fill="${colour}">${v.toFixed(1)}</text>`,
    );
  }
  parts.push(`<line class="axis" x1="${label}" x2="${label}" y1="${top - 6}" y2="${height - 20}"/></svg>`);
  return parts.join('');
}

/** Per township, capacity (light) behind stock (coloured by status), on one scale. */
function stockCapacityChart(rows: readonly Balance[], t: Messages, lang: Lang): string {
  const { label, width, bar, gap } = CHART;
  const top = 10;
  const plot = width - label - 90;
  const max = Math.max(1, ...rows.flatMap((r) => [r.capacityPe, r.stockPe])) * 1.02;
  const w = (v: number) => (Math.max(0, v) / max) * plot;
  const height = top + rows.length * (bar + gap) + 10;
  const parts = [`<svg id="stock-capacity-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(t.ui.html.stockCapacityChart)}">`];
  rows.forEach((r, i) => {
    const y = top + i * (bar + gap);
    parts.push(
      `<g><text x="${label - 6}" y="${y + bar - 4}" text-anchor="end">${esc(placeName(r, lang))}</text>` +
        `<rect class="capacity" x="${label}" y="${y}" width="${w(r.capacityPe)}" height="${bar}"><title>${esc(t.ui.label(t.ui.capacityPe, formatCount(r.capacityPe, lang)))}</title></rect>` +
        `<rect class="stock status-${r.status}" x="${label}" y="${y + 4}" width="${w(r.stockPe)}" height="${bar - 8}" fill="${COLOUR[r.status]}"><title>${esc(t.ui.label(t.ui.stockPe, formatCount(r.stockPe, lang)))}</title></rect>` +
        `<text x="${label + Math.max(w(r.capacityPe), w(r.stockPe)) + 4}" y="${y + bar - 4}">${formatCount(r.stockPe, lang)} / ${formatCount(r.capacityPe, lang)}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A page's start, to its head's end: its language, its title, and the page's style. */
export function pageHead(lang: Lang, title: string): string {
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>`;
}

/** The legend of the statuses drawn. */
export function statusLegend(statuses: readonly Status[], t: Messages): string {
  return statuses.map((s) => `<span style="--c:${COLOUR[s]}">${esc(t.ui.statuses[s])}</span>`).join('');
}

/** A map's legend: the statuses drawn, grey for the map's townships that are not in the data, and the scale. */
export function mapLegend(map: MapDrawing, statuses: readonly Status[], t: Messages): string {
  const offData = map.shapes.some((s) => s.key === undefined) ? `<span style="--c:${OFF_DATA}">${esc(t.ui.html.offData)}</span>` : '';
  return `<div class="legend">${statusLegend(statuses, t)}${offData}</div>`;
}

/** The report's townships on the map, each filled by its status, its load index in its tooltip. */
function reportMap(report: Report, map: MapDrawing, lang: Lang, t: Messages): string {
  const byKey = new Map(report.townships.map((b) => [townshipKey(b.name, b.county ?? '', b.city ?? ''), b]));
  return mapSvg(
    map,
    (key) => {
      const b = byKey.get(key);
      if (!b) return undefined;
      const shown = b.loadIndex === null ? '' : `${t.ui.label(t.ui.html.loadIndex, formatIndex(b.loadIndex))} `;
      return { colour: COLOUR[b.status], status: b.status, title: `${placeName(b, lang)}: ${shown}${t.ui.paren(t.ui.statuses[b.status])}` };
    },
    { title: t.ui.html.map, offData: t.ui.html.offData, km: t.ui.html.km(formatNumber(map.scale.km, map.scale.km < 1 ? 1 : 0)) },
  );
}

/** One self-contained HTML page: inline CSS and SVG, no scripts, fonts or other requests; fit for A4 print. */
export function renderHtml(
  report: Report,
  { lang, t, meta = {}, columns: choice = {}, by, map }: RenderContext,
  thresholds: readonly number[] = [0.7, 1.0],
): string {
  const h = t.ui.html;
  const title = meta.title ?? t.ui.title(t.ui.basisName[report.basis]);
  const subtitle = [meta.region, meta.year].filter(Boolean).join(' · ');
  const total = report.total;
  const columns = balanceColumns(report, choice, by).filter((c) => c.only !== 'csv');
  const counts = statusCounts(report.townships);
  const card = (label: string, value: string) => `<div class="card"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div></div>`;
  const table = [
    `<table><thead><tr>${columns.map((c) => `<th class="${c.numeric ? 'num' : ''}">${esc(c.label(t))}</th>`).join('')}</tr></thead><tbody>`,
    ...balanceRows(report, by).map(
      (b) =>
        `<tr class="${b === total ? 'total' : isRegion(b) ? `subtotal status-${b.status}` : `status-${b.status}`}">${columns
          .map((c) => {
            const text = esc(c.display(b, lang, t));
            if (c.key === 'status') return `<td class="status" style="color:${COLOUR[b.status]}">${text}</td>`;
            return `<td class="${c.numeric ? 'num' : ''}">${text}</td>`;
          })
          .join('')}</tr>`,
    ),
    '</tbody></table>',
  ].join('\n');
  // A province's townships make no chart anyone reads: the most loaded are drawn, and the page says so.
  const charted = byLoadIndex(report.townships).slice(0, CHART_TOWNSHIPS);
  const chartNote = charted.length < report.townships.length ? `<p class="note">${esc(h.chartMostLoaded(charted.length, report.townships.length))}</p>\n` : '';
  // A card's figure in the unit of its column in the table (万 in Chinese when the column is).
  const wan = (get: (b: Balance) => number) => countsInWan(balanceRows(report, by).map(get));
  const counties = report.regions.filter((r) => r.level === 'county');
  const countyChart =
    counties.length > 1
      ? `<section class="chart">\n<h2>${esc(h.countyChart)}</h2>\n${loadChart(byLoadIndex(counties).slice(0, CHART_TOWNSHIPS), t, lang, thresholds, 'county-chart', h.countyChart)}\n</section>\n`
      : '';
  const legend = statusLegend(counts.map(([s]) => s), t);
  const mapSection = map
    ? `<section class="chart">\n<h2>${esc(h.map)}</h2>\n${mapLegend(map, counts.map(([s]) => s), t)}\n${reportMap(report, map, lang, t)}\n</section>\n`
    : '';
  return `${pageHead(lang, `${title}${subtitle ? ` — ${subtitle}` : ''}`)}
<body>
<main>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${esc([subtitle, h.basis(t.ui.basisName[report.basis])].filter(Boolean).join(' · '))}</p>
</header>
<section class="summary" id="summary">
<div class="cards">
${card(
  h.totalCapacity,
  formatCount(
    total.capacityPe,
    lang,
    wan((b) => b.capacityPe),
  ),
)}
${card(
  h.totalStock,
  formatCount(
    total.stockPe,
    lang,
    wan((b) => b.stockPe),
  ),
)}
${card(h.loadIndex, `${formatIndex(total.loadIndex)}${total.grade ? t.ui.paren(total.grade) : ''}`)}
${card(
  h.headroom,
  formatCount(
    total.headroomPe,
    lang,
    wan((b) => b.headroomPe),
  ),
)}
</div>
<div class="statuses">${counts.map(([s, n]) => `<span class="chip" style="background:${COLOUR[s]}">${esc(t.ui.statuses[s])} ${n}</span>`).join('')}</div>
<p class="sentence">${esc(summarySentence(report, lang, t))}</p>
</section>
${mapSection}<section class="chart">
<h2>${esc(h.loadChart)}</h2>
<div class="legend">${legend}</div>
${chartNote}${loadChart(charted, t, lang, thresholds)}
</section>
${countyChart}<section class="chart">
<h2>${esc(h.stockCapacityChart)}</h2>
<div class="legend"><span style="--c:#cfd8dc">${esc(t.ui.capacityPe)}</span><span style="--c:#455a64">${esc(t.ui.stockPe)}</span></div>
${chartNote}${stockCapacityChart(charted, t, lang)}
</section>
<section class="table">
<h2>${esc(by === undefined ? h.table : h.regionTable[by])}</h2>
${table}
</section>
<section class="notes">
<h2>${esc(t.ui.parametersHeading)}</h2>
<ul class="notes">${parameterLines(report, t)
    .map((p) => `<li>${esc(t.ui.label(p.name, p.value))}<span class="source">${esc(t.ui.paren(p.source))}</span></li>`)
    .join('')}</ul>
<h2>${esc(t.ui.coefficientsHeading)}</h2>
<ul class="notes">${coefficientLines(report, lang, t)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('')}</ul>
</section>
<footer>${esc(h.footer(meta.generator ?? 'landcap'))}</footer>
</main>
</body>
</html>
`;
}
