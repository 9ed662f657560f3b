import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, validateInputs } from '../../src/api.js';
import { tempDir } from '../helpers.js';
import { writeDataset, type Files } from './random-dataset.js';

/**
 * One reading path, whatever the file looks like: the same rows written with every cell in quotes (read by
 * csv-parse rather than cut in place), with \r\n line breaks, with a byte-order mark, or in GBK give the same
 * problems — each at the same line and column — and the same report.
 */
type Variant = 'quoted' | 'crlf' | 'bom' | 'gbk';

/** The file's text (decoded as the generator wrote it). */
function textOf(path: string): string {
  const bytes = readFileSync(path);
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\uFFFD') ? iconv.decode(bytes, 'gb18030') : utf8.replace(/^\uFEFF/, '');
}

/** Every cell of each line without quotes put in quotes; comments and empty lines as they are. */
function quoteCells(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((part) =>
      part === '\n' || part === '\r\n' || part === '' || part.startsWith('#') || part.includes('"')
        ? part
        : part
            .split(',')
            .map((c) => `"${c}"`)
            .join(','),
    )
    .join('');
}

function rewrite(files: Files, variant: Variant): Files {
  const dir = tempDir('landcap-variant-');
  const one = (path: string) => {
    const text = textOf(path);
    const out = join(dir, basename(path));
    if (variant === 'quoted') writeFileSync(out, quoteCells(text));
    else if (variant === 'crlf') writeFileSync(out, text.replace(/\r?\n/g, '\r\n'));
    else if (variant === 'bom') writeFileSync(out, `\uFEFF${text}`);
    else writeFileSync(out, iconv.encode(text, 'gb18030'));
    return out;
  };
  return { crops: one(files.crops), livestock: one(files.livestock), ...(files.soil ? { soil: one(files.soil) } : {}) };
}

/** What a run found, with the files' folders left out of the places. */
async function outcome(files: Files) {
  const strip = <T extends { file: string }>(p: T) => ({ ...p, file: basename(p.file) });
  const checked = await validateInputs([files.crops, files.livestock, ...(files.soil ? [files.soil] : [])]);
  const { report } = await computeReport(files, {}, {});
  return {
    problems: checked.problems.map(strip).filter((p) => p.code !== 'encoding-invalid'),
    rows: checked.files.map((f) => f.rows),
    townships: report?.townships,
    total: report?.total,
  };
}

describe('one reading path', () => {
  it('reads the same rows the same, however the file writes them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.boolean(),
        fc.constantFrom<Variant>('quoted', 'crlf', 'bom', 'gbk'),
        async (seed, clean, variant) => {
          const files = writeDataset(seed, { clean });
          const text = [files.crops, files.livestock].map(textOf).join('');
          // Quotes of the generator's own, or text GBK cannot write: that variant says nothing.
          if ((variant === 'quoted' || variant === 'crlf') && text.includes('"')) return;
          if (variant === 'gbk' && iconv.decode(iconv.encode(text, 'gb18030'), 'gb18030') !== text) return;
          const base = await outcome(files);
          expect(await outcome(rewrite(files, variant)), `${files.note}, ${variant}`).toEqual(base);
        },
      ),
      { numRuns: 120 },
    );
  }, 300_000);
});
