import { z } from 'zod';
import { readJsonFile } from '../params/load.js';
import { ParameterError } from '../params/errors.js';
import { checkParametersFile, type ParametersFile } from '../params/check.js';

/**
 * A scenario file (`--scenario FILE`): parameter changes, stock changes per township and species, and crop area
 * or production changes, each absolute (`set`, `add`) or relative (`percent`).
 */
const change = {
  township: z.string().trim().min(1).optional().describe('a township as the data names it; omitted or "*" for every township'),
  county: z.string().trim().min(1).optional().describe("the township's county, where the data has two townships of its name"),
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

export interface Change {
  readonly township?: string;
  readonly county?: string;
  readonly percent?: number;
  readonly add?: number;
  readonly set?: number;
  /** Where the change is in the file, for messages: "stock[2]". */
  readonly where: string;
}
export interface StockChange extends Change {
  readonly species?: string;
}
export interface CropChange extends Change {
  readonly crop?: string;
  readonly of: 'production' | 'area';
}

/** Reads and checks a scenario file; ParameterError (exit 2) names the file and the place of the problem. */
export async function readScenario(path: string): Promise<Scenario> {
  const result = scenarioFileSchema.safeParse(await readJsonFile(path));
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
  // The names are checked against the tables the data is read with (the local dictionary's too): scenarioAdjuster.
  const stock = (s.stock ?? []).map((x, i) => ({ ...x, where: `stock[${i}]` }));
  const cropChanges = (s.crops ?? []).map((x, i) => ({ ...x, where: `crops[${i}]` }));
  return {
    path,
    name: s.name ?? path,
    parameters: checkParametersFile(`${path}: parameters`, s.parameters ?? {}),
    stock,
    crops: cropChanges,
  };
}
