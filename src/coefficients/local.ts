import type { Fraction, LandUse, Measure, Nutrient } from '../method/types.js';
import type { Place } from '../problems.js';
import { constantNumber, type Alias, type Coefficients, type CropCoefficient, type CropGroup, type SpeciesCoefficient } from './coefficients.js';

/**
 * A row of a county's local dictionary, checked (src/input/local.ts): a name read as a crop or species (an alias),
 * or a crop's or species' values — for a name of the county's own, or over the guide's. Each with its source.
 */
export type LocalEntry =
  | {
      readonly kind: 'alias';
      readonly name: string;
      readonly means: string;
      /** What `means` names: a crop or species of the tables, or one the dictionary defines (set once every row is read). */
      readonly target?: { readonly kind: 'crop' | 'species'; readonly name: string };
      readonly source: string;
      readonly place: Place;
    }
  | {
      readonly kind: 'crop';
      readonly name: string;
      readonly uptake: Partial<Record<Nutrient, number>>;
      readonly landUse?: LandUse;
      readonly measure?: Measure;
      readonly source: string;
      readonly place: Place;
    }
  | { readonly kind: 'species'; readonly name: string; readonly peFactor: Fraction; readonly source: string; readonly place: Place };

/** A local crop's group, for the report's groupings: by its measure and land use. */
function groupOf(measure: Measure, landUse: LandUse): CropGroup {
  if (measure === 'm3') return 'forest';
  return landUse === '菜地' ? 'vegetable' : landUse === '果园' ? 'fruit' : 'field';
}

/** The dictionary's source, as a coefficient's source reads: the text, and where it is written. */
const sourceOf = (e: LocalEntry) => `${e.source} (${e.place.file}:${e.place.line})`;

/**
 * The tables with a county's dictionary over them: its crops and species added, its values in place of the guide's
 * (provenance local, with the dictionary's source), its names read as members of what they mean (summed with the
 * whole's other members; left out when the whole itself is listed: docs/local.md). `file` joins the tables' files.
 */
export function applyLocal(c: Coefficients, entries: readonly LocalEntry[], file: string): Coefficients {
  const crops = new Map(c.crops);
  const species = new Map(c.species);
  const cropAliases = new Map(c.cropAliases);
  const speciesAliases = new Map(c.speciesAliases);
  for (const e of entries) {
    if (e.kind === 'crop') {
      const known = crops.get(e.name);
      const cited = (n: Nutrient) => ({ value: e.uptake[n]!, provenance: 'local' as const, source: sourceOf(e) });
      if (known) {
        crops.set(e.name, {
          ...known,
          landUse: e.landUse ?? known.landUse,
          uptake: { N: e.uptake.N !== undefined ? cited('N') : known.uptake.N, P: e.uptake.P !== undefined ? cited('P') : known.uptake.P },
        });
      } else {
        const measure = e.measure ?? 'kg';
        const crop: CropCoefficient = {
          crop: e.name,
          nameEn: '',
          group: groupOf(measure, e.landUse!),
          measure,
          landUse: e.landUse!,
          uptake: { N: cited('N'), P: cited('P') },
          // The tables bound the yields of their crops; a county's own crop has no bound to check against.
          yieldPerMu: { min: 0, max: Infinity, source: '' },
        };
        crops.set(e.name, crop);
      }
    } else if (e.kind === 'species') {
      const known = species.get(e.name);
      const sp: SpeciesCoefficient = {
        species: e.name,
        nameEn: known?.nameEn ?? '',
        peFactor: e.peFactor,
        solidShare: known?.solidShare ?? null,
        maxStock: known?.maxStock ?? {
          value: constantNumber(c, 'max_stock_other_species'),
          provenance: c.constants.max_stock_other_species.provenance,
          source: c.constants.max_stock_other_species.source,
        },
        oneOf: [],
        provenance: 'local',
        source: sourceOf(e),
      };
      species.set(e.name, sp);
    } else if (e.target) {
      const alias: Alias = { target: e.target.name, relation: 'member', provenance: 'local', source: sourceOf(e) };
      (e.target.kind === 'crop' ? cropAliases : speciesAliases).set(e.name, alias);
    }
  }
  return { ...c, crops, species, cropAliases, speciesAliases, files: [...c.files, file] };
}
