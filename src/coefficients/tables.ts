import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../paths.js';
import { CoefficientDataError, TABLE_FILES } from './files.js';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import {
  NUTRIENT_CONSTANTS,
  cropAliasRowSchema,
  groupRowSchema,
  speciesAliasRowSchema,
  cropRowSchema,
  fertilisationShareRowSchema,
  loadGradeRowSchema,
  nutrientRowSchema,
  soilThresholdRowSchema,
  speciesRowSchema,
} from './schema.js';
import type { Alias, Cited, Coefficients, CropCoefficient, ItemGroup, SpeciesCoefficient } from './coefficients.js';
import type { SoilGrade } from '../method/types.js';
import { SOIL_GRADES } from '../method/types.js';

function readTable<S extends z.ZodType>(name: string, schema: S): z.output<S>[] {
  const url = join(DATA_DIR, 'coefficients', name);
  const records = parse(readFileSync(url), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((record, i) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      const detail = result.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`).join('; ');
      throw new CoefficientDataError(`data/coefficients/${name}:${i + 2}: ${detail}`);
    }
    return result.data;
  });
}

function aliasMap(
  name: string,
  schema: z.ZodType<{ alias: string; target: string; relation: Alias['relation']; source: string }, Record<string, string>>,
  known: ReadonlyMap<string, unknown>,
): Map<string, Alias> {
  const map = new Map<string, Alias>();
  for (const { alias, target, relation, source } of readTable(name, schema)) {
    if (!known.has(target)) throw new CoefficientDataError(`data/coefficients/${name}: alias ${alias} names ${target}, which is not in the table`);
    if (known.has(alias) || map.has(alias)) throw new CoefficientDataError(`data/coefficients/${name}: alias ${alias} is listed twice`);
    map.set(alias, { target, relation, provenance: 'landcap', source });
  }
  return map;
}

/** Reads every coefficient table under data/coefficients and checks each row against its schema. */
export function readAndCheckTables(): Coefficients {
  const crops = new Map<string, CropCoefficient>();
  for (const r of readTable('crops.csv', cropRowSchema)) {
    crops.set(r.crop, {
      crop: r.crop,
      nameEn: r.name_en,
      group: r.group,
      measure: r.measure,
      landUse: r.land_use,
      uptake: {
        N: { value: r.n_uptake, provenance: r.n_provenance, source: r.source },
        P: { value: r.p_uptake, provenance: r.p_provenance, source: r.source },
      },
      yieldPerMu: { min: r.min_yield_per_mu, max: r.max_yield_per_mu, source: r.yield_bounds_source },
    });
  }
  const species = new Map<string, SpeciesCoefficient>();
  for (const r of readTable('species.csv', speciesRowSchema)) {
    species.set(r.species, {
      species: r.species,
      nameEn: r.name_en,
      peFactor: r.pe_factor,
      solidShare: r.n_solid_share === null || r.p_solid_share === null ? null : { N: r.n_solid_share, P: r.p_solid_share },
      maxStock: { value: r.max_stock_per_township, provenance: 'landcap', source: r.max_stock_source },
      oneOf: r.one_of,
      provenance: r.provenance,
      source: r.source,
    });
  }
  for (const s of species.values())
    for (const o of s.oneOf)
      if (!species.get(o)?.peFactor) throw new CoefficientDataError(`data/coefficients/species.csv: ${s.species} names ${o} in one_of, which has no PE factor`);
  const shares = new Map(readTable('fertilisation-shares.csv', fertilisationShareRowSchema).map((r) => [r.grade, r]));
  const fertilisationShares = {} as Record<SoilGrade, Cited<number>>;
  for (const g of SOIL_GRADES) {
    const r = shares.get(g);
    if (!r) throw new CoefficientDataError(`data/coefficients/fertilisation-shares.csv: grade ${g} is missing`);
    fertilisationShares[g] = { value: r.share, provenance: r.provenance, source: r.source };
  }
  const soilThresholds = readTable('soil-thresholds.csv', soilThresholdRowSchema).map((r) => ({
    nutrient: r.nutrient,
    landUse: r.land_use,
    unit: r.unit,
    gradeIAbove: r.grade_i_above,
    gradeIIIBelow: r.grade_iii_below,
    physicalMax: r.physical_max,
    provenance: r.provenance,
    source: r.source,
  }));
  const loadGrades = readTable('load-grades.csv', loadGradeRowSchema).map((r) => ({
    grade: r.grade,
    maxLoadIndex: r.max_load_index,
    meaning: { zh: r.meaning_zh, en: r.meaning_en },
    provenance: r.provenance,
    source: r.source,
  }));
  const constantRows = new Map(readTable('nutrients.csv', nutrientRowSchema).map((r) => [r.name, r]));
  const constants = {} as Coefficients['constants'];
  for (const name of NUTRIENT_CONSTANTS) {
    const r = constantRows.get(name);
    if (!r) throw new CoefficientDataError(`data/coefficients/nutrients.csv: ${name} is missing`);
    constants[name] = { value: r.value, unit: r.unit, provenance: r.provenance, source: r.source };
  }
  const cropAliases = aliasMap('crop-aliases.csv', cropAliasRowSchema, crops);
  const speciesAliases = aliasMap('species-aliases.csv', speciesAliasRowSchema, species);
  const groups: ItemGroup[] = readTable('groups.csv', groupRowSchema).map((r) => {
    const [items, aliases] = r.kind === 'crop' ? [crops, cropAliases] : [species, speciesAliases];
    if (items.has(r.group) || aliases.has(r.group)) throw new CoefficientDataError(`data/coefficients/groups.csv: ${r.group} is a ${r.kind} of the tables`);
    for (const m of r.members) if (!items.has(m)) throw new CoefficientDataError(`data/coefficients/groups.csv: ${r.group} names ${m}, which is not in the ${r.kind} table`);
    return r;
  });
  return {
    crops,
    cropAliases,
    species,
    speciesAliases,
    groups,
    fertilisationShares,
    soilThresholds,
    loadGrades,
    constants,
    files: TABLE_FILES.map((f) => `data/coefficients/${f}`),
  };
}
