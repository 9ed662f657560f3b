import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectKinds, matchHeader, normaliseHeader } from '../../src/io/columns.js';
import { parseNumberCell, plainDecimal, plainDecimalIn, scaleNumber } from '../../src/io/numbers.js';
import { CropReader } from '../../src/io/crops.js';
import { LivestockReader } from '../../src/io/livestock.js';
import { NamesInText } from '../../src/io/names.js';
import { readHeader } from '../../src/io/table.js';
import { loadCoefficients } from '../../src/coefficients/load.js';
import { ProblemLog } from '../../src/validate/problems.js';
import { ExactSum, ExactSums, exactSum } from '../../src/method/exact-sum.js';
import { RowKeys } from '../../src/io/row-keys.js';
import { detectEncoding } from '../../src/io/csv.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  it('take a short cut for plain decimals that agrees with the full parse', () => {
    expect(plainDecimal('1065.76')).toBe(1065.76);
    expect(plainDecimal('.')).toBeNaN();
    expect(plainDecimal('1.2.3')).toBeNaN();
    expect(plainDecimal(' 1')).toBeNaN();
    const cell = fc.oneof(
      fc.stringMatching(/^[0-9.]{0,25}$/),
      // Up to 16 characters the short cut computes the value itself: digits ÷ a power of ten.
      fc.stringMatching(/^\d{1,9}\.?\d{0,7}$/),
      fc.double({ min: 0, max: 1e15, noNaN: true }).map(String),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(cell, (text) => {
        const plain = plainDecimal(text);
        const full = parseNumberCell(text);
        // Whatever the short cut reads, the full parse reads the same; it leaves the rest to the full parse.
        if (!Number.isNaN(plain)) expect(full).toMatchObject({ kind: 'number', value: plain });
        else if (/^\d+(\.\d*)?$|^\.\d+$/.test(text) && text.length <= 20) expect.unreachable(`short cut missed ${text}`);
      }),
      { numRuns: 5000 },
    );
  });
  it('are read in place, inside a line, as the short cut reads the cell alone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), fc.stringMatching(/^[0-9.]{0,22}$/), fc.string({ maxLength: 6 }), (before, cell, after) => {
        const line = Buffer.from(before + cell + after);
        const start = Buffer.byteLength(before);
        expect(plainDecimalIn(line, start, start + cell.length)).toBe(plainDecimal(cell));
      }),
      { numRuns: 2000 },
    );
  });
  it('scale by powers of ten on the decimal text', () => {
    expect(scaleNumber(61.33, '61.33', 10_000)).toBe(613_300);
    expect(scaleNumber(2024.37, '2024.37', 10_000)).toBe(20_243_700);
    expect(scaleNumber(0.95, '0.95', 0.001)).toBe(0.00095);
    expect(scaleNumber(3, '3', 0.5)).toBe(1.5);
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
        // Taken from its partials, then added to: the sum it came from is left as it was.
        const first = new ExactSum().addAll(xs.slice(0, half));
        const copy = ExactSum.fromPartials(first.toJSON()).addAll(xs.slice(half));
        expect(copy.value()).toBe(forward);
        expect(first.value()).toBe(exactSum(xs.slice(0, half)));
      }),
    );
  });
  it('keeps many sums in one store with the values of separate sums, through a store sent between threads', () => {
    // Values over many magnitudes make sums of more partials than the store keeps in place.
    const value = fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
      fc.constantFrom(1e100, -1e100, 1, 0.1),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), value), { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (adds, cut) => {
        const store = new ExactSums(2);
        const separate = Array.from({ length: 6 }, () => new ExactSum());
        for (const [sum, v] of adds) {
          store.add(sum, v);
          separate[sum]!.add(v);
        }
        const used = (i: number) => adds.some(([sum]) => sum === i);
        for (let i = 0; i < 6; i++) {
          expect(store.value(i)).toBe(separate[i]!.value());
          expect(store.has(i)).toBe(used(i));
        }
        // The total of several sums: the exact sum of every value added to them.
        const some = [0, 2, 3, 5].slice(0, 1 + (cut % 4));
        expect(store.total(some)).toBe(exactSum(adds.filter(([sum]) => some.includes(sum)).map(([, v]) => v)));
        // The first `count` sums, sent, added into another store (to empty sums, and to sums holding the same already).
        const count = Math.min(cut, 6);
        const copy = ExactSums.from(store.slice(count));
        expect(copy.count).toBe(count);
        const target = new ExactSums();
        target.addSums(1, copy, 0, count);
        target.addSums(1, store, 0, count);
        expect(target.has(0)).toBe(false);
        for (let i = 0; i < count; i++) expect(target.value(i + 1)).toBe(new ExactSum().addAll(separate[i]!.toJSON()).addAll(separate[i]!.toJSON()).value());
        // Into a store that holds one sum already: before the sums added (1 … count), at the first of them, at the last.
        for (const held of [0, 1, count]) {
          const mixed = new ExactSums();
          mixed.add(held, 0.5);
          mixed.addSums(1, copy, 0, count);
          for (let i = 0; i <= count; i++) {
            const parts = [...(i === held ? [0.5] : []), ...(i >= 1 ? separate[i - 1]!.toJSON() : [])];
            expect(mixed.value(i)).toBe(exactSum(parts));
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('encoding of a large file', () => {
  it('is UTF-8 across chunk boundaries that cut characters, and a bad byte far in is placed on its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'landcap-encoding-'));
    try {
      // About 8 MB of Chinese text: read in chunks, whose boundaries fall inside three-byte characters.
      const lines = Array.from({ length: 250_000 }, (_, i) => Buffer.from(`镇${i},小麦,130.55,540.0,\n`));
      writeFileSync(join(dir, 'good.csv'), Buffer.concat(lines));
      await expect(detectEncoding(join(dir, 'good.csv'))).resolves.toBe('utf-8');
      const badLine = 201_234;
      lines[badLine - 1] = Buffer.concat([Buffer.from('镇x,小麦,'), Buffer.from([0xff]), Buffer.from(',540.0,\n')]);
      writeFileSync(join(dir, 'bad.csv'), Buffer.concat(lines));
      await expect(detectEncoding(join(dir, 'bad.csv'))).rejects.toMatchObject({ line: badLine, detail: 'utf-8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('row keys', () => {
  /** RowKeys against a plain map of what each township listed, over rows of [township, name, shown]. */
  const agreesWithPlainMap = (rows: readonly (readonly [string, string, string])[]) => {
    const keys = new RowKeys();
    const plain = new Map<string, [string, number, string][]>();
    rows.forEach(([township, name, shown], i) => {
      const line = i + 2;
      const listed = plain.get(township) ?? [];
      plain.set(township, listed);
      const first = listed.find(([n]) => n === name)?.[1];
      expect(keys.firstLine(township, name, line, shown)).toBe(first);
      if (first === undefined) listed.push([name, line, shown]);
    });
    for (const [township, listed] of plain) expect(keys.entries(township)).toEqual(listed);
  };
  const row = (townships: fc.Arbitrary<string>) =>
    fc
      .tuple(townships, fc.constantFrom('小麦', '玉米', '水稻', '番茄'), fc.boolean())
      .map(([township, name, asWritten]) => [township, name, asWritten ? name : `${name}@${township}`] as const);
  it('finds the first line of a repeated township and name, and lists what each township listed, as a plain map would', () => {
    fc.assert(fc.property(fc.array(row(fc.constantFrom('甲镇', '乙乡', '丙街道', '丁镇')), { maxLength: 80 }), agreesWithPlainMap), { numRuns: 1000 });
  });
  it('does so past the room it starts with, for thousands of townships', () => {
    const townships = fc.integer({ min: 0, max: 3000 }).map((i) => `镇${i}`);
    // Runs of rows of one township, as files list them, with townships coming back now and then.
    const runs = fc.array(fc.tuple(townships, fc.integer({ min: 1, max: 6 })), { minLength: 500, maxLength: 1500 });
    fc.assert(
      fc.property(runs, fc.infiniteStream(row(fc.constant(''))), (plan, names) =>
        agreesWithPlainMap(
          plan.flatMap(([township, count]) =>
            Array.from({ length: count }, () => names.next().value).map(([, name, shown]) => [township, name, shown.replace('@', `@${township}`)] as const),
          ),
        ),
      ),
      { numRuns: 30 },
    );
  });
});

describe('row keys in a file not grouped by township', () => {
  it('stores each entry in the shared array once at most', () => {
    const keys = new RowKeys();
    const townships = ['甲镇', '乙乡', '丙街道'];
    const crops = Array.from({ length: 30 }, (_, i) => `作物${i}`);
    let line = 2;
    // Sorted by crop: every row changes township.
    for (let round = 0; round < 20; round++) for (const crop of crops) for (const township of townships) keys.firstLine(township, crop, line++, crop);
    expect(keys.pooled).toBeLessThanOrEqual(townships.length * crops.length * 3);
    expect(keys.entries('乙乡').map(([name, first]) => [name, first])).toEqual(crops.map((crop, i) => [crop, 3 + i * 3]));
  });
});

describe('lines read in place', () => {
  const header = (cells: string[]) => readHeader('f.csv', cells, undefined, new ProblemLog())!;
  /** A line as it stands in a chunk of text: between other lines. */
  // A line among others, as the reader meets it: UTF-8 bytes, with its place in them.
  const inText = (line: string) => ({ text: Buffer.from(`x,y\n${line}\nz`), start: 4, end: 4 + Buffer.byteLength(line) });

  it('find names where they stand in the text', () => {
    const names = new NamesInText<{ name: string; n: number }>();
    names.add({ name: '小麦', n: 1 });
    names.add({ name: '大麦', n: 2 });
    // 镇1,大麦,小麦,小麦 ,麦: each Chinese character is three bytes.
    const text = Buffer.from('镇1,大麦,小麦,小麦 ,麦');
    expect(names.find(text, 5, 11)?.n).toBe(2);
    expect(names.find(text, 12, 18)?.n).toBe(1);
    expect(names.find(text, 19, 26)).toBeUndefined();
    expect(names.find(text, 27, 30)).toBeUndefined();
  });

  it('read a clean crops line as read(row) does, and leave any other line to it', async () => {
    const c = await loadCoefficients();
    const log = new ProblemLog();
    const reader = new CropReader(header(['乡镇', '作物', '面积(万亩)', '单产(kg/公顷)', '产量(吨)', '用地类型']), c, log, { nutrients: ['N'] });
    expect(reader.readsClean).toBe(true);
    const read = (line: string, lineNo: number) => {
      const { text, start, end } = inText(line);
      const r = reader.readClean(lineNo, text, start, end);
      return r && { ...r, crop: r.crop.crop };
    };
    // 0.5 万亩 × 6000 kg/公顷 = 5000 亩 × 400 kg/亩 = 2,000,000 kg.
    expect(read('镇1,小麦,0.5,6000,,', 2)).toEqual({ township: '镇1', crop: '小麦', landUse: '旱地', production: 2_000_000 });
    expect(read('镇1,水稻,,,1.5,paddy', 3)).toEqual({ township: '镇1', crop: '水稻', landUse: '水田', production: 1500 });
    for (const line of [
      '镇1,小麦,1,2,3,', // a repeat of line 2
      '镇1, 玉米,1,6000,,', // a name with a space
      '镇1,玉米\u3000,1,6000,,',
      ' 镇2,玉米,1,6000,,',
      '镇2,芋头,1,6000,,', // not in the guide's table
      '镇2,玉米,1,6000,,,x', // a cell beyond the header's, not empty
      '镇2,玉米,1,6000,', // a cell fewer
      '镇2,玉米,1,1,000,,',
      '镇2,玉米,1,60000000,,', // implausible yield
      '镇2,玉米,0.1,6000,1,', // production far from area × yield
      '镇2,玉米,,6000,,', // no production
      '镇2,玉米,1,6000,,湿地',
      '镇2,杨树,1,6000,,', // timber measured in m³, the columns in kg
      ',玉米,1,6000,,',
    ])
      expect(read(line, 4), line).toBeUndefined();
    expect(read('镇2,玉米,1,6000,,水浇地', 5)).toEqual({ township: '镇2', crop: '玉米', landUse: '旱地', production: 4_000_000 });
    // Empty cells beyond the header's, as spreadsheets export them, are read in place.
    expect(read('镇3,玉米,1,6000,,,,', 6)).toEqual({ township: '镇3', crop: '玉米', landUse: '旱地', production: 4_000_000 });
    // A name with a character trim removes at either edge (one to three bytes in UTF-8) is left to read(row); one that
    // ends in a character of four bytes is read.
    for (const space of ['\t', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff'])
      for (const name of [`${space}镇4`, `镇4${space}`]) expect(read(`${name},玉米,1,6000,,`, 7), JSON.stringify(name)).toBeUndefined();
    for (const kept of ['\u200b', '\u00a1', '\u3001']) expect(read(`镇${kept},玉米,1,6000,,`, 7)?.township).toBe(`镇${kept}`);
    expect(read('镇\u{20000},玉米,1,6000,,', 8)).toMatchObject({ township: '镇\u{20000}', production: 4_000_000 });
    expect(read('\u{20000}镇,玉米,1,6000,,', 9)).toMatchObject({ township: '\u{20000}镇' });
    expect(log.problems).toEqual([]);
    // A column without a header: its cell must be empty.
    const unnamed = new CropReader(header(['township', 'crop', 'area_mu', '', 'yield_kg_per_mu']), c, log, { nutrients: ['N'] });
    const { text, start, end } = inText('镇1,小麦,1,,500');
    expect(unnamed.readClean(2, text, start, end)).toMatchObject({ township: '镇1', production: 500 });
    const note = inText('镇1,玉米,1,备注,500');
    expect(unnamed.readClean(3, note.text, note.start, note.end)).toBeUndefined();
    // Uptakes in the file are read by read(row) only.
    expect(new CropReader(header(['township', 'crop', 'production_kg', 'n_uptake']), c, log, { nutrients: ['N'] }).readsClean).toBe(false);
  });

  it('read a clean livestock line as read(row) does, and leave any other line to it', async () => {
    const c = await loadCoefficients();
    const reader = new LivestockReader(header(['township', 'species', '存栏(万头)', 'slaughter']), c, new ProblemLog(), {});
    const read = (line: string, lineNo: number) => {
      const { text, start, end } = inText(line);
      const r = reader.readClean(lineNo, text, start, end);
      return r && { line: r.line, township: r.township, species: r.species.species, stock: r.stock };
    };
    // 61.33 万头 is exactly 613,300 head.
    expect(read('镇1,猪,61.33,', 2)).toEqual({ line: 2, township: '镇1', species: '生猪', stock: 613_300 });
    for (const line of ['镇1,生猪,1,', '镇1,鹿,1,', '镇1,羊,,100', '镇1,羊,1,x', '镇1,羊,1', '镇1,羊 ,1,']) expect(read(line, 3), line).toBeUndefined();
    expect(read('镇1,羊,1,100', 4)).toEqual({ line: 4, township: '镇1', species: '羊', stock: 10_000 });
    expect(new LivestockReader(header(['township', 'species', 'stock', 'pe_factor']), c, new ProblemLog(), {}).readsClean).toBe(false);
  });
});
