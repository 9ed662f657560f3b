import type { Coefficients, CropCoefficient } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { MU_PER_HECTARE, areaInMu, productionFromAreaAndYield, relativeDifference, yieldPerMu, type AreaUnit } from '../method/production.js';
import { LAND_USES, landUseIndex, type LandUse, type Measure, type Nutrient } from '../method/types.js';
import type { ProblemLog } from '../validate/problems.js';
import { NameIndex, NamesInText } from './names.js';
import { RowKeys } from './row-keys.js';
import { CleanLine, Row, type Column, type Header } from './table.js';

/** A crops row that passed its checks: production in kg (m³ for forest), with the uptake to apply. */
export interface CropRow {
  readonly file: string;
  readonly line: number;
  readonly township: string;
  /** The crop as the file writes it. */
  readonly cropAsWritten: string;
  /** The crop of the guide's table; null for a local crop whose uptake the file gives. */
  readonly crop: CropCoefficient | null;
  readonly measure: Measure;
  /** Land use for soil grading: the row's, else the crop's default; null for grass and forest. */
  readonly landUse: LandUse | null;
  readonly production: number;
  /** Whether production was given, or computed from area × yield. */
  readonly productionFrom: 'production' | 'area-yield';
  readonly areaMu: number | null;
  readonly uptake: Partial<Record<Nutrient, UptakeUsed>>;
  /** The production in the file, when a scenario changed it. */
  readonly productionInFile?: number;
}

export interface UptakeUsed {
  readonly value: number;
  readonly provenance: Provenance;
  readonly source: string;
}

const LAND_USE_NAMES = new NameIndex<LandUse>();
for (const lu of LAND_USES) LAND_USE_NAMES.add(lu, lu);
for (const [name, lu] of [
  ['dry', '旱地'],
  ['dry land', '旱地'],
  ['dryland', '旱地'],
  ['paddy', '水田'],
  ['vegetable', '菜地'],
  ['vegetable land', '菜地'],
  ['orchard', '果园'],
  ['水浇地', '旱地'],
] as const)
  LAND_USE_NAMES.add(name, lu);

/** A land use first met in a line read in place, when it is one. */
function meetLandUse(name: string): { readonly name: string; readonly landUse: LandUse } | undefined {
  const landUse = LAND_USE_NAMES.get(name);
  return landUse === undefined ? undefined : { name, landUse };
}

export function parseLandUse(row: Row, column: Column | undefined): LandUse | null | undefined {
  const text = row.text(column);
  if (text === '') return null;
  const lu = LAND_USE_NAMES.get(text);
  if (!lu) row.report(column, 'land-use-invalid', { value: text });
  return lu;
}

export function cropIndex(c: Coefficients): NameIndex<CropCoefficient> {
  const index = new NameIndex<CropCoefficient>();
  for (const crop of c.crops.values()) index.add(crop.crop, crop, crop.crop);
  for (const [alias, { target, relation }] of c.cropAliases) index.add(alias, c.crops.get(target)!, relation === 'synonym' ? target : undefined);
  for (const crop of c.crops.values()) index.add(crop.nameEn, crop, crop.crop);
  return index;
}

interface Quantity {
  readonly column: Column;
  readonly value: number;
  /** What the column's unit is per (area and yield): 亩 or 公顷. */
  readonly per: AreaUnit;
  /** What the column's unit measures (yield and production): kg, or m³ for forest. */
  readonly measure: Measure;
}

const NONE: readonly Quantity[] = [];

/**
 * The cells of one quantity's columns (面积(亩), 面积(公顷) …) in a row, read into the same objects row after row:
 * a national file has 800,000 rows, and what one row's cells were is not needed once the row is read.
 */
class QuantityCells {
  private readonly slots: { column: Column; value: number; per: AreaUnit; measure: Measure }[];
  /** The one slot, when the header has one column for the quantity (the usual case): no array is made per row. */
  private readonly one: readonly Quantity[];

  constructor(columns: readonly Column[]) {
    this.slots = columns.map((column) => ({ column, value: 0, per: areaUnit(column.unit!.base), measure: measureOf(column.unit!.base) }));
    this.one = this.slots.slice(0, 1);
  }

  /** How many columns the header has for the quantity. */
  get columns(): number {
    return this.slots.length;
  }

  /** The quantity's column with its unit, when the header has one (lines read in place). */
  get only(): CleanQuantity | undefined {
    return this.slots.length === 1 ? this.slots[0] : undefined;
  }

  /** The filled cells of the row; bad cells are reported. Valid until the next row is read. */
  read(row: Row, state: { bad: boolean }): readonly Quantity[] {
    const { slots } = this;
    if (slots.length === 1) {
      const slot = slots[0]!;
      const value = row.number(slot.column, state);
      if (value === undefined) return NONE;
      slot.value = value;
      return this.one;
    }
    const filled: Quantity[] = [];
    for (const slot of slots) {
      const value = row.number(slot.column, state);
      if (value === undefined) continue;
      slot.value = value;
      filled.push(slot);
    }
    return filled;
  }
}

function measureOf(unitBase: string): Measure {
  return unitBase.startsWith('m3') ? 'm3' : 'kg';
}

function areaUnit(unitBase: string): AreaUnit {
  return unitBase.endsWith('ha') ? 'ha' : 'mu';
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Each quantity in the unit its columns are compared in: area in 亩, yield per 亩, production as given. */
const areaMu = (q: Quantity) => areaInMu(q.value, q.per);
const yieldMu = (q: Quantity) => yieldPerMu(q.value, q.per);
const asGiven = (q: Quantity) => q.value;

/** Several filled cells of one quantity must agree to 1%; the first is used. */
function single(row: Row, qs: readonly Quantity[], toCommon: (q: Quantity) => number): Quantity | undefined {
  const first = qs[0];
  for (let i = 1; i < qs.length; i++) {
    const q = qs[i]!;
    if (relativeDifference(toCommon(first!), toCommon(q)) > 0.01) {
      row.report(q.column, 'quantity-conflict', {
        header: q.column.header,
        value: round2(q.value),
        other: first!.column.header,
        otherValue: round2(first!.value),
      });
      return undefined;
    }
  }
  return first;
}

export interface CropReaderOptions {
  readonly nutrients: readonly Nutrient[];
}

const NO_UPTAKE: Partial<Record<Nutrient, number>> = {};

/** A clean line's row as the tally takes it (a crop of the guide's table, its uptake the table's). */
export interface CleanCropRow {
  township: string;
  crop: CropCoefficient;
  landUse: LandUse | null;
  production: number;
}

/** A quantity's one column, for lines read in place: what its unit is per (亩 or 公顷) and what it measures. */
interface CleanQuantity {
  readonly column: Column;
  readonly per: AreaUnit;
  readonly measure: Measure;
}

/** A crop name met in lines read in place: the crop it names, and its keys for the repeated-row check (RowKeys.intern). */
interface CleanCropName {
  readonly name: string;
  readonly crop: CropCoefficient;
  readonly identity: string;
  readonly key: number;
  readonly shown: number;
  /** The keys when the row writes a land use, by landUseIndex. */
  readonly byLandUse: (readonly [number, number] | undefined)[];
}

/** Reads the rows of one crops file, checking each cell, and hands on the good rows. */
export class CropReader {
  private readonly index: NameIndex<CropCoefficient>;
  /** The township × name pairs read so far, for the repeated-row check (across threads, too). */
  readonly seen = new RowKeys();
  /** The header's columns, looked up once. */
  private readonly columns: Readonly<Record<'township' | 'crop' | 'land_use' | 'n_uptake' | 'p_uptake', Column | undefined>>;
  private readonly quantities: Readonly<Record<'area' | 'yield' | 'production', QuantityCells>>;
  /** Whether a cell of the row being read was rejected. */
  private readonly state = { bad: false };

  constructor(
    header: Header,
    coefficients: Coefficients,
    private readonly log: ProblemLog,
    private readonly options: CropReaderOptions,
  ) {
    this.index = cropIndex(coefficients);
    const col = (field: string) => header.byField.get(field)?.[0];
    this.columns = { township: col('township'), crop: col('crop'), land_use: col('land_use'), n_uptake: col('n_uptake'), p_uptake: col('p_uptake') };
    const all = (field: string) => header.byField.get(field) ?? [];
    this.quantities = { area: new QuantityCells(all('area')), yield: new QuantityCells(all('yield')), production: new QuantityCells(all('production')) };
    // Lines are read in place unless a column needs what only a Row does: uptakes given in the file, or a quantity in two units.
    const { area, yield: yieldCells, production } = this.quantities;
    if (!this.columns.n_uptake && !this.columns.p_uptake && [area, yieldCells, production].every((q) => q.columns <= 1))
      this.clean = { line: new CleanLine(header), area: area.only, yield: yieldCells.only, production: production.only };
  }

  /** For lines read in place (readClean): the line, and each quantity's column with its unit. */
  private readonly clean?: { readonly line: CleanLine } & Readonly<Record<'area' | 'yield' | 'production', CleanQuantity | undefined>>;

  /** Whether this file's lines can be read in place (readClean). */
  get readsClean(): boolean {
    return this.clean !== undefined;
  }

  /** Crop names and land uses met in lines read in place. */
  private readonly cropNames = new NamesInText<CleanCropName>();
  private readonly landUseNames = new NamesInText<{ readonly name: string; readonly landUse: LandUse }>();
  /** The row of the line last read in place. */
  private readonly cleanRow: CleanCropRow = { township: '', crop: undefined!, landUse: null, production: 0 };

  /**
   * Reads the line bytes[start, end) (UTF-8) in place when it is a row that passes every check without a word — a
   * crop of the guide's table, numbers in plain digits, not a repeat — to what read(row) would give the tally; else
   * undefined, and nothing is recorded: read(row) then reads the line and words its problems. The row returned is the
   * reader's one object, filled anew for each line.
   */
  readClean(line: number, bytes: Buffer, start: number, end: number): CleanCropRow | undefined {
    const clean = this.clean!;
    const cells = clean.line;
    if (!cells.split(bytes, start, end)) return undefined;
    const c = this.columns;
    const township = cells.sameName(c.township!.index);
    if (township === undefined) return undefined;
    const named = cells.named(c.crop!.index, this.cropNames, this.meetCropName);
    if (named === undefined) return undefined;
    let landUseCell: LandUse | null = null;
    if (c.land_use && !cells.empty(c.land_use.index)) {
      const lu = cells.named(c.land_use.index, this.landUseNames, meetLandUse);
      if (lu === undefined) return undefined;
      landUseCell = lu.landUse;
    }
    const area = clean.area && cells.number(clean.area.column);
    const yieldValue = clean.yield && cells.number(clean.yield.column);
    const given = clean.production && cells.number(clean.production.column);
    if (Number.isNaN(area) || Number.isNaN(yieldValue) || Number.isNaN(given)) return undefined;

    const { crop } = named;
    const { measure } = crop;
    if ((yieldValue !== undefined && clean.yield!.measure !== measure) || (given !== undefined && clean.production!.measure !== measure)) return undefined;
    if (yieldValue !== undefined && yieldPerMu(yieldValue, clean.yield!.per) > crop.maxYieldPerMu) return undefined;
    const fromAreaYield =
      area !== undefined && yieldValue !== undefined ? productionFromAreaAndYield(area, clean.area!.per, yieldValue, clean.yield!.per) : undefined;
    let production: number;
    if (given !== undefined) {
      if (fromAreaYield !== undefined && relativeDifference(given, fromAreaYield) > 0.01) return undefined;
      production = given;
    } else if (fromAreaYield !== undefined) production = fromAreaYield;
    else return undefined;

    // The repeated-row check, as read(row) makes it: the crop's identity, and the land use written in the row.
    let key = named.key;
    let shown = named.shown;
    if (landUseCell) {
      const keys = (named.byLandUse[landUseIndex(landUseCell)] ??= [
        this.seen.intern(`${named.identity}\u0000${landUseCell}`),
        this.seen.intern(`${named.name} ${landUseCell}`),
      ]);
      key = keys[0];
      shown = keys[1];
    }
    if (this.seen.firstLineOf(township, key, line, shown) !== undefined) return undefined;
    const row = this.cleanRow;
    row.township = township;
    row.crop = crop;
    row.landUse = landUseCell ?? crop.landUse ?? null;
    row.production = production;
    return row;
  }

  /** A crop name first met in a line read in place, when it names a crop of the guide's table. */
  private readonly meetCropName = (name: string): CleanCropName | undefined => {
    const { value, identity } = this.index.lookup(name);
    if (!value) return undefined;
    const key = this.seen.intern(identity);
    return { name, crop: value, identity, key, shown: name === identity ? key : this.seen.intern(name), byLandUse: [] };
  };

  read(row: Row): CropRow | undefined {
    const c = this.columns;
    const township = row.required(c.township);
    const cropAsWritten = row.required(c.crop);
    const landUseCell = parseLandUse(row, c.land_use);
    const state = this.state;
    state.bad = false;
    const userUptake: Partial<Record<Nutrient, number>> =
      c.n_uptake || c.p_uptake ? { N: row.number(c.n_uptake, state), P: row.number(c.p_uptake, state) } : NO_UPTAKE;
    const areas = this.quantities.area.read(row, state);
    const yields = this.quantities.yield.read(row, state);
    const productions = this.quantities.production.read(row, state);
    if (township === undefined || cropAsWritten === undefined || landUseCell === undefined || state.bad) return undefined;

    const named = this.index.lookup(cropAsWritten);
    const crop = named.value ?? null;
    if (!crop) {
      const hasUptake = this.options.nutrients.every((n) => userUptake[n] !== undefined);
      if (!hasUptake) {
        const known = userUptake.N !== undefined || userUptake.P !== undefined;
        if (known) {
          const missing = this.options.nutrients.find((n) => userUptake[n] === undefined)!;
          row.report(c.crop, 'crop-needs-uptake', { crop: cropAsWritten, nutrient: missing, column: missing === 'N' ? 'n_uptake' : 'p_uptake' });
        } else {
          row.report(c.crop, 'crop-unknown', { crop: cropAsWritten, suggestion: this.index.nearest(cropAsWritten) ?? '' });
        }
        return undefined;
      }
      row.report(c.crop, 'crop-local-uptake', { crop: cropAsWritten });
    }

    // The crop's measure: the table's, or for a local crop the unit its figures are in.
    const measure: Measure = crop ? crop.measure : ((productions[0] ?? yields[0])?.measure ?? 'kg');
    for (const q of yields.length === 0 ? productions : productions.length === 0 ? yields : [...yields, ...productions]) {
      const m = q.measure;
      if (m !== measure) {
        row.report(q.column, 'unit-measure-mismatch', {
          crop: cropAsWritten,
          measure: measure === 'm3' ? 'm³' : 'kg',
          header: q.column.header,
          unit: m === 'm3' ? 'm³' : 'kg',
        });
        return undefined;
      }
    }

    const area = single(row, areas, areaMu);
    const yieldQ = single(row, yields, yieldMu);
    const productionQ = single(row, productions, asGiven);
    if ((areas.length > 0 && !area) || (yields.length > 0 && !yieldQ) || (productions.length > 0 && !productionQ)) return undefined;

    if (crop && yieldQ) {
      const perMu = yieldMu(yieldQ);
      if (perMu > crop.maxYieldPerMu) {
        // Far above the bound, a per-亩 figure is most often per 公顷 (15 × larger): say so when ÷ 15 is credible.
        const perHectare =
          yieldQ.per === 'mu' && perMu >= 3 * crop.maxYieldPerMu && perMu / MU_PER_HECTARE <= crop.maxYieldPerMu ? round2(perMu / MU_PER_HECTARE) : '';
        row.report(yieldQ.column, 'yield-implausible', { value: round2(perMu), crop: cropAsWritten, max: crop.maxYieldPerMu, perHectare });
        return undefined;
      }
    }

    const fromAreaYield = area && yieldQ ? productionFromAreaAndYield(area.value, area.per, yieldQ.value, yieldQ.per) : undefined;
    let production: number;
    let productionFrom: CropRow['productionFrom'];
    if (productionQ) {
      production = productionQ.value;
      productionFrom = 'production';
      if (fromAreaYield !== undefined && relativeDifference(production, fromAreaYield) > 0.01) {
        row.report(productionQ.column, 'production-mismatch', {
          given: round2(production),
          computed: round2(fromAreaYield),
          percent: (relativeDifference(production, fromAreaYield) * 100).toFixed(1),
          explanation: mismatchExplanation(production, fromAreaYield),
        });
      }
    } else if (fromAreaYield !== undefined) {
      production = fromAreaYield;
      productionFrom = 'area-yield';
    } else {
      row.report(undefined, 'production-missing');
      return undefined;
    }

    const landUse = landUseCell ?? crop?.landUse ?? null;
    // 番茄 and 西红柿 are one crop; 花生 and 油菜 are two rows of 油料.
    const { identity } = named;
    const shown = landUseCell ? `${cropAsWritten} ${landUseCell}` : cropAsWritten;
    const firstLine = this.seen.firstLine(township, landUseCell ? `${identity}\u0000${landUseCell}` : identity, row.line, shown);
    if (firstLine !== undefined) {
      row.report(c.crop, 'duplicate-row', { key: `${township} ${shown}`, firstLine, kind: 'crops' });
      return undefined;
    }

    let uptake: Partial<Record<Nutrient, UptakeUsed>> = crop?.uptake ?? {};
    if (userUptake.N !== undefined || userUptake.P !== undefined) {
      uptake = {};
      for (const n of ['N', 'P'] as const) {
        const local = userUptake[n];
        if (local !== undefined) uptake[n] = { value: local, provenance: 'user', source: `${row.file}:${row.line}` };
        else if (crop) uptake[n] = crop.uptake[n];
      }
    }
    return {
      file: row.file,
      line: row.line,
      township,
      cropAsWritten,
      crop,
      measure,
      landUse,
      production,
      productionFrom,
      areaMu: area ? areaMu(area) : null,
      uptake,
    };
  }
}

/** Names the factor by which a production disagrees with area × yield, when it is one users often get wrong. */
function mismatchExplanation(given: number, computed: number): string {
  const ratio = given / computed;
  const near = (x: number) => Math.abs(ratio / x - 1) < 0.01;
  if (near(1 / MU_PER_HECTARE)) return 'yield-per-hectare';
  if (near(MU_PER_HECTARE)) return 'area-in-hectares';
  if (near(1 / 1000)) return 'production-in-tonnes';
  if (near(1000)) return 'production-in-kg';
  if (near(1 / 10)) return 'digit-lost';
  if (near(10)) return 'digit-added';
  return '';
}
