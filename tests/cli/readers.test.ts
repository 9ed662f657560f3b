import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { landcap, writeFiles } from '../helpers.js';

function report(files: Record<string, string>, extra: string[] = []) {
  const dir = writeFiles(files);
  const args = ['report', '--format', 'json', '--crops', join(dir, 'crops.csv'), '--livestock', join(dir, 'livestock.csv'), ...extra];
  if (files['soil.csv'] !== undefined) args.push('--soil', join(dir, 'soil.csv'));
  const r = landcap(args);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('readers', () => {
  it('read Chinese headers with full-width brackets, a BOM, 公顷, 吨 and 万头 as their English equivalents', () => {
    const english = report({
      'crops.csv': 'township,crop,area_mu,yield_kg_per_mu,production_kg\n甲镇,玉米,1500,500,\n甲镇,小麦,,,200000\n',
      'livestock.csv': 'township,species,stock\n甲镇,生猪,12000\n甲镇,山羊,500\n',
    });
    const chinese = report({
      'crops.csv': '\uFEFF乡镇,作物,面积（公顷）,单产（kg/公顷）,总产量（吨）\n甲镇,玉米,100,7500,\n甲镇,小麦,,,200\n',
      'livestock.csv': '\uFEFF 乡镇 ,畜种,存栏量（万头）\n甲镇,猪,1.2\n甲镇,羊,0.05\n',
    });
    expect(chinese.townships).toEqual(english.townships);
    // 1,500 亩 × 500 kg × 2.3 / 100 + 200,000 × 3.0 / 100 = 17,250 + 6,000.
    expect(english.total.nutrients.N.cropDemandKg).toBeCloseTo(23_250, 9);
    expect(english.total.stockPe).toBe(12_000 + 500 * 0.4);
  });

  it('grades soil per township and land use, else the township row, else --soil-grade', () => {
    const files = {
      'crops.csv': 'township,crop,production_kg\n甲镇,番茄,1000000\n甲镇,玉米,100000\n乙乡,玉米,100000\n',
      'livestock.csv': 'township,species,stock\n甲镇,生猪,10\n',
      'soil.csv': 'township,land_use,n_grade,total_n_g_per_kg\n甲镇,菜地,I,\n甲镇,,,0.7\n',
    };
    const json = report(files, ['--soil-grade', 'II', '--manure-share', '0.5']);
    const [jia, yi] = json.townships;
    // 番茄 on 菜地, grade I: 3,300 kg N × 0.35; 玉米 graded from 0.7 g/kg on 旱地: III, 2,300 × 0.55. × 0.5 ÷ 0.25.
    expect(jia.nutrients.N.manureDemandKg).toBeCloseTo((3_300 * 0.35 + 2_300 * 0.55) * 2, 9);
    // 乙乡 has no soil row: the default grade II.
    expect(yi.nutrients.N.manureDemandKg).toBeCloseTo(2_300 * 0.45 * 2, 9);
  });

  it('grades each nutrient from its own columns: N from n_grade or total_n, P from p_grade or available_p', () => {
    const json = report(
      {
        'crops.csv': 'township,crop,production_kg\n甲镇,玉米,100000\n乙乡,玉米,100000\n',
        'livestock.csv': 'township,species,stock\n甲镇,生猪,10\n',
        'soil.csv': 'township,n_grade,p_grade,total_n,available_p\n甲镇,I,III,,\n乙乡,,,0.7,50\n',
      },
      ['--basis', 'both', '--manure-share', '0.5'],
    );
    const [jia, yi] = json.townships;
    // 玉米: 2,300 kg N and 300 kg P per 100,000 kg. 甲镇: N grade I (0.35), P grade III (0.55); × 0.5 ÷ 0.25 (N), ÷ 0.30 (P).
    expect(jia.nutrients.N.manureDemandKg).toBeCloseTo((2_300 * 0.35 * 0.5) / 0.25, 9);
    expect(jia.nutrients.P.manureDemandKg).toBeCloseTo((300 * 0.55 * 0.5) / 0.3, 9);
    // 乙乡 measured: total N 0.7 g/kg on 旱地 is grade III; available P 50 mg/kg is grade I.
    expect(yi.nutrients.N.manureDemandKg).toBeCloseTo((2_300 * 0.55 * 0.5) / 0.25, 9);
    expect(yi.nutrients.P.manureDemandKg).toBeCloseTo((300 * 0.35 * 0.5) / 0.3, 9);
  });

  it('treats aliases as their crop and species', () => {
    const a = report({
      'crops.csv': 'township,crop,production_kg\n甲,稻谷,1000\n甲,花生,500\n',
      'livestock.csv': 'township,species,stock\n甲,绵羊,250\n甲,鹅,2500\n',
    });
    const b = report({
      'crops.csv': 'township,crop,production_kg\n甲,水稻,1000\n甲,油料,500\n',
      'livestock.csv': 'township,species,stock\n甲,羊,250\n甲,家禽,2500\n',
    });
    expect(a.townships).toEqual(b.townships);
    expect(a.total.stockPe).toBe(200);
  });
});
