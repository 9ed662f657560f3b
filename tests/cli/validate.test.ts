import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type ProblemCode } from '../../src/problems.js';
import { COUNTY, ROOT, hasStackTrace, landcap, landcapInProcess, writeFiles } from '../helpers.js';

const BAD = 'tests/fixtures/bad';
const GOOD = 'tests/fixtures/good';

interface Expected {
  readonly file: string;
  readonly code: ProblemCode;
  readonly line: number;
  readonly column: number;
}

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly exit: number;
  readonly problems: readonly Expected[];
}

const at = (file: string, code: ProblemCode, line: number, column: number): Expected => ({ file: `${BAD}/${file}`, code, line, column });
const one = (file: string, code: ProblemCode, line: number, column: number, exit = 1, args: string[] = []): Case => ({
  name: `${file}: ${code}`,
  args: [...args, `${BAD}/${file}`],
  exit,
  problems: [at(file, code, line, column)],
});

/** Every problem landcap reports, each triggered by a file in tests/fixtures/bad and asserted where it is. */
const CASES: Case[] = [
  one('empty.csv', 'file-empty', 1, 0),
  one('header-only.csv', 'file-no-rows', 1, 0, 0),
  one('utf16.csv', 'encoding-invalid', 1, 0),
  one('undecodable.csv', 'encoding-invalid', 3, 0),
  one('unknown-kind.csv', 'kind-unknown', 1, 0),
  one('ambiguous-kind.csv', 'kind-ambiguous', 1, 0),
  one('missing-column.csv', 'header-missing-column', 1, 0, 1, ['--kind', 'crops']),
  one('duplicate-column.csv', 'header-duplicate-column', 1, 4),
  one('unknown-column.csv', 'header-unknown-column', 1, 4, 0),
  {
    name: 'unknown-unit.csv: header-unknown-unit, and the row then lacks its area',
    args: [`${BAD}/unknown-unit.csv`],
    exit: 1,
    problems: [at('unknown-unit.csv', 'header-unknown-unit', 1, 3), at('unknown-unit.csv', 'production-missing', 2, 0)],
  },
  one('empty-header.csv', 'header-empty', 3, 4, 0),
  {
    name: 'cells.csv: one cell problem per line',
    args: [`${BAD}/cells.csv`],
    exit: 1,
    problems: [
      at('cells.csv', 'cell-required', 2, 1),
      at('cells.csv', 'number-invalid', 3, 3),
      at('cells.csv', 'number-not-finite', 4, 3),
      at('cells.csv', 'number-negative', 5, 3),
      at('cells.csv', 'row-extra-cells', 6, 4),
    ],
  },
  one('unclosed-quote.csv', 'csv-syntax', 3, 2),
  one('gbk-unknown-crop.csv', 'crop-unknown', 3, 2),
  one('bom-chinese.csv', 'number-invalid', 3, 4),
  one('local-crop.csv', 'crop-local-uptake', 2, 2, 0),
  one('needs-uptake.csv', 'crop-needs-uptake', 2, 2),
  one('production-missing.csv', 'production-missing', 2, 0),
  one('quantity-conflict.csv', 'quantity-conflict', 2, 4),
  one('measure.csv', 'unit-measure-mismatch', 2, 3),
  {
    name: 'per-hectare-yields.csv: yields per 公顷 in a per-亩 column',
    args: [`${BAD}/per-hectare-yields.csv`],
    exit: 1,
    problems: [at('per-hectare-yields.csv', 'yield-implausible', 2, 4), at('per-hectare-yields.csv', 'yield-implausible', 3, 4)],
  },
  one('land-use.csv', 'land-use-invalid', 2, 4),
  one('nul-bytes.csv', 'file-not-text', 1, 0),
  one('invisible-name.csv', 'name-invisible-character', 2, 1, 0),
  one('huge-area.csv', 'figure-not-finite', 2, 3),
  {
    name: 'totals-row.csv: totals rows left out, and checked against the townships',
    args: [`${BAD}/totals-row.csv`],
    exit: 0,
    problems: [at('totals-row.csv', 'total-row', 6, 0), at('totals-row.csv', 'total-mismatch', 6, 3)],
  },
  {
    name: 'stock-bounds.csv: a stock no township holds, and a fraction of an animal',
    args: [`${BAD}/stock-bounds.csv`],
    exit: 1,
    problems: [at('stock-bounds.csv', 'stock-implausible', 2, 3), at('stock-bounds.csv', 'stock-fractional', 3, 3)],
  },
  one('duplicate-crop.csv', 'duplicate-row', 4, 2),
  {
    name: 'livestock-problems.csv: one species problem per line',
    args: [`${BAD}/livestock-problems.csv`],
    exit: 1,
    problems: [
      at('livestock-problems.csv', 'species-unknown', 2, 2),
      at('livestock-problems.csv', 'species-needs-factor', 3, 2),
      at('livestock-problems.csv', 'pe-factor-invalid', 4, 5),
      at('livestock-problems.csv', 'pe-factor-override', 5, 5),
      at('livestock-problems.csv', 'stock-missing', 6, 3),
      at('livestock-problems.csv', 'slaughter-no-ratio', 7, 4),
      at('livestock-problems.csv', 'duplicate-row', 8, 2),
    ],
  },
  {
    name: 'a crops, livestock and soil dataset: soil problems and the checks across files',
    args: [`${BAD}/crops-one-township.csv`, `${BAD}/livestock-no-land.csv`, `${BAD}/soil-problems.csv`],
    exit: 1,
    problems: [
      at('soil-problems.csv', 'grade-invalid', 2, 3),
      at('soil-problems.csv', 'soil-out-of-range', 3, 4),
      at('soil-problems.csv', 'soil-missing-values', 4, 0),
      at('soil-problems.csv', 'soil-grade-disagrees', 5, 3),
      at('livestock-no-land.csv', 'township-no-land', 3, 0),
      at('soil-problems.csv', 'township-soil-only', 6, 0),
    ],
  },
  {
    name: 'a township of the livestock file written otherwise in the crops file (拉堡 / 拉堡镇): township-written-otherwise',
    args: [`${BAD}/crops-labao.csv`, `${BAD}/livestock-written-otherwise.csv`],
    exit: 1,
    problems: [at('livestock-written-otherwise.csv', 'township-written-otherwise', 2, 0)],
  },
  {
    name: 'a livestock file without a county column, naming a township three counties have: township-ambiguous',
    args: ['tests/fixtures/regions/crops.csv', `${BAD}/livestock-ambiguous.csv`],
    exit: 1,
    problems: [at('livestock-ambiguous.csv', 'township-ambiguous', 2, 0)],
  },
  {
    name: 'a livestock file writing the county and city without their endings (鹿寨, 柳州): region-name-differs, once',
    args: ['tests/fixtures/regions/crops.csv', `${BAD}/livestock-region-spelling.csv`],
    exit: 0,
    problems: [at('livestock-region-spelling.csv', 'region-name-differs', 2, 0)],
  },
  {
    name: "places-problems.csv: a location outside China's extent (longitude and latitude swapped), a township placed twice",
    args: [`${BAD}/places-problems.csv`],
    exit: 1,
    problems: [
      at('places-problems.csv', 'place-outside-china', 4, 4),
      at('places-problems.csv', 'place-outside-china', 4, 5),
      at('places-problems.csv', 'place-duplicate', 6, 3),
    ],
  },
  {
    name: 'a places file that lacks two townships and names one otherwise (拉堡): township-no-place, place-no-township',
    args: ['tests/fixtures/regions/crops.csv', 'tests/fixtures/regions/livestock.csv', `${BAD}/places-partial.csv`],
    exit: 0,
    problems: [
      // At each township's first row of data (拉堡镇 line 5, 中渡镇 line 14), naming the places file.
      { file: 'tests/fixtures/regions/crops.csv', code: 'township-no-place', line: 5, column: 0 },
      { file: 'tests/fixtures/regions/crops.csv', code: 'township-no-place', line: 14, column: 0 },
      at('places-partial.csv', 'place-no-township', 3, 0),
    ],
  },
  {
    name: 'a places file none of whose townships is one of the data (names written with their county): locations-match-none, once',
    args: ['tests/fixtures/regions/crops.csv', 'tests/fixtures/regions/livestock.csv', `${BAD}/places-other-names.csv`],
    exit: 1,
    problems: [at('places-other-names.csv', 'locations-match-none', 2, 0)],
  },
  // Tables as statistics and workbooks give them.
  {
    name: 'a totals row labelled with the district (柳江区), last or first: total-unlabelled, at its township cell',
    args: [`${BAD}/crops-district-row.csv`, `${BAD}/livestock-district-row.csv`],
    exit: 1,
    problems: [
      at('crops-district-row.csv', 'title-skipped', 1, 0),
      at('crops-district-row.csv', 'note-line-skipped', 9, 0),
      at('crops-district-row.csv', 'total-unlabelled', 8, 1),
      at('livestock-district-row.csv', 'title-skipped', 1, 0),
      at('livestock-district-row.csv', 'note-line-skipped', 8, 0),
      at('livestock-district-row.csv', 'total-unlabelled', 3, 1),
    ],
  },
  one('not-a-workbook.xlsx', 'workbook-invalid', 1, 0),
  one('no-table.xlsx', 'sheet-not-found', 1, 0),
  {
    name: "formula.xlsx: formula-no-value, at the sheet's cell",
    args: [`${BAD}/formula.xlsx`],
    exit: 1,
    problems: [at('formula.xlsx[crops]', 'formula-no-value', 2, 5)],
  },
  one('title.csv', 'title-skipped', 1, 0, 0),
  one('unitless-production.csv', 'unit-assumed', 1, 4, 0),
  {
    name: 'title-unit.csv: the unit a title states (单位：吨) is read for a column that gives none',
    args: [`${BAD}/title-unit.csv`],
    exit: 0,
    problems: [at('title-unit.csv', 'title-skipped', 1, 0), at('title-unit.csv', 'unit-from-title', 2, 4)],
  },
  one('measure-missing.csv', 'header-measure-missing', 1, 3, 1),
  one('numbered.csv', 'column-numbers-skipped', 2, 0, 0),
  one('buffalo.csv', 'local-member-with-whole', 4, 2, 1, ['--local', 'tests/fixtures/local/本地词典.csv']),
  {
    name: 'measure-title.csv: species with a head unit and no measure, read as the 存栏 the title names',
    args: [`${BAD}/measure-title.csv`],
    exit: 0,
    problems: [at('measure-title.csv', 'title-skipped', 1, 0), at('measure-title.csv', 'measure-from-title', 2, 2), at('measure-title.csv', 'measure-from-title', 2, 3)],
  },
  one('total-column.csv', 'total-column', 1, 2, 0),
  one('part.csv', 'part-left-out', 3, 2, 0),
  {
    name: 'part-too-large.csv: a 其中 row larger than its whole',
    args: [`${BAD}/part-too-large.csv`],
    exit: 0,
    problems: [at('part-too-large.csv', 'part-left-out', 3, 2), at('part-too-large.csv', 'part-exceeds-whole', 3, 3)],
  },
  one('notes.csv', 'note-line-skipped', 3, 0, 0),
  {
    name: 'pages.csv: a table over two pages (续表, its title and header again) and a sign-off under it',
    args: [`${BAD}/pages.csv`],
    exit: 0,
    problems: [
      at('pages.csv', 'title-skipped', 1, 0),
      at('pages.csv', 'header-repeated', 4, 0),
      at('pages.csv', 'header-repeated', 5, 0),
      at('pages.csv', 'header-repeated', 6, 0),
      at('pages.csv', 'total-row', 8, 0),
      at('pages.csv', 'note-line-skipped', 9, 0),
    ],
  },
  {
    name: 'groups.csv: 粮食作物 beside 玉米 and above 其中：稻谷, the members read and the group left out',
    args: [`${BAD}/groups.csv`],
    exit: 0,
    problems: [at('groups.csv', 'title-skipped', 1, 0), at('groups.csv', 'group-left-out', 3, 2), at('groups.csv', 'total-row', 5, 0)],
  },
  one('group-unlisted.csv', 'group-unlisted', 2, 2),
  {
    name: 'group-items.csv: 粮食作物 10,500 t above 其中：稻谷 8,100 t: the 2,400 t the file does not name are said',
    args: [`${BAD}/group-items.csv`],
    exit: 0,
    problems: [at('group-items.csv', 'group-left-out', 2, 2), at('group-items.csv', 'group-items-differ', 2, 2)],
  },
  one('unit-by-item.csv', 'unit-by-item', 1, 3, 0),
  one('subtotal.csv', 'subtotal-item', 4, 2, 0),
  one('unit-invalid.csv', 'unit-invalid', 2, 4),
  one('unit-conflict.csv', 'unit-conflict', 2, 4),
  // Local names and local coefficients.
  {
    name: 'part-of-whole.csv: 稻谷 with its parts 早稻 and 晚稻 in one township: the parts left out',
    args: [`${BAD}/part-of-whole.csv`],
    exit: 0,
    problems: [at('part-of-whole.csv', 'part-of-whole', 3, 2), at('part-of-whole.csv', 'part-of-whole', 4, 2)],
  },
  one('cattle.csv', 'species-cattle', 2, 2),
  {
    name: 'local-problems.csv: a local dictionary, each bad row located',
    args: [`${BAD}/local-problems.csv`],
    exit: 1,
    problems: [
      at('local-problems.csv', 'local-source-missing', 2, 8),
      at('local-problems.csv', 'pe-factor-invalid', 4, 7),
      at('local-problems.csv', 'local-land-use-missing', 5, 5),
      at('local-problems.csv', 'local-defined-twice', 6, 1),
      at('local-problems.csv', 'local-mixed', 7, 2),
      at('local-problems.csv', 'local-nothing', 8, 1),
      at('local-problems.csv', 'local-alias-value', 9, 1),
      at('local-problems.csv', 'local-value-invalid', 10, 3),
      at('local-problems.csv', 'local-means-unknown', 3, 2),
    ],
  },
];

interface ValidateJson {
  valid: boolean;
  errors: (Expected & { severity: string; message: string; hint?: string })[];
  warnings: (Expected & { severity: string; message: string; hint?: string })[];
  notes: (Expected & { severity: string; message: string; hint?: string })[];
  counts: { errors: number; warnings: number; notes: number; shown: number };
  files: { path: string; kind: string | null; encoding: string | null; rows: number }[];
}

/** validate --format json, run in this process (the binary's own start is tested by the other cases). */
async function validateJson(args: readonly string[]) {
  const r = await landcapInProcess(['validate', '--format', 'json', ...args]);
  expect(hasStackTrace(r.stderr)).toBe(false);
  return { ...r, json: JSON.parse(r.stdout) as ValidateJson };
}

describe('landcap validate: every problem located', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { status, json } = await validateJson(c.args);
      expect(status).toBe(c.exit);
      expect(json.valid).toBe(c.exit === 0);
      const found = [...json.errors, ...json.warnings, ...json.notes].map(({ file, code, line, column }) => ({ file, code, line, column }));
      expect(found.sort(byPlace)).toEqual([...c.problems].sort(byPlace));
      for (const p of [...json.errors, ...json.warnings, ...json.notes]) expect(p.severity).toBe(PROBLEM_CODES[p.code]);
    });
  }

  it('a map among the files: read as report --map reads it, checked against the data, in the order given', async () => {
    const map = 'tests/fixtures/map/problems.geojson';
    const { status, json } = await validateJson(['tests/fixtures/regions/crops.csv', map, 'tests/fixtures/regions/livestock.csv']);
    expect(status).toBe(1);
    // The map's own problems at its features, and 拉堡镇 (written 拉堡 on the map) at its first crops row.
    const found = [...json.errors, ...json.warnings].map(({ file, code, line, column }) => [file, code, line, column]);
    expect(found).toEqual(
      expect.arrayContaining([
        [map, 'map-outside-china', 316, 3],
        [map, 'map-feature-unnamed', 234, 3],
        ['tests/fixtures/regions/crops.csv', 'township-not-on-map', 5, 0],
        [map, 'map-no-township', 43, 3],
      ]),
    );
    // Its townships counted: 拉堡, 东风镇 of three counties, 大埔镇, 中渡镇 (two features) — the unnamed, the point and
    // the one in metres left out.
    expect(json.files.map((f) => [f.path, f.kind, f.rows])).toEqual([
      ['tests/fixtures/regions/crops.csv', 'crops', 14],
      [map, 'map', 6],
      ['tests/fixtures/regions/livestock.csv', 'livestock', 14],
    ]);
    // A map alone, whole: valid; named .json, read as a map when it is GeoJSON.
    const alone = await validateJson(['tests/fixtures/map/townships.geojson']);
    expect(alone.status).toBe(0);
    expect(alone.json.files).toEqual([{ path: 'tests/fixtures/map/townships.geojson', kind: 'map', encoding: 'utf-8', rows: 7 }]);
    const mapJson = join(writeFiles({ 'map.json': readFileSync(join(ROOT, 'tests/fixtures/map/townships.geojson')) }), 'map.json');
    expect((await validateJson([mapJson])).json.files[0]).toMatchObject({ kind: 'map', rows: 7 });
    // A parameters file is no map: JSON, not a table (file-not-text, pointing to --params), and the data's own checks still run.
    const withParams = await validateJson(['tests/fixtures/regions/crops.csv', 'data/samples/beipiao-townships-2024/params.json']);
    expect(withParams.json.files.map((f) => f.kind)).toEqual(['crops', null]);
    expect(withParams.json.errors.map((e) => [e.code, e.message])).toEqual([['file-not-text', 'the file is JSON, not a CSV table']]);
    expect(withParams.json.errors[0]!.hint).toContain('a map of the townships goes to --map');
  });

  it('covers every problem code', async () => {
    // A map's codes come from report and transfer runs: tests/cli/map.test.ts has a case of each.
    const MAP_CODES = ['map-not-features', 'map-feature-unnamed', 'map-no-names', 'map-feature-invalid', 'map-outside-china', 'map-township-repeated', 'township-not-on-map', 'map-no-township'];
    const mapTest = readFileSync(join(ROOT, 'tests/cli/map.test.ts'), 'utf8');
    for (const code of MAP_CODES) expect(mapTest).toMatch(new RegExp(`(error|warning) ${code}\\b`));
    // Files with headers and no rows are a warning each to validate, and no township to report on.
    const empty = landcap(['report', '--crops', `${BAD}/header-only.csv`, '--livestock', `${BAD}/header-only-livestock.csv`]);
    expect(empty.status).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain(`${BAD}/header-only.csv:1:0: error no-townships the input files hold no township`);
    // A scenario's: tests/cli/scenario.test.ts; a report's choice among a workbook's sheets: tests/cli/tables.test.ts.
    expect(readFileSync(join(ROOT, 'tests/cli/scenario.test.ts'), 'utf8')).toMatch(/error scenario-township-unknown\b/);
    expect(readFileSync(join(ROOT, 'tests/cli/tables.test.ts'), 'utf8')).toMatch(/warning sheet-several\b/);
    expect(readFileSync(join(ROOT, 'tests/cli/tables.test.ts'), 'utf8')).toMatch(/error sheet-ambiguous\b/);
    expect(readFileSync(join(ROOT, 'tests/cli/tables.test.ts'), 'utf8')).toMatch(/'rows-hidden'/);
    const covered = new Set([
      ...CASES.flatMap((c) => c.problems.map((p) => p.code)),
      'kind-mismatch',
      'production-mismatch',
      'no-townships',
      'scenario-township-unknown',
      'sheet-several',
      'sheet-ambiguous',
      'rows-hidden',
      ...MAP_CODES,
    ]);
    expect([...covered].sort()).toEqual(Object.keys(PROBLEM_CODES).sort());
  });

  it('prints FILE:LINE:COLUMN: severity CODE message lines, with hints', async () => {
    const r = landcap(['validate', `${BAD}/gbk-unknown-crop.csv`, `${BAD}/per-hectare-yields.csv`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${BAD}/gbk-unknown-crop.csv:3:2: error crop-unknown unknown crop "玉米粒" (hint: did you mean "玉米"?`);
    expect(r.stderr).toContain(
      `${BAD}/per-hectare-yields.csv:2:4: error yield-implausible yield 8,160 per 亩 is more than any 玉米 reaches (at most 2,000) (hint: is it per 公顷? That is 544 per 亩`,
    );
    expect(r.stdout).toContain(`${BAD}/gbk-unknown-crop.csv: crops, gb18030, 2 row(s)`);
    expect(r.stdout).toContain('invalid: 3 error(s), 0 warning(s) in 2 file(s), 5 row(s)');
  });

  it('reports a file passed as the wrong kind (kind-mismatch) in report and validate', async () => {
    const r = landcap(['report', '--crops', `${GOOD}/livestock.csv`, '--livestock', `${GOOD}/livestock.csv`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${GOOD}/livestock.csv:1:0: error kind-mismatch expected a crops file, but its header looks like livestock`);
    const v = await validateJson(['--kind', 'crops', `${GOOD}/livestock.csv`]);
    expect(v.json.errors.map((e) => e.code)).toEqual(['kind-mismatch']);
  });

  it('--strict turns warnings into errors; --max-errors limits the list, not the totals', async () => {
    expect((await validateJson([`${BAD}/header-only.csv`])).status).toBe(0);
    const strict = await validateJson(['--strict', `${BAD}/header-only.csv`]);
    expect(strict.status).toBe(1);
    expect(strict.json.errors[0]).toMatchObject({ code: 'file-no-rows', severity: 'error' });
    const limited = await validateJson(['--max-errors', '2', `${BAD}/cells.csv`, `${BAD}/livestock-problems.csv`]);
    expect(limited.json.errors.length + limited.json.warnings.length).toBe(2);
    expect(limited.json.counts).toEqual({ errors: 11, warnings: 1, notes: 0, shown: 2 });
    const text = landcap(['validate', '--max-errors', '2', `${BAD}/cells.csv`, `${BAD}/livestock-problems.csv`]);
    expect(text.stderr.trim().split('\n')).toHaveLength(3);
    expect(text.stderr).toContain('… and 10 more not shown (--max-errors)');
    expect(text.stdout).toContain('invalid: 11 error(s), 1 warning(s)');
  });

  it('documents every code, with its severity, in docs/problems.md', async () => {
    const doc = readFileSync(join(ROOT, 'docs/problems.md'), 'utf8');
    for (const [code, severity] of Object.entries(PROBLEM_CODES)) expect(doc).toContain(`### \`${code}\` — ${severity}`);
  });

  it('report refuses the data validate rejects, with the same messages', async () => {
    for (const file of ['cells.csv', 'gbk-unknown-crop.csv', 'per-hectare-yields.csv', 'duplicate-crop.csv', 'bom-chinese.csv']) {
      const v = landcap(['validate', `${BAD}/${file}`, `${GOOD}/livestock.csv`]);
      const r = landcap(['report', '--crops', `${BAD}/${file}`, '--livestock', `${GOOD}/livestock.csv`, '--format', 'json']);
      expect(v.status).toBe(1);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const problems = (text: string) => text.split('\n').filter((l) => l.startsWith(`${BAD}/`));
      expect(problems(r.stderr)).toEqual(problems(v.stderr));
    }
  });

  it('a local dictionary given with several data files: its errors once each, the data files not read', async () => {
    const r = landcap(['validate', '--format', 'json', `${BAD}/local-problems.csv`, `${BAD}/cells.csv`, `${BAD}/crops-one-township.csv`]);
    expect(r.status).toBe(1);
    const v = JSON.parse(r.stdout) as { errors: { file: string; line: number; code: string }[] };
    const places = v.errors.map((e) => `${e.file}:${e.line}:${e.code}`);
    expect(new Set(places).size).toBe(places.length);
    expect(v.errors.every((e) => e.file.endsWith('local-problems.csv'))).toBe(true);
    expect(landcap(['validate', `${BAD}/local-problems.csv`, `${BAD}/cells.csv`]).stdout).toContain(
      'cells.csv: crops, utf-8, not read: the local dictionary has errors',
    );
  });

  it('a missing file is an I/O error: exit 2', async () => {
    const r = landcap(['validate', 'no-such-file.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-file.csv: no such file');
    expect(landcap(['validate']).status).toBe(2);
  });
});

describe('encodings', () => {
  it('a GBK copy of a good dataset gives exactly the report of its UTF-8 original', async () => {
    const utf8 = landcap([
      'report',
      '--format',
      'json',
      '--basis',
      'both',
      '--crops',
      `${GOOD}/crops.csv`,
      '--livestock',
      `${GOOD}/livestock.csv`,
      '--soil',
      `${GOOD}/soil.csv`,
    ]);
    const gbk = landcap([
      'report',
      '--format',
      'json',
      '--basis',
      'both',
      '--crops',
      `${GOOD}/crops-gbk.csv`,
      '--livestock',
      `${GOOD}/livestock-gbk.csv`,
      '--soil',
      `${GOOD}/soil-gbk.csv`,
    ]);
    expect(utf8.status).toBe(0);
    expect(gbk.status).toBe(0);
    const a = JSON.parse(utf8.stdout);
    const b = JSON.parse(gbk.stdout);
    expect(b.townships).toEqual(a.townships);
    expect(b.total).toEqual(a.total);
    expect(b.inputs.map((f: { encoding: string }) => f.encoding)).toEqual(['gb18030', 'gb18030', 'gb18030']);
    expect(readFileSync(join(ROOT, GOOD, 'crops-gbk.csv')).equals(readFileSync(join(ROOT, GOOD, 'crops.csv')))).toBe(false);
  });

  it('--encoding overrides detection; GBK read as UTF-8 is refused, not mojibake', async () => {
    const r = await validateJson(['--encoding', 'utf-8', `${GOOD}/crops-gbk.csv`]);
    expect(r.status).toBe(1);
    expect(r.json.errors[0]).toMatchObject({ code: 'encoding-invalid', line: 1 });
    expect(r.stdout).not.toMatch(/[\u9000-\u9fff]{0}\uFFFD/);
  });

  it('--encoding takes GBK and GB2312, in any case, as GB18030 (which contains them); an unknown name is a usage error', async () => {
    const rows = (await validateJson([`${GOOD}/crops.csv`])).json.files[0]!.rows;
    for (const name of ['GBK', 'gb2312', 'GB18030']) {
      const r = await validateJson(['--encoding', name, `${GOOD}/crops-gbk.csv`]);
      expect(r.status, name).toBe(0);
      expect(r.json.files[0]).toMatchObject({ encoding: 'gb18030', rows });
    }
    const bad = landcap(['validate', '--encoding', 'big5', `${GOOD}/crops-gbk.csv`]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are auto, utf-8, gb18030');
  });
});

describe('the bundled samples', () => {
  it('validate with no warnings but the county sample grassland row, located', async () => {
    const townships = await validateJson(['--sample', 'beipiao-townships-2024']);
    expect(townships.status).toBe(0);
    expect(townships.json.warnings).toEqual([]);
    const county = await validateJson(['--sample', 'beipiao-county-2024']);
    expect(county.status).toBe(0);
    expect(county.json.warnings.map(({ file, code, line, column }) => ({ file, code, line, column }))).toEqual([
      { file: 'data/samples/beipiao-county-2024/crops.csv', code: 'production-mismatch', line: 17, column: 6 },
    ]);
  });

  it("also report table 3-2's maize production in a copy of the county sample", async () => {
    const dir = writeFiles({ 'crops.csv': readFileSync(join(COUNTY, 'crops.csv'), 'utf8').replace('680000000.00', '68000000.00') });
    const r = await validateJson([join(dir, 'crops.csv'), join(COUNTY, 'livestock.csv')]);
    expect(r.status).toBe(0);
    expect(r.json.warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ['production-mismatch', 3, 6],
      ['production-mismatch', 17, 6],
    ]);
    expect(r.json.warnings[0]!.hint).toContain('1/10');
  });
});

function byPlace(a: Expected, b: Expected): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}
