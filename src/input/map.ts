/**
 * A map of the townships (docs/transfer.md, maps): a GeoJSON FeatureCollection whose Polygon and MultiPolygon
 * features name their township. Each feature is checked where it is written (its line and column in the file), its
 * rings wound the way the drawing needs, and its area centroid taken as the township's location.
 */
import { isUtf8 } from 'node:buffer';
import type { LonLat } from '../method/transfer.js';
import { ParameterError } from '../params/errors.js';
import { lineAndColumn, linesAndColumns, readJsonText } from '../params/load.js';
import type { ProblemLog } from '../problems.js';
import { matchHeader } from './columns.js';
import { decodeInput } from './encoding.js';
import { EncodingError, type Encoding, type EncodingOption } from './errors.js';
import { withinChina, type PlaceRow } from './places.js';
import { townshipKey } from './township.js';

/** A polygon: its rings of [longitude, latitude], the outer ring first. */
export type Rings = readonly (readonly (readonly [number, number])[])[];

/** A township as the map draws it: where the file has it, its polygons, and its area centroid as its location. */
export interface MapShape extends PlaceRow {
  readonly column: number;
  /** The feature's number in the file, from 1. */
  readonly feature: number;
  readonly polygons: readonly Rings[];
}

/**
 * What a map's properties may call a township's name, county and city besides the places file's headers (乡镇, 县,
 * 市, township …): GIS layers' own names and the pinyin abbreviations of Chinese administrative data (XZMC 乡镇名称,
 * XMC 县名称, SMC 市名称).
 */
const PROPERTY_FIELDS: Readonly<Record<string, 'township' | 'county' | 'city'>> = {
  name: 'township',
  名称: 'township',
  xzqmc: 'township',
  xzmc: 'township',
  xmc: 'county',
  qxmc: 'county',
  smc: 'city',
  dsmc: 'city',
};

/**
 * Reads a map: its features by township key, each located at its area centroid, and the encoding it was written in.
 * GeoJSON is UTF-8; a map exported in GBK (GB18030) is read as the CSV files are (`encoding`: auto tells the two
 * apart). A file that is not text in either, or not JSON, is an error of the file (exit 2, at its line); JSON that is
 * not a map, or a feature that cannot be drawn or named, is a problem at its line (no map, when the file is not one).
 */
export async function readTownshipMap(
  path: string,
  log: ProblemLog,
  encoding: EncodingOption = 'auto',
): Promise<{ readonly shapes: Map<string, MapShape> | undefined; readonly encoding: Encoding }> {
  let read: Encoding = 'utf-8';
  const decode = async (bytes: Buffer): Promise<string> => {
    // UTF-8, as GeoJSON is, whatever --encoding says of the CSV files given with it.
    const option = isUtf8(bytes) ? 'auto' : encoding;
    try {
      const decoded = await decodeInput(bytes, option);
      read = decoded.encoding;
      const text = decoded.bytes.toString('utf8');
      // A forced encoding makes bytes it cannot decode U+FFFD: names read wrong, refused at their line.
      const bad = decoded.replaced ? text.indexOf('\uFFFD') : -1;
      if (bad !== -1) throw new EncodingError(lineAndColumn(text, bad).line, `given:${option}`);
      return text;
    } catch (error) {
      if (error instanceof EncodingError) throw new ParameterError(path, 'not-text', { line: error.line, encoding: option === 'auto' ? 'UTF-8 / GB18030' : option });
      throw error;
    }
  };
  const { value: json, text } = await readJsonText(path, decode);
  return { shapes: await mapShapes(path, json, text, log), encoding: read };
}

/** The township shapes of a map's JSON (its text, to locate each feature). */
async function mapShapes(path: string, json: unknown, text: string, log: ProblemLog): Promise<Map<string, MapShape> | undefined> {
  const d3 = await import('d3-geo');
  const at = linesAndColumns(text, featureOffsets(text));
  const shapes = new Map<string, MapShape>();
  const features = featuresOf(json);
  if (!features) {
    log.report({ file: path, line: 1, column: 1 }, 'map-not-features', {});
    return undefined;
  }
  let unnamed = 0;
  let outsideChina = 0;
  features.forEach((f, i) => {
    const where = { file: path, ...(at[i] ?? { line: 1, column: 1 }) };
    const feature = i + 1;
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    const id = nameOf(props);
    if (!id) {
      unnamed++;
      return log.report(where, 'map-feature-unnamed', { feature, properties: Object.keys(props).slice(0, 6).join(', ') });
    }
    const geometry = isObject(f) && isObject(f.geometry) ? f.geometry : undefined;
    const polygons = polygonsOf(geometry);
    if (!polygons) return log.report(where, 'map-feature-invalid', { feature, township: id.name, type: String(geometry?.type ?? '') });
    const outside = polygons.flat(2).find(([lon, lat]) => !withinChina('lon', lon) || !withinChina('lat', lat));
    if (outside) {
      outsideChina++;
      const swapped = polygons.flat(2).every(([lon, lat]) => withinChina('lon', lat) && withinChina('lat', lon));
      return log.report(where, 'map-outside-china', { feature, township: id.name, lon: outside[0], lat: outside[1], swapped: swapped ? 'yes' : 'no' });
    }
    const key = townshipKey(id.name, id.county, id.city);
    const before = shapes.get(key);
    // Two features of one name and no county: two counties' townships as likely as one's two parts — not guessed.
    if (before && id.county === '' && id.city === '')
      return log.report(where, 'township-ambiguous', { township: id.name, places: `feature ${before.feature} / feature ${feature}` });
    if (before) log.report(where, 'map-township-repeated', { township: id.name, feature, first: before.feature });
    // d3-geo reads a ring by its winding: an outer ring must enclose less than half the sphere, a hole more (the sphere
    // but the hole). Each ring is turned that needs it, whichever way the file winds them.
    const ringArea = (r: Rings[number]) => d3.geoArea({ type: 'Polygon', coordinates: [r as [number, number][]] });
    const wound = polygons.map((rings) => rings.map((r, k) => ((ringArea(r) > 2 * Math.PI) === (k === 0) ? [...r].reverse() : r)));
    const all = [...(before?.polygons ?? []), ...wound];
    const [lon, lat] = d3.geoCentroid({ type: 'MultiPolygon', coordinates: all as [number, number][][][] });
    shapes.set(key, { ...(before ?? { ...where, feature }), township: key, at: { lon, lat } satisfies LonLat, polygons: all });
  });
  // A map none of whose features is named: its name property is one landcap does not know. One with no township
  // drawn at all (no features, or only points): not a map of the townships.
  // (Features outside China have said why they are left out.)
  if (shapes.size === 0 && outsideChina === 0 && (features.length === 0 || unnamed < features.length)) log.report({ file: path, line: 1, column: 1 }, 'map-not-features', {});
  if (features.length > 0 && unnamed === features.length) {
    const first = features[0];
    const props = isObject(first) && isObject(first.properties) ? Object.keys(first.properties) : [];
    log.report({ file: path, line: 1, column: 1 }, 'map-no-names', { properties: props.slice(0, 8).join(', ') });
  }
  return shapes;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A FeatureCollection's features, or a single Feature as one; undefined when the JSON is neither. */
function featuresOf(json: unknown): unknown[] | undefined {
  if (!isObject(json)) return undefined;
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) return json.features;
  if (json.type === 'Feature') return [json];
  return undefined;
}

/** The township a feature's properties name, read by the places file's headers (乡镇, 县, 市 …) or name/名称. */
function nameOf(props: Record<string, unknown>): { name: string; county: string; city: string } | undefined {
  const found: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const m = matchHeader('places', key);
    const field = m.ok ? m.match.field : PROPERTY_FIELDS[key.trim().toLowerCase()];
    if (field && !(field in found)) found[field] = value.trim();
  }
  return found.township === undefined ? undefined : { name: found.township, county: found.county ?? '', city: found.city ?? '' };
}

/** A Polygon's or MultiPolygon's polygons, each ring of at least four positions of two finite numbers; else undefined. */
function polygonsOf(geometry: Record<string, unknown> | undefined): Rings[] | undefined {
  const c = geometry?.coordinates;
  const polygons = geometry?.type === 'Polygon' ? [c] : geometry?.type === 'MultiPolygon' && Array.isArray(c) ? c : undefined;
  if (!polygons || polygons.length === 0) return undefined;
  const position = (p: unknown): p is [number, number] => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  // A ring ends where it starts (GeoJSON): an open one would lose its last corner.
  const ring = (r: unknown): r is [number, number][] =>
    Array.isArray(r) && r.length >= 4 && r.every(position) && r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1];
  const polygon = (p: unknown): p is [number, number][][] => Array.isArray(p) && p.length > 0 && p.every(ring);
  return polygons.every(polygon) ? polygons.map((p) => p.map((r) => r.map(([lon, lat]) => [lon, lat] as const))) : undefined;
}

/**
 * Where each feature of `features` starts in the text, in order: the elements of the array under the top object's
 * "features" key (or the top object itself when it is one Feature).
 */
function featureOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inFeatures = false;
  let lastKey = '';
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (expectElement) offsets.push(i);
      expectElement = false;
      if (depth === 1) lastKey = text.slice(i + 1, end);
      i = end;
    } else if (c === '{' || c === '[') {
      if (depth === 0 && c === '{') offsets.push(i);
      if (expectElement) offsets.push(i);
      expectElement = false;
      depth++;
      if (depth === 2 && c === '[' && lastKey === 'features') {
        inFeatures = true;
        offsets.length = 0;
        expectElement = true;
      }
    } else if (c === '}' || c === ']') {
      expectElement = false;
      depth--;
      if (depth === 1) inFeatures = false;
    } else if (c === ',' && inFeatures && depth === 2) expectElement = true;
    else if (expectElement && !/\s/.test(c)) {
      offsets.push(i);
      expectElement = false;
    }
  }
  return offsets;
}
