import type { LonLat } from '../method/transfer.js';
import { RowKeys } from './row-keys.js';
import type { Column, Header, Row } from './table.js';
import { TownshipColumn } from './township.js';

/**
 * What a township's location can be: within China's extent (73°–136°E, 3°–54°N), so that a longitude and latitude
 * written the wrong way round (24.3, 109.4), or a place in another projection's metres, is caught at its cell.
 */
export const CHINA_EXTENT = { lon: [73, 136], lat: [3, 54] } as const;

/** Whether a longitude or latitude lies within China's extent. */
export function withinChina(axis: 'lon' | 'lat', value: number): boolean {
  return value >= CHINA_EXTENT[axis][0] && value <= CHINA_EXTENT[axis][1];
}

/** A township's location, as a places file gives it (docs/transfer.md). */
export interface PlaceRow {
  readonly file: string;
  readonly line: number;
  /** The township with its county and city when the file gives them (townshipKey). */
  readonly township: string;
  readonly at: LonLat;
}

/** Reads the rows of a places file, each cell checked by one rule: a location in decimal degrees, each township once. */
export class PlacesReader {
  private readonly township: TownshipColumn;
  private readonly townshipColumn: Column | undefined;
  private readonly lon: Column | undefined;
  private readonly lat: Column | undefined;
  private readonly seen = new RowKeys();

  constructor(header: Header) {
    const col = (field: string) => header.byField.get(field)?.[0];
    this.townshipColumn = col('township');
    this.township = new TownshipColumn(this.townshipColumn, col('county'), col('city'));
    this.lon = col('lon');
    this.lat = col('lat');
  }

  read(row: Row): PlaceRow | undefined {
    const cell = this.township.read(row);
    if (cell?.note || cell?.total) return undefined;
    const state = { bad: false };
    const lon = this.degrees(row, this.lon, 'lon', state);
    const lat = this.degrees(row, this.lat, 'lat', state);
    if (cell === undefined || lon === undefined || lat === undefined || state.bad) return undefined;
    const key = this.seen.intern('');
    const firstLine = this.seen.firstLine(cell.id, key, row.line);
    if (firstLine !== undefined) {
      row.report(this.townshipColumn, 'place-duplicate', { township: cell.name, firstLine });
      return undefined;
    }
    return { file: row.file, line: row.line, township: cell.key, at: { lon, lat } };
  }

  /** A longitude or latitude: required, a number, within China's extent. */
  private degrees(row: Row, column: Column | undefined, axis: 'lon' | 'lat', state: { bad: boolean }): number | undefined {
    const value = row.number(column, state);
    if (value === undefined) {
      if (!state.bad && column) row.report(column, 'cell-required', { header: row.headerOf(column) });
      state.bad = true;
      return undefined;
    }
    if (!withinChina(axis, value)) {
      const [min, max] = CHINA_EXTENT[axis];
      row.report(column, 'place-outside-china', { header: row.headerOf(column!), value, min, max });
      state.bad = true;
      return undefined;
    }
    return value;
  }
}
