import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Coefficients } from '../coefficients/coefficients.js';
import type { RowAdjuster } from '../dataset/dataset.js';
import { cropIndex, type CropRow } from '../io/crops.js';
import { InputFileError } from '../io/csv.js';
import { speciesIndex, type LivestockRow } from '../io/livestock.js';
import { ParameterError, type ParameterErrorCode } from '../params/errors.js';
import { checkParametersFile, type ParametersFile } from '../params/params.js';

/**
 * A scenario file (`--scenario FILE`): parameter changes, stock changes per township and species, and crop area
 * or production changes, each absolute (`set`, `add`) or relative (`percent`).
 */
const change = {
  township: z.string().trim().min(1).optional().describe('a township as the data names it; omitted or "*" for every township'),
  percent: z.number().gte(-100).optional().describe('change by this percentage (-10 is a tenth less)'),
  add: z.number().optional().describe('add this amount (negative to remove)'),
  set: z.number().gte(0).optional().describe('set to this amount'),
};

const oneChange = (c: { percent?: number; add?: number; set?: number }) => [c.percent, c.add, c.set].filter((v) => v !== undefined).length === 1;

export const scenarioFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  stock: z
    .array(
      z
        .strictObject({ ...change, species: z.string().trim().min(1).optional().describe('a species or alias; omitted or "*" for every species') })
        .refine(oneChange, 'give exactly one of percent, add, set'),
    )
    .optional(),
  crops: z
    .array(
      z
        .strictObject({
          ...change,
          crop: z.string().trim().min(1).optional().describe('a crop or alias; omitted or "*" for every crop'),
          of: z
            .enum(['production', 'area'])
            .default('production')
            .describe("what the change is to: production, or planted area (production follows it at the row's yield)"),
        })
        .refine(oneChange, 'give exactly one of percent, add, set'),
    )
    .optional(),
});

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

export interface Scenario {
  readonly path: string;
  readonly name: string;
  readonly parameters: ParametersFile;
  readonly stock: readonly StockChange[];
  readonly crops: readonly CropChange[];
}

interface Change {
  readonly township?: string;
  readonly percent?: number;
  readonly add?: number;
  readonly set?: number;
  /** Where the change is in the file, for messages: "stock[2]". */
  readonly where: string;
}
interface StockChange extends Change {
  readonly species?: string;
}
interface CropChange extends Change {
  readonly crop?: string;
  readonly of: 'production' | 'area';
}

const any = (v: string | undefined) => v === undefined || v === '*';

/** Reads and checks a scenario file; ParameterError (exit 2) names the file and the place of the problem. */
export async function readScenario(path: string, c: Coefficients): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw InputFileError.from(path, error);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ParameterError(path, 'not-json', { detail: (error as Error).message });
  }
  const result = scenarioFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    const at = where ? `${path}: ${where}` : path;
    if (issue.code === 'unrecognized_keys') throw new ParameterError(at, 'unknown-keys', { keys: issue.keys.join(', '), known: '' });
    if (issue.code === 'custom') throw new ParameterError(at, 'one-change');
    throw new ParameterError(at, 'invalid', { detail: issue.message });
  }
  const s = result.data;
  const species = speciesIndex(c);
  const crops = cropIndex(c);
  const stock = (s.stock ?? []).map((x, i) => {
    const where = `stock[${i}]`;
    let name = x.species;
    if (!any(name)) {
      const sp = species.get(name!);
      if (!sp) throw new ParameterError(`${path}: ${where}.species`, 'unknown-species', { name: name!, suggestion: species.nearest(name!) ?? '' });
      name = sp.species;
    }
    return { ...x, species: name, where };
  });
  const cropChanges = (s.crops ?? []).map((x, i) => {
    const where = `crops[${i}]`;
    let name = x.crop;
    if (!any(name)) {
      const crop = crops.get(name!);
      if (!crop) throw new ParameterError(`${path}: ${where}.crop`, 'unknown-crop', { name: name!, suggestion: crops.nearest(name!) ?? '' });
      name = crop.crop;
    }
    return { ...x, crop: name, where };
  });
  return {
    path,
    name: s.name ?? path,
    parameters: checkParametersFile(`${path}: parameters`, s.parameters ?? {}),
    stock,
    crops: cropChanges,
  };
}

/** A value after a change: set, add, or percent. */
function changed(value: number, c: Change): number {
  if (c.set !== undefined) return c.set;
  if (c.add !== undefined) return value + c.add;
  return value * (1 + c.percent! / 100);
}

/** The row adjuster that applies a scenario's stock and crop changes while the files are read. */
export function scenarioAdjuster(scenario: Scenario, c: Coefficients): RowAdjuster & { readonly unmatched: string[] } {
  const species = speciesIndex(c);
  const crops = cropIndex(c);
  const stockSeen = new Set<StockChange>();
  const cropSeen = new Set<CropChange>();
  const fail = (x: Change, code: ParameterErrorCode, args: Record<string, string | number>) => new ParameterError(`${scenario.path}: ${x.where}`, code, args);
  const adjuster = {
    unmatched: [] as string[],
    livestock(row: LivestockRow): LivestockRow {
      let stock = row.stock;
      for (const x of scenario.stock) {
        if (!any(x.township) && x.township !== row.township) continue;
        if (!any(x.species) && x.species !== row.speciesName) continue;
        stockSeen.add(x);
        stock = changed(stock, x);
        if (stock < 0) throw fail(x, 'below-zero', { name: row.speciesAsWritten, township: row.township, place: `${row.file}:${row.line}` });
      }
      return stock === row.stock ? row : { ...row, stock, stockInFile: row.stock };
    },
    crop(row: CropRow): CropRow {
      let production = row.production;
      let areaMu = row.areaMu;
      for (const x of scenario.crops) {
        if (!any(x.township) && x.township !== row.township) continue;
        if (!any(x.crop) && x.crop !== (row.crop?.crop ?? row.cropAsWritten)) continue;
        cropSeen.add(x);
        if (x.of === 'area' && x.percent === undefined) {
          if (!areaMu) throw fail(x, 'no-area', { name: row.cropAsWritten, township: row.township, place: `${row.file}:${row.line}` });
          const area = changed(areaMu, x);
          production = (production * area) / areaMu;
          areaMu = area;
        } else {
          production = changed(production, x);
          if (x.of === 'area' && areaMu !== null) areaMu = changed(areaMu, x);
        }
        if (production < 0) throw fail(x, 'below-zero', { name: row.cropAsWritten, township: row.township, place: `${row.file}:${row.line}` });
      }
      return production === row.production && areaMu === row.areaMu ? row : { ...row, production, areaMu, productionInFile: row.production };
    },
    /** A set or add of production for one township and crop that the data does not list adds a row. */
    extraCrops(): CropRow[] {
      const out: CropRow[] = [];
      for (const x of scenario.crops) {
        if (cropSeen.has(x)) continue;
        if (any(x.township) || any(x.crop) || x.percent !== undefined || x.of === 'area') {
          adjuster.unmatched.push(x.where);
          continue;
        }
        const crop = crops.get(x.crop!)!;
        out.push({
          file: scenario.path,
          line: 0,
          township: x.township!,
          cropAsWritten: crop.crop,
          crop,
          measure: crop.measure,
          landUse: crop.landUse,
          production: changed(0, x),
          productionFrom: 'production',
          areaMu: null,
          uptake: { N: crop.uptake.N, P: crop.uptake.P },
        });
      }
      return out;
    },
    /** A set or add of stock for one township and species that the data does not list adds a row (a new farm, say). */
    extraLivestock(): LivestockRow[] {
      const out: LivestockRow[] = [];
      for (const x of scenario.stock) {
        if (stockSeen.has(x)) continue;
        if (any(x.township) || any(x.species) || x.percent !== undefined) {
          adjuster.unmatched.push(x.where);
          continue;
        }
        const sp = species.get(x.species!)!;
        if (!sp.peFactor) throw fail(x, 'no-factor', { name: sp.species });
        if (changed(0, x) < 0) throw fail(x, 'below-zero', { name: sp.species, township: x.township!, place: scenario.path });
        out.push({
          file: scenario.path,
          line: 0,
          township: x.township!,
          speciesAsWritten: sp.species,
          species: sp,
          speciesName: sp.species,
          stock: changed(0, x),
          peFactor: sp.peFactor,
          peFactorProvenance: sp.provenance,
          peFactorSource: sp.source,
        });
      }
      return out;
    },
  };
  return adjuster;
}
