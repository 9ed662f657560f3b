// Deterministic synthetic inputs for the benchmark: a national set (40,000 townships × 20 crops, × 6 species,
// soil for half of them) and a county set (30 townships). Same seed, same files, every time.
import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CROPS = [
  ['小麦', 420],
  ['玉米', 560],
  ['水稻', 520],
  ['谷子', 300],
  ['大豆', 160],
  ['马铃薯', 1800],
  ['黄瓜', 5000],
  ['番茄', 6000],
  ['茄子', 4000],
  ['大白菜', 5000],
  ['萝卜', 3500],
  ['大葱', 3000],
  ['桃', 1500],
  ['葡萄', 1600],
  ['苹果', 2000],
  ['梨', 1800],
  ['花生', 280],
  ['油菜', 160],
  ['烟叶', 150],
  ['苜蓿', 800],
];
const SPECIES = [
  ['生猪', 800],
  ['奶牛', 40],
  ['肉牛', 150],
  ['羊', 900],
  ['肉鸡', 12000],
  ['蛋鸡', 8000],
];

function random(seed) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function write(path, header, rows) {
  const temp = `${path}.tmp`;
  const out = createWriteStream(temp);
  out.write(`${header}\n`);
  let batch = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === 5000) {
      if (!out.write(`${batch.join('\n')}\n`)) await new Promise((r) => out.once('drain', r));
      batch = [];
    }
  }
  if (batch.length) out.write(`${batch.join('\n')}\n`);
  await new Promise((r) => out.end(r));
  renameSync(temp, path);
}

const name = (i) => `镇${String(i).padStart(5, '0')}`;

function* cropRows(townships, rnd) {
  for (let t = 0; t < townships; t++) {
    for (const [crop, y] of CROPS) {
      const area = (50 + rnd() * 3000).toFixed(2);
      const yieldPerMu = (y * (0.7 + rnd() * 0.6)).toFixed(1);
      // Half the rows give area and yield, half the production.
      yield rnd() < 0.5 ? `${name(t)},${crop},${area},${yieldPerMu},` : `${name(t)},${crop},,,${(Number(area) * Number(yieldPerMu)).toFixed(2)}`;
    }
  }
}

function* livestockRows(townships, rnd, times = 1) {
  for (let t = 0; t < townships; t++) for (const [species, n] of SPECIES) yield `${name(t)},${species},${Math.round(times * n * (0.2 + rnd() * 1.6))}`;
}

function* soilRows(townships, rnd) {
  for (let t = 0; t < townships; t += 2) yield `${name(t)},${['I', 'II', 'III'][Math.floor(rnd() * 3)]}`;
}

/** Writes the set into dir (once: a complete set is reused); returns the file paths. */
export async function generate(dir, townships) {
  mkdirSync(dir, { recursive: true });
  const files = { crops: join(dir, 'crops.csv'), livestock: join(dir, 'livestock.csv'), soil: join(dir, 'soil.csv') };
  if (existsSync(join(dir, 'complete'))) return files;
  const rnd = random(20261122 + townships);
  await write(files.crops, 'township,crop,area_mu,yield_kg_per_mu,production_kg', cropRows(townships, rnd));
  await write(files.livestock, 'township,species,stock', livestockRows(townships, rnd));
  await write(files.soil, 'township,n_grade', soilRows(townships, rnd));
  writeFileSync(join(dir, 'complete'), '');
  return files;
}

export const ROWS_PER_TOWNSHIP = { crops: CROPS.length, livestock: SPECIES.length };

/**
 * A transfer plan's inputs: `townships` townships as `generate` makes them, their stock fifteen times as large (about
 * half of them then over capacity), and synthetic locations spread over `degrees` × `degrees` of longitude and latitude
 * from 108.6°E, 23.5°N (a prefecture at 2,000 townships over 1.6°); written once.
 */
export async function generateTransfer(dir, townships, degrees) {
  mkdirSync(dir, { recursive: true });
  const files = { crops: join(dir, 'crops.csv'), livestock: join(dir, 'livestock.csv'), places: join(dir, 'places.csv') };
  if (existsSync(join(dir, 'complete'))) return files;
  const rnd = random(20261202 + townships);
  await write(files.crops, 'township,crop,area_mu,yield_kg_per_mu,production_kg', cropRows(townships, rnd));
  await write(files.livestock, 'township,species,stock', livestockRows(townships, rnd, 15));
  await write(files.places, 'township,lon,lat', placeRows(townships, rnd, degrees));
  writeFileSync(join(dir, 'complete'), '');
  return files;
}

function* placeRows(townships, rnd, degrees) {
  for (let t = 0; t < townships; t++) yield `${name(t)},${(108.6 + rnd() * degrees).toFixed(4)},${(23.5 + rnd() * degrees).toFixed(4)}`;
}

/** An XML text node's characters escaped. */
const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A workbook of `townships` townships' crops (a sheet "作物", as Excel writes one: shared strings, cell references),
 * and the same rows as CSV beside it; written once.
 */
export async function generateWorkbook(dir, townships) {
  mkdirSync(dir, { recursive: true });
  const files = { xlsx: join(dir, 'crops.xlsx'), csv: join(dir, 'crops.csv') };
  if (existsSync(join(dir, 'complete'))) return files;
  const { strToU8, zipSync } = await import('fflate');
  const rnd = random(20261201 + townships);
  const header = 'township,crop,area_mu,yield_kg_per_mu,production_kg';
  const rows = [...cropRows(townships, rnd)];
  await write(files.csv, header, rows);
  const strings = new Map();
  const shared = (s) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const letters = 'ABCDE';
  const cell = (value, col, line) =>
    value === ''
      ? ''
      : /^[\d.]+$/.test(value)
        ? `<c r="${letters[col]}${line}"><v>${value}</v></c>`
        : `<c r="${letters[col]}${line}" t="s"><v>${shared(value)}</v></c>`;
  const sheetRows = [header, ...rows].map(
    (row, i) =>
      `<row r="${i + 1}">${row
        .split(',')
        .map((v, col) => cell(v, col, i + 1))
        .join('')}</row>`,
  );
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="作物" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
  };
  parts['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><sst ${ns}>${[...strings.keys()].map((s) => `<si><t>${xmlText(s)}</t></si>`).join('')}</sst>`;
  writeFileSync(files.xlsx, zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]))));
  writeFileSync(join(dir, 'complete'), '');
  return files;
}
