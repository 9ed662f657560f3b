import type { Coefficients } from '../coefficients/coefficients.js';
import type { LocalEntry } from '../coefficients/local.js';
import type { Measure } from '../method/types.js';
import type { Place, ProblemLog } from '../problems.js';
import { cropIndex, parseLandUse } from './crops.js';
import { peFactorCell, speciesIndex } from './livestock.js';
import { NameIndex } from './names.js';
import type { Column, Header, Row } from './table.js';
import { isNoteLine } from './township.js';

/**
 * The source the template (`landcap init`) leaves for a county to fill in: no source until it is replaced. Written
 * here once, for the template and the check.
 */
export const SOURCE_TO_FILL = { zh: '（写明吸收量的出处：调查、试验或文献）', en: '(where the uptake comes from: a survey, a trial, a publication)' } as const;

const MEASURES: Readonly<Record<string, Measure>> = { kg: 'kg', 公斤: 'kg', 千克: 'kg', m3: 'm3', 'm³': 'm3', 立方米: 'm3', 方: 'm3' };

/** A row read, before what its `means` names is known: the rows after it may define that name. */
interface Pending {
  readonly entry: LocalEntry;
  readonly meansAt?: Place;
}

/**
 * Reads a county's local dictionary (docs/local.md), row by row, each cell checked as a data file's is: a name,
 * and either what it means (a crop or species of the tables, or one the dictionary defines) or values — a crop's
 * uptake, land use and measure, a species' PE factor — for a name of its own or over the guide's; always a source.
 * `finish` checks what each `means` names, once every row is read, and gives the entries.
 */
export class LocalReader {
  private readonly columns: Readonly<Record<'name' | 'means' | 'n_uptake' | 'p_uptake' | 'land_use' | 'measure' | 'pe_factor' | 'source', Column | undefined>>;
  private readonly names = new Map<string, number>();
  private readonly pending: Pending[] = [];
  private notedNote = false;

  constructor(
    header: Header,
    private readonly coefficients: Coefficients,
    private readonly log: ProblemLog,
  ) {
    const col = (field: string) => header.byField.get(field)?.[0];
    this.columns = {
      name: col('name'),
      means: col('means'),
      n_uptake: col('n_uptake'),
      p_uptake: col('p_uptake'),
      land_use: col('land_use'),
      measure: col('measure'),
      pe_factor: col('pe_factor'),
      source: col('source'),
    };
  }

  read(row: Row): void {
    const c = this.columns;
    const name = row.required(c.name);
    if (name === undefined) return;
    if (isNoteLine(name)) {
      if (!this.notedNote) row.report(undefined, 'note-line-skipped', { text: name.slice(0, 60) });
      this.notedNote = true;
      return;
    }
    const state = { bad: false };
    const first = this.names.get(NameIndex.key(name));
    if (first !== undefined) {
      row.report(c.name, 'local-defined-twice', { name, line: first });
      return;
    }
    this.names.set(NameIndex.key(name), row.line);
    const source = row.text(c.source);
    if (source === '' || source === SOURCE_TO_FILL.zh || source === SOURCE_TO_FILL.en) {
      row.report(c.source ?? c.name, 'local-source-missing', { name });
      state.bad = true;
    }
    const means = row.text(c.means);
    const uptake = { N: this.positive(row, c.n_uptake, name, state), P: this.positive(row, c.p_uptake, name, state) };
    const landUse = parseLandUse(row, c.land_use);
    if (landUse === undefined) state.bad = true;
    const measureText = row.text(c.measure);
    const measure = measureText === '' ? undefined : MEASURES[measureText.normalize('NFKC').toLowerCase()];
    if (measureText !== '' && !measure) {
      row.report(c.measure, 'local-value-invalid', { name, header: row.headerOf(c.measure!), value: measureText });
      state.bad = true;
    }
    const peFactor = peFactorCell(row, c.pe_factor, state);
    if (state.bad) return;
    const cropValues = uptake.N !== undefined || uptake.P !== undefined || landUse !== null || measure !== undefined;
    if (means === '' && !cropValues && !peFactor) {
      row.report(c.name, 'local-nothing', { name });
      return;
    }
    if (means !== '' && (cropValues || peFactor)) {
      row.report(c.means, 'local-mixed', { name, what: 'both' });
      return;
    }
    if (cropValues && peFactor) {
      row.report(c.pe_factor, 'local-mixed', { name, what: 'crop-and-species' });
      return;
    }
    const at = row.place(c.name);
    if (means !== '') {
      this.pending.push({ entry: { kind: 'alias', name, means, source, place: at }, meansAt: row.place(c.means) });
      return;
    }
    if (peFactor) {
      const species = speciesIndex(this.coefficients).lookup(name);
      if (species.alias) {
        row.report(c.name, 'local-alias-value', { name, target: species.alias.target });
        return;
      }
      this.pending.push({ entry: { kind: 'species', name, peFactor, source, place: at } });
      return;
    }
    const crop = cropIndex(this.coefficients).lookup(name);
    if (crop.alias) {
      row.report(c.name, 'local-alias-value', { name, target: crop.alias.target });
      return;
    }
    if (crop.value) {
      if (measure && measure !== crop.value.measure) {
        row.report(c.measure, 'local-value-invalid', { name, header: row.headerOf(c.measure!), value: measureText });
        return;
      }
    } else {
      // A crop of the county's own: both uptakes (any basis may use it) and the land use its soil grade depends on.
      const missing = (['N', 'P'] as const).find((n) => uptake[n] === undefined);
      if (missing) {
        row.report(c[missing === 'N' ? 'n_uptake' : 'p_uptake'] ?? c.name, 'crop-needs-uptake', {
          crop: name,
          nutrient: missing,
          column: missing === 'N' ? 'n_uptake' : 'p_uptake',
        });
        return;
      }
      if (!landUse) {
        row.report(c.land_use ?? c.name, 'local-land-use-missing', { name });
        return;
      }
    }
    this.pending.push({ entry: { kind: 'crop', name, uptake, landUse: landUse ?? undefined, measure, source, place: at } });
  }

  /** A value that must be a number above 0 (an uptake): undefined when empty; reported when it is not. */
  private positive(row: Row, column: Column | undefined, name: string, state: { bad: boolean }): number | undefined {
    const value = row.number(column, state);
    if (value === 0) {
      row.report(column, 'local-value-invalid', { name, header: row.headerOf(column!), value: row.text(column) });
      state.bad = true;
      return undefined;
    }
    return value;
  }

  /**
   * The entries, once every row is read: each `means` names a crop or species of the tables (by any name they are
   * known by) or one the dictionary defines; otherwise local-means-unknown, with a name it is plausibly a slip of.
   */
  finish(): LocalEntry[] {
    const crops = cropIndex(this.coefficients);
    const species = speciesIndex(this.coefficients);
    const defined = new Map<string, LocalEntry>();
    for (const { entry } of this.pending) if (entry.kind !== 'alias') defined.set(NameIndex.key(entry.name), entry);
    const entries: LocalEntry[] = [];
    for (const { entry, meansAt } of this.pending) {
      if (entry.kind !== 'alias') {
        entries.push(entry);
        continue;
      }
      const own = defined.get(NameIndex.key(entry.means));
      const crop = crops.get(entry.means);
      const sp = species.get(entry.means);
      const target = own
        ? { kind: own.kind as 'crop' | 'species', name: own.name }
        : crop
          ? { kind: 'crop' as const, name: crop.crop }
          : sp
            ? { kind: 'species' as const, name: sp.species }
            : undefined;
      if (!target) {
        this.log.report(meansAt!, 'local-means-unknown', {
          name: entry.name,
          means: entry.means,
          suggestion: crops.nearest(entry.means) ?? species.nearest(entry.means) ?? '',
        });
        continue;
      }
      entries.push({ ...entry, target });
    }
    return entries;
  }
}
