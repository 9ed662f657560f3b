import type { Coefficients } from '../coefficients/coefficients.js';
import type { LineSink } from '../io/csv.js';
import { CropReader } from '../io/crops.js';
import { LivestockReader } from '../io/livestock.js';
import type { Column, Header, Row } from '../io/table.js';
import type { Nutrient } from '../method/types.js';
import type { ProblemLog } from '../validate/problems.js';
import type { RowAdjuster } from './dataset.js';
import type { GradeOf, Tally } from './tally.js';

/** The handler of one file's rows: each row checked by its kind's reader and, if good, added to the tally. */
export interface RowHandler {
  readonly onRow: (row: Row, header: Header) => void;
  /** The reader, once the header has made one (for the repeated-row check across parts of a file). */
  readonly reader: () => CropReader | LivestockReader | undefined;
  /** Reads clean lines in place (see readTableFile); absent when rows are changed (a scenario) or kept (explain). */
  readonly clean?: (header: Header) => LineSink | undefined;
}

export function cropRows(c: Coefficients, log: ProblemLog, nutrients: readonly Nutrient[], tally: Tally, adjust?: RowAdjuster, gradeOf?: GradeOf): RowHandler {
  let reader: CropReader | undefined;
  let townshipColumn: Column | undefined;
  let lastListed = '';
  const readerFor = (header: Header) => {
    if (!reader) {
      reader = new CropReader(header, c, log, { nutrients });
      townshipColumn = header.byField.get('township')?.[0];
    }
    return reader;
  };
  const listed = (township: string) => {
    if (township !== '' && township !== lastListed) tally.listed.add((lastListed = township));
  };
  return {
    onRow: (row, header) => {
      const crops = readerFor(header);
      listed(row.text(townshipColumn));
      const r = crops.read(row);
      if (r) tally.addCrop(adjust ? adjust.crop(r) : r, gradeOf);
    },
    reader: () => reader,
    clean:
      adjust || tally.keepsDetails
        ? undefined
        : (header) => {
            const crops = readerFor(header);
            if (!crops.readsClean) return undefined;
            return (bytes, start, end, line) => {
              const r = crops.readClean(line, bytes, start, end);
              if (!r) return false;
              listed(r.township);
              tally.addCleanCrop(r);
              return true;
            };
          },
  };
}

export function livestockRows(c: Coefficients, log: ProblemLog, stockRatio: Readonly<Record<string, number>>, tally: Tally, adjust?: RowAdjuster): RowHandler {
  let reader: LivestockReader | undefined;
  return {
    onRow: (row, header) => {
      reader ??= new LivestockReader(header, c, log, stockRatio);
      const r = reader.read(row);
      if (r) tally.addLivestock(adjust ? adjust.livestock(r) : r);
    },
    reader: () => reader,
    clean:
      adjust || tally.keepsDetails
        ? undefined
        : (header) => {
            const livestock = (reader ??= new LivestockReader(header, c, log, stockRatio));
            if (!livestock.readsClean) return undefined;
            return (bytes, start, end, line) => {
              const r = livestock.readClean(line, bytes, start, end);
              if (!r) return false;
              tally.addCleanLivestock(r);
              return true;
            };
          },
  };
}
