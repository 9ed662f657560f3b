import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BIN, landcap, writeFiles } from '../helpers.js';

const LIVESTOCK = 'township,species,stock\n甲,生猪,100\n';

function validateJson(files: Record<string, string | Uint8Array>, args: string[] = []) {
  const dir = writeFiles(files);
  const r = landcap(['validate', '--format', 'json', ...args, ...Object.keys(files).map((f) => join(dir, f))]);
  return { ...r, dir, json: JSON.parse(r.stdout) };
}

describe('reading awkward files', () => {
  it('skips only unquoted # lines as comments, keeping line numbers (CRLF too); a quoted "#2村" is data', () => {
    const { json } = validateJson({
      'crops.csv': '# note, with "a quote\r\ntownship,crop,production_kg\r\n"#2村",小麦,500\r\n# 甲,玉米,1\r\n乙,"多\r\n# 行",5\r\n',
    });
    expect(json.files[0].rows).toBe(2);
    expect(json.errors.map((e: { code: string; line: number; column: number }) => [e.code, e.line, e.column])).toEqual([['crop-unknown', 5, 2]]);
  });

  it('takes a lone \\n in a file of \\r\\n lines (a line added in an editor) as the line break an editor shows, outside quotes', () => {
    const { json } = validateJson({
      'crops.csv': '乡镇,作物,面积(亩),单产(kg/亩)\r\n甲镇,玉米,1000,500\r\n甲镇,小麦,100,300\n乙镇,大豆,100,x\r\n乙镇,"小\n麦",1,1\r\n丙镇,玉米,1,500\n',
    });
    expect(json.files[0].rows).toBe(5);
    expect(json.errors.map((e: { code: string; line: number; column: number }) => [e.code, e.line, e.column])).toEqual([
      ['number-invalid', 4, 4],
      ['crop-unknown', 5, 2],
    ]);
  });

  it('names the unit when a production column in 吨 holds kg (1000 × area × yield), in both languages', () => {
    const dir = writeFiles({ 'crops.csv': '乡镇,作物,面积(亩),单产(kg/亩),总产量(吨)\n甲镇,玉米,1000,500,500000\n' });
    const en = landcap(['validate', join(dir, 'crops.csv')]);
    expect(en.status).toBe(0);
    expect(en.stderr).toContain('crops.csv:2:5: warning production-mismatch');
    expect(en.stderr).toContain('the production looks in kg, not 吨 (tonnes)');
    expect(landcap(['validate', '--lang', 'zh', join(dir, 'crops.csv')]).stderr).toContain('总产量似乎以千克而不是吨计');
  });

  it('refuses a UTF-8 file with a damaged byte, at its line, rather than reading it as GBK', () => {
    const { json } = validateJson({
      'soil.csv': Buffer.concat([Buffer.from('township,n_grade\n城关,III\n城南,II\n# 备注'), Buffer.from([0xe6, 0x96]), Buffer.from('\n')]),
    });
    expect(json.errors).toMatchObject([{ code: 'encoding-invalid', line: 4 }]);
  });

  it('counts synonyms as one crop or species (番茄 = 西红柿, 生猪 = 猪) but group members apart (花生, 油菜 in 油料)', () => {
    const crops = validateJson({ 'crops.csv': 'township,crop,production_kg\nA,小麦,1\nA,wheat,3\nA,花生,5\nA,油菜,6\nA,番茄,1\nA,西红柿,2\n' });
    expect(crops.json.errors.map((e: { code: string; line: number }) => [e.code, e.line])).toEqual([
      ['duplicate-row', 3],
      ['duplicate-row', 7],
    ]);
    const livestock = validateJson({ 'livestock.csv': 'township,species,stock\nA,生猪,1\nA,猪,2\nA,山羊,3\nA,绵羊,4\n' });
    expect(livestock.json.errors.map((e: { code: string; line: number }) => [e.code, e.line])).toEqual([['duplicate-row', 3]]);
  });

  it('reads 亩产(kg), and refuses a unit that contradicts the name (area_ha(亩))', () => {
    expect(validateJson({ 'a.csv': '乡镇,作物,面积,亩产(斤)\n甲,玉米,10,1000\n' }).status).toBe(0);
    expect(validateJson({ 'b.csv': 'township,crop,area_ha(亩),yield_kg_per_mu\n甲,玉米,10,500\n' }).json.errors[0]).toMatchObject({
      code: 'header-unknown-unit',
      line: 1,
      column: 3,
    });
  });

  it('keeps a problem on one line when the cell holds a line break', () => {
    const dir = writeFiles({ 'crops.csv': 'township,crop,production_kg\n甲,"小\n麦",5\n' });
    const r = landcap(['validate', join(dir, 'crops.csv')]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown crop "小\\n麦"');
  });

  it('reads standard input (-) and pipes, in GBK too', () => {
    const dir = writeFiles({ 'livestock.csv': LIVESTOCK });
    const gbk = spawnSync(process.execPath, [BIN, 'report', '--format', 'json', '--crops', '-', '--livestock', join(dir, 'livestock.csv')], {
      input: iconv.encode('township,crop,production_kg\n甲,玉米,1000\n', 'gbk'),
      encoding: 'utf8',
    });
    expect(gbk.status, gbk.stderr).toBe(0);
    const json = JSON.parse(gbk.stdout);
    // 甲 玉米 1,000 kg (GBK bytes) → 23 kg N.
    expect(json.townships[0].name).toBe('甲');
    expect(json.total.nutrients.N.cropDemandKg).toBeCloseTo(23, 9);
    expect(json.inputs[0]).toMatchObject({ path: '-', encoding: 'gb18030' });
  });
});

describe('writing output', () => {
  it('writes through a symbolic link, keeping the target and its permissions', () => {
    const dir = writeFiles({ 'target.csv': 'old\n' });
    chmodSync(join(dir, 'target.csv'), 0o640);
    symlinkSync('target.csv', join(dir, 'link.csv'));
    expect(landcap(['report', '--format', 'csv', '--output', join(dir, 'link.csv')]).status).toBe(0);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, 'target.csv')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'target.csv'), 'utf8')).toMatch(/^\uFEFFTownship,/);
  });

  it('takes /dev/stdout and - as stdout, leaving /dev/stdout as it is', () => {
    const before = lstatSync('/dev/stdout').isSymbolicLink();
    for (const output of ['/dev/stdout', '-']) {
      const r = landcap(['report', '--format', 'json', '--output', output]);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    }
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(before);
  });

  it('refuses a folder, or a missing folder, as output (exit 2)', () => {
    const dir = writeFiles({});
    expect(landcap(['report', '--output', dir]).stderr).toContain('is a folder, not a file');
    expect(landcap(['report', '--output', join(dir, 'no', 'x.json')]).status).toBe(2);
  });
});

describe('options', () => {
  it('an unknown option says what it may mean, its line breaks kept (not shown as \\n)', () => {
    const en = landcap(['report', '--frmat', 'csv']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("unknown option '--frmat'\n(Did you mean --format?)");
    const zh = landcap(['report', '--frmat', 'csv', '--lang', 'zh']);
    expect(zh.stderr).toContain('未知选项 --frmat（是否为 --format？）');
    for (const r of [en, zh]) expect(r.stderr).not.toContain('\\n');
  });

  it('--fail-on-overload fails on a township with stock and no land, in the chosen language', () => {
    const dir = writeFiles({
      'crops.csv': 'township,crop,production_kg\n甲,玉米,100000000\n',
      'livestock.csv': 'township,species,stock\n甲,生猪,10\n乙,生猪,10\n',
    });
    const r = landcap(['report', '--fail-on-overload', '--lang', 'zh', '--crops', join(dir, 'crops.csv'), '--livestock', join(dir, 'livestock.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('1 个乡镇超载或无消纳土地');
  });

  it('validate takes --set like the other commands', () => {
    const files = { 'crops.csv': 'township,crop,production_kg,n_uptake\n甲,藜麦,1000,2.5\n' };
    expect(validateJson(files).status).toBe(0);
    expect(validateJson(files, ['--set', 'basis=both']).json.errors[0]).toMatchObject({ code: 'crop-needs-uptake' });
  });

  it('farm refuses a target yield of 0 (exit 2); explain, farm and validate take --format table as text', () => {
    expect(landcap(['farm', '--stock', '生猪=100', '--crop', '小麦=0']).status).toBe(2);
    const text = landcap(['explain', '--township', '城关街道']).stdout;
    expect(landcap(['explain', '--township', '城关街道', '--format', 'table']).stdout).toBe(text);
  });

  it('--color wins over NO_COLOR; NO_COLOR and --no-color turn colour off', () => {
    expect(landcap(['report', '--color'], { env: { NO_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(landcap(['report', '--color', '--no-color']).stdout).not.toContain('\u001b[');
    expect(landcap(['report'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});
