import type { MapDrawing } from '../render/map-drawing.js';
import type { Dataset } from '../tally/dataset.js';
import { townshipIdOf, townshipLabel } from '../input/township.js';
import type { LonLat } from '../method/transfer.js';

/**
 * The dataset's map projected for drawing, each shape with the data township it is (by key) and each located
 * township at its point; undefined without a map. The projection (d3-geo) loads only here.
 */
export async function drawingOf(dataset: Dataset): Promise<MapDrawing | undefined> {
  const { map } = dataset;
  if (!map || map.size === 0) return undefined;
  const { drawMap } = await import('../render/map-drawing.js');
  const keyOf = new Map<object, string>();
  const locations = new Map<string, LonLat>();
  for (const key of dataset.townships.keys()) {
    const shape = map.of(key);
    if (shape) keyOf.set(shape, key);
    const place = dataset.places.of(key);
    if (place) locations.set(key, place.at);
  }
  const shapes = [...map.values()].map((s) => ({ key: keyOf.get(s), label: townshipLabel(townshipIdOf(s.township)), polygons: s.polygons }));
  return drawMap(shapes, locations);
}
