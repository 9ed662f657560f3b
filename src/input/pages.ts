import type { Cells } from './csv.js';

/** A title or header line, known again where a table continues on a new page: the same cells, spaces aside. */
class LineAgain {
  /** The first cell with text, to tell other rows apart at once where they stand (Cells.isText). */
  private readonly first: number;
  private readonly firstText: string;
  private readonly firstBytes: Uint8Array;
  private readonly cells: readonly string[];

  constructor(
    readonly line: number,
    cells: readonly string[],
  ) {
    this.cells = cells.map((c) => c.trim());
    this.first = Math.max(0, this.cells.findIndex((c) => c !== ''));
    this.firstText = cells[this.first] ?? '';
    this.firstBytes = Buffer.from(this.firstText, 'utf8');
  }

  is(cells: Cells): boolean {
    if (!cells.isText(this.first, this.firstText, this.firstBytes)) return false;
    for (let i = 0; i < Math.max(cells.count, this.cells.length); i++) if (cells.raw(i).trim() !== (this.cells[i] ?? '')) return false;
    return true;
  }
}

/** A line saying the table goes on (续表, 表 3-2（续）). */
const CONTINUED_LINE = /续表|[（(]续[）)]/;

/** Whether a row is a line saying the table goes on: one cell of text, a few words, 续表 in them. */
function continued(cells: Cells): boolean {
  let only = -1;
  for (let i = 0; i < cells.count; i++) {
    if (cells.blank(i)) continue;
    if (only !== -1) return false;
    only = i;
  }
  const text = cells.raw(only);
  return text.length <= 40 && CONTINUED_LINE.test(text);
}

/**
 * A table printed over several pages repeats its title and header on each, often under a line saying 续表: none of
 * them is data. Knows them again by the title and header lines the file began with.
 */
export class PageBreaks {
  private readonly lines: readonly LineAgain[];

  constructor(lines: readonly { readonly line: number; readonly cells: readonly string[] }[]) {
    this.lines = lines.map((l) => new LineAgain(l.line, l.cells));
  }

  /** The line of the title or header a row repeats; 0 for a line saying the table continues; -1 for any other row. */
  repeated(cells: Cells): number {
    if (continued(cells)) return 0;
    for (const l of this.lines) if (l.is(cells)) return l.line;
    return -1;
  }
}
