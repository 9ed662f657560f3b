import { invisibleCharacter, showInvisible } from '../safe-text.js';
import type { CellSource } from './csv.js';
import type { Column, Row } from './table.js';

/**
 * The labels of a totals row where a township's name would be (合计, 全区, 全县合计, 小计, Total …), after spaces
 * and full-width forms are folded: a yearbook table's last row, which must not count as one more township.
 */
const TOTAL_LABEL = /^(?:全(?:区|县|市|镇|乡|旗)(?:合计|总计)?|合计|总计|小计|总数|共计|总和|total|grandtotal)$/;

/** A character every totals label has (looked for first: most names have none). */
const TOTAL_MARK = /[合总小全共ｔtＴT]/;

/** Whether a township cell holds a totals row's label. */
export function isTotalLabel(name: string): boolean {
  return TOTAL_MARK.test(name) && TOTAL_LABEL.test(name.normalize('NFKC').replace(/\s+/g, '').toLowerCase());
}

/** A township cell read: the name, its number in the file (in order of first appearance), and whether it is a totals row's label rather than a township. */
export interface TownshipCell {
  readonly name: string;
  readonly id: number;
  readonly total: boolean;
}

/** The township of a file without a township column (a farm's): all its rows are the one farm's. */
export const NO_TOWNSHIP: TownshipCell = { name: '', id: 0, total: false };

/**
 * Reads a file's township column, row by row: the name (required), whether the row is a totals row, and — once per
 * name — a warning when the name holds a character that is there and not seen (甲\u200b镇 is not 甲镇). Files list a
 * township's rows together: a cell as the one before is not read again.
 */
export class TownshipColumn {
  private lastSource: CellSource = '';
  private last: TownshipCell | undefined;
  private readonly warned = new Set<string>();
  /** Every name read, with its number; totals rows' labels among them. */
  private readonly ids = new Map<string, number>();
  /** The townships read (not totals rows), even on rows with other errors. */
  readonly names = new Set<string>();

  constructor(private readonly column: Column | undefined) {}

  read(row: Row): TownshipCell | undefined {
    const { column } = this;
    if (!column) return undefined;
    if (this.last && row.cells.is(column.index, this.lastSource)) return this.last;
    const name = row.required(column);
    if (name === undefined) return (this.last = undefined);
    this.lastSource = row.cells.source(column.index);
    const invisible = invisibleCharacter(name);
    if (invisible !== undefined && !this.warned.has(name)) {
      this.warned.add(name);
      row.report(column, 'name-invisible-character', { name: showInvisible(name), character: invisible });
    }
    let id = this.ids.get(name);
    if (id === undefined) this.ids.set(name, (id = this.ids.size));
    const total = isTotalLabel(name);
    if (!total) this.names.add(name);
    return (this.last = { name, id, total });
  }
}
