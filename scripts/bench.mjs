#!/usr/bin/env node
// npm run bench: times whole landcap commands, several runs each, the measures taken in turn round after round (so that
// the machine's drift weighs on all alike), and prints each figure's median, spread and peak memory, and paired
// ratios (the median of the ratios taken round by round):
//   - the national report (40,000 townships) against the same report by a baseline commit (BENCH_BASELINE, default
//     4c64e1b, built beside this checkout in a git worktree), and against bare `node -e 0` for a county's;
//   - validate of the national files; the HTML page and the Excel workbook of the national report, and the page of a
//     township whose load index is a million (a page of bounded size, whatever the figures);
//   - a prefecture's transfer plan (2,000 townships within 30 km), and a country's (40,000 townships over 20° × 20°,
//     once: it takes half a minute).
// Inputs are generated, always the same, in the system's temporary folder. BENCH_RUNS sets the rounds (default 5).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROWS_PER_TOWNSHIP, generate, generateTransfer, generateWorkbook } from './bench/generate.mjs';
import { buildCommit } from './same-numbers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'landcap.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const baselineCommit = process.env.BENCH_BASELINE ?? '4c64e1b';
const work = join(tmpdir(), 'landcap-bench');

const national = await generate(join(work, 'national-40000'), 40_000);
const county = await generate(join(work, 'county-30'), 30);
// 200,000 rows of crops in a workbook (10,000 townships × 20 crops), and the same rows as CSV.
const workbook = await generateWorkbook(join(work, 'workbook-10000'), 10_000);
// A prefecture's transfer plan: 2,000 townships over 1.6° × 1.6°, about half over capacity, within 30 km.
const prefecture = await generateTransfer(join(work, 'transfer-2000'), 2_000, 1.6);
// A country's: 40,000 townships over 20° × 20°, within 30 km.
const country = await generateTransfer(join(work, 'transfer-40000'), 40_000, 20);
const nationalRows = 40_000 * (ROWS_PER_TOWNSHIP.crops + ROWS_PER_TOWNSHIP.livestock) + 20_000;
// A township whose load index is about a million: 30,000 pigs on 0.1 亩 of maize.
const huge = join(work, 'huge-load');
mkdirSync(huge, { recursive: true });
writeFileSync(join(huge, 'crops.csv'), 'township,crop,area_mu,yield_kg_per_mu\n小田镇,玉米,0.01,500\n大田镇,玉米,20000,500\n');
writeFileSync(join(huge, 'livestock.csv'), 'township,species,stock\n小田镇,生猪,30000\n大田镇,生猪,3000\n');
const baselineBin = buildCommit(baselineCommit);

/**
 * Runs a node script as its own process, its standard output to `outFile` as `> FILE` in a shell sends it; its peak
 * RSS (Linux's VmHWM) from a hook printed on exit.
 */
function nodeRun(args, outFile, { measureRss = true } = {}) {
  const hook = `import{readFileSync}from'node:fs';process.on('exit',()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1])}catch{}process.stderr.write('@@maxrss '+kb+'\\n')});`;
  const out = outFile === undefined ? 'ignore' : openSync(outFile, 'w');
  const start = performance.now();
  let r;
  try {
    r = spawnSync(process.execPath, [...(measureRss ? ['--import', `data:text/javascript,${encodeURIComponent(hook)}`] : []), ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', out, 'pipe'],
    });
  } finally {
    if (outFile !== undefined) closeSync(out);
  }
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { seconds, rssMb: Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024, bytes: outFile === undefined ? 0 : statSync(outFile).size };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pairedRatio = (a, b) => median(a.results.map((r, i) => r.seconds / b.results[i].seconds));

function measureInRounds(measures, rounds = runs) {
  for (const m of measures) m.results = [];
  for (let i = 0; i < rounds; i++) for (const m of measures) m.results.push(m.run());
  for (const m of measures) {
    const seconds = m.results.map((r) => r.seconds);
    Object.assign(m, { seconds: median(seconds), min: Math.min(...seconds), max: Math.max(...seconds), rssMb: median(m.results.map((r) => r.rssMb ?? 0)) });
    const bytes = m.results.at(-1).bytes;
    console.log(
      `${m.label.padEnd(52)} ${m.seconds.toFixed(3)} s (min ${m.min.toFixed(3)}, max ${m.max.toFixed(3)})${m.rssMb ? `  peak RSS ${m.rssMb.toFixed(0)} MB` : ''}${bytes ? `  ${(bytes / 1e6).toFixed(1)} MB written` : ''}`,
    );
  }
}

const files = (set) => ['--crops', set.crops, '--livestock', set.livestock, '--soil', set.soil];
const out = (name) => join(work, name);
console.log(
  `landcap benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`national set: 40,000 townships, ${nationalRows.toLocaleString('en-US')} rows (crops 800,000, livestock 240,000, soil 20,000); ${runs} rounds\n`);

const report = { label: '(1) report --format json, national', run: () => nodeRun([bin, 'report', '--format', 'json', ...files(national)], out('report.json')) };
const baseline = {
  label: `    the same by ${baselineCommit}`,
  run: () => nodeRun([baselineBin, 'report', '--format', 'json', ...files(national)], out('report-baseline.json')),
};
const validate = {
  label: '(2) validate, national',
  run: () => nodeRun([bin, 'validate', national.crops, national.livestock, national.soil], out('validate.txt')),
};
const html = { label: '(3) report --format html, national', run: () => nodeRun([bin, 'report', '--format', 'html', ...files(national)], out('report.html')) };
const xlsx = {
  label: '(7) report --format xlsx, national',
  run: () => nodeRun([bin, 'report', '--format', 'xlsx', ...files(national), '--output', out('report.xlsx')], out('xlsx.txt')),
};
/** A transfer plan of a generated set, as JSON to `file`. */
const transferOf = (label, set, file) => ({
  label,
  run: () => nodeRun([bin, 'transfer', '--format', 'json', '--crops', set.crops, '--livestock', set.livestock, '--places', set.places], out(file)),
});
const transfer = transferOf('(8) transfer, a prefecture (2,000 townships)', prefecture, 'transfer.json');
const nationalTransfer = transferOf('(9) transfer, a country (40,000 townships), one run', country, 'transfer-national.json');
const hugeHtml = {
  label: '(4) report --format html, a load index of 1e6',
  run: () => nodeRun([bin, 'report', '--format', 'html', '--crops', join(huge, 'crops.csv'), '--livestock', join(huge, 'livestock.csv')], out('huge.html')),
};
const workbookValidate = { label: '(6) validate, a workbook of 200,000 rows', run: () => nodeRun([bin, 'validate', workbook.xlsx], out('workbook.txt')) };
const workbookCsv = { label: '    the same rows as CSV', run: () => nodeRun([bin, 'validate', workbook.csv], out('workbook-csv.txt')) };
// Start-up is timed as bare node is: without the hook that reads peak memory.
const countyRun = {
  label: '(5) report --format json, county',
  run: () => nodeRun([bin, 'report', '--format', 'json', ...files(county)], out('county.json'), { measureRss: false }),
};
const bareNode = {
  label: '    node -e 0',
  run: () => {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return { seconds: (performance.now() - start) / 1000 };
  },
};

measureInRounds([countyRun, bareNode], 5 * runs);
measureInRounds([report, baseline, validate, html, xlsx, transfer, hugeHtml, workbookValidate, workbookCsv]);
measureInRounds([nationalTransfer], 1);

console.log('\nfigures (ratios: the median of the ratios taken round by round)');
console.log(
  `  national report: ${report.seconds.toFixed(3)} s, ${Math.round(nationalRows / report.seconds).toLocaleString('en-US')} rows/s, peak RSS ${report.rssMb.toFixed(0)} MB`,
);
console.log(`  national report ÷ ${baselineCommit}'s: ${pairedRatio(report, baseline).toFixed(3)}`);
console.log(`  national validate: ${Math.round(nationalRows / validate.seconds).toLocaleString('en-US')} rows/s, peak RSS ${validate.rssMb.toFixed(0)} MB`);
console.log(
  `  national HTML: ${html.seconds.toFixed(3)} s, peak RSS ${html.rssMb.toFixed(0)} MB, ${(statSync(out('report.html')).size / 1e6).toFixed(1)} MB page`,
);
console.log(
  `  national workbook: ${xlsx.seconds.toFixed(3)} s, peak RSS ${xlsx.rssMb.toFixed(0)} MB, ${(statSync(out('report.xlsx')).size / 1e6).toFixed(1)} MB file`,
);
console.log(`  prefecture transfer plan: ${transfer.seconds.toFixed(3)} s, peak RSS ${transfer.rssMb.toFixed(0)} MB`);
console.log(`  national transfer plan (one run): ${nationalTransfer.seconds.toFixed(3)} s, peak RSS ${nationalTransfer.rssMb.toFixed(0)} MB`);
console.log(`  county report ÷ node -e 0: ${pairedRatio(countyRun, bareNode).toFixed(3)}`);
console.log(
  `  workbook of 200,000 rows: ${workbookValidate.seconds.toFixed(3)} s, peak RSS ${workbookValidate.rssMb.toFixed(0)} MB; ÷ the same rows as CSV: ${pairedRatio(workbookValidate, workbookCsv).toFixed(3)}`,
);
