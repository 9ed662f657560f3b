import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectKinds, matchHeader, normaliseHeader } from '../../src/input/columns.js';
import { Cells, readRecords } from '../../src/input/csv.js';
import { decodeInput } from '../../src/input/encoding.js';
import { parseNumberCell, scaleNumber } from '../../src/input/numbers.js';
import { RowKeys } from '../../src/input/row-keys.js';
import { binaryKind, readInput } from '../../src/input/source.js';
import { CellMemo, Row } from '../../src/input/table.js';
import { TownshipMatcher, isTotalLabel, townshipIdOf, townshipKey, townshipLabel } from '../../src/input/township.js';
import { ExactSum, ExactSums, exactSum } from '../../src/method/exact-sum.js';
import { ProblemLog } from '../../src/problems.js';
import { tempDir } from '../helpers.js';

describe('header matching', () => {
  it('folds case, spaces and full-width brackets', () => {
    expect(normaliseHeader(' 面积（公顷） ')).toBe('面积(公顷)');
    expect(normaliseHeader('Area (HA)')).toBe('area(ha)');
  });
  it('takes the unit from the name, the bracket, or the default', () => {
    expect(matchHeader('crops', 'area_ha')).toMatchObject({ ok: true, match: { field: 'area', unit: { base: 'ha', scale: 1 } } });
    expect(matchHeader('crops', '面积（公顷）')).toMatchObject({ ok: true, match: { field: 'area', unit: { base: 'ha' } } });
    expect(matchHeader('crops', '面积')).toMatchObject({ ok: true, match: { field: 'area', unit: { base: 'mu' } } });
    expect(matchHeader('crops', '面积(万亩)')).toMatchObject({ ok: true, match: { field: 'area', unit: { base: 'mu', scale: 10_000 } } });
    expect(matchHeader('crops', '单产(kg/hm²)')).toMatchObject({ ok: true, match: { field: 'yield', unit: { base: 'kg/ha' } } });
    expect(matchHeader('crops', '总产量(吨)')).toMatchObject({ ok: true, match: { field: 'production', unit: { base: 'kg', scale: 1000 } } });
    expect(matchHeader('crops', '蓄积量(m³)')).toMatchObject({ ok: true, match: { field: 'production', unit: { base: 'm3' } } });
    expect(matchHeader('livestock', '存栏量(万头)')).toMatchObject({ ok: true, match: { field: 'stock', unit: { scale: 10_000 } } });
  });
  it('ignores a bracket on columns without a unit, and rejects unknown units', () => {
    expect(matchHeader('crops', '乡镇（街道）')).toMatchObject({ ok: true, match: { field: 'township' } });
    expect(matchHeader('crops', '面积(平方米)')).toMatchObject({ ok: false, reason: 'unit', field: 'area' });
    expect(matchHeader('crops', 'colour')).toEqual({ ok: false, reason: 'unknown' });
  });
  it('detects the kind of a file from its header', () => {
    expect(detectKinds(['乡镇', '作物', '总产量'])).toEqual(['crops']);
    expect(detectKinds(['township', 'species', 'stock'])).toEqual(['livestock']);
    expect(detectKinds(['乡镇', '全氮(g/kg)'])).toEqual(['soil']);
    expect(detectKinds(['乡镇', '备注'])).toEqual([]);
  });
});

/** A line read in place: its cells as the tokenizer gives them. */
const lineCells = (text: string) => {
  const bytes = Buffer.from(text);
  return new Cells().setLine(bytes, 0, bytes.length);
};

describe('number cells', () => {
  it('read spreadsheet forms', () => {
    expect(parseNumberCell(' 1,234.5 ')).toMatchObject({ kind: 'number', value: 1234.5 });
    expect(parseNumberCell('１２３．５')).toMatchObject({ kind: 'number', value: 123.5 });
    expect(parseNumberCell('1e3')).toMatchObject({ kind: 'number', value: 1000 });
    expect(parseNumberCell('')).toEqual({ kind: 'empty' });
    expect(parseNumberCell('NaN')).toEqual({ kind: 'not-finite' });
    expect(parseNumberCell('-Infinity')).toEqual({ kind: 'not-finite' });
    expect(parseNumberCell('1e999')).toEqual({ kind: 'not-finite' });
    expect(parseNumberCell('12,34')).toEqual({ kind: 'invalid' });
    expect(parseNumberCell('3 吨')).toEqual({ kind: 'invalid' });
  });
  it('are read in place, for plain decimals, as the full parse reads them', () => {
    expect(lineCells('x,1065.76,y').plainNumber(1)).toBe(1065.76);
    expect(lineCells('x,.,y').plainNumber(1)).toBeNaN();
    expect(lineCells('1.2.3').plainNumber(0)).toBeNaN();
    expect(lineCells(' 1').plainNumber(0)).toBeNaN();
    expect(lineCells('a,,b').plainNumber(1)).toBeUndefined();
    const cell = fc.oneof(
      fc.stringMatching(/^[0-9.]{0,25}$/),
      // Up to 16 characters the short cut computes the value itself: digits ÷ a power of ten.
      fc.stringMatching(/^\d{1,9}\.?\d{0,7}$/),
      fc.double({ min: 0, max: 1e15, noNaN: true }).map(String),
      fc.string({ maxLength: 8 }).filter((s) => !s.includes(',')),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 6 }).filter((s) => !s.includes(',')),
        cell,
        (before, text) => {
          const plain = lineCells(`${before},${text},x`).plainNumber(1);
          const full = parseNumberCell(text);
          // Whatever the short cut reads, the full parse reads the same; it leaves the rest to the full parse.
          if (plain === undefined) expect(text).toBe('');
          else if (!Number.isNaN(plain)) expect(full).toMatchObject({ kind: 'number', value: plain });
          else if (/^\d+(\.\d*)?$|^\.\d+$/.test(text) && text.length <= 20) expect.unreachable(`short cut missed ${text}`);
        },
      ),
      { numRuns: 5000 },
    );
  });
  it('scale by powers of ten on the decimal text', () => {
    expect(scaleNumber(61.33, '61.33', 10_000)).toBe(613_300);
    expect(scaleNumber(2024.37, '2024.37', 10_000)).toBe(20_243_700);
    expect(scaleNumber(0.95, '0.95', 0.001)).toBe(0.00095);
    expect(scaleNumber(3, '3', 0.5)).toBe(1.5);
  });
});

describe('cells of a line', () => {
  it('are the line cut at its commas, each decoded as UTF-8 text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme' }).filter((s) => !/[,\n\r]/.test(s)),
          { minLength: 1, maxLength: 8 },
        ),
        (parts) => {
          const cells = lineCells(parts.join(','));
          expect(cells.count).toBe(parts.length);
          expect(cells.toArray()).toEqual(parts);
          parts.forEach((p, i) => expect(cells.blank(i)).toBe(p.trim() === ''));
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('are found again where they stand: the same cell, not another', () => {
    const a = lineCells('甲镇,玉米,1');
    const b = lineCells('甲镇,玉米 ,1');
    const c = lineCells('乙镇,玉米,2');
    expect(c.is(1, a.source(1))).toBe(true);
    expect(b.is(1, a.source(1))).toBe(false);
    expect(c.is(0, a.source(0))).toBe(false);
    expect(a.hash(1)).toBe(c.hash(1));
  });
  it('give a rule its answer once per distinct cell (CellMemo), and the right one for each', () => {
    const log = new ProblemLog();
    fc.assert(
      fc.property(fc.array(fc.constantFrom('玉米', '小麦', ' 小麦', '稻谷', '玉米粒', '', 'corn', '米玉'), { maxLength: 60 }), (names) => {
        let calls = 0;
        const memo = new CellMemo({ index: 1, header: 'crop', field: 'crop' }, (text) => (calls++, `<${text}>`));
        const row = new Row('f', log);
        for (const name of names) expect(memo.get(row.set(2, lineCells(`甲镇,${name},1`)))).toBe(`<${name.trim()}>`);
        expect(calls).toBe(new Set(names).size);
      }),
      { numRuns: 500 },
    );
  });
});

describe('records of a file', () => {
  /** Every record of a text: its line and cells. */
  const records = async (text: string) => {
    const out: [number, string[]][] = [];
    await readRecords(Buffer.from(text), (cells, line) => void out.push([line, cells.toArray()]));
    return out;
  };
  it('skip empty and comment lines, and keep line numbers as an editor counts', async () => {
    expect(await records('a,b\n\n# note\nc,d\r\ne,f')).toEqual([
      [1, ['a', 'b']],
      [4, ['c', 'd']],
      [5, ['e', 'f']],
    ]);
  });
  it('are read by csv-parse from the first quote on, a multi-line cell placed on its first line', async () => {
    expect(await records('a,b\nc,"1,234"\n"x\ny",z\nq,r')).toEqual([
      [1, ['a', 'b']],
      [2, ['c', '1,234']],
      [3, ['x\ny', 'z']],
      [5, ['q', 'r']],
    ]);
  });
  it('stop at a line longer than any table row, in time that grows with its length only', async () => {
    const long = `${'x'.repeat(5_000_000)}\n`;
    const start = performance.now();
    await expect(readRecords(Buffer.from(`a,b\n${long}`), () => {})).rejects.toMatchObject({ line: 2, detail: 'line-too-long' });
    await expect(readRecords(Buffer.from(`a,"b\n${long}`), () => {})).rejects.toMatchObject({ detail: 'line-too-long' });
    // Not a timed assertion: a guard against the quadratic time a 50 MB line once took (about 20 s).
    expect(performance.now() - start).toBeLessThan(20_000);
  });
});

describe('exact summation', () => {
  it('is exact where plain addition is not', () => {
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([])).toBe(0);
  });
  it('does not depend on order, and merges', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true })), (xs) => {
        const forward = exactSum(xs);
        expect(exactSum([...xs].reverse())).toBe(forward);
        const half = Math.floor(xs.length / 2);
        // One sum's partials added to another's: the sum of both halves.
        expect(
          new ExactSum()
            .addAll(xs.slice(0, half))
            .addAll(new ExactSum().addAll(xs.slice(half)).toJSON())
            .value(),
        ).toBe(forward);
      }),
    );
  });
  it('keeps a few sums in one array with the values of separate sums', () => {
    // Values over many magnitudes make sums of more partials than the store keeps in place.
    const value = fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
      fc.constantFrom(1e100, -1e100, 1, 0.1),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), value), { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (adds, cut) => {
        const store = new ExactSums(6);
        const separate = Array.from({ length: 6 }, () => new ExactSum());
        for (const [sum, v] of adds) {
          store.add(sum, v);
          separate[sum]!.add(v);
        }
        for (let i = 0; i < 6; i++) {
          expect(store.value(i)).toBe(separate[i]!.value());
          expect(store.has(i)).toBe(adds.some(([sum]) => sum === i));
        }
        // The total of several sums: the exact sum of every value added to them.
        const some = [0, 2, 3, 5].slice(0, 1 + cut);
        expect(store.value(...some)).toBe(exactSum(adds.filter(([sum]) => some.includes(sum)).map(([, v]) => v)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('reading an input', () => {
  // Text of several megabytes, no two lines alike, so that a piece read twice or left out shows.
  const text = Array.from({ length: 120_000 }, (_, i) => `镇${i},生猪,${i * 7}\n`).join('');

  it('reads a file whole, the same bytes, into one buffer of its size', async () => {
    const path = join(tempDir(), 'livestock.csv');
    writeFileSync(path, text);
    const { bytes } = await readInput(path);
    expect(bytes.equals(Buffer.from(text))).toBe(true);
    expect(bytes.buffer.byteLength).toBeLessThanOrEqual(bytes.length + 1);
  });

  it('reads a pipe of several megabytes to its end, the room growing as it fills', async () => {
    const path = join(tempDir(), 'pipe');
    execFileSync('mkfifo', [path]);
    const writer = spawn('sh', ['-c', `cat > '${path}'`], { stdio: ['pipe', 'ignore', 'ignore'] });
    writer.stdin.end(text);
    const { bytes } = await readInput(path);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 << 20);
    expect(bytes.equals(Buffer.from(text))).toBe(true);
  });

  it('reads no further than the first bytes of a file that is not text', async () => {
    const path = join(tempDir(), 'zeros.csv');
    writeFileSync(path, Buffer.alloc(1 << 20));
    const input = await readInput(path);
    expect(input.binary).toBe('binary');
    expect(input.bytes.length).toBe(64 * 1024);
  });
});

describe('encoding', () => {
  it('of a large UTF-8 file: a bad byte far in is placed on its line', async () => {
    const lines = Array.from({ length: 250_000 }, (_, i) => Buffer.from(`镇${i},小麦,130.55,540.0,\n`));
    await expect(decodeInput(Buffer.concat(lines), 'auto')).resolves.toMatchObject({ encoding: 'utf-8' });
    const badLine = 201_234;
    lines[badLine - 1] = Buffer.concat([Buffer.from('镇x,小麦,'), Buffer.from([0xff]), Buffer.from(',540.0,\n')]);
    await expect(decodeInput(Buffer.concat(lines), 'auto')).rejects.toMatchObject({ line: badLine, detail: 'utf-8' });
  });
  it('of a GBK file with a line in UTF-8: refused at that line, not read as mojibake', async () => {
    const iconv = (await import('iconv-lite')).default;
    const gbk = iconv.encode('乡镇,作物,总产量\n甲镇,玉米,100\n', 'gbk');
    await expect(decodeInput(gbk, 'auto')).resolves.toMatchObject({ encoding: 'gb18030' });
    await expect(decodeInput(Buffer.concat([gbk, Buffer.from('乙镇,小麦,200\n')]), 'auto')).rejects.toMatchObject({ line: 3, detail: 'mixed' });
  });
  it('of a binary file: told by its first bytes', () => {
    expect(binaryKind(Buffer.alloc(1000))).toBe('binary');
    expect(binaryKind(Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
    expect(binaryKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('xls');
    expect(binaryKind(Buffer.from('乡镇,作物\n甲\u0000镇,玉米\n'))).toBeUndefined();
  });
});

describe('totals rows', () => {
  it('are told by their labels, written in any width and spacing', () => {
    for (const label of [
      '合计',
      '合 计',
      '总计',
      '小计',
      '全区',
      '全县',
      '全市',
      '全镇',
      '全乡',
      '全区合计',
      '全县总计',
      '总数',
      'Total',
      'TOTAL',
      'ｔｏｔａｌ',
      ' 合　计 ',
      '总计（全区）',
      '合计(全县)',
      '全区（合计）',
    ])
      expect(isTotalLabel(label), label).toBe(true);
    for (const name of ['全州镇', '合山镇', '总场', '小塔子乡', '东风镇', '城关街道', 'total farm', '合计(东风镇)']) expect(isTotalLabel(name), name).toBe(false);
  });
});

describe('row keys', () => {
  /** RowKeys against a plain map of what each township listed, over rows of [township, name]. */
  const agreesWithPlainMap = (rows: readonly (readonly [number, string])[]) => {
    const keys = new RowKeys();
    const plain = new Map<number, [string, number][]>();
    rows.forEach(([township, name], i) => {
      const line = i + 2;
      const listed = plain.get(township) ?? [];
      plain.set(township, listed);
      const first = listed.find(([n]) => n === name)?.[1];
      expect(keys.firstLine(township, keys.intern(name), line)).toBe(first);
      if (first === undefined) listed.push([name, line]);
    });
    for (const [township, listed] of plain) expect(keys.entries(township)).toEqual(listed);
  };
  const row = (townships: fc.Arbitrary<number>) => fc.tuple(townships, fc.constantFrom('小麦', '玉米', '水稻', '番茄'));
  it('finds the first line of a repeated township and name, and lists what each township listed, as a plain map would', () => {
    fc.assert(fc.property(fc.array(row(fc.integer({ min: 0, max: 3 })), { maxLength: 80 }), agreesWithPlainMap), { numRuns: 1000 });
  });
  it('does so past the room it starts with, for thousands of townships listed in runs that come back', () => {
    const runs = fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 6 })), { minLength: 500, maxLength: 1500 });
    fc.assert(
      fc.property(runs, fc.infiniteStream(row(fc.constant(0))), (plan, names) =>
        agreesWithPlainMap(
          plan.flatMap(([township, count]) =>
            Array.from({ length: count }, () => names.next().value).map(([, name]) => [township, name] as const),
          ),
        ),
      ),
      { numRuns: 30 },
    );
  });
});

describe('TownshipMatcher: the township a name missing from the other file most likely is', () => {
  const matcher = new TownshipMatcher(['拉堡镇', '百朋镇', '柳州市柳江区进德镇', townshipKey('东风镇', '柳城县', '柳州市')]);
  it('the same name with another ending', () => {
    expect(matcher.nearest('拉堡')).toBe('拉堡镇');
    expect(matcher.nearest('百朋乡')).toBe('百朋镇');
  });
  it('the same name written with its county or city before it, on either side', () => {
    expect(matcher.nearest('柳江区拉堡镇')).toBe('拉堡镇');
    expect(matcher.nearest('柳州市柳江区百朋镇')).toBe('百朋镇');
    expect(matcher.nearest('进德镇')).toBe('柳州市柳江区进德镇');
    expect(matcher.nearest('柳江区进德镇')).toBe('柳州市柳江区进德镇');
    expect(matcher.nearest('柳城县东风镇')).toBe('柳城县 东风镇');
    expect(matcher.nearest('柳江区 拉堡镇')).toBe('拉堡镇');
  });
  it('a township shown with its county, not twice when its name begins with it', () => {
    expect(townshipLabel(townshipIdOf(townshipKey('拉堡镇', '柳江区', '柳州市')))).toBe('柳江区 拉堡镇');
    expect(townshipLabel(townshipIdOf(townshipKey('柳江区拉堡镇', '柳江区', '柳州市')))).toBe('柳江区拉堡镇');
    expect(townshipLabel(townshipIdOf(townshipKey('拉堡镇', '', '柳州市')))).toBe('柳州市 拉堡镇');
    expect(townshipLabel(townshipIdOf('拉堡镇'))).toBe('拉堡镇');
  });
  it('a region is two characters or more: 县城镇 is not 城镇 with a 县 before it', () => {
    expect(new TownshipMatcher(['县城镇', '城关镇']).nearest('城镇')).not.toBe('县城镇');
  });
  it('no hint for a name that is none of them, nor for one that is itself', () => {
    expect(matcher.nearest('成团镇')).toBeUndefined();
    expect(matcher.nearest('新市镇')).toBeUndefined();
    expect(matcher.nearest('拉堡镇')).toBeUndefined();
  });
});
