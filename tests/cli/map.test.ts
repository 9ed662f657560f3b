// Maps (docs/transfer.md, maps): a GeoJSON map of the townships locates them for a transfer plan (area centroids),
// is drawn in the HTML pages, and is checked feature by feature; the plan's workbook and explain's flows.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, hasStackTrace, landcapInProcess, tempDir, writeFiles } from '../helpers.js';

const DIR = 'tests/fixtures/regions';
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0);
const MAP = 'tests/fixtures/map/townships.geojson';
const DATA = ['--crops', `${DIR}/crops.csv`, '--livestock', `${DIR}/livestock.csv`];

interface Feature {
  properties: Record<string, string>;
  geometry: { type: string; coordinates: number[][][] };
}
const features = (JSON.parse(readFileSync(join(ROOT, MAP), 'utf8')) as { features: Feature[] }).features;

/** A polygon's centroid in the plane of longitude and latitude (shoelace), as a check of the spherical one. */
function planarCentroid(ring: number[][]): { lon: number; lat: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0! * y1! - x1! * y0!;
    a += cross;
    x += (x0! + x1!) * cross;
    y += (y0! + y1!) * cross;
  }
  return { lon: x / (3 * a), lat: y / (3 * a) };
}

function cosinesKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  return 6371.0 * Math.acos(Math.min(1, Math.sin(a.lat * r) * Math.sin(b.lat * r) + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r)));
}

/** Writes a map of the given features (or text) to a new folder; returns its path. */
function mapFile(content: string | Uint8Array | object): string {
  const file = join(tempDir('landcap-map-'), 'map.geojson');
  writeFileSync(file, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content, null, 1));
  return file;
}
const collection = (fs: unknown[]) => ({ type: 'FeatureCollection', features: fs });

/** The line (from 1) of the n-th feature (from 0) in a map written with one space per level. */
const featureLine = (text: string, n: number) => text.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => l === '  {')[n]![1];

describe('a map of the townships', () => {
  it('transfer --map: each township located at its area centroid; the plan as far as those places are', async () => {
    const r = await landcapInProcess(['transfer', '--format', 'json', ...DATA, '--map', MAP, '--max-km', '30']);
    expect(r.status, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { flows: { from: string; fromCounty: string; to: string; toCounty: string; km: number }[] };
    expect(plan.flows.length).toBeGreaterThan(0);
    const at = (name: string, county: string) => planarCentroid(features.find((f) => f.properties.name === name && f.properties['县'] === county)!.geometry.coordinates[0]!);
    // A county-sized polygon's spherical centroid is within metres of its planar one.
    for (const f of plan.flows) expect(Math.abs(f.km - cosinesKm(at(f.from, f.fromCounty), at(f.to, f.toCounty)))).toBeLessThan(0.05);
    // The map's township that the data do not have: at its feature's line and column, drawn grey.
    const text = readFileSync(join(ROOT, MAP), 'utf8');
    expect(r.stderr).toContain(`${MAP}:${featureLine(text, 6)}:3: warning map-no-township the map's "柳江区 进德镇" names no township of the data`);
  });

  it('report --map --format html: one path per township of the map, filled by its status, the grey one not in the data', async () => {
    const json = JSON.parse((await landcapInProcess(['report', '--format', 'json', ...DATA])).stdout) as { townships: { name: string; county: string; status: string }[] };
    const r = await landcapInProcess(['report', '--format', 'html', ...DATA, '--map', MAP]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('drawn only in the HTML page');
    // Another format checks the map and says that it does not draw it.
    const table = await landcapInProcess(['report', ...DATA, '--map', MAP]);
    expect(table.status).toBe(0);
    expect(table.stderr).toContain('landcap: the map is checked against the data, and drawn only in the HTML page (--format html), not in table');
    const paths = [...r.stdout.matchAll(/<path class="township ([^"]+)" data-township="([^"]+)"/g)].map((m) => ({ cls: m[1]!, label: m[2]! }));
    expect(paths).toHaveLength(features.length);
    for (const t of json.townships) expect(paths).toContainEqual({ cls: `status-${t.status}`, label: `${t.county} ${t.name}` });
    expect(paths.filter((p) => p.cls === 'off-data')).toEqual([{ cls: 'off-data', label: '柳江区 进德镇' }]);
    expect(r.stdout).toMatch(/<g class="scale-bar">.*\d+ km<\/text>/s);
    // The legend lists the statuses drawn, and grey.
    expect(r.stdout).toContain('not in the data');
  });

  it('transfer --format html: an arrow per flow; xlsx: the flows and townships read back by another program', async () => {
    const args = ['transfer', ...DATA, '--places', `${DIR}/places.csv`, '--map', MAP];
    const plan = JSON.parse((await landcapInProcess([...args, '--format', 'json'])).stdout) as {
      flows: { pe: number; km: number }[];
      townships: { name: string; sentPe: number; loadIndexAfter: number }[];
    };
    const html = await landcapInProcess([...args, '--format', 'html', '--lang', 'zh']);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout.match(/<line class="flow"/g)).toHaveLength(plan.flows.length);
    expect(html.stdout).toContain('转运方案图');
    const out = join(tempDir(), 'plan.xlsx');
    expect((await landcapInProcess([...args, '--format', 'xlsx', '--output', out])).status).toBe(0);
    if (!PYTHON) return expect(process.env.LANDCAP_REQUIRE_OPENPYXL, 'python3-openpyxl is needed').toBeUndefined();
    const dump = JSON.parse(execFileSync(PYTHON, [join(ROOT, 'tests/fixtures/regions/read-xlsx.py'), out], { encoding: 'utf8' })) as {
      name: string;
      rows: { value: unknown }[][];
    }[];
    const sheet = (name: string) => dump.find((d) => d.name === name)!.rows;
    const flows = sheet('Flows');
    const peColumn = flows[0]!.findIndex((c) => c.value === 'PE a year');
    const kmColumn = flows[0]!.findIndex((c) => c.value === 'km');
    expect(flows.slice(1, -1).map((row) => [row[peColumn]!.value, row[kmColumn]!.value])).toEqual(plan.flows.map((f) => [f.pe, f.km]));
    expect(flows.at(-1)![peColumn]!.value).toBeCloseTo(plan.flows.reduce((a, f) => a + f.pe, 0), 6);
    expect(sheet('Townships').length).toBe(plan.townships.length + 1);
  });

  it('explain --places lists the township’s flows as the plan has them', async () => {
    const plan = JSON.parse((await landcapInProcess(['transfer', '--format', 'json', ...DATA, '--places', `${DIR}/places.csv`])).stdout) as {
      flows: { from: string; fromCounty: string; to: string; toCounty: string; pe: number; km: number }[];
    };
    const sent = plan.flows.find((f) => f.from === '拉堡镇')!;
    const r = await landcapInProcess(['explain', ...DATA, '--places', `${DIR}/places.csv`, '--township', '拉堡镇']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `sends ${sent.pe.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} PE a year to ${sent.toCounty} ${sent.to}, ${sent.km.toFixed(1)} km`,
    );
    const json = JSON.parse((await landcapInProcess(['explain', ...DATA, '--places', `${DIR}/places.csv`, '--township', '拉堡镇', '--format', 'json'])).stdout);
    expect(json.transfer.flows).toEqual(plan.flows.filter((f) => f.from === '拉堡镇' || f.to === '拉堡镇'));
  });

  it('transfer without --places or --map, and explain --max-km without them: exit 2, asking for one', async () => {
    const r = await landcapInProcess(['transfer', ...DATA]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--places FILE');
    const explain = await landcapInProcess(['explain', ...DATA, '--township', '拉堡镇', '--max-km', '10']);
    expect(explain.status).toBe(2);
    expect(explain.stderr).toContain("--max-km is the reach of a transfer plan: give the townships' locations too");
  });

  it('no map makes it fail badly: 300 mutated maps, each run exit 0, 1 or 2 with no stack trace', async () => {
    const text = readFileSync(join(ROOT, MAP), 'utf8');
    const pieces = ['', '{', '}', '[', ']', ',', '"', 'null', '0', '-1', '1e400', '"Point"', '"MultiPolygon"', '"name"', '"乡镇"', '[[]]', '\u0000', '😀', '"\\u202e"'];
    const file = join(tempDir('landcap-map-fuzz-'), 'map.geojson');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }), async (edits) => {
        let t = text;
        for (const [at, cut, piece] of edits) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + piece + t.slice(i + cut);
        }
        writeFileSync(file, t);
        const r = await landcapInProcess(['transfer', ...DATA, '--map', file, '--format', 'json']);
        expect([0, 1, 2], r.stderr).toContain(r.status);
        expect(hasStackTrace(r.stderr), r.stderr).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  describe('bad maps: located, exit 1 or 2, no stack trace', () => {
    const square = (lon: number, lat: number, d = 0.05) => [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ];
    const feature = (props: object, geometry: object) => ({ type: 'Feature', properties: props, geometry });
    const good = features.slice(0, 6);
    const run = async (map: string, extra: string[] = []) => {
      const r = await landcapInProcess(['transfer', ...DATA, '--map', map, ...extra]);
      expect(hasStackTrace(r.stderr)).toBe(false);
      return r;
    };

    it('not JSON: exit 2 at its line and column; not text: exit 2 at its line', async () => {
      const r = await run(mapFile('{\n "type": "FeatureCollection",\n "features": [,]\n}\n'));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/map\.geojson: not valid JSON: .*\(line 3, column 15\)/);
      // Latin-1 bytes (é) in a name: neither UTF-8 nor GB18030 throughout.
      const latin = Buffer.concat([Buffer.from('{"type": "FeatureCollection",\n"features": [{"type": "Feature", "properties": {"name": "'), Buffer.from([0xe9, 0x22, 0x7d]), Buffer.from('}]}\n')]);
      const bad = await run(mapFile(latin));
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('map.geojson: is not UTF-8 / GB18030 text (line 2): save it as UTF-8');
    });

    it('a map exported in GBK: read as the UTF-8 map is, the same plan; forced to UTF-8, refused at the line', async () => {
      const utf8 = await run(MAP, ['--format', 'json']);
      const gbkFile = mapFile(iconv.encode(readFileSync(join(ROOT, MAP), 'utf8'), 'gbk'));
      const gbk = await run(gbkFile, ['--format', 'json']);
      expect(gbk.status, gbk.stderr).toBe(0);
      expect(JSON.parse(gbk.stdout).flows).toEqual(JSON.parse(utf8.stdout).flows);
      expect(JSON.parse(gbk.stdout).townships).toEqual(JSON.parse(utf8.stdout).townships);
      const forced = await run(gbkFile, ['--encoding', 'utf-8']);
      expect(forced.status).toBe(2);
      expect(forced.stderr).toMatch(/map\.geojson: is not utf-8 text \(line \d+\): save it as UTF-8/);
      // A UTF-8 map is read as UTF-8 whatever --encoding says of the CSV files (GBK ones here).
      const gbkData = writeFiles({
        'crops.csv': iconv.encode(readFileSync(join(ROOT, DATA[1]!), 'utf8'), 'gbk'),
        'livestock.csv': iconv.encode(readFileSync(join(ROOT, DATA[3]!), 'utf8'), 'gbk'),
      });
      const both = await landcapInProcess(['transfer', '--crops', join(gbkData, 'crops.csv'), '--livestock', join(gbkData, 'livestock.csv'), '--encoding', 'gb18030', '--map', MAP, '--format', 'json']);
      expect(both.status, both.stderr).toBe(0);
      expect(JSON.parse(both.stdout).flows).toEqual(JSON.parse(utf8.stdout).flows);
      // validate says what it was read as.
      const v = await landcapInProcess(['validate', '--format', 'json', 'tests/fixtures/regions/crops.csv', gbkFile]);
      expect((JSON.parse(v.stdout) as { files: { kind: string; encoding: string }[] }).files[1]).toMatchObject({ kind: 'map', encoding: 'gb18030' });
    });

    it('a map none of whose townships is in the data: one error, not a warning per township; one all outside China: only those errors', async () => {
      const prefixed = mapFile(collection(good.map((f) => ({ ...f, properties: { ...f.properties, name: `${f.properties['县']}${f.properties.name}` } }))));
      const r = await run(prefixed);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/map\.geojson:\d+:3: error locations-match-none not one of the 6 townships of .*map\.geojson is a township of the data/);
      expect(r.stderr).toContain('(hint: is "柳江区东风镇" the data\'s "柳江区 东风镇"?');
      expect(r.stderr).not.toContain('township-not-on-map');
      expect(r.stderr).not.toContain('map-no-township');
      // Longitude and latitude the wrong way round: each feature says so, and nothing more is said of the map.
      const swapped = mapFile(
        collection(good.map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: (f.geometry as { coordinates: number[][][] }).coordinates.map((ring) => ring.map(([x, y]) => [y, x])) } }))),
      );
      const w = await run(swapped);
      expect(w.status).toBe(1);
      const codes = [...w.stderr.matchAll(/ (?:error|warning) ([a-z-]+) /g)].map((m) => m[1]);
      expect(codes).toEqual(Array.from({ length: 6 }, () => 'map-outside-china'));
    });

    it('JSON that is no FeatureCollection; a point; a map in metres: errors at the feature, exit 1', async () => {
      expect((await run(mapFile({ type: 'Topology' }))).stderr).toContain('map.geojson:1:1: error map-not-features');
      // A point, or no geometry (as GeoJSON allows): left out with a warning; the township is then not on the map.
      const point = feature({ name: '大埔镇', 县: '柳城县' }, { type: 'Point', coordinates: [109.24, 24.65] });
      const file = mapFile(collection([...good.slice(0, 3), point, { type: 'Feature', properties: { name: '穿山镇' }, geometry: null }]));
      const r = await run(file);
      expect(r.status, r.stderr).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(r.stderr).toContain(`map.geojson:${featureLine(text, 3)}:3: warning map-feature-invalid feature 4 ("大埔镇") is not a polygon that can be drawn (geometry Point): it is left out`);
      expect(r.stderr).toContain(`map.geojson:${featureLine(text, 4)}:3: warning map-feature-invalid feature 5 ("穿山镇") is not a polygon that can be drawn (geometry missing)`);
      expect(r.stderr).toContain('warning township-not-on-map township "柳城县 大埔镇" is not on the map');
      const metres = mapFile(collection([feature({ name: '拉堡镇' }, { type: 'Polygon', coordinates: square(36_534_000, 2_684_000, 5000) })]));
      const m = await run(metres);
      expect(m.status).toBe(1);
      expect(m.stderr).toMatch(/error map-outside-china feature 1 \("拉堡镇"\) has a point at 36,534,000, 2,684,000.*projected metres/);
      // [latitude, longitude]: said so.
      const swapped = mapFile(collection([feature({ name: '拉堡镇' }, { type: 'Polygon', coordinates: [square(109.3, 24.2)[0]!.map(([x, y]) => [y, x])] })]));
      expect((await run(swapped)).stderr).toContain('would lie in China: GeoJSON writes [longitude, latitude]');
      // A places table given as the map: a usage error that says where it goes.
      const table = await run(`${DIR}/places.csv`);
      expect(table.status).toBe(2);
      expect(table.stderr).toContain(`--map ${DIR}/places.csv: a map is a GeoJSON file; a table of longitudes and latitudes goes to --places`);
    });

    it('rings as files write them: holes wound either way cut out, an open ring refused, repeated names without a county not merged, no township drawn an error', async () => {
      // One township, 0.2° square, with a hole over its eastern half's middle; both rings wound the same way.
      const outer = square(109, 24, 0.2)[0]!;
      const hole = [
        [109.1, 24.05],
        [109.2, 24.05],
        [109.2, 24.15],
        [109.1, 24.15],
        [109.1, 24.05],
      ];
      const others = good.filter((f) => f.properties.name !== '拉堡镇');
      const withHole = (rings: number[][][]) => collection([...others, feature({ name: '拉堡镇', 县: '柳江区', 市: '柳州市' }, { type: 'Polygon', coordinates: rings })]);
      const placed = async (map: object) => {
        const r = await run(mapFile(map), ['--format', 'json', '--max-km', '1000']);
        expect(r.status, r.stderr).toBe(0);
        return (JSON.parse(r.stdout) as { flows: { from: string; to: string; toCounty: string; km: number }[] }).flows.find((f) => f.from === '拉堡镇')!;
      };
      // The area without the hole: (0.2² × 109.1 − 0.01 × 109.15) ÷ 0.03 in longitude, near enough on a sphere this small.
      const expectedLon = (0.04 * 109.1 - 0.01 * 109.15) / 0.03;
      const sameWay = await placed(withHole([outer, hole]));
      const opposite = await placed(withHole([outer, [...hole].reverse()]));
      expect(sameWay.km).toBeCloseTo(opposite.km, 6);
      const to = features.find((f) => f.properties.name === sameWay.to && f.properties['县'] === sameWay.toCounty)!;
      expect(sameWay.km).toBeCloseTo(cosinesKm({ lon: expectedLon, lat: 24.1 }, planarCentroid(to.geometry.coordinates[0]!)), 1);
      // An open ring: left out, not read with a corner lost.
      const open = await run(mapFile(withHole([outer.slice(0, 4)])));
      expect(open.stderr).toContain('warning map-feature-invalid feature 6 ("拉堡镇") is not a polygon that can be drawn (geometry Polygon)');
      // Two features of one name, no county on the map: which is which is not guessed.
      const bare = collection([feature({ name: '东风镇' }, { type: 'Polygon', coordinates: square(109.2, 24.0) }), feature({ name: '东风镇' }, { type: 'Polygon', coordinates: square(109.6, 24.4) })]);
      const twice = await run(mapFile(bare));
      expect(twice.status).toBe(1);
      expect(twice.stderr).toContain('error township-ambiguous township "东风镇" is in more than one county or city (feature 1 / feature 2)');
      // No township drawn: no features, or points only.
      for (const map of [collection([]), collection([feature({ name: '拉堡镇' }, { type: 'Point', coordinates: [109.3, 24.2] })])]) {
        const r = await run(mapFile(map));
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('map.geojson:1:1: error map-not-features');
      }
    });

    it("a province's map, its neighbours' 30 townships not in the data: 20 warnings printed, the other 10 counted", async () => {
      const neighbours = Array.from({ length: 30 }, (_, i) =>
        feature({ name: `邻镇${i}`, 县: '融安县' }, { type: 'Polygon', coordinates: square(109.9 + (i % 6) * 0.05, 24.9 + Math.floor(i / 6) * 0.05) }),
      );
      const r = await run(mapFile(collection([...good, ...neighbours])), ['--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr.match(/ warning map-no-township /g)).toHaveLength(20);
      expect(r.stderr).toContain('map.geojson: map-no-township: 10 more warnings of this kind after the 20 above');
    });

    it('no feature named by a property landcap knows: an error, with the properties the features have', async () => {
      const renamed = good.map((f) => ({ ...f, properties: { NAME_3: f.properties.name } }));
      const r = await run(mapFile(collection(renamed)));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("map.geojson:1:1: error map-no-names no feature of the map names its township (the first feature's properties: NAME_3)");
    });

    it('the county as a GIS export names it (县名, XMC): three counties\' 东风镇 apart; without any county, refused as ambiguous', async () => {
      const as = (county: string) => good.map((f) => ({ ...f, properties: { name: f.properties.name, [county]: f.properties['县'] } }));
      const plans = [];
      for (const county of ['县名', 'XMC']) {
        const r = await run(mapFile(collection(as(county))), ['--format', 'json']);
        expect(r.status, r.stderr).toBe(0);
        plans.push(JSON.parse(r.stdout));
      }
      const reference = JSON.parse((await run(MAP, ['--format', 'json'])).stdout);
      for (const p of plans) expect(p.total).toEqual(reference.total);
      // No county at all: the three 东风镇 would be one place; the plan is refused at the map.
      const none = await run(mapFile(collection(good.map((f) => ({ ...f, properties: { name: f.properties.name } })))));
      expect(none.status).toBe(1);
      expect(none.stderr).toMatch(/map\.geojson:\d+:3: error township-ambiguous township "东风镇" is in more than one county or city \(柳江区 东风镇 \/ 柳城县 东风镇 \/ 鹿寨县 东风镇\)/);
    });

    it('a feature with no name, a township in two features, a township not on the map (with the map’s likely name): warnings', async () => {
      const renamed = good.map((f) => (f.properties.name === '拉堡镇' ? { ...f, properties: { ...f.properties, name: '拉堡' } } : f));
      const extra = feature({ name: '中渡镇', 县: '鹿寨县', 市: '柳州市' }, { type: 'Polygon', coordinates: square(109.8, 24.7, 0.02) });
      const file = mapFile(collection([...renamed, feature({ id: 7 }, { type: 'Polygon', coordinates: square(109.5, 24.5) }), extra]));
      const r = await run(file, ['--format', 'json']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('warning map-feature-unnamed feature 7 names no township (its properties: id): it is left out');
      expect(r.stderr).toContain('warning map-township-repeated township "中渡镇" is drawn by more than one feature (6 and 8)');
      expect(r.stderr).toContain(
        `crops.csv:5:0: warning township-not-on-map township "柳江区 拉堡镇" is not on the map ${file}: it is not drawn, and can neither send nor receive manure in a transfer plan (hint: is it "柳江区 拉堡" of the map?`,
      );
      expect(r.stderr).toContain('warning map-no-township the map\'s "柳江区 拉堡" names no township of the data: the HTML page draws it in grey (hint: is it "柳江区 拉堡镇"?');
      const plan = JSON.parse(r.stdout) as { townships: { name: string; located: boolean; unplacedPe: number; surplusPe: number; unplacedReason?: string }[] };
      expect(plan.townships.filter((t) => !t.located).map((t) => t.name)).toEqual(['拉堡镇']);
      // Its surplus stays where it is, for want of a location.
      const laobao = plan.townships.find((t) => t.name === '拉堡镇')!;
      expect(laobao.unplacedPe).toBe(laobao.surplusPe);
      expect(laobao.unplacedReason).toBe('no-location');
    });
  });
});
