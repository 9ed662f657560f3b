#!/usr/bin/env node
// The same numbers, whatever the code's shape: the JSON reports of the bundled samples, the scenario sample and a
// 10,000-township dataset (bases N, P and both, with and without soil), as SHA-256 digests of their bytes — all but
// what issue 20 added to them: each coefficient's source and the names read (coefficients), and forestShare.
//
//   node scripts/same-numbers.mjs                     digests of this checkout's build, compared with the stored ones
//   node scripts/same-numbers.mjs --write             store this checkout's digests (tests/expected/same-numbers.json)
//   node scripts/same-numbers.mjs --commit 4c64e1b    build that commit beside this checkout (git worktree, npm ci)
//                                                     and compare its digests with this checkout's
//
// The dataset is generated, always the same, by generateDataset below; tests/cli/same-numbers.test.ts runs the same
// cases and compares them with the stored digests.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const STORED = join(root, 'tests/expected/same-numbers.json');

/** A seeded generator (xorshift), so that the dataset is the same on every machine. */
function random(seed) {
  let s = seed >>> 0;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

// Crops with their yield per 亩 (kg, forest m³) and land uses a row may give; species with a head count per township.
const CROPS = [
  ['小麦', 400, ['', '旱地']],
  ['水稻', 500, ['', '水田']],
  ['玉米', 550, ['', '旱地', '水田']],
  ['番茄', 5000, ['', '菜地']],
  ['西红柿', 4800, ['菜地']],
  ['大白菜', 4000, ['']],
  ['花生', 250, ['']],
  ['油菜', 150, ['']],
  ['苹果', 1800, ['', '果园']],
  ['柑橘', 1500, ['果园']],
  ['甘蔗', 4500, ['']],
  ['苜蓿', 700, ['']],
  ['杨树', 1.2, ['']],
];
const SPECIES = [
  ['生猪', 3000],
  ['奶牛', 80],
  ['肉牛', 300],
  ['羊', 1500],
  ['家禽', 40000],
];

/**
 * 10,000 townships as counties write them: area and yield in 亩 or 公顷, production in kg or 吨, land uses, a local crop
 * with its uptakes, a local species with its factor, slaughter counts with a ratio, numbers with thousands
 * separators in quotes, \r\n line breaks, comments; soil grades and measurements by land use for two townships in
 * three. Every row passes every check.
 */
export function generateDataset(dir, townships = 10_000) {
  mkdirSync(dir, { recursive: true });
  const r = random(20261201);
  const name = (t) => `${['城关', '东风', '新华', '红旗', '太平'][t % 5]}镇${String(t).padStart(5, '0')}`;
  const crops = [
    '# 作物播种面积与产量（合成数据）',
    'township,crop,area_mu,area_ha,yield_kg_per_mu,yield_kg_per_ha,production_kg,production_t,land_use,n_uptake,p_uptake,production_m3',
  ];
  const livestock = ['township,species,stock,slaughter,pe_factor'];
  const soil = ['township,land_use,n_grade,total_n_g_per_kg,p_grade,available_p_mg_per_kg'];
  const quoted = (v) => {
    const [whole, fraction] = v.toFixed(2).split('.');
    return `"${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}"`;
  };
  for (let t = 0; t < townships; t++) {
    const used = new Set();
    for (let k = 0, rows = 4 + r.int(6); k < rows; k++) {
      const [crop, perMu, landUses] = r.pick(CROPS);
      const landUse = r.pick(landUses);
      const key = `${crop === '西红柿' ? '番茄' : crop}|${landUse}`;
      if (used.has(key)) continue;
      used.add(key);
      const area = Math.round((20 + r.next() * 3000) * 100) / 100;
      const perMuYield = Math.round(perMu * (0.7 + r.next() * 0.6) * 10) / 10;
      const cells = new Array(12).fill('');
      cells[0] = name(t);
      cells[1] = crop;
      cells[8] = landUse;
      const form = r.int(4);
      // Plantation forest: its timber growth in m³.
      if (crop === '杨树') cells[11] = (area * perMuYield).toFixed(2);
      else if (form === 0) [cells[2], cells[4]] = [String(area), String(perMuYield)];
      else if (form === 1) [cells[3], cells[5]] = [(area / 15).toFixed(4), (perMuYield * 15).toFixed(1)];
      else if (form === 2) cells[7] = ((area * perMuYield) / 1000).toFixed(3);
      else cells[6] = r.next() < 0.3 ? quoted(area * perMuYield) : (area * perMuYield).toFixed(2);
      crops.push(cells.join(','));
    }
    if (r.next() < 0.05) crops.push(`${name(t)},芋头,${(100 + r.next() * 500).toFixed(1)},,1800,,,,旱地,0.45,0.08,`);
    for (const [species, n] of SPECIES) {
      if (r.next() < 0.1) continue;
      const head = Math.round(n * (0.1 + r.next() * 1.8));
      livestock.push(species === '肉牛' && r.next() < 0.2 ? `${name(t)},${species},,${head * 2},` : `${name(t)},${species},${head},,`);
    }
    if (r.next() < 0.03) livestock.push(`${name(t)},兔,${200 + r.int(3000)},,0.15`);
    if (t % 3 !== 2) {
      for (const landUse of t % 3 === 0 ? [''] : ['', '旱地', '水田', '菜地', '果园'].filter(() => r.next() < 0.6)) {
        const grade = r.pick(['I', 'II', 'III', '']);
        soil.push(
          [
            name(t),
            landUse,
            grade,
            grade === '' ? (0.5 + r.next()).toFixed(2) : '',
            r.pick(['', 'I', 'III']),
            r.next() < 0.5 ? (5 + r.next() * 60).toFixed(1) : '',
          ].join(','),
        );
      }
    }
  }
  const write = (file, lines) => writeFileSync(join(dir, file), `${lines.join('\r\n')}\r\n`);
  write('crops.csv', crops);
  write('livestock.csv', livestock);
  write('soil.csv', soil);
  return dir;
}

/** The cases: a name, the arguments, and the folder to run in (file paths in the JSON are as given). */
export function cases(datasetDir) {
  const samples = [];
  // The samples' files by their paths in this checkout (a built commit elsewhere would name its own).
  const sample = (name) => [
    '--crops',
    `data/samples/${name}/crops.csv`,
    '--livestock',
    `data/samples/${name}/livestock.csv`,
    '--params',
    `data/samples/${name}/params.json`,
  ];
  for (const name of ['beipiao-county-2024', 'beipiao-townships-2024'])
    for (const basis of ['N', 'P', 'both']) samples.push([`${name} ${basis}`, ['report', ...sample(name), '--basis', basis, '--format', 'json'], root]);
  samples.push([
    'beipiao-townships-2024 scenario-2030',
    ['report', ...sample('beipiao-townships-2024'), '--scenario', 'data/samples/beipiao-townships-2024/scenario-2030.json', '--format', 'json'],
    root,
  ]);
  const dataset = [];
  for (const basis of ['N', 'P', 'both'])
    for (const soil of [false, true])
      dataset.push([
        `10,000 townships ${basis}${soil ? ' with soil' : ''}`,
        [
          'report',
          '--crops',
          'crops.csv',
          '--livestock',
          'livestock.csv',
          ...(soil ? ['--soil', 'soil.csv'] : []),
          '--basis',
          basis,
          '--stock-ratio',
          '肉牛=0.5',
          '--format',
          'json',
        ],
        datasetDir,
      ]);
  return [...samples, ...dataset];
}

/** Runs every case with a landcap binary; the digest of each JSON report. Every case must succeed. */
export function digests(bin, datasetDir) {
  const out = {};
  for (const [label, args, cwd] of cases(datasetDir)) {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd,
      encoding: 'buffer',
      maxBuffer: 1 << 30,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' },
    });
    if (r.status !== 0) throw new Error(`${label}: exit ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
    const { coefficients: _, ...report } = JSON.parse(r.stdout.toString('utf8'));
    const numbers = JSON.stringify(report, (key, value) => (key === 'forestShare' ? undefined : value));
    out[label] = createHash('sha256').update(numbers).digest('hex');
  }
  return out;
}

/** Builds a commit of this repository beside it (a git worktree in the temporary folder); its landcap binary. */
export function buildCommit(commit) {
  const dir = join(tmpdir(), `landcap-${commit}`);
  const run = (cmd, args, cwd = root) => {
    const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
  };
  if (!existsSync(join(dir, 'dist', 'bundle'))) {
    if (!existsSync(dir)) run('git', ['worktree', 'add', '--detach', dir, commit]);
    run('npm', ['ci', '--no-audit', '--no-fund'], dir);
  }
  return join(dir, 'bin', 'landcap.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const datasetDir = generateDataset(join(tmpdir(), 'landcap-same-numbers'));
  const ours = digests(join(root, 'bin', 'landcap.js'), datasetDir);
  const commitAt = process.argv.indexOf('--commit');
  const theirs =
    commitAt !== -1 ? digests(buildCommit(process.argv[commitAt + 1]), datasetDir) : existsSync(STORED) ? JSON.parse(readFileSync(STORED, 'utf8')).digests : {};
  let same = true;
  for (const [label, digest] of Object.entries(ours)) {
    const ok = theirs[label] === digest;
    same &&= ok;
    console.log(`${ok ? 'same     ' : 'DIFFERENT'} ${label}${ok ? '' : `\n  this checkout: ${digest}\n  the other:     ${theirs[label]}`}`);
  }
  if (process.argv.includes('--write')) {
    const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      STORED,
      `${JSON.stringify({ note: `digests of the JSON reports made by commit ${commit}; scripts/same-numbers.mjs`, digests: ours }, null, 2)}\n`,
    );
    console.log(`stored in ${STORED}`);
  } else if (!same) process.exitCode = 1;
}
