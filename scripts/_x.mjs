import { readFileSync } from 'node:fs';
import { Workbook } from '../dist/input/xlsx.js';
const t0 = performance.now();
const wb = Workbook.open(readFileSync(process.argv[2]));
console.log(wb.sheets);
const { rows, uncomputed } = wb.rows(wb.sheets[0]);
console.log(
  rows.length,
  rows.slice(0, 3),
  rows.at(-1),
  uncomputed.length,
  (performance.now() - t0).toFixed(0),
  'ms',
  (process.resourceUsage().maxRSS / 1024).toFixed(0),
  'MB',
);
