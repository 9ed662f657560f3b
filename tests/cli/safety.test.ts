import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  unlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { htmlText, markdownText, spreadsheetText, visible } from '../../src/safe-text.js';
import { BIN, ROOT, TOWNSHIPS, hasStackTrace, landcap, tempDir } from '../helpers.js';

/** Issue 17: nothing a user gives landcap can hurt them. Each case runs the built binary on a fixture. */
const HOSTILE = join(ROOT, 'tests/fixtures/hostile');
const hostile = (name: string) => join(HOSTILE, name);

/** A folder with copies of the township sample's files, to be written at. */
function sampleCopy(): string {
  const dir = tempDir('landcap-safety-');
  for (const f of ['crops.csv', 'livestock.csv', 'params.json']) copyFileSync(join(TOWNSHIPS, f), join(dir, f));
  copyFileSync(join(ROOT, 'tests/fixtures/good/soil.csv'), join(dir, 'soil.csv'));
  return dir;
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Raw terminal commands: ESC, BEL and the other C0 controls but line breaks, C1 controls, bidirectional controls. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('1. output over an input', () => {
  const cases: [string, (dir: string) => { args: string[]; output: string }][] = [
    [
      'report --output the --crops file',
      () => ({ args: ['report', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--output', 'crops.csv'], output: 'crops.csv' }),
    ],
    [
      // (--format json with a .csv name is refused before, as a name that contradicts the format.)
      'report --output the --livestock file by its absolute path, CSV',
      (dir) => ({
        args: ['report', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--format', 'csv', '--output', join(dir, 'livestock.csv')],
        output: 'livestock.csv',
      }),
    ],
    [
      'report --output the --params file',
      () => ({
        args: ['report', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--params', 'params.json', '--output', 'params.json'],
        output: 'params.json',
      }),
    ],
    ['validate X --output X', () => ({ args: ['validate', 'crops.csv', 'soil.csv', '--output', 'soil.csv'], output: 'soil.csv' })],
    [
      'explain --output the --soil file',
      () => ({
        args: ['explain', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--soil', 'soil.csv', '--township', '大板镇', '--output', 'soil.csv'],
        output: 'soil.csv',
      }),
    ],
    [
      'farm --output its --livestock file',
      () => ({ args: ['farm', '--livestock', 'livestock.csv', '--crop', '玉米=600', '--output', 'livestock.csv'], output: 'livestock.csv' }),
    ],
    [
      'report --output a symbolic link to the --crops file',
      (dir) => {
        symlinkSync(join(dir, 'crops.csv'), join(dir, 'link.csv'));
        return { args: ['report', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--output', 'link.csv'], output: 'crops.csv' };
      },
    ],
    [
      'report --output a hard link of the --crops file',
      (dir) => {
        linkSync(join(dir, 'crops.csv'), join(dir, 'hard.csv'));
        return { args: ['report', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--output', 'hard.csv', '--format', 'csv'], output: 'crops.csv' };
      },
    ],
  ];
  for (const [name, make] of cases) {
    it(`${name}: refused with exit 2, the input byte for byte as it was`, () => {
      const dir = sampleCopy();
      const { args, output } = make(dir);
      const before = readFileSync(join(dir, output));
      const r = landcap(args, { cwd: dir });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/is an input of this run \((--crops|--livestock|--params|--soil|soil\.csv)\): landcap never writes over its input/);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(readFileSync(join(dir, output)).equals(before)).toBe(true);
      expect(leftovers(dir)).toEqual([]);
    });
  }

  it('an output that is another file is written, complete', () => {
    const dir = sampleCopy();
    const r = landcap(['report', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).townships.length).toBe(34);
  });
});

describe('2. formula injection: CSV text cells a spreadsheet would run', () => {
  const formula = /^[=+\-@\t\r]/;

  it('report --format csv: every name that starts like a formula is written as text; numbers stay numbers', () => {
    const dir = tempDir();
    const out = join(dir, 'report.csv');
    const r = landcap(['report', '--crops', hostile('names-crops.csv'), '--livestock', hostile('names-livestock.csv'), '--format', 'csv', '--output', out]);
    expect(r.status, r.stderr).toBe(0);
    const bytes = readFileSync(out, 'utf8');
    // The byte-order mark that makes Excel open it directly is still there: the cells must be safe on their own.
    expect(bytes.startsWith('\uFEFF')).toBe(true);
    const rows = parse(bytes.slice(1), { relax_column_count: true }) as string[][];
    const names = rows.slice(1, -1).map((row) => row[0]!);
    expect(names).toContain("'=1+2");
    expect(names).toContain("'+cmd|' /C calc'!A0");
    expect(names).toContain("'@SUM(1+1)");
    expect(names).toContain("'-2+3");
    expect(names).toContain('\'=HYPERLINK("http://example.com/x","点此")');
    for (const row of rows) for (const cell of row) if (formula.test(cell)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
    // The numbers are numbers: the stock column of =1+2 is 300.
    expect(rows.find((row) => row[0] === "'=1+2")![1]).toBe('300');
  });

  it('compare --format csv writes the names as text too', () => {
    const dir = tempDir();
    const base = join(dir, 'base.json');
    const scenario = join(dir, 'scenario.json');
    const args = ['report', '--crops', hostile('names-crops.csv'), '--livestock', hostile('names-livestock.csv'), '--format', 'json', '--output'];
    expect(landcap([...args, base]).status).toBe(0);
    expect(landcap([...args, scenario, '--manure-share', '0.4']).status).toBe(0);
    const r = landcap(['compare', base, scenario, '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    const cells = r.stdout.split('\n').map((line) => line.split(',')[0]!);
    expect(cells).toContain("'=1+2");
    expect(cells).toContain("'-2+3");
    for (const line of r.stdout.split('\n')) expect(formula.test(line) && !/^-?\d/.test(line), line).toBe(false);
  });

  it('spreadsheetText guards a leading tab or CR before =, and nothing else', () => {
    expect(spreadsheetText('\t=1+2')).toBe("'\t=1+2");
    expect(spreadsheetText('\r=1+2')).toBe("'\r=1+2");
    expect(spreadsheetText('甲镇')).toBe('甲镇');
    expect(spreadsheetText('甲=镇')).toBe('甲=镇');
  });
});

describe('3. terminal and Markdown injection', () => {
  const args = ['report', '--crops', hostile('names-crops.csv'), '--livestock', hostile('names-livestock.csv')];

  it('the terminal table shows control and bidirectional characters as escapes, one line per township', () => {
    const r = landcap(args);
    expect(r.status, r.stderr).toBe(0);
    expect(RAW_CONTROL.test(r.stdout)).toBe(false);
    expect(r.stdout).toContain('\\x1b[2J\\x1b[H清屏镇');
    expect(r.stdout).toContain('乙\\x1b]0;窗口标题\\x07镇');
    expect(r.stdout).toContain('\\u202e镇丙');
    expect(r.stdout).toContain('换\\n行镇');
    // 16 townships and the total, each on one line of the table.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('│')).length).toBe(1 + 16 + 1);
  });

  it('diagnostics show them as escapes too', () => {
    const r = landcap(['validate', hostile('names-unknown.csv')]);
    expect(r.status).toBe(1);
    expect(RAW_CONTROL.test(r.stderr)).toBe(false);
    expect(r.stderr).toContain('unknown crop "玉\\x1b[31m米\\u202e"');
  });

  it('Markdown escapes HTML and links in data, and a line break does not end a table row', () => {
    const r = landcap([...args, '--format', 'md']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/<img|<\/?[a-z]/i);
    expect(r.stdout).not.toMatch(/[^\\]\]\(javascript/);
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.stdout).toContain('[点我\\](javascript:alert(1))');
    expect(r.stdout).toContain('\\*强调\\*\\_镇\\_\\`码\\`\\|竖线\\|');
    expect(RAW_CONTROL.test(r.stdout)).toBe(false);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBe(2 + 16 + 1);
    for (const row of rows) expect(row.endsWith('|'), row).toBe(true);
  });

  it('HTML shows the names as text', () => {
    const r = landcap([...args, '--format', 'html']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<img src=x');
    expect(RAW_CONTROL.test(r.stdout)).toBe(false);
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('the escapes, one by one', () => {
    expect(visible('a\u001b[2Jb\u0007c\u202ed\u2066e\u0085f')).toBe('a\\x1b[2Jb\\x07c\\u202ed\\u2066e\\x85f');
    expect(visible('甲镇')).toBe('甲镇');
    expect(markdownText('<b>x</b> [a](b) [c] a|b')).toBe('&lt;b&gt;x&lt;/b&gt; [a\\](b) [c] a\\|b');
    expect(htmlText('"<\u001b>"')).toBe('&quot;&lt;\\x1b&gt;&quot;');
  });
});

describe('4. parameters within their physical ranges', () => {
  const cases: [string[], RegExp][] = [
    [['--n-use-rate', '1e-320'], /--n-use-rate: must be a share from 1% to 100%/],
    [['--manure-share', '0'], /--manure-share: must be a share from 1% to 100%/],
    [['--p-use-rate', '1.5', '--basis', 'P'], /--p-use-rate: must be a share from 1% to 100%/],
    [['--n-supply-per-pe', '1e-320'], /--n-supply-per-pe: must be from 0.11 to 11 kg N a year/],
    [['--p-supply-per-pe', '1e308', '--basis', 'P'], /--p-supply-per-pe: must be from 0.0165 to 1.65 kg P a year/],
    [['--set', 'nSupplyPerPe=0'], /--set nSupplyPerPe: must be from 0.11 to 11 kg N/],
  ];
  for (const [flags, message] of cases) {
    it(`${flags.join(' ')}: exit 2, naming the range`, () => {
      const r = landcap(['report', ...flags]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
    });
  }
});

describe('7. a page of bounded size, whatever the load index', () => {
  it('30,000 pigs on 0.1 亩: the HTML report draws a handful of grid lines', () => {
    const r = landcap(['report', '--crops', hostile('tiny-land-crops.csv'), '--livestock', hostile('tiny-land-livestock.csv'), '--format', 'html'], {
      timeoutMs: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeLessThan(100_000);
    const grid = r.stdout.match(/class="grid"/g) ?? [];
    expect(grid.length).toBeGreaterThan(1);
    expect(grid.length).toBeLessThanOrEqual(11);
  });
});

describe('8. no trace, and the exit code of an I/O error', () => {
  it('a report to a full disk (> /dev/full): exit 2 with a message', async () => {
    if (!existsSync('/dev/full')) return;
    // Through a shell, as a user writes it.
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" report --format json > /dev/full`], { env: { ...process.env, LANG: 'C.UTF-8' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('landcap: cannot write to standard output: no space left on the disk');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a parameters file nested 100,000 deep: exit 2, located, no trace', () => {
    const dir = tempDir();
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{ "manureShare": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`);
    const r = landcap(['report', '--params', deep]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/deep\.json: values nested more than 32 deep \(line 1, column \d+\)/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a parameters file nested 500 deep: the message quotes a few characters, not the value', () => {
    const r = landcap(['report', '--params', hostile('params-nested.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr.length).toBeLessThan(300);
  });
});

describe('9. partial and stray files', () => {
  it('--output through a symbolic link to a file not there yet: the file is made whole, the link kept', () => {
    const dir = tempDir();
    symlinkSync('report.json', join(dir, 'link.json'));
    const r = landcap(['report', '--format', 'json', '--output', 'link.json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('report.json');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).schemaVersion).toBe(1);
    expect(leftovers(dir)).toEqual([]);
  });

  it('--output through a symbolic link into a folder that does not exist: exit 2, nothing written', () => {
    const dir = tempDir();
    symlinkSync('nowhere/report.json', join(dir, 'link.json'));
    const r = landcap(['report', '--format', 'json', '--output', 'link.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('link.json: no such folder');
    expect(readdirSync(dir)).toEqual(['link.json']);
  });

  it('--output through a folder that does not exist, back up to an input (nosub/../crops.csv): exit 2, the input kept', () => {
    const dir = tempDir();
    const crops = 'township,crop,area_mu,yield_kg_per_mu\n大板镇,玉米,1000,500\n';
    writeFileSync(join(dir, 'crops.csv'), crops);
    writeFileSync(join(dir, 'livestock.csv'), 'township,species,stock\n大板镇,生猪,100\n');
    const r = landcap(['report', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--format', 'csv', '--output', 'nosub/../crops.csv'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nosub/../crops.csv: no such folder');
    expect(readFileSync(join(dir, 'crops.csv'), 'utf8')).toBe(crops);
    expect(readdirSync(dir).sort()).toEqual(['crops.csv', 'livestock.csv']);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while the output is written: no temporary file left, no output file`, async () => {
      // A national-size report's JSON takes a while to write: the signal comes as soon as its temporary file appears.
      const dir = tempDir();
      const crops = ['township,crop,area_mu,yield_kg_per_mu'];
      const livestock = ['township,species,stock'];
      for (let i = 0; i < 20_000; i++) {
        crops.push(`镇${i},玉米,${1000 + i},500`);
        livestock.push(`镇${i},生猪,${100 + (i % 900)}`);
      }
      writeFileSync(join(dir, 'crops.csv'), `${crops.join('\n')}\n`);
      writeFileSync(join(dir, 'livestock.csv'), `${livestock.join('\n')}\n`);
      const out = join(dir, 'out');
      mkdirSync(out);
      const result = await new Promise<{ code: number | null; signalled: boolean }>((resolve) => {
        const child = spawn(
          process.execPath,
          [BIN, 'report', '--crops', 'crops.csv', '--livestock', 'livestock.csv', '--format', 'json', '--output', join(out, 'r.json')],
          {
            cwd: dir,
            stdio: 'ignore',
          },
        );
        let signalled = false;
        const watcher = watch(out, (_event, file) => {
          if (!signalled && String(file).endsWith('.tmp')) {
            signalled = true;
            child.kill(signal);
          }
        });
        child.on('close', (code) => {
          watcher.close();
          resolve({ code, signalled });
        });
      });
      expect(leftovers(out)).toEqual([]);
      if (result.signalled && result.code !== 0) {
        expect(result.code).toBe(signal === 'SIGTERM' ? 143 : 130);
        expect(existsSync(join(out, 'r.json'))).toBe(false);
      }
    }, 60_000);
  }
});

describe('11. messages that say what is wrong', () => {
  it("--output '': a usage error that asks for a file name", () => {
    const r = landcap(['report', '--output', '']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--output is empty: give a file name, or - for standard output');
  });

  it('{"manureShare": 1e400}: the number as written, located', () => {
    const r = landcap(['report', '--params', hostile('params-too-large.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('params-too-large.json: 1e400 is larger than any number (line 1, column 18)');
  });

  it('a key given twice in a parameters file: which key, where', () => {
    const r = landcap(['report', '--params', hostile('params-duplicate-key.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('params-duplicate-key.json: key "manureShare" is given twice in one object (line 4, column 3)');
  });
});

describe('3. names that are not what they look like', () => {
  it('a name with a zero-width character or NUL gets a warning, once, showing the character', () => {
    const r = landcap(['validate', hostile('zero-width.csv')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('zero-width.csv:3:1: warning name-invisible-character the name "甲\\u200b镇" holds an invisible character (\\u200b)');
    expect(r.stderr).toContain('zero-width.csv:4:1: warning name-invisible-character the name "乙\\u0000镇" holds an invisible character (\\u0000)');
    expect(RAW_CONTROL.test(r.stderr)).toBe(false);
  });
});

describe('4. no figure that is not a number', () => {
  it('1e308 pigs and sheep, 1e308 dairy cows, 1e30 pigs: each stock refused at its row, no report', () => {
    const r = landcap([
      'report',
      '--crops',
      hostile('tiny-land-crops.csv'),
      '--livestock',
      hostile('huge-stock.csv'),
      '--format',
      'json',
      '--fail-on-overload',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    for (const [line, species] of [
      [2, '生猪'],
      [3, '羊'],
      [4, '奶牛'],
      [5, '生猪'],
    ] as const)
      expect(r.stderr).toMatch(
        new RegExp(`huge-stock\\.csv:${line}:3: error stock-implausible [0-9.e+,]+ head of ${species} in one township is more than any township holds`),
      );
    expect(r.stderr).not.toMatch(/NaN|Infinity/);
  });

  it('an area of 1e306: the production beyond any number, at its cell', () => {
    const r = landcap(['report', '--crops', hostile('huge-area.csv'), '--livestock', hostile('tiny-land-livestock.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('huge-area.csv:2:3: error figure-not-finite production of township "甲镇" is beyond any number (Infinity)');
  });

  it('a scenario adding 1e308 head: a usage error naming the change', () => {
    const dir = tempDir();
    const scenario = join(dir, 'scenario.json');
    writeFileSync(scenario, JSON.stringify({ stock: [{ township: '大板镇', species: '生猪', add: 1e300 }] }));
    const r = landcap(['report', '--scenario', scenario, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stock[0]: gives 大板镇 1.000e+300 head of 生猪, more than any township holds (at most 2,000,000)');
  });
});

describe('5. magnitudes no township has', () => {
  it('a 存栏量(万头) column holding head counts: an error whose hint names the 万 slip; a fraction of an animal: a warning', () => {
    const r = landcap(['validate', hostile('wan-head.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'wan-head.csv:2:3: error stock-implausible 3,000,000,000 head of 生猪 in one township is more than any township holds (at most 2,000,000) (hint: the column "存栏量(万头)" counts in 万: are these head counts? 300,000 万 head is 3,000,000,000; write the header as 存栏(头))',
    );
    expect(r.stderr).toContain('wan-head.csv:3:3: warning stock-fractional 30500.1 head of 生猪 is not a whole number of animals');
  });

  it('farm takes the checks of a crops file and the bounds of a livestock file', () => {
    const crop = landcap(['farm', '--stock', '生猪=5000', '--crop', '玉米=8160']);
    expect(crop.status).toBe(2);
    expect(crop.stderr).toContain(
      '--crop 玉米=8160: yield 8,160 per 亩 is more than any 玉米 reaches (at most 2,000) (hint: is it per 公顷? That is 544 per 亩',
    );
    const stock = landcap(['farm', '--stock', '生猪=50000000', '--crop', '玉米=600']);
    expect(stock.status).toBe(2);
    expect(stock.stderr).toContain('--stock 生猪=50000000: 50,000,000 head of 生猪 in one township is more than any township holds');
    expect(landcap(['farm', '--stock', '生猪=5000', '--crop', '玉米=600']).status).toBe(0);
  });
});

describe('6. totals rows are not townships', () => {
  const crops = ['乡镇,作物,总产量(kg)', '甲镇,玉米,500000', '乙镇,玉米,416000', '丙镇,玉米,300000', '甲镇,小麦,90000', '乙镇,小麦,110000'];
  const livestock = ['乡镇,畜种,存栏量', '甲镇,生猪,3000', '乙镇,生猪,2500', '丙镇,生猪,1200', '甲镇,羊,500'];
  const json = (dir: string) => {
    const r = landcap(['report', '--crops', join(dir, 'crops.csv'), '--livestock', join(dir, 'livestock.csv'), '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    return { report: JSON.parse(r.stdout) as { townships: unknown[]; total: unknown; notes?: unknown[]; warnings: unknown[] }, stderr: r.stderr };
  };
  const write = (cropLines: string[], livestockLines: string[]) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'crops.csv'), `${cropLines.join('\n')}\n`);
    writeFileSync(join(dir, 'livestock.csv'), `${livestockLines.join('\n')}\n`);
    return dir;
  };
  const base = json(write(crops, livestock)).report;

  for (const label of ['合计', '总计', '小计', '全区', '全县', '全市', '全镇', '全乡', '总数', 'Total', '合 计', '全区合计', 'ＴＯＴＡＬ', '全县总计']) {
    it(`a last row "${label}": left out, the townships and the total as without it`, () => {
      const { report, stderr } = json(write([...crops, `${label},玉米,1216000`, `${label},小麦,200000`], [...livestock, `${label},生猪,6700`]));
      expect(report.townships).toEqual(base.townships);
      expect(report.total).toEqual(base.total);
      expect(report.notes).toHaveLength(2);
      expect(stderr).toContain(`note total-row "${label.trim()}" is a totals row, not a township`);
      expect(stderr).not.toContain('total-mismatch');
    });
  }

  it("a totals row off by more than 1%: a warning at its cell naming both figures; the report is the townships'", () => {
    const { report, stderr } = json(write([...crops, '合计,玉米,1276800'], [livestock[0]!, '全县合计,生猪,6000', ...livestock.slice(1)]));
    expect(report.townships).toEqual(base.townships);
    expect(stderr).toMatch(
      /crops\.csv:7:3: warning total-mismatch the totals row "合计" gives 1,276,800 kg of 玉米; the townships' rows sum to 1,216,000 kg \(4\.8% apart\)/,
    );
    expect(stderr).toMatch(
      /livestock\.csv:2:3: warning total-mismatch the totals row "全县合计" gives 6,000 head of 生猪; the townships' rows sum to 6,700 head/,
    );
  });
});

describe('7. no hang, no unbounded memory', () => {
  it('validate /dev/zero: refused as not text at once', () => {
    if (!existsSync('/dev/zero')) return;
    const r = landcap(['validate', '/dev/zero'], { timeoutMs: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/dev/zero:1:0: error file-not-text the file is not text (it holds NUL bytes)');
  });

  it('a single line of 50 MB: a located error, its cell not quoted', () => {
    const dir = tempDir();
    const file = join(dir, 'crops.csv');
    writeFileSync(file, `township,crop,production_kg\n甲镇,${'玉'.repeat(17_000_000)},1\n`);
    const r = landcap(['validate', file], { timeoutMs: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('crops.csv:2:0: error csv-syntax the line is longer than 100,000 characters');
    expect(r.stderr.length).toBeLessThan(1000);
  });
});

describe('8, 10. an input read once: deleted or replaced while landcap runs', () => {
  /** A crops file of many townships, whose production is `production` in each. */
  const cropsFile = (path: string, production: number) =>
    writeFileSync(path, ['township,crop,production_kg', ...Array.from({ length: 30_000 }, (_, i) => `镇${i},玉米,${production}`)].join('\n'));

  it('replaced by a new file while read (an editor saving over it): the report is of one version, or an I/O error', async () => {
    const dir = tempDir();
    const crops = join(dir, 'crops.csv');
    cropsFile(crops, 100_000);
    cropsFile(join(dir, 'new.csv'), 200_000);
    writeFileSync(join(dir, 'livestock.csv'), 'township,species,stock\n镇1,生猪,100\n');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'report', '--crops', crops, '--livestock', join(dir, 'livestock.csv'), '--format', 'json'], { cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      setTimeout(() => renameSync(join(dir, 'new.csv'), crops), 30);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(hasStackTrace(result.stderr)).toBe(false);
    if (result.code === 0) {
      const demand = (JSON.parse(result.stdout) as { total: { nutrients: { N: { cropDemandKg: number } } } }).total.nutrients.N.cropDemandKg;
      // Every township's production is 100,000 kg, or every one's 200,000: 30,000 × production × 2.3 ÷ 100.
      expect([30_000 * 100_000 * 0.023, 30_000 * 200_000 * 0.023].map(Math.round)).toContain(Math.round(demand));
    } else expect(result.code).toBe(2);
  });

  it('deleted while landcap starts: no trace, exit 0 or 2', async () => {
    const dir = tempDir();
    const crops = join(dir, 'crops.csv');
    cropsFile(crops, 100_000);
    writeFileSync(join(dir, 'livestock.csv'), 'township,species,stock\n镇1,生猪,100\n');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'report', '--crops', crops, '--livestock', join(dir, 'livestock.csv'), '--format', 'json'], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      setTimeout(() => unlinkSync(crops), 40);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect([0, 2]).toContain(result.code);
    if (result.code === 2) expect(result.stderr).toContain('crops.csv: no such file');
  });
});

describe('11. a file in two encodings', () => {
  it('GBK, then UTF-8: refused at the first UTF-8 line, not read as mojibake', () => {
    const r = landcap(['validate', hostile('gbk-then-utf8.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gbk-then-utf8.csv:4:0: error encoding-invalid the file is GBK, but this line is written in UTF-8');
  });
});
