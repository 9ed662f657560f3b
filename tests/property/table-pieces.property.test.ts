// The terminal table of a large report is drawn in pieces (cli-table3 lays a table out in time that grows with the
// square of its rows): the pieces joined must be the table cli-table3 draws whole.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/api.js';
import { messages } from '../../src/i18n/index.js';
import { plain } from '../../src/render/colours.js';
import { renderTable } from '../../src/render/report-table.js';
import { writeDataset } from './random-dataset.js';

describe('the terminal table drawn in pieces', () => {
  it('is the table drawn whole, with colours or without, on a terminal of any width, in either language', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0, 1, 3),
        fc.option(fc.integer({ min: 40, max: 220 }), { nil: undefined }),
        fc.constantFrom('en' as const, 'zh' as const),
        fc.boolean(),
        async (seed, rowsPerPiece, level, width, lang, extra) => {
          const { report } = await computeReport(writeDataset(seed, { clean: true }));
          const chalk = level === 0 ? plain : new Chalk({ level });
          const choice = { headroom: extra, range: extra };
          const ctx = { lang, t: messages(lang), chalk, columns: choice, width };
          const whole = renderTable(report!, ctx, Infinity);
          expect(renderTable(report!, ctx, rowsPerPiece)).toBe(whole);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('gives names of any width the widths cli-table3 gives them', async () => {
    // Wide, combining, zero-width and emoji characters, which measures of terminal width do not all agree on.
    const names = ['镇\u200b', '🐖村', 'a\u0301b', 'ＡＢ乡', '①②', '👨‍👩‍👧', 'x'.repeat(30), '한국'];
    const crops = ['township,crop,production_kg', ...names.map((n) => `${n},小麦,${1000 + n.length}`)].join('\n');
    const livestock = ['township,species,stock', ...names.map((n, i) => `${n},生猪,${10 * i}`)].join('\n');
    const { report } = await computeReport({ crops: { text: crops }, livestock: { text: livestock } });
    expect(report!.townships.map((b) => b.name)).toEqual(names);
    for (const rowsPerPiece of [1, 2, 3, 5])
      expect(renderTable(report!, { lang: 'en', t: messages('en'), chalk: plain }, rowsPerPiece)).toBe(
        renderTable(report!, { lang: 'en', t: messages('en'), chalk: plain }, Infinity),
      );
  });
});
