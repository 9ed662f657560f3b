import type { Coefficients } from './coefficients.js';
import { formatFraction } from '../method/pig-equivalent.js';

/** A coefficient table as rows of cells, for `landcap coefficients` in any format. */
export interface CoefficientTable {
  readonly name: string;
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

import type { CoefficientTableName } from './files.js';

export { COEFFICIENT_TABLES, type CoefficientTableName } from './files.js';

/** The tables as loaded and checked (not the files' text): what a report actually uses. */
export function coefficientTables(c: Coefficients): CoefficientTable[] {
  const table = (name: CoefficientTableName, columns: string[], rows: (string | number | null)[][]): CoefficientTable => ({
    name,
    file: `data/coefficients/${name}.csv`,
    columns,
    rows,
  });
  const aliasTable = (name: CoefficientTableName, target: string, aliases: Coefficients['cropAliases']) =>
    table(
      name,
      ['alias', target, 'relation', 'provenance', 'source'],
      [...aliases].map(([a, t]) => [a, t.target, t.relation, t.provenance, t.source]),
    );
  return [
    table(
      'crops',
      [
        'crop',
        'name_en',
        'group',
        'measure',
        'land_use',
        'n_uptake',
        'n_provenance',
        'p_uptake',
        'p_provenance',
        'min_yield_per_mu',
        'max_yield_per_mu',
        'source',
      ],
      [...c.crops.values()].map((r) => [
        r.crop,
        r.nameEn,
        r.group,
        r.measure,
        r.landUse,
        r.uptake.N.value,
        r.uptake.N.provenance,
        r.uptake.P.value,
        r.uptake.P.provenance,
        r.yieldPerMu.min,
        // A county's own crop has no bound.
        Number.isFinite(r.yieldPerMu.max) ? r.yieldPerMu.max : null,
        r.uptake.N.source === r.uptake.P.source ? r.uptake.N.source : `N: ${r.uptake.N.source}; P: ${r.uptake.P.source}`,
      ]),
    ),
    aliasTable('crop-aliases', 'crop', c.cropAliases),
    table(
      'species',
      [
        'species',
        'name_en',
        'pe_factor',
        'pe_per_head',
        'n_solid_share',
        'p_solid_share',
        'max_stock_per_township',
        'one_of',
        'provenance',
        'source',
        'max_stock_source',
      ],
      [...c.species.values()].map((s) => [
        s.species,
        s.nameEn,
        s.peFactor ? formatFraction(s.peFactor) : null,
        s.peFactor ? s.peFactor.numerator / s.peFactor.denominator : null,
        s.solidShare?.N ?? null,
        s.solidShare?.P ?? null,
        s.maxStock.value,
        s.oneOf.join('|') || null,
        s.provenance,
        s.source,
        s.maxStock.source,
      ]),
    ),
    aliasTable('species-aliases', 'species', c.speciesAliases),
    table(
      'groups',
      ['group', 'kind', 'members', 'source'],
      c.groups.map((g) => [g.group, g.kind, g.members.join(' '), g.source]),
    ),
    table(
      'fertilisation-shares',
      ['grade', 'share', 'provenance', 'source'],
      (['I', 'II', 'III'] as const).map((g) => [g, c.fertilisationShares[g].value, c.fertilisationShares[g].provenance, c.fertilisationShares[g].source]),
    ),
    table(
      'soil-thresholds',
      ['nutrient', 'land_use', 'unit', 'grade_i_above', 'grade_iii_below', 'physical_max', 'provenance', 'source'],
      c.soilThresholds.map((t) => [t.nutrient, t.landUse, t.unit, t.gradeIAbove, t.gradeIIIBelow, t.physicalMax, t.provenance, t.source]),
    ),
    table(
      'load-grades',
      ['grade', 'max_load_index', 'meaning_zh', 'meaning_en', 'provenance', 'source'],
      c.loadGrades.map((g) => [g.grade, g.maxLoadIndex, g.meaning.zh, g.meaning.en, g.provenance, g.source]),
    ),
    table(
      'nutrients',
      ['name', 'value', 'unit', 'provenance', 'source'],
      (Object.entries(c.constants) as [string, Coefficients['constants'][keyof Coefficients['constants']]][]).map(([name, v]) => [
        name,
        v.value,
        v.unit,
        v.provenance,
        v.source,
      ]),
    ),
  ];
}
