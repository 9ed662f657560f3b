// The library API on inputs in memory: rows and CSV text read as files are, problems placed under the name given.
import { describe, expect, it } from 'vitest';
import { computeReport, parameterSet, renderReport, sample, validateInputs } from '../../src/api.js';
import { ParameterError } from '../../src/params/errors.js';

const livestock = { name: 'livestock', rows: [{ township: '大板镇', species: '生猪', stock: 800 }] };

describe('the library API', () => {
  it('computes from rows in memory, numbers as numbers, with the method by hand', async () => {
    const { report, problems } = await computeReport({
      crops: { name: 'crops', rows: [{ township: '大板镇', crop: '玉米', area_mu: 1000, yield_kg_per_mu: 600 }] },
      livestock,
    });
    expect(problems).toEqual([]);
    // 600,000 kg maize × 2.3 kg N per 100 kg × 45% (grade II) × 50% manure ÷ 25% use rate ÷ 7 kg N per PE.
    expect(report!.townships[0]!.capacityPe).toBeCloseTo((600_000 * 0.023 * 0.45 * 0.5) / 0.25 / 7, 9);
    expect(report!.total.stockPe).toBe(800);
  });

  it('places problems in rows and text under the names given, and forgets them after', async () => {
    const crops = { name: 'county-crops', text: '乡镇,作物,产量(kg)\n大板镇,玉米,abc\n大板镇,土豆,5000\n' };
    const { report, problems } = await computeReport({ crops, livestock });
    expect(report).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'county-crops', line: 2, column: 3, code: 'number-invalid' })]);
    // The same name with other text: read afresh.
    const again = await computeReport({ crops: { name: 'county-crops', text: '乡镇,作物,产量(kg)\n大板镇,玉米,1000\n' }, livestock });
    expect(again.problems).toEqual([]);
    expect(again.report!.townships[0]!.nutrients.N!.cropDemandKg).toBeCloseTo(23, 12);
  });

  it('layers parameters as the command line does, and refuses bad ones', async () => {
    const s = sample()!;
    const params = await parameterSet({ file: s.params, values: { manureShare: 0.45 } });
    expect(params.values.manureShare).toBe(0.45);
    expect(params.sources.manureShare).toEqual({ from: 'api' });
    expect(params.sources.nUseRate).toEqual({ from: 'file', file: s.params });
    await expect(parameterSet({ values: { manureShare: 4 } })).rejects.toThrow(ParameterError);
    const { report } = await computeReport(s, params);
    expect(await renderReport(report!, 'csv')).toMatch(/^Township,Stock \(PE\),Capacity \(PE\)/);
    expect(await renderReport(report!, 'csv', 'zh')).toMatch(/^乡镇,/);
  });

  it('validates as `landcap validate` does, each input of the kind its header shows', async () => {
    const crops = { name: 'crops', text: 'township,crop,production_kg\n大板镇,玉米,-5\n' };
    const result = await validateInputs([crops, livestock]);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ file: 'crops', line: 2, column: 3, code: 'number-negative' })]);
    expect(result.files.map((f) => [f.path, f.kind, f.rows])).toEqual([
      ['crops', 'crops', 1],
      ['livestock', 'livestock', 1],
    ]);
    expect((await validateInputs([livestock])).valid).toBe(true);
  });
});
