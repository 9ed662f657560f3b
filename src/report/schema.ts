/**
 * The JSON that landcap writes, as zod schemas: `report --format json` and `validate --format json`. compare reads
 * report files with the first; the build turns both (and the parameters and scenario file schemas) into the JSON
 * Schema files in schemas/, named by schemaVersion. The renderers' output is typed by them, so that the code and
 * the published schemas cannot drift apart.
 */
import { z } from 'zod';
import { PROVENANCES } from '../coefficients/schema.js';
import { INPUT_KINDS } from '../input/columns.js';
import { BASES, LOAD_GRADES, NUTRIENTS, SOIL_GRADES, STATUSES } from '../method/types.js';
import { PARAMETER_NAMES } from '../params/params.js';
import { parametersSchema } from '../params/check.js';
import { REGION_LEVELS, SCHEMA_VERSION } from './report.js';

/** What was read of an input file: its kind (from its header), encoding and data rows (both JSON outputs). */
const fileRead = z.strictObject({
  path: z.string().describe('the path; for a sheet of a workbook, book.xlsx[SHEET]'),
  kind: z
    .enum([...INPUT_KINDS, 'map'])
    .nullable()
    .describe("what it holds, from its header; map for a GeoJSON map (rows: its townships); null when the header does not say"),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'gb18030', 'xlsx']).nullable().describe("the text's encoding; xlsx for a workbook's sheet"),
  rows: z.number().int().nonnegative().describe("data rows; a map's townships"),
  sheet: z.string().optional().describe('the sheet, for a workbook'),
});

const nutrientBalance = z
  .strictObject({
    cropDemandKg: z.number().describe('crop nutrient demand, kg/yr (guide step 1)'),
    manureDemandKg: z.number().describe('manure nutrient demand, kg/yr (guide step 2)'),
    supplyPerPeKg: z.number().describe('manure nutrient supplied per pig equivalent, kg/yr'),
    capacityPe: z.number().describe('land carrying capacity, pig equivalents (guide step 4)'),
  })
  .describe("one nutrient's chain for a township or the total");

export const balanceSchema = z
  .strictObject({
    name: z.string().describe('the township as the data names it; TOTAL for the total'),
    county: z.string().optional().describe("the township's county 县(市、区), where the files give one"),
    city: z.string().optional().describe("the township's city 市, where the files give one"),
    stockPe: z.number().describe('livestock stock in pig equivalents'),
    capacityPe: z.number().describe('capacity in pig equivalents (with basis both, the smaller of N and P)'),
    headroomPe: z.number().describe('capacity − stock; negative when overloaded'),
    loadIndex: z.number().nullable().describe('stock ÷ capacity; null without capacity'),
    grade: z.enum(LOAD_GRADES).nullable().describe('load grade of the load index'),
    status: z.enum(STATUSES),
    limitingNutrient: z.enum(NUTRIENTS).optional().describe('with basis both: the nutrient whose capacity is the smaller'),
    capacityRangePe: z.tuple([z.number(), z.number()]).describe("capacity at the two ends of the guide's use-rate range"),
    headroomHead: z.record(z.string(), z.number()).describe('headroom in head of each species with a PE factor'),
    forestShare: z.number().optional().describe('for a township with plantation forest (crops in m³): the share of its capacity the forest gives'),
    nutrients: z.strictObject({ N: nutrientBalance.optional(), P: nutrientBalance.optional() }),
  })
  .describe("a township's balance, or the total's");

const parameterSource = z.union([
  z.strictObject({ from: z.literal('default'), provenance: z.enum(PROVENANCES).optional() }),
  z.strictObject({ from: z.literal('file'), file: z.string() }),
  z.strictObject({ from: z.literal('flag'), flag: z.string() }),
  z.strictObject({ from: z.literal('api') }),
]);

export const problemJsonSchema = z
  .strictObject({
    file: z.string(),
    line: z.number().int().nonnegative().describe('line as an editor counts it; the header is line 1'),
    column: z.number().int().nonnegative().describe("the cell's position in its row; 0 for the whole row or file"),
    severity: z.enum(['error', 'warning', 'note']),
    code: z.string().describe('see docs/problems.md'),
    message: z.string(),
    hint: z.string().optional(),
    sheet: z.string().optional().describe('for a problem in a sheet of a workbook (file is book.xlsx[SHEET]): the sheet'),
    cell: z.string().optional().describe('for a problem in a sheet of a workbook, at a cell: its reference, as C12'),
  })
  .describe('a problem in the data, at FILE:LINE:COLUMN');

const coefficientUse = z.strictObject({
  name: z.string(),
  nameEn: z.string(),
  value: z.string().describe('as the table writes it (a fraction for PE factors); empty for a local one the data gives'),
  provenance: z.enum(PROVENANCES),
  rows: z.number().int().nonnegative().describe('rows of the data that used it'),
  source: z.string().describe("where the value comes from: the table's source, or the local dictionary's (its text, file and line)"),
});

const nameUse = z
  .strictObject({
    name: z.string().describe('the name as the data writes it'),
    kind: z.enum(['crop', 'species']),
    means: z.string().describe('the crop or species of the tables it is read as'),
    relation: z.enum(['synonym', 'member']).describe('synonym: the same thing; member: counted in the whole (summed with its other members)'),
    provenance: z.enum(PROVENANCES).describe("landcap: built in; local: the county's local dictionary"),
    source: z.string(),
    rows: z.number().int().nonnegative(),
  })
  .describe('a name the data used that was read as a crop or species of the tables');

export const reportJsonSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    basis: z.enum(BASES),
    parameters: parametersSchema,
    parameterSources: z.strictObject(
      Object.fromEntries(PARAMETER_NAMES.map((n) => [n, parameterSource])) as Record<(typeof PARAMETER_NAMES)[number], typeof parameterSource>,
    ),
    townships: z.array(balanceSchema),
    regions: z
      .array(
        balanceSchema.extend({
          level: z.enum(REGION_LEVELS),
          parent: z.string().optional().describe("a county's city"),
        }),
      )
      .optional()
      .describe('each county and city the townships are in (a city after its counties), summed as the total is; when the files give regions'),
    total: balanceSchema,
    warnings: z.array(problemJsonSchema),
    notes: z.array(problemJsonSchema).optional().describe('what landcap did with the data (a totals row left out), when it did anything'),
    inputs: z.array(fileRead.extend({ readable: z.boolean() })),
    coefficients: z.strictObject({
      uptake: z.strictObject({ N: z.array(coefficientUse).optional(), P: z.array(coefficientUse).optional() }),
      peFactors: z.array(coefficientUse),
      fertilisationShares: z.array(coefficientUse.extend({ grade: z.enum(SOIL_GRADES) })),
      names: z.array(nameUse),
    }),
  })
  .describe('landcap report --format json: the balance of every township and the total, with the parameters, warnings, inputs and coefficients used');

/** A schema's type, read-only all the way down (what the renderers are fed is). */
type Frozen<T> = T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

export type ReportJson = Frozen<z.infer<typeof reportJsonSchema>>;

export const validateJsonSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    valid: z.boolean().describe('no errors (warnings allowed unless --strict)'),
    errors: z.array(problemJsonSchema),
    warnings: z.array(problemJsonSchema),
    notes: z.array(problemJsonSchema).describe('what landcap did with the data (a totals row left out)'),
    counts: z.strictObject({
      errors: z.number().int().nonnegative(),
      warnings: z.number().int().nonnegative(),
      notes: z.number().int().nonnegative(),
      shown: z.number().int().nonnegative().describe('problems listed (at most --max-problems)'),
    }),
    files: z.array(fileRead),
  })
  .describe('landcap validate --format json: the problems found in the files, and what was read of each');

export type ValidateJson = Frozen<z.infer<typeof validateJsonSchema>>;
