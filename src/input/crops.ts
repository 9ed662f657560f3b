import { wholesOf, type Coefficients, type CropCoefficient } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { MU_PER_HECTARE, areaInMu, productionFromAreaAndYield, relativeDifference, yieldPerMu, type AreaUnit } from '../method/production.js';
import { LAND_USES, landUseIndex, type LandUse, type Measure, type Nutrient } from '../method/types.js';
import type { ProblemLog } from '../problems.js';
import { NameIndex, tableNames, wholeMark, type Named, type WholeMark } from './names.js';
import { GroupRows } from './groups.js';
import { Parts, isPart, partName } from './parts.js';
import { RowKeys } from './row-keys.js';
import { CellMemo, type Column, type Header, type Row } from './table.js';
import { Totals } from './totals.js';
import { TownshipColumn, isTotalLabel } from './township.js';

/** A crops row that passed its checks: production in kg (m³ for forest), with the uptake to apply. */
export interface CropRow {
  readonly file: string;
  readonly line: number;
  /** The township with its county and city when the file gives them (townshipKey). */
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
  /** The whole the crop is counted in when the tables list members of it (水稻 for 稻谷 and 早稻), member or not. */
  readonly whole?: WholeMark;
  /** The alias the crop's name was read through (早稻 → 水稻), when it was one. */
  readonly readAs?: Named<CropCoefficient>['alias'];
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

/** A land use as written: the land use, null when empty, undefined when it names none. */
export function landUseOf(text: string): LandUse | null | undefined {
  return text === '' ? null : LAND_USE_NAMES.get(text);
}

/** A land-use cell: the land use, null when empty, undefined (reported) when it names none. */
export function parseLandUse(row: Row, column: Column | undefined): LandUse | null | undefined {
  const lu = landUseOf(row.text(column));
  if (lu === undefined) row.report(column, 'land-use-invalid', { value: row.text(column) });
  return lu;
}

const cropIndexes = new WeakMap<Coefficients, NameIndex<CropCoefficient>>();

/** Crop names as users write them: the table's, its aliases, and the English names (made once per set of tables). */
export function cropIndex(c: Coefficients): NameIndex<CropCoefficient> {
  let index = cropIndexes.get(c);
  if (!index) cropIndexes.set(c, (index = tableNames(c.crops, c.cropAliases)));
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

  /** The filled cells of the row; bad cells are reported. Valid until the next row is read. */
  read(row: Row, state: { bad: boolean }): readonly Quantity[] {
    const { slots } = this;
    if (slots.length === 0) return NONE;
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
        header: row.headerOf(q.column),
        value: round2(q.value),
        other: row.headerOf(first!.column),
        otherValue: round2(first!.value),
      });
      return undefined;
    }
  }
  return first;
}

/**
 * A yield per 亩 outside the crop's credible range (min_yield_per_mu, max_yield_per_mu in data/coefficients/crops.csv):
 * the problem's arguments, or undefined when the yield is credible. Far above the range, a per-亩 figure is most
 * often per 公顷 (15 × larger); far below it, figures in 吨 read as kg (1000 × smaller) or an area in 公顷 read as 亩
 * (15 × smaller): the hint names the slip that makes the yield credible. `implied` says how the yield was worked out
 * (production ÷ area) when the file gives none. `farm` checks its target yields with it too.
 */
export function implausibleYield(
  crop: CropCoefficient,
  asWritten: string,
  perMu: number,
  per: AreaUnit = 'mu',
  implied?: () => string,
): Record<string, string | number> | undefined {
  const { min, max } = crop.yieldPerMu;
  if (perMu >= min && perMu <= max) return undefined;
  const credible = (y: number) => y >= min && y <= max;
  const common = { value: round2(perMu), crop: asWritten, implied: implied?.() ?? '', min, max };
  if (perMu > max) {
    const perHectare = per === 'mu' && perMu >= 3 * max && perMu / MU_PER_HECTARE <= max ? round2(perMu / MU_PER_HECTARE) : '';
    return { ...common, bound: 'max', perHectare, slip: '', corrected: '' };
  }
  const slip = credible(perMu * 1000) ? 'tonnes' : implied && credible(perMu * MU_PER_HECTARE) ? 'hectares' : '';
  return { ...common, bound: 'min', perHectare: '', slip, corrected: slip === 'tonnes' ? round2(perMu * 1000) : slip ? round2(perMu * MU_PER_HECTARE) : '' };
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

const NO_UPTAKE: Partial<Record<Nutrient, number>> = {};

/** A crop cell, as the rules read it once per distinct cell (CellMemo): the name, what it names, its repeated-row keys. */
interface CropName {
  readonly asWritten: string;
  readonly named: Named<CropCoefficient>;
  /** The crop's whole, when the tables count members in it (水稻 for 稻谷 and for 早稻). */
  readonly whole?: WholeMark;
  /** RowKeys ids of the name's identity and of the name as shown in a message; with a land use written, by its index. */
  readonly key: number;
  readonly shown: number;
  readonly byLandUse: (readonly [number, number] | undefined)[];
  /** A 其中 item, part of the one before it. */
  readonly part: boolean;
  /** For a 其中 item, the crop of the tables it names (水稻 for 其中：早稻), when it names one. */
  readonly partOf?: string;
  /** A total in the crop column (小计): the township's rows summed. */
  readonly total: boolean;
  /** The groups the crop is in (粮食作物 for 水稻; GroupRows.membership). */
  readonly groups: readonly number[];
}

/**
 * Reads the rows of one crops file, each cell checked by one rule, and hands on the good rows. A totals row (合计 …)
 * is read by the same rules and left out, to be checked against the townships' sum (finish).
 */
export class CropReader {
  private readonly index: NameIndex<CropCoefficient>;
  /** The township × crop pairs read so far, for the repeated-row check. */
  private readonly seen = new RowKeys();
  private readonly township: TownshipColumn;
  private readonly columns: Readonly<Record<'crop' | 'land_use' | 'n_uptake' | 'p_uptake', Column | undefined>>;
  private readonly quantities: Readonly<Record<'area' | 'yield' | 'production', QuantityCells>>;
  /** Whether a cell of the row being read was rejected. */
  private readonly state = { bad: false };
  private readonly totals = new Totals();
  private readonly parts = new Parts();
  private readonly groups: GroupRows;
  /** The crop and land-use cells, read once per distinct cell. */
  private readonly cropNames: CellMemo<CropName | undefined>;
  private readonly landUses: CellMemo<LandUse | null | undefined>;

  constructor(
    header: Header,
    coefficients: Coefficients,
    private readonly log: ProblemLog,
    private readonly nutrients: readonly Nutrient[],
  ) {
    this.index = cropIndex(coefficients);
    const col = (field: string) => header.byField.get(field)?.[0];
    this.township = new TownshipColumn(col('township'), col('county'), col('city'));
    this.columns = { crop: col('crop'), land_use: col('land_use'), n_uptake: col('n_uptake'), p_uptake: col('p_uptake') };
    const all = (field: string) => header.byField.get(field) ?? [];
    this.quantities = { area: new QuantityCells(all('area')), yield: new QuantityCells(all('yield')), production: new QuantityCells(all('production')) };
    this.groups = new GroupRows(coefficients.groups, 'crop');
    const wholes = wholesOf(coefficients.cropAliases);
    this.cropNames = new CellMemo(this.columns.crop, (text, row) => {
      if (text === '') return undefined;
      // A 其中 item is named after its 其中 (a part of the item before it, or a group's member read as an item).
      const part = isPart(text);
      const named = this.index.lookup(part ? partName(text) : text);
      const key = this.seen.intern(named.identity);
      const crop = named.value?.crop;
      const whole = wholeMark(named, crop !== undefined && wholes.has(crop) ? crop : undefined, text, row.place(this.columns.crop).column);
      const partOf = part ? crop : undefined;
      const shown = text === named.identity ? key : this.seen.intern(text);
      const total = crop === undefined && isTotalLabel(text);
      return { asWritten: text, named, whole, key, shown, byLandUse: [], part, partOf, total, groups: this.groups.membership(crop) };
    });
    this.landUses = new CellMemo(this.columns.land_use, landUseOf);
  }

  read(row: Row): CropRow | undefined {
    const c = this.columns;
    const townshipCell = this.township.read(row);
    if (townshipCell?.note) return undefined;
    // A totals row that names no crop totals nothing this file can check: it is only left out.
    if (townshipCell?.total && row.text(c.crop) === '') {
      this.totals.note(row, townshipCell.name);
      return undefined;
    }
    const cropName = this.cropNames.get(row);
    if (cropName?.total) return this.totals.subtotal(row, c.crop, cropName.asWritten);
    if (cropName?.part && townshipCell && !this.groups.under(townshipCell.id)) return this.part(row, townshipCell.id, cropName);
    this.parts.reset();
    if (!cropName?.part) this.groups.item();
    if (cropName === undefined && c.crop) row.report(c.crop, 'cell-required', { header: row.headerOf(c.crop) });
    const landUseCell = this.landUses.get(row);
    if (landUseCell === undefined) row.report(c.land_use, 'land-use-invalid', { value: row.text(c.land_use) });
    const state = this.state;
    state.bad = false;
    const userUptake: Partial<Record<Nutrient, number>> =
      c.n_uptake || c.p_uptake ? { N: row.number(c.n_uptake, state), P: row.number(c.p_uptake, state) } : NO_UPTAKE;
    const areas = this.quantities.area.read(row, state);
    const yields = this.quantities.yield.read(row, state);
    const productions = this.quantities.production.read(row, state);
    if (townshipCell === undefined || cropName === undefined || landUseCell === undefined || state.bad) return undefined;
    const township = townshipCell.name;
    const { asWritten: cropAsWritten, named } = cropName;
    const crop = named.value ?? null;
    // A group of crops (粮食作物) is read for its production, to be left out or refused once the file is read.
    let group: number | undefined;
    if (!crop) {
      const hasUptake = this.nutrients.every((n) => userUptake[n] !== undefined);
      if (!hasUptake) {
        const known = userUptake.N !== undefined || userUptake.P !== undefined;
        group = known ? undefined : this.groups.of(cropAsWritten);
        if (group === undefined) {
          if (known) {
            const missing = this.nutrients.find((n) => userUptake[n] === undefined)!;
            row.report(c.crop, 'crop-needs-uptake', { crop: cropAsWritten, nutrient: missing, column: missing === 'N' ? 'n_uptake' : 'p_uptake' });
          } else {
            row.report(c.crop, 'crop-unknown', { crop: cropAsWritten, suggestion: this.index.nearest(cropAsWritten) ?? '' });
          }
          return undefined;
        }
      } else if (!townshipCell.total) row.report(c.crop, 'crop-local-uptake', { crop: cropAsWritten });
    }

    // The crop's measure: the table's, or for a local crop the unit its figures are in.
    const measure: Measure = crop ? crop.measure : ((productions[0] ?? yields[0])?.measure ?? 'kg');
    for (const q of yields.length === 0 ? productions : productions.length === 0 ? yields : [...yields, ...productions]) {
      const m = q.measure;
      if (m !== measure) {
        row.report(q.column, 'unit-measure-mismatch', {
          crop: cropAsWritten,
          measure: measure === 'm3' ? 'm³' : 'kg',
          header: row.headerOf(q.column),
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
      const implausible = implausibleYield(crop, cropAsWritten, yieldMu(yieldQ), yieldQ.per);
      if (implausible) {
        row.report(yieldQ.column, 'yield-implausible', implausible);
        return undefined;
      }
    } else if (crop && productionQ && area && area.value > 0) {
      // No yield given: the yield production ÷ area implies is checked, at the production's cell.
      const implausible = implausibleYield(
        crop,
        cropAsWritten,
        productionQ.value / areaMu(area),
        'mu',
        () => `${row.headerOf(productionQ.column)} ÷ ${row.headerOf(area.column)}`,
      );
      if (implausible) {
        row.report(productionQ.column, 'yield-implausible', implausible);
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
    if (!Number.isFinite(production)) {
      row.report(productionQ?.column ?? area?.column, 'figure-not-finite', { what: 'production', township, value: String(production) });
      return undefined;
    }
    if (group !== undefined) {
      this.groups.add(group, cropAsWritten, townshipCell.id, township, row.place(c.crop), production);
      return undefined;
    }

    // 番茄 and 西红柿 are one crop; 花生 and 油菜 are two rows of 油料: the repeated-row check keys the crop's identity,
    // and the land use written in the row.
    let { key, shown } = cropName;
    if (landUseCell) {
      const keys = (cropName.byLandUse[landUseIndex(landUseCell)] ??= [
        this.seen.intern(`${named.identity}\u0000${landUseCell}`),
        this.seen.intern(`${cropAsWritten} ${landUseCell}`),
      ]);
      [key, shown] = keys;
    }
    const firstLine = this.seen.firstLine(townshipCell.id, key, row.line);
    if (firstLine !== undefined) {
      row.report(c.crop, 'duplicate-row', { key: `${township} ${this.seen.text(shown)}`, firstLine, kind: 'crops' });
      return undefined;
    }

    const item = crop?.crop ?? cropAsWritten;
    const unit = measure === 'm3' ? 'm³' : 'kg';
    this.parts.whole(townshipCell.id, cropAsWritten, production, cropName.whole && !cropName.whole.member ? cropName.whole.name : undefined);
    this.groups.counted(townshipCell.id, cropName.groups, production);
    if (townshipCell.total) {
      this.totals.total(row, productionQ?.column, township, item, production, unit, townshipCell.scope, cropAsWritten);
      return undefined;
    }
    this.totals.add(item, production, townshipCell.key, cropAsWritten, row, this.township.column);

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
      township: townshipCell.key,
      cropAsWritten,
      crop,
      measure,
      landUse: landUseCell ?? crop?.landUse ?? null,
      production,
      productionFrom,
      areaMu: area ? areaMu(area) : null,
      uptake,
      whole: cropName.whole,
      readAs: named.alias,
    };
  }

  /** A 其中 row: left out, its production (given, or area × yield) checked against the item's before it. */
  private part(row: Row, township: number, item: CropName): undefined {
    const state = { bad: false };
    const [production] = this.quantities.production.read(row, state);
    let value = production?.value;
    if (value === undefined) {
      const [area] = this.quantities.area.read(row, state);
      const [yieldQ] = this.quantities.yield.read(row, state);
      if (area && yieldQ) value = productionFromAreaAndYield(area.value, area.per, yieldQ.value, yieldQ.per);
    }
    this.parts.part(row, this.columns.crop, production?.column ?? this.columns.crop, township, item.asWritten, state.bad ? undefined : value, item.partOf);
    return undefined;
  }

  /** Townships the file lists, even on rows with errors: the no-land check must not pile onto those. */
  get listed(): Set<string> {
    return this.township.names();
  }

  /** Once the file is read: its totals rows against the sums of the townships' rows. */
  finish(): void {
    this.totals.check(this.log);
    this.groups.finish(this.seen, (name) => this.index.lookup(name).value?.crop, this.log, 'kg');
  }
}
