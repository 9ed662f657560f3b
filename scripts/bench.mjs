#!/usr/bin/env node
// npm run bench: times landcap on a national-size and a county-size dataset, against a bare csv-parse pass, the
// pandas computation an analyst would otherwise run, and a bare `node -e 0`. Prints every figure (median of
// several runs, the measures taken in turn) and the ratios (median of the ratios of each turn). The inputs are
// generated (deterministically) in the system's temporary folder.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROWS_PER_TOWNSHIP, generate } from './bench/generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'landcap.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const startupRuns = 5 * runs;

const national = await generate(join(tmpdir(), 'landcap-bench', 'national-40000'), 40_000);
const county = await generate(join(tmpdir(), 'landcap-bench', 'county-30'), 30);
const nationalRows = 40_000 * (ROWS_PER_TOWNSHIP.crops + ROWS_PER_TOWNSHIP.livestock) + 20_000;

/**
 * Runs a node script as its own process; its peak RSS comes from a hook printed on exit. With `outFile`, its standard
 * output goes to that file, as `> FILE` in a shell would send it (a report of 30 MB read back through a pipe would
 * time this process's reading and decoding it too, on the same two cores).
 */
function nodeRun(args, env = process.env, outFile, { measureRss = true } = {}) {
  // Peak RSS of the process itself: Linux's VmHWM (getrusage's maxRSS may count the benchmark's own size, from
  // before the command started); elsewhere maxRSS.
  const hook = `import{readFileSync}from'node:fs';process.on('exit',()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1])}catch{}process.stderr.write('@@maxrss '+kb+'\\n')});`;
  const out = outFile === undefined ? 'pipe' : openSync(outFile, 'w');
  const start = performance.now();
  let r;
  try {
    r = spawnSync(process.execPath, [...(measureRss ? ['--import', `data:text/javascript,${encodeURIComponent(hook)}`] : []), ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env,
      stdio: ['ignore', out, 'pipe'],
    });
  } finally {
    if (outFile !== undefined) closeSync(out);
  }
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const rss = Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { seconds, rssMb: rss, stdout: outFile === undefined ? r.stdout : undefined };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs every measure once per round, round after round (1, 2, 3, … 1, 2, 3, …), so that the machine's speed, which
 * drifts on a shared machine, weighs on all of them alike; a ratio is then taken round by round.
 */
function measureInRounds(measures, rounds = runs) {
  for (const m of measures) m.results = [];
  for (let i = 0; i < rounds; i++)
    for (const m of measures) {
      // Only the last run's output is looked at: the others' (30 MB of JSON each) would make this process large,
      // and a child started from a large process can be charged its size as peak memory.
      if (m.results.length > 0) delete m.results.at(-1).stdout;
      m.results.push(m.run());
    }
  for (const m of measures) {
    const seconds = m.results.map((r) => r.seconds);
    Object.assign(m, {
      seconds: median(seconds),
      min: Math.min(...seconds),
      max: Math.max(...seconds),
      rssMb: median(m.results.map((r) => r.rssMb ?? 0)),
      last: m.results.at(-1),
    });
    console.log(
      `${m.label.padEnd(46)} ${m.seconds.toFixed(3)} s (min ${m.min.toFixed(3)}, max ${m.max.toFixed(3)})${m.rssMb ? `  peak RSS ${m.rssMb.toFixed(0)} MB` : ''}`,
    );
  }
}

/** The median of the ratios a ÷ b taken round by round. */
const pairedRatio = (a, b) => median(a.results.map((r, i) => r.seconds / b.results[i].seconds));

const files = (set) => ['--crops', set.crops, '--livestock', set.livestock, '--soil', set.soil];
console.log(
  `landcap benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(
  `national set: 40,000 townships, ${nationalRows.toLocaleString('en-US')} rows (crops 800,000, livestock 240,000, soil 20,000); ${runs} runs each (start-up: ${startupRuns}), medians\n`,
);

// Reports go to a file, as an analyst's script would write them (`> FILE`).
const reportFile = join(tmpdir(), 'landcap-bench', 'report.json');
const report = {
  label: '(1) landcap report --format json, national',
  run: () => nodeRun([bin, 'report', '--format', 'json', ...files(national)], process.env, reportFile),
};
// The same on one thread: what the worker threads gain on this machine.
const oneThread = {
  label: '    the same, one thread (LANDCAP_THREADS=1)',
  run: () =>
    nodeRun(
      [bin, 'report', '--format', 'json', ...files(national)],
      { ...process.env, LANDCAP_THREADS: '1' },
      join(tmpdir(), 'landcap-bench', 'report-1.json'),
    ),
};
const baseline = {
  label: '(2) bare csv-parse pass, same process model',
  run: () => nodeRun([join(root, 'scripts/bench/baseline.mjs'), national.crops, national.livestock, national.soil]),
};
const validate = { label: '(3) landcap validate, national', run: () => nodeRun([bin, 'validate', national.crops, national.livestock, national.soil]) };
// Start-up is timed as bare node is: without the hook that reads peak memory (its own module would be counted).
const countyRun = {
  label: '(4) landcap report --format json, county',
  run: () => nodeRun([bin, 'report', '--format', 'json', ...files(county)], process.env, join(tmpdir(), 'landcap-bench', 'county.json'), { measureRss: false }),
};
const bareNode = {
  label: '    node -e 0',
  run: () => {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return { seconds: (performance.now() - start) / 1000 };
  },
};

let peer;
// Debian's python3-pandas is for Debian's python3, which another python3 on the PATH may hide.
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0);
if (python) {
  const coefficients = join(tmpdir(), 'landcap-bench', 'peer-coefficients.json');
  const json = JSON.parse(spawnSync(process.execPath, [bin, 'coefficients', '--format', 'json'], { encoding: 'utf8' }).stdout);
  const nutrients = Object.fromEntries(json.nutrients.map((r) => [r.name, r.value]));
  const uptake = Object.fromEntries([
    ...json.crops.map((r) => [r.crop, r.n_uptake]),
    ...json['crop-aliases'].map((a) => [a.alias, json.crops.find((r) => r.crop === a.crop).n_uptake]),
  ]);
  const factors = Object.fromEntries(json.species.filter((s) => s.pe_per_head).map((s) => [s.species, s.pe_per_head]));
  for (const a of json['species-aliases']) if (factors[a.species]) factors[a.alias] = factors[a.species];
  writeFileSync(
    coefficients,
    JSON.stringify({
      uptake,
      peFactor: factors,
      fertilisationShare: Object.fromEntries(json['fertilisation-shares'].map((r) => [r.grade, r.share])),
      soilGrade: nutrients.soil_grade,
      manureShare: Number(nutrients.manure_share),
      useRate: Number(nutrients.n_use_rate),
      supplyPerPe: Number(nutrients.n_supply_per_pe),
    }),
  );
  peer = {
    label: '(5) pandas peer (read_csv, groupby), national',
    run: () => {
      const start = performance.now();
      const r = spawnSync(python, [join(root, 'scripts/bench/peer.py'), national.crops, national.livestock, national.soil, coefficients], { encoding: 'utf8' });
      const out = JSON.parse(r.stdout);
      return { seconds: (performance.now() - start) / 1000, rssMb: out.maxRssKb / 1024, out };
    },
  };
}

// Start-up takes a tenth of a second, and a few milliseconds of the machine's drift move its ratio: more rounds.
measureInRounds([countyRun, bareNode], startupRuns);
measureInRounds([report, oneThread, baseline, validate, ...(peer ? [peer] : [])]);
if (peer) {
  const ours = JSON.parse(readFileSync(reportFile, 'utf8')).total;
  const same =
    Math.abs(ours.capacityPe - peer.last.out.capacityPe) / ours.capacityPe < 1e-9 && Math.abs(ours.stockPe - peer.last.out.stockPe) / ours.stockPe < 1e-9;
  console.log(`    pandas and landcap totals ${same ? 'agree' : 'DIFFER'}: capacity ${ours.capacityPe.toFixed(2)} / ${peer.last.out.capacityPe.toFixed(2)} PE`);
} else {
  console.log('(5) pandas peer: not run — python3 with pandas is not installed (Debian: apt-get install python3-pandas)');
}

console.log('\nfigures (ratios: the median of the ratios taken round by round)');
console.log(
  `  national report: ${report.seconds.toFixed(3)} s, ${Math.round(nationalRows / report.seconds).toLocaleString('en-US')} rows/s, peak RSS ${report.rssMb.toFixed(0)} MB`,
);
console.log(`  national report, threads ÷ one thread: ${pairedRatio(report, oneThread).toFixed(3)}`);
console.log(`  national validate: ${Math.round(nationalRows / validate.seconds).toLocaleString('en-US')} rows/s`);
console.log(`  (1)/(2) report ÷ bare csv-parse: ${pairedRatio(report, baseline).toFixed(3)}`);
if (peer) console.log(`  (1)/(5) report ÷ pandas: ${pairedRatio(report, peer).toFixed(3)}`);
console.log(`  (4)/node county report ÷ node -e 0: ${pairedRatio(countyRun, bareNode).toFixed(3)}`);
