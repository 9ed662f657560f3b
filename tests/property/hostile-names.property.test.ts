import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { landcapInProcess, tempDir } from '../helpers.js';

/**
 * Names as an attacker (or a damaged export) writes them: formula starts, terminal commands, bidirectional marks,
 * HTML and Markdown. Whatever a township is called, no output format passes it on as something that acts.
 */
const PIECES = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u001b]8;;http://x\u001b\\',
  '\u0007',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u200f',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '[x](javascript:alert(1))',
  '![i](http://x/i.png)',
  '*',
  '_',
  '`',
  '|',
  '&amp;',
  '"',
  "'",
  ',',
  '甲',
  '镇',
  'SUM(1+1)',
  'cmd|',
];

// Names are trimmed as cells are read: a piece at either edge that trim removes still leaves the rest to test.
const name = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((ps) => `${ps.join('')}镇`);

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const FORMULA = /^[=+\-@\t\r]/;

function check(format: string, text: string): void {
  switch (format) {
    case 'csv': {
      const rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
      for (const row of rows) for (const cell of row) if (FORMULA.test(cell)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
      return;
    }
    case 'json':
      expect(() => JSON.parse(text)).not.toThrow();
      return;
    case 'md':
      expect(RAW_CONTROL.test(text), text).toBe(false);
      expect(text).not.toMatch(/<[a-z!/]/i);
      expect(text).not.toMatch(/(^|[^\\])\]\(/);
      for (const row of text.split('\n').filter((l) => l.startsWith('|'))) expect(row.endsWith('|'), row).toBe(true);
      return;
    case 'html': {
      expect(RAW_CONTROL.test(text), 'control').toBe(false);
      // Only landcap's own elements: no tag the data brought.
      const tags = new Set([...text.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase()));
      for (const tag of tags)
        expect([
          '!doctype',
          'html',
          'head',
          'meta',
          'title',
          'style',
          'body',
          'main',
          'header',
          'h1',
          'h2',
          'p',
          'div',
          'span',
          'section',
          'svg',
          'g',
          'line',
          'rect',
          'text',
          'table',
          'thead',
          'tbody',
          'tr',
          'th',
          'td',
          'ul',
          'li',
          'footer',
          'strong',
          'a',
          'small',
          'figure',
          'figcaption',
          'title',
        ]).toContain(tag);
      expect(text).not.toMatch(/<script|<img/i);
      return;
    }
    default:
      expect(RAW_CONTROL.test(text), text).toBe(false);
  }
}

describe('hostile names reach no output unescaped', () => {
  it('every format of report, explain, validate and compare, and every diagnostic', async () => {
    const dir = tempDir('landcap-hostile-');
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4, selector: (n) => n.trim() }),
        fc.constantFrom('table', 'json', 'csv', 'md', 'html'),
        async (names, format) => {
          const crops = ['township,crop,area_mu,yield_kg_per_mu', ...names.map((n, i) => `${csvCell(n)},玉米,${1000 + i},500`)];
          // A crop name that is unknown, quoted in a diagnostic.
          crops.push(`${csvCell(names[0]!)},${csvCell(`${names[0]!}米`)},10,500`);
          const livestock = ['township,species,stock', ...names.map((n, i) => `${csvCell(n)},生猪,${5000 + i}`)];
          writeFileSync(join(dir, 'crops.csv'), `${crops.join('\n')}\n`);
          writeFileSync(join(dir, 'good.csv'), `${crops.slice(0, -1).join('\n')}\n`);
          writeFileSync(join(dir, 'livestock.csv'), `${livestock.join('\n')}\n`);
          const files = ['--crops', join(dir, 'good.csv'), '--livestock', join(dir, 'livestock.csv')];

          const bad = await landcapInProcess(['validate', join(dir, 'crops.csv'), join(dir, 'livestock.csv')]);
          expect(bad.status).toBe(1);
          check('table', bad.stderr);
          check('table', bad.stdout);

          const report = await landcapInProcess(['report', ...files, '--format', format, '--output', join(dir, `report.${format}`)]);
          expect(report.status, report.stderr).toBe(0);
          check('table', report.stderr);
          check(format, readFileSync(join(dir, `report.${format}`), 'utf8'));

          const explain = await landcapInProcess(['explain', ...files, '--township', names[0]!.trim(), '--format', format === 'md' ? 'md' : 'text']);
          expect(explain.status, explain.stderr).toBe(0);
          check(format === 'md' ? 'md' : 'table', explain.stdout);

          if (format === 'json') {
            const scenario = join(dir, 'scenario.json');
            expect((await landcapInProcess(['report', ...files, '--format', 'json', '--manure-share', '0.4', '--output', scenario])).status).toBe(0);
            for (const f of ['table', 'csv', 'md']) {
              const compare = await landcapInProcess(['compare', join(dir, 'report.json'), scenario, '--format', f]);
              expect(compare.status, compare.stderr).toBe(0);
              check(f, compare.stdout);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 300_000);
});
