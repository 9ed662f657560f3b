import { describe, expect, it } from 'vitest';
import { exactSum } from '../../src/method/exact-sum.js';
import { hasStackTrace, landcap, landcapInProcess } from '../helpers.js';

async function json(args: string[]) {
  const r = await landcapInProcess(args);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('landcap explain', () => {
  for (const sample of ['beipiao-townships-2024', 'beipiao-county-2024']) {
    for (const basis of ['N', 'both']) {
      it(`reproduces the report's numbers exactly for every township of ${sample} (basis ${basis})`, async () => {
        const report = await json(['report', '--sample', sample, '--basis', basis, '--format', 'json']);
        for (const township of report.townships) {
          const e = await json(['explain', '--sample', sample, '--basis', basis, '--township', township.name, '--format', 'json']);
          expect(e.balance).toEqual(township);
          // The rows add up to the chain's figures.
          for (const n of basis === 'both' ? ['N', 'P'] : ['N']) {
            expect(exactSum(e.crops.map((c: { nutrients: Record<string, { demandKg: number }> }) => c.nutrients[n]!.demandKg))).toBe(
              township.nutrients[n].cropDemandKg,
            );
            expect(e.nutrients[n].manureDemandKg).toBe(township.nutrients[n].manureDemandKg);
          }
          expect(exactSum(e.livestock.map((l: { pe: number }) => l.pe))).toBe(township.stockPe);
        }
      });
    }
  }

  it('shows each input with its source: uptake provenance, soil grade origin, PE factor', async () => {
    const e = await json([
      'explain',
      '--crops',
      'tests/fixtures/good/crops.csv',
      '--livestock',
      'tests/fixtures/good/livestock.csv',
      '--soil',
      'tests/fixtures/good/soil.csv',
      '--township',
      '城关街道',
      '--format',
      'json',
    ]);
    const tomato = e.crops.find((c: { crop: string }) => c.crop === '番茄');
    // 番茄 grows on 菜地: the 菜地 row of the soil file (line 3), total N 1.3 g/kg > 1.2 → grade I.
    expect(tomato.nutrients.N).toMatchObject({
      uptake: 0.33,
      uptakeProvenance: 'plan',
      soilGrade: 'I',
      soilGradeSource: { from: 'soil', line: 3, measured: 1.3, gradedAs: '菜地' },
    });
    const maize = e.crops.find((c: { crop: string }) => c.crop === '玉米');
    // 玉米 on 旱地: the township row (line 2), 0.95 g/kg on 旱地 (0.8–1.0) → grade II.
    expect(maize.nutrients.N).toMatchObject({ soilGrade: 'II', soilGradeSource: { from: 'soil', line: 2, gradedAs: '旱地' } });
    const hens = e.livestock.find((l: { speciesAsWritten: string }) => l.speciesAsWritten === '蛋鸡');
    expect(hens).toMatchObject({ species: '家禽', head: 60_000, peFactor: '100/2500', provenance: 'plan', pe: 2_400 });
    // 水稻 on 水田, graded by the township row: 0.95 g/kg is below 水田's 1.0 → grade III.
    const rice = e.crops.find((c: { crop: string }) => c.crop === '水稻');
    expect(rice.nutrients.N).toMatchObject({ soilGrade: 'III', soilGradeSource: { line: 2, gradedAs: '水田' } });
    expect(e.nutrients.N.byGrade.map((g: { grade: string }) => g.grade)).toEqual(['I', 'II', 'III']);
  });

  it('prints text and Markdown with the formulas', () => {
    const text = landcap(['explain', '--sample', 'beipiao-county-2024', '--township', '北票市']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('M = Σ (D × FS) × MS ÷ UR');
    expect(text.stdout).toContain('= M = 24,210,343.95 kg');
    expect(text.stdout).toContain('C(N) = 24,210,343.95 ÷ 7 kg (default, reference plan) = 3,458,620.56 PE');
    expect(text.stdout).toContain('人工草地 → 苜蓿');
    const md = landcap(['explain', '--sample', 'beipiao-county-2024', '--township', '北票市', '--format', 'md', '--lang', 'zh']);
    expect(md.stdout).toContain('## 北票市（以氮为基础）');
    expect(md.stdout).toContain('| 18 | 人工林地 | 5,310,867.94 m³ | 2.9 [参考规划] | 15,401,517.03 | II（默认） |');
  });

  it('an overloaded township: the head of each species to take away, not a negative number to add, in both languages', () => {
    const json = JSON.parse(landcap(['report', '--format', 'json']).stdout) as { townships: { name: string; headroomPe: number; headroomHead: Record<string, number> }[] };
    const over = json.townships.find((t) => t.headroomPe < 0)!;
    const pigs = Math.round(-over.headroomHead['生猪']!).toLocaleString('en-US');
    const en = landcap(['explain', '--township', over.name]).stdout;
    expect(en).toContain(`PE: over capacity; within it with ${pigs} 生猪`);
    expect(en).not.toMatch(/that is -/);
    const zh = landcap(['explain', '--township', over.name, '--lang', 'zh']).stdout;
    expect(zh).toContain(`已超载；需减少生猪 ${pigs} 头`);
    expect(zh).not.toContain('即可再养生猪 -');
  });

  it('names the nearest townships when the name is not in the data (exit 2)', () => {
    const r = landcap(['explain', '--township', '城关镇']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no township "城关镇" in the data; nearest: 城关街道');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(landcap(['explain']).status).toBe(2);
  });

  it('refuses data with errors (exit 1), as report does', () => {
    const r = landcap(['explain', '--crops', 'tests/fixtures/bad/cells.csv', '--livestock', 'tests/fixtures/good/livestock.csv', '--township', '甲镇']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cells.csv:3:3: error number-invalid');
  });
});
