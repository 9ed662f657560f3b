import { z } from 'zod';
import { parseFraction } from '../method/pig-equivalent.js';
import { LAND_USES, LOAD_GRADES, SOIL_GRADES } from '../method/types.js';

/**
 * Provenance marks (docs/method.md): the plan's worked example, published studies, the guide as cited but unchecked,
 * landcap's own bounds and vocabulary, none, a value the data file gives on its row (user), and a county's local
 * dictionary (local, docs/local.md).
 */
export const PROVENANCES = ['plan', 'lit', 'guide-unverified', 'landcap', 'none', 'user', 'local'] as const;
export type Provenance = (typeof PROVENANCES)[number];
const provenance = z.enum(PROVENANCES);

const number = z.coerce.number().refine(Number.isFinite, 'must be a finite number');
const positive = number.refine((v) => v > 0, 'must be greater than 0');
const share = number.refine((v) => v >= 0 && v <= 1, 'must be between 0 and 1');
const text = z.string().trim().min(1);
const optionalLandUse = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.enum(LAND_USES).nullable());
const optionalShare = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : Number(v)))
  .pipe(z.number().min(0).max(1).nullable());

export const cropRowSchema = z.strictObject({
  crop: text,
  name_en: text,
  group: z.enum(['field', 'vegetable', 'fruit', 'cash', 'grass', 'forest']),
  measure: z.enum(['kg', 'm3']),
  land_use: optionalLandUse,
  n_uptake: positive,
  p_uptake: positive,
  n_provenance: provenance,
  p_provenance: provenance,
  min_yield_per_mu: positive,
  max_yield_per_mu: positive,
  source: text,
  yield_bounds_source: text,
});

/** synonym: another name for the same thing (稻谷 = 水稻); member: one of a group the guide counts together (花生 in 油料). */
const relation = z.enum(['synonym', 'member']);
export const cropAliasRowSchema = z
  .strictObject({ alias: text, crop: text, relation, source: text })
  .transform((r) => ({ alias: r.alias, target: r.crop, relation: r.relation, source: r.source }));
export const speciesAliasRowSchema = z
  .strictObject({ alias: text, species: text, relation, source: text })
  .transform((r) => ({ alias: r.alias, target: r.species, relation: r.relation, source: r.source }));

export const groupRowSchema = z.strictObject({
  group: text,
  kind: z.enum(['crop', 'species']),
  members: text.transform((m) => m.split(/\s+/)),
  source: text,
});

export const speciesRowSchema = z.strictObject({
  species: text,
  name_en: text,
  pe_factor: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null;
      const f = parseFraction(v);
      if (!f) {
        ctx.addIssue({ code: 'custom', message: `not a positive ratio: ${v}` });
        return z.NEVER;
      }
      return f;
    }),
  n_solid_share: optionalShare,
  p_solid_share: optionalShare,
  max_stock_per_township: positive,
  /** For cattle the guide does not split (牛, 水牛 …): the guide's species the county must choose between (肉牛|奶牛). */
  one_of: z
    .string()
    .trim()
    .transform((v) => (v === '' ? [] : v.split('|').map((s) => s.trim()))),
  provenance,
  source: text,
  max_stock_source: text,
});

export const fertilisationShareRowSchema = z.strictObject({
  grade: z.enum(SOIL_GRADES),
  share,
  provenance,
  source: text,
});

export const soilThresholdRowSchema = z
  .strictObject({
    nutrient: z.enum(['N', 'P']),
    land_use: z.enum(LAND_USES),
    measure: z.enum(['total_n', 'available_p']),
    unit: text,
    grade_i_above: positive,
    grade_iii_below: positive,
    physical_max: positive,
    provenance,
    source: text,
  })
  .refine((r) => r.grade_iii_below <= r.grade_i_above, 'grade_iii_below must not exceed grade_i_above');

export const loadGradeRowSchema = z.strictObject({
  grade: z.enum(LOAD_GRADES),
  max_load_index: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : Number(v)))
    .pipe(z.number().positive().nullable()),
  meaning_zh: text,
  meaning_en: text,
  provenance,
  source: text,
});

export const NUTRIENT_CONSTANTS = [
  'n_excretion_per_pe',
  'p_excretion_per_pe',
  'n_supply_per_pe',
  'p_supply_per_pe',
  'manure_share',
  'n_use_rate',
  'n_use_rate_max',
  'p_use_rate',
  'p_use_rate_max',
  'soil_grade',
  'warning_load_index',
  'overload_load_index',
  'max_stock_other_species',
] as const;
export type NutrientConstant = (typeof NUTRIENT_CONSTANTS)[number];

export const nutrientRowSchema = z.strictObject({
  name: z.enum(NUTRIENT_CONSTANTS),
  value: text,
  unit: text,
  provenance,
  source: text,
});
