/**
 * A map as inline SVG for the HTML pages (report and transfer): one path per township of the map, filled by its status,
 * flows as arrows, a legend of the statuses drawn and a scale bar. Text is escaped; nothing is fetched.
 */
import { htmlText as esc } from '../safe-text.js';
import type { MapDrawing } from './map-drawing.js';

/** How a township of the data is drawn: its fill, its class, and the text of its tooltip. */
export interface MapFill {
  readonly colour: string;
  readonly status: string;
  readonly title: string;
}

/** A flow to draw: from and to by township key, its width's weight, and its tooltip. */
export interface MapArrow {
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  readonly title: string;
}

/** The most townships whose seats and names are drawn on the map (a county's; a province's would cover it). */
const MAX_LABELS = 120;

/** Grey: a township of the map that is not in the data. */
export const OFF_DATA = '#d5d9dc';

/**
 * The SVG of a map: `fill` colours each township of the data (by key); the map's others are grey. Arrows run from
 * point to point, their width by weight (the widest 6 units).
 */
export function mapSvg(
  drawing: MapDrawing,
  fill: (key: string) => MapFill | undefined,
  labels: { readonly title: string; readonly offData: string; readonly km: string },
  arrows: readonly MapArrow[] = [],
): string {
  const { width, height, scale } = drawing;
  const parts = [
    `<svg id="map" viewBox="0 0 ${width} ${height + 30}" style="max-width:${width}px" role="img" aria-label="${esc(labels.title)}">`,
    '<defs><marker id="arrow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="4" markerHeight="4" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#1d2327"/></marker></defs>',
    // Borders as thin as the townships are many: a province's small shapes keep their colour.
    `<g class="townships" stroke="#fff" stroke-width="${drawing.shapes.length > 1000 ? 0.1 : drawing.shapes.length > 200 ? 0.4 : 0.8}">`,
  ];
  for (const s of drawing.shapes) {
    const f = s.key === undefined ? undefined : fill(s.key);
    const title = f?.title ?? `${s.label}${labels.offData ? ` (${labels.offData})` : ''}`;
    parts.push(
      `<path class="township ${f ? `status-${f.status}` : 'off-data'}" data-township="${esc(s.label)}" fill="${f?.colour ?? OFF_DATA}" d="${s.d}"><title>${esc(title)}</title></path>`,
    );
  }
  parts.push('</g>');
  const heaviest = arrows.reduce((max, a) => Math.max(max, a.weight), 0);
  if (arrows.length > 0) {
    parts.push('<g class="flows" stroke="#1d2327" stroke-opacity="0.8" fill="none" marker-end="url(#arrow-head)">');
    for (const a of arrows) {
      const [from, to] = [drawing.points.get(a.from), drawing.points.get(a.to)];
      if (!from || !to) continue;
      const w = 1 + 5 * Math.sqrt(heaviest > 0 ? a.weight / heaviest : 0);
      parts.push(
        `<line class="flow" x1="${from[0]}" y1="${from[1]}" x2="${to[0]}" y2="${to[1]}" stroke-width="${w.toFixed(1)}"><title>${esc(a.title)}</title></line>`,
      );
    }
    parts.push('</g>');
  }
  // The townships' seats and names, while there are few enough to read (a county's, not a province's).
  const located = drawing.shapes.flatMap((s) => {
    const at = s.key === undefined ? undefined : drawing.points.get(s.key);
    return at ? [{ at, label: s.label }] : [];
  });
  if (located.length <= MAX_LABELS)
    parts.push(
      '<g class="seats">',
      ...located.map(({ at, label }) => `<circle cx="${at[0]}" cy="${at[1]}" r="2.5" fill="#1d2327"/><text class="value" x="${at[0] + 5}" y="${at[1] - 5}">${esc(label)}</text>`),
      '</g>',
    );
  const y = height + 18;
  parts.push(
    `<g class="scale-bar"><line x1="12" x2="${12 + scale.length}" y1="${y}" y2="${y}" stroke="#1d2327" stroke-width="2"/>`,
    `<line x1="12" x2="12" y1="${y - 5}" y2="${y + 1}" stroke="#1d2327"/><line x1="${12 + scale.length}" x2="${12 + scale.length}" y1="${y - 5}" y2="${y + 1}" stroke="#1d2327"/>`,
    `<text x="${18 + scale.length}" y="${y + 4}">${esc(labels.km)}</text></g>`,
    '</svg>',
  );
  return parts.join('\n');
}
