import type { ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import type { RegionLevel } from '../report/regions.js';
import type { MapDrawing } from './map-drawing.js';

/** Extra columns of the report's table, Markdown, HTML and CSV. */
export interface ColumnChoice {
  /** Headroom in head of each guide species (`--headroom`). */
  readonly headroom?: boolean;
  /** Capacity at both ends of the guide's use-rate range (`--range`). */
  readonly range?: boolean;
}

/** The heading of the HTML page. */
export interface HtmlMeta {
  readonly title?: string;
  readonly region?: string;
  readonly year?: string;
  /** "landcap 0.1.0", for the footer. */
  readonly generator?: string;
}

/** What every renderer is given besides its document: the language and its words, colours, and the choices of the run. */
export interface RenderContext {
  readonly lang: Lang;
  readonly t: Messages;
  /** Colours for the terminal (a level-0 instance for none). */
  readonly chalk: ChalkInstance;
  /** Extra columns for the report's table, Markdown, HTML and CSV (JSON always has everything). */
  readonly columns?: ColumnChoice;
  /** Rows of one region level only, its subtotals and the total (`--by county|city`). */
  readonly by?: RegionLevel;
  /** The terminal's width, for a table to fit (none: as wide as it needs). */
  readonly width?: number;
  /** Title, region and year for the HTML page. */
  readonly meta?: HtmlMeta;
  /** The townships' map, projected, for the HTML page (`--map`). */
  readonly map?: MapDrawing;
}

/** A rendered document: text, text in parts to write one after another (a national report's JSON), or a workbook's bytes. */
export type Rendered = string | Iterable<string> | Uint8Array;

/** Every renderer has this signature: the document, and the context. */
export type Renderer<D> = (doc: D, ctx: RenderContext) => Rendered;
