#!/usr/bin/env node
// Writes data/samples/beipiao-townships-2024/: an illustrative township-level allocation of the county sample
// (data/samples/beipiao-county-2024), whose rows sum exactly to it. Deterministic: run it again, get the same files.
//   node scripts/make-township-sample.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const root = new URL('../data/samples/', import.meta.url);
const county = new URL('beipiao-county-2024/', root);
const out = new URL('beipiao-townships-2024/', root);

// The county's 4 streets, 12 towns, 15 townships (2 of them ethnic townships) and 3 other units, as its plan
// lists them (section 1.3.2). land: relative farmland; stock: relative livestock — illustrative only.
const UNITS = [
  ...['城关街道', '南山街道', '冠山街道', '台吉街道'].map((name) => ({ name, land: 0.15, stock: 0.4 })),
  ...['西官营镇', '大板镇', '上园镇', '宝国老镇', '黑城子镇', '五间房镇', '台吉镇', '东官营镇', '龙潭镇', '北塔镇', '蒙古营镇', '大三家镇'].map((name) => ({
    name,
    land: 1.1,
    stock: 1.2,
  })),
  ...[
    '长皋乡',
    '常河营乡',
    '小塔子乡',
    '马友营蒙古族乡',
    '泉巨永乡',
    '哈尔脑乡',
    '南八家子乡',
    '章吉营乡',
    '三宝营乡',
    '巴图营乡',
    '台吉营乡',
    '娄家店乡',
    '北四家乡',
    '凉水河蒙古族乡',
    '三宝乡',
  ].map((name) => ({ name, land: 1, stock: 0.9 })),
  { name: '国营兴顺德畜牧农场', land: 0.3, stock: 2.5 },
  { name: '下府经济开发区', land: 0.2, stock: 0.3 },
  { name: '大黑山特别管理区', land: 0.4, stock: 0.3 },
];

// mulberry32: a small seeded generator, so that the allocation is the same on every run.
let seed = 20240101;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Splits an integer total into integer parts proportional to the weights (largest remainder), summing exactly. */
function allocate(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k++, rest--) parts[order[k % order.length][1]]++;
  return parts;
}

const cents = (text) => Math.round(Number(text) * 100);
const decimal = (c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

const crops = parse(readFileSync(new URL('crops.csv', county)), { columns: true, bom: true });
const MINOR = new Set(['黄瓜', '茄子', '萝卜', '大葱', '桃', '葡萄', '烟叶', '大豆', '马铃薯', '小麦']);
// Rows are written township by township, in the plan's order.
const cropRows = UNITS.map(() => []);
for (const row of crops) {
  const crop = row['作物'];
  const forest = row['蓄积量(m³)'] !== '';
  const grass = crop === '人工草地';
  const weights = UNITS.map((u) => (MINOR.has(crop) && random() < 0.25 ? 0 : u.land * (0.4 + 1.2 * random())));
  const areas = allocate(cents(row['面积(亩)']), weights);
  const productions = allocate(cents(forest ? row['蓄积量(m³)'] : row['总产量(kg)']), weights);
  UNITS.forEach((u, i) => {
    if (weights[i] === 0) return;
    // The county's grassland yield is per hectare although its table heads it per 亩; here it sits in its own column.
    const yields = forest ? ['', '', row['单产(m³/公顷)']] : grass ? ['', row['单位面积产量(kg/亩)'], ''] : [row['单位面积产量(kg/亩)'], '', ''];
    const production = forest ? ['', decimal(productions[i])] : [decimal(productions[i]), ''];
    cropRows[i].push([u.name, crop, decimal(areas[i]), ...yields, ...production].join(','));
  });
}

const livestock = parse(readFileSync(new URL('livestock.csv', county)), { columns: true, bom: true });
const livestockRows = UNITS.map(() => []);
for (const row of livestock) {
  const species = row['畜种'];
  const head = Math.round(Number(row['存栏量(万头)']) * 10000);
  const weights = UNITS.map((u, i) => (species === '奶牛' && i % 7 !== 3 ? 0 : u.stock * (0.3 + 1.4 * random())));
  allocate(head, weights).forEach((h, i) => {
    if (weights[i] > 0) livestockRows[i].push(`${UNITS[i].name},${species},${h}`);
  });
}

const cropLines = ['township,crop,area_mu,yield_kg_per_mu,yield_kg_per_ha,yield_m3_per_ha,production_kg,production_m3', ...cropRows.flat()];
const livestockLines = ['township,species,stock', ...livestockRows.flat()];
mkdirSync(out, { recursive: true });
writeFileSync(new URL('crops.csv', out), `${cropLines.join('\n')}\n`);
writeFileSync(new URL('livestock.csv', out), `${livestockLines.join('\n')}\n`);
writeFileSync(new URL('params.json', out), readFileSync(new URL('params.json', county)));
console.log(`${cropLines.length - 1} crop rows, ${livestockLines.length - 1} livestock rows for ${UNITS.length} units`);
