// Random and mutated inputs for the CLI fuzz tests (cli-fuzz-*.property.test.ts): files, flags, and what a run must never do.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, hasStackTrace, landcapBinary, landcapInProcess, tempDir } from '../helpers.js';

const seed = (path: string) => readFileSync(join(ROOT, path), 'utf8');
// Good files weigh more than bad ones, so that many runs succeed and write their output.
const SEEDS = {
  crops: [
    seed('tests/fixtures/good/crops.csv'),
    seed('tests/fixtures/good/crops.csv'),
    seed('data/samples/beipiao-county-2024/crops.csv'),
    seed('tests/fixtures/bad/cells.csv'),
  ],
  livestock: [
    seed('tests/fixtures/good/livestock.csv'),
    seed('tests/fixtures/good/livestock.csv'),
    seed('data/samples/beipiao-county-2024/livestock.csv'),
    seed('tests/fixtures/bad/livestock-problems.csv'),
  ],
  soil: [seed('tests/fixtures/good/soil.csv'), seed('tests/fixtures/good/soil.csv'), seed('tests/fixtures/bad/soil-problems.csv')],
};

/** Pieces that CSV files, spreadsheets and people put where they do not belong. */
const TOKENS = [
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '#',
  '\uFEFF',
  '\u3000',
  '（',
  '）',
  '，',
  '-',
  '.',
  'e',
  'E',
  '1',
  '0',
  '9',
  '1,234.5',
  '"1,234"',
  '１２３',
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  '',
  '亩',
  '公顷',
  '(吨)',
  '(万头)',
  '乡镇',
  '作物',
  '畜种',
  '存栏量',
  '玉米',
  '生猪',
  '兔',
  '100/15',
  '0/0',
  'I',
  'IV',
  '旱地',
  '\u0000',
  '\uFFFD',
  '😀',
  'township',
  'crop',
  'species',
  'stock',
  'area_ha',
  'production_m3',
  'n_uptake',
  'land_use',
  // What an attacker writes in a name: formula starts, terminal commands, bidirectional marks, HTML and Markdown.
  '=1+2',
  '@SUM(1)',
  '+cmd',
  '\u001b[2J',
  '\u001b]0;x\u0007',
  '\u202e',
  '\u2066',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:y)',
];

const token = fc.constantFrom(...TOKENS);

type Edit = (lines: string[]) => string[];
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat(), token).map(
    ([l, c, t]): Edit =>
      (lines) =>
        lines.map((s, i) => (i === l % lines.length ? s.slice(0, c % (s.length + 1)) + t + s.slice(c % (s.length + 1)) : s)),
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 6 })).map(
    ([l, c, n]): Edit =>
      (lines) =>
        lines.map((s, i) => (i === l % lines.length ? s.slice(0, c % (s.length + 1)) + s.slice((c % (s.length + 1)) + n) : s)),
  ),
  fc.nat().map((l): Edit => (lines) => [...lines.slice(0, (l % lines.length) + 1), lines[l % lines.length]!, ...lines.slice((l % lines.length) + 1)]),
  fc.nat().map(
    (l): Edit =>
      (lines) =>
        lines.filter((_, i) => i !== l % lines.length),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Edit => (lines) => {
    const out = [...lines];
    const i = a % out.length;
    const j = b % out.length;
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.array(token, { maxLength: 4 })).map(
    ([l, c, ts]): Edit =>
      (lines) =>
        lines.map((s, i) => {
          if (i !== l % lines.length) return s;
          const cells = s.split(',');
          cells[c % cells.length] = ts.join('');
          return cells.join(',');
        }),
  ),
);

/** A file's bytes: a seed with edits, in UTF-8, UTF-8 with BOM or GBK; or text from tokens; or random bytes. */
const fileBytes = (seeds: string[]): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...seeds), fc.oneof(fc.constant([]), fc.array(edit, { maxLength: 6 })), fc.constantFrom('utf8', 'bom', 'gbk', 'truncate'))
        .map(([s, edits, enc]) => {
          const text = edits.reduce((lines, e) => e(lines), s.split('\n')).join('\n');
          if (enc === 'gbk') return new Uint8Array(iconv.encode(text, 'gbk'));
          const bytes = Buffer.from(enc === 'bom' ? `\uFEFF${text}` : text, 'utf8');
          return new Uint8Array(enc === 'truncate' ? bytes.subarray(0, Math.floor(bytes.length * 0.7)) : bytes);
        }),
    },
    { weight: 2, arbitrary: fc.array(token, { maxLength: 60 }).map((ts) => new Uint8Array(Buffer.from(ts.join(''), 'utf8'))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  );

/** Options, mostly good, some bad (a usage error: exit 2). */
const FLAGS = [
  ['--basis', 'both'],
  ['--basis', 'P'],
  ['--basis', 'X'],
  ['--manure-share', '0.4'],
  ['--manure-share', '4'],
  ['--soil-grade', 'III'],
  ['--strict'],
  ['--lang', 'zh'],
  ['--lang', 'fr'],
  ['--stock-ratio', '肉牛=0.5'],
  ['--stock-ratio', 'bad'],
  ['--encoding', 'gb18030'],
  ['--no-color'],
  ['--color'],
  ['--unknown'],
];

/** A good file as it is, in UTF-8, UTF-8 with BOM or GBK: runs that should succeed and write their output. */
const goodBytes = (text: string) =>
  fc
    .constantFrom('utf8', 'bom', 'gbk')
    .map((enc) => new Uint8Array(enc === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(enc === 'bom' ? `\uFEFF${text}` : text, 'utf8')));

const common = {
  command: fc.constantFrom('report', 'validate'),
  format: fc.constantFrom('json', 'csv', 'md', 'table', 'text'),
  flags: fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...FLAGS), { maxLength: 3 }).map((fs) => fs.flat()) },
  ),
};
export const run = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ ...common, crops: fileBytes(SEEDS.crops), livestock: fileBytes(SEEDS.livestock), soil: fc.option(fileBytes(SEEDS.soil)) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      ...common,
      crops: goodBytes(SEEDS.crops[0]!),
      livestock: goodBytes(SEEDS.livestock[0]!),
      soil: fc.option(goodBytes(SEEDS.soil[0]!)),
    }),
  },
);

export type Run = typeof run extends fc.Arbitrary<infer T> ? T : never;

export function prepare(dir: string, r: Run): string[] {
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
  writeFileSync(join(dir, 'crops.csv'), r.crops);
  writeFileSync(join(dir, 'livestock.csv'), r.livestock);
  if (r.soil) writeFileSync(join(dir, 'soil.csv'), r.soil);
  const files = [join(dir, 'crops.csv'), join(dir, 'livestock.csv'), ...(r.soil ? [join(dir, 'soil.csv')] : [])];
  const format = r.command === 'validate' ? (r.format === 'json' ? 'json' : 'text') : r.format === 'text' ? 'table' : r.format;
  const args = [r.command, '--format', format, '--output', join(dir, 'out'), ...r.flags];
  if (r.command === 'validate') return [...args, ...files];
  return [...args, '--crops', files[0]!, '--livestock', files[1]!, ...(r.soil ? ['--soil', files[2]!] : [])];
}

/** Longer than any run takes on the slowest machine: a run past it does not end. */
const RUN_LIMIT_MS = 60_000;

/**
 * The run's answer, or a failure if it gives none in RUN_LIMIT_MS (landcap must never hang), its input files kept in
 * test-output/fuzz-no-end/ to run again.
 */
async function withinTime<T>(dir: string, args: readonly string[], answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const kept = join(ROOT, 'test-output', 'fuzz-no-end');
      mkdirSync(kept, { recursive: true });
      for (const f of readdirSync(dir)) copyFileSync(join(dir, f), join(kept, f));
      writeFileSync(join(kept, 'args.json'), JSON.stringify(args));
      reject(new Error(`no answer in ${RUN_LIMIT_MS / 1000} s: landcap ${args.join(' ')} (inputs kept in ${kept})`));
    }, RUN_LIMIT_MS);
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Raw terminal commands: C0 controls but tab and line breaks, DEL, C1 controls, bidirectional controls. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Text without landcap's own colours (--color): a name's ESC is shown as the text \x1b, never raw. */
// eslint-disable-next-line no-control-regex
const withoutColours = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Exit code 0, 1 or 2 only; no stack trace; an output file only on success, complete, with no temporary file beside it. */
export function check(dir: string, args: readonly string[], r: Run, result: { status: number; stdout: string; stderr: string }): void {
  expect([0, 1, 2], result.stderr).toContain(result.status);
  expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
  expect(hasStackTrace(result.stdout)).toBe(false);
  const out = join(dir, 'out');
  const leftovers = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  expect(leftovers).toEqual([]);
  // Failed runs leave no file (validate writes its findings even when the data fail: exit 1 is its verdict).
  if (result.status === 2 || (result.status === 1 && r.command === 'report')) expect(existsSync(out)).toBe(false);
  if (existsSync(out)) {
    const text = readFileSync(out, 'utf8');
    if (text.trimStart().startsWith('{')) expect(() => JSON.parse(text)).not.toThrow();
    expect(text.endsWith('\n')).toBe(true);
    // Nothing of the data acts in what landcap writes: no terminal command, no live formula, no HTML of its own.
    const format = args[args.indexOf('--format') + 1];
    if (format === 'table' || format === 'text' || format === 'md') expect(RAW_CONTROL.test(withoutColours(text)), text).toBe(false);
    if (format === 'md') expect(text).not.toMatch(/<img|(^|[^\\])\]\(javascript/);
    if (format === 'csv') for (const line of text.replace(/^\uFEFF/, '').split('\n')) expect(/^[=+@\t\r]|^-[^0-9]/.test(line), line).toBe(false);
  }
  expect(RAW_CONTROL.test(withoutColours(result.stderr)), result.stderr).toBe(false);
}

/**
 * No input makes the CLI fail badly: 5,000 random and mutated inputs to the main function and 20 through the real
 * binary — one half of the fuzz, whose two halves run side by side in two test files.
 */
export function fuzzHalf(half: 1 | 2): void {
  describe(`no input makes the CLI fail badly (${half} of 2)`, () => {
    it('5,000 random and mutated inputs to the main function', async () => {
      const dir = tempDir('landcap-fuzz-');
      await fc.assert(
        fc.asyncProperty(run, async (r) => {
          const args = prepare(dir, r);
          check(dir, args, r, await withinTime(dir, args, landcapInProcess(args)));
        }),
        // A run that does not end is the failure to see, not its shrinking (each try of which would wait as long).
        { numRuns: 5_000, endOnFailure: true },
      );
    }, 600_000);

    it('20 through the real binary', () => {
      const dir = tempDir('landcap-fuzz-bin-');
      fc.assert(
        fc.property(run, (r) => {
          const args = prepare(dir, r);
          check(dir, args, r, landcapBinary(args, { timeoutMs: RUN_LIMIT_MS }));
        }),
        { numRuns: 20 },
      );
    }, 600_000);
  });
}
