import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { main } from '../../src/cli/main.js';
import stringWidth from 'string-width';
import { landcap, landcapBinary, landcapInProcess, tempDir } from '../helpers.js';

/** Runs the CLI in-process with a terminal of the given width (and, optionally, a terminal on stderr). */
async function inTerminal(args: string[], columns: number, env: Record<string, string> = { NO_COLOR: '1' }) {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: true, columns },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
    env,
  });
  return { status, stdout, stderr };
}

describe('report output, in both languages (snapshots)', () => {
  for (const lang of ['en', 'zh']) {
    it(`Markdown, ${lang}`, async () => {
      const r = landcap(['report', '--format', 'md', '--lang', lang, '--headroom']);
      expect(r.status).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(`../__snapshots__/report.${lang}.md`);
    });
    it(`terminal table, ${lang}`, async () => {
      const r = landcap(['report', '--lang', lang], { env: { NO_COLOR: '1' } });
      await expect(r.stdout).toMatchFileSnapshot(`../__snapshots__/report.${lang}.txt`);
    });
    it(`terminal table in 80 columns, ${lang}`, async () => {
      const r = await inTerminal(['report', '--lang', lang, '--headroom', '--range'], 80);
      const table = r.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
      for (const line of table) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      expect(r.stdout).toContain(lang === 'en' ? "not shown, for the terminal's width" : '因终端宽度未显示');
      await expect(r.stdout).toMatchFileSnapshot(`../__snapshots__/report-80.${lang}.txt`);
    });
  }
});

describe('messages', () => {
  /** The shape of a catalogue: every key, and whether it is text or a function. */
  function shape(value: unknown, path = ''): string[] {
    if (typeof value === 'function') return [`${path}()`];
    if (typeof value === 'string') return [path];
    return Object.entries(value as object).flatMap(([k, v]) => shape(v, `${path}.${k}`));
  }

  it('every message key exists in both languages, of the same kind', () => {
    expect(shape(zh).sort()).toEqual(shape(en).sort());
    expect(shape(en).length).toBeGreaterThan(300);
  });

  it('no Chinese message is left in English', () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : typeof value === 'function' ? [] : Object.values(value as object).flatMap(texts);
    const untranslated = texts(zh).filter((s) => /[a-z]{4,}/i.test(s) && !/[\u4e00-\u9fff]/.test(s));
    // Format names, codes and units may stay as they are.
    expect(untranslated.filter((s) => !/^(landcap：?|--?\w|[A-Z0-9 .,:()%/-]+)$/.test(s))).toEqual([]);
  });

  it('--lang defaults from LC_ALL or LANG: zh* gives Chinese, anything else English', () => {
    expect(landcap(['report'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('合计');
    expect(landcap(['report'], { env: { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' } }).stdout).toContain('合计');
    expect(landcap(['report'], { env: { LANG: 'fr_FR.UTF-8' } }).stdout).toContain('TOTAL');
    expect(landcap(['report', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('TOTAL');
  });

  it("every command's help has its purpose, its options with defaults, and examples", async () => {
    const commands = ['report', 'validate', 'explain', 'compare', 'farm', 'init', 'coefficients'];
    // In this process: the binary's own start is tested by the other cases.
    for (const lang of ['en', 'zh']) {
      const root = (await landcapInProcess(['--help', '--lang', lang])).stdout;
      for (const command of commands) {
        const help = (await landcapInProcess([command, '--help', '--lang', lang])).stdout;
        // The purpose: the line under the usage, also listed by `landcap --help`.
        const purpose = help.split('\n')[2]!;
        expect(purpose.length, `${command} ${lang}`).toBeGreaterThan(10);
        expect(root.replace(/\s+/g, ' '), `${command} ${lang}`).toContain(purpose.replace(/\s+/g, ' ').slice(0, 30));
        expect(help, `${command} ${lang}`).toMatch(lang === 'en' ? /\nExamples:\n {2}\$ landcap / : /\n示例：\n {2}\$ landcap /);
      }
    }
    // Options with a default say it.
    const report = (await landcapInProcess(['report', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const option of ['--basis', '--manure-share', '--n-use-rate', '--soil-grade', '--format', '--encoding', '--sample']) {
      expect(new RegExp(`${option} <\\w+> (.*?)(?= --\\w|$)`).exec(report)?.[1]).toContain('default');
    }
  });

  it('help, usage errors and I/O errors come in Chinese too', () => {
    const help = landcap(['report', '--help', '--lang', 'zh']);
    expect(help.stdout).toContain('用法：');
    expect(help.stdout).toContain('测算各乡镇畜禽粪污土地承载力');
    expect(help.stdout).toContain('示例：');
    expect(landcap(['report', '--frobnicate', '--lang', 'zh']).stderr).toContain('错误：未知选项 --frobnicate');
    expect(landcap(['report', '--crops', 'nowhere.csv', '--livestock', 'x.csv', '--lang', 'zh']).stderr).toContain('landcap：nowhere.csv：文件不存在');
    expect(landcap(['report', '--manure-share', '4', '--lang', 'zh']).stderr).toContain('--manure-share: 应为 1% 至 100% 之间的比例');
    // An option's own check keeps its reason in Chinese, as in English.
    expect(landcap(['transfer', '--max-km', 'abc', '--lang', 'zh']).stderr).toContain('错误：选项 --max-km <km> 的取值 abc 无效：请给出最远运距（km），大于 0 且不超过 1000');
    expect(landcap(['transfer', '--max-km', 'abc']).stderr).toContain("argument 'abc' is invalid. give the farthest distance in km, above 0 and at most 1,000");
  });
});

describe('progress and colour', () => {
  // A crops file large enough to be streamed (over 4 MB) and to take longer than the progress line's first delay.
  const big = () => {
    const dir = tempDir();
    const rows = ['township,crop,production_kg'];
    for (let i = 0; i < 420_000; i++)
      rows.push(
        `乡镇${i % 15000},${['小麦', '玉米', '水稻', '大豆', '谷子', '番茄', '黄瓜', '桃', '葡萄', '苹果', '梨', '油料', '烟叶', '苜蓿', '茄子', '萝卜', '大葱', '大蒜', '棉花', '马铃薯', '甘蔗', '甜菜', '茶叶', '香蕉', '柑橘', '青椒', '大白菜', '饲用燕麦'][Math.floor(i / 15000)]},${1000 + i}`,
      );
    writeFileSync(join(dir, 'crops.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'livestock.csv'), 'township,species,stock\n乡镇1,生猪,100\n');
    return dir;
  };

  it('piped (not a terminal), report and validate print no progress and no colour codes', () => {
    const dir = big();
    // Files long enough for a progress line on a terminal; the table (the coloured format) of the bundled sample.
    for (const args of [
      ['report', '--format', 'json', '--crops', join(dir, 'crops.csv'), '--livestock', join(dir, 'livestock.csv')],
      ['validate', join(dir, 'crops.csv')],
      ['report'],
    ]) {
      const r = landcapBinary(args, { env: { NO_COLOR: '', FORCE_COLOR: '' } });
      expect(r.status).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/\x1b|\r/); // eslint-disable-line no-control-regex
    }
  });

  it('leaves no spaces at the ends of the lines of the table report, in either language', () => {
    for (const lang of ['en', 'zh']) {
      const lines = landcap(['report', '--lang', lang]).stdout.split('\n');
      expect(lines.length).toBeGreaterThan(40);
      expect(lines.filter((l) => / $/.test(l))).toEqual([]);
    }
  });

  it('on a terminal, a progress line is drawn on stderr and cleared', async () => {
    const dir = big();
    const r = await inTerminal(['validate', join(dir, 'crops.csv')], 100);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\rreading .*crops\.csv… \d+%/);
    expect(r.stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('colours the table by status on a terminal, with the status in words too', async () => {
    const r = await inTerminal(['report'], 200, {});
    expect(r.stdout).toMatch(/\x1b\[3\dm(?:\x1b\[1m)?overloaded/); // eslint-disable-line no-control-regex
    expect(r.stdout).toMatch(/\x1b\[32mok/); // eslint-disable-line no-control-regex
  });
});
