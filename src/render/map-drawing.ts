/**
 * The townships of a map projected for drawing (docs/transfer.md, maps): an equal-area conic projection (Albers, the
 * standard parallels of maps of China, 25° and 47° N) turned to the map's own central meridian, so that north is up
 * and areas compare; fitted to a fixed width. Loaded only when a map is drawn: it brings d3-geo.
 */
import { geoConicEqualArea, geoPath } from 'd3-geo';
import { greatCircleKm, type LonLat } from '../method/transfer.js';

/** A township of the map to draw: its polygons, and the data township it is (its key) when it is one. */
export interface MapShapeInput {
  readonly key: string | undefined;
  readonly label: string;
  readonly polygons: readonly (readonly (readonly (readonly [number, number])[])[])[];
}

export interface MapDrawing {
  readonly width: number;
  readonly height: number;
  /** Each township of the map, in the map's order: its path, and the data township it is, when it is one. */
  readonly shapes: readonly { readonly key?: string; readonly label: string; readonly d: string }[];
  /** Each located township of the data at its point of the drawing (where flows start and end), by key. */
  readonly points: ReadonlyMap<string, readonly [number, number]>;
  /** A scale bar: a round number of km, and its length on the drawing (at the map's centre). */
  readonly scale: { readonly km: number; readonly length: number };
}

/** The drawing's largest size: a page's width, and a height that leaves room on a screen or an A4 page for its legend. */
const WIDTH = 900;
const HEIGHT = 640;
const MARGIN = 12;

/** The map's shapes and the data's locations, projected to a drawing WIDTH wide. */
export function drawMap(shapes: readonly MapShapeInput[], locations: ReadonlyMap<string, LonLat>): MapDrawing {
  const collection = {
    type: 'FeatureCollection' as const,
    features: shapes.map((s) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'MultiPolygon' as const, coordinates: s.polygons as [number, number][][][] },
    })),
  };
  const [[west, south], [east, north]] = geoPath().bounds(collection);
  const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
  const projection = geoConicEqualArea()
    .parallels([25, 47])
    .rotate([-centre[0], 0])
    .fitExtent(
      [
        [MARGIN, MARGIN],
        [WIDTH - MARGIN, HEIGHT - MARGIN],
      ],
      collection,
    );
  const [[left, top], [right, bottom]] = geoPath(projection).bounds(collection);
  projection.translate([projection.translate()[0] - left + MARGIN, projection.translate()[1] - top + MARGIN]);
  const path = geoPath(projection).digits(1);
  const points = new Map<string, readonly [number, number]>();
  for (const [key, at] of locations) {
    const p = projection([at.lon, at.lat]);
    if (p) points.set(key, [round(p[0]), round(p[1])]);
  }
  const width = Math.ceil(right - left + 2 * MARGIN);
  return {
    width,
    height: Math.ceil(bottom - top + 2 * MARGIN),
    shapes: shapes.map((s, i) => ({ ...(s.key === undefined ? {} : { key: s.key }), label: s.label, d: path(collection.features[i]!) ?? '' })),
    points,
    scale: scaleBar(projection, centre, width),
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * A round length (1, 2 or 5 × 10ⁿ km) of at most half the drawing's width and near a fifth of the page's, measured
 * east from the map's centre.
 */
function scaleBar(projection: (p: [number, number]) => [number, number] | null, [lon, lat]: [number, number], width: number): { km: number; length: number } {
  const a = projection([lon, lat])!;
  const b = projection([lon + 0.1, lat])!;
  const perKm = Math.hypot(b[0] - a[0], b[1] - a[1]) / greatCircleKm({ lon, lat }, { lon: lon + 0.1, lat });
  const want = Math.min(WIDTH / 5, width / 2) / perKm;
  const power = 10 ** Math.floor(Math.log10(want));
  const km = [5, 2, 1].map((m) => m * power).find((k) => k <= want) ?? power;
  return { km, length: round(km * perKm) };
}
