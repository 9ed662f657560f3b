import { constantNumber, wholesOf, type Coefficients, type SpeciesCoefficient } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { fractionValue, formatFraction, parseFraction, pigEquivalents, stockFromSlaughter } from '../method/pig-equivalent.js';
import type { Fraction } from '../method/types.js';
import type { ProblemArgs, ProblemLog } from '../problems.js';
import { NameIndex, tableNames, wholeMark, type Named, type WholeMark } from './names.js';
import { GroupRows } from './groups.js';
import { Parts, isPart, partName } from './parts.js';
import { RowKeys } from './row-keys.js';
import { CellMemo, type Column, type Header, type Row } from './table.js';
import { relativeDifference } from '../method/production.js';
import { Totals } from './totals.js';
import { NO_TOWNSHIP, TownshipColumn, isTotalLabel } from './township.js';

/** A livestock row that passed its checks: head in stock and the pig-equivalent factor to apply. */
export interface LivestockRow {
  readonly file: string;
  readonly line: number;
  /** The township with its county and city when the file gives them (townshipKey). */
  readonly township: string;
  readonly speciesAsWritten: string;
  /** The species of the guide's table (生猪, 奶牛, 肉牛, 羊, 家禽 …); null for a local species. */
  readonly species: SpeciesCoefficient | null;
  /** The species the row is counted under: the table's name, or the name as written for a local species. */
  readonly speciesName: string;
  readonly stock: number;
  /** Set when the stock was converted from a slaughter count with a stock/slaughter ratio. */
  readonly fromSlaughter?: { readonly slaughter: number; readonly ratio: number };
  readonly peFactor: Fraction;
  readonly peFactorProvenance: Provenance;
  readonly peFactorSource: string;
  /** The stock in the file, when a scenario changed it. */
  readonly stockInFile?: number;
  /** The whole the species is counted in when the tables list members of it (生猪 for 猪 and 能繁母猪), member or not. */
  readonly whole?: WholeMark;
  /** The alias the species' name was read through (能繁母猪 → 生猪), when it was one. */
  readonly readAs?: Named<SpeciesCoefficient>['alias'];
}

const speciesIndexes = new WeakMap<Coefficients, NameIndex<SpeciesCoefficient>>();

/** Species names as users write them: the table's, its aliases, and the English names (made once per set of tables). */
export function speciesIndex(c: Coefficients): NameIndex<SpeciesCoefficient> {
  let index = speciesIndexes.get(c);
  if (!index) speciesIndexes.set(c, (index = tableNames(c.species, c.speciesAliases)));
  return index;
}

/**
 * A stock no township holds (above max_stock_per_township in data/coefficients/species.csv, or max_stock_other_species
 * for a local species): the problem's arguments, else undefined. A column in 万 whose figures are credible as head
 * counts gets a hint that says so. `farm` checks a farm's stock with it too.
 */
export function implausibleStock(
  c: Coefficients,
  species: SpeciesCoefficient | null,
  name: string,
  head: number,
  column?: Column,
  row?: Row,
): ProblemArgs | undefined {
  const max = species ? species.maxStock.value : constantNumber(c, 'max_stock_other_species');
  if (head <= max) return undefined;
  const scale = column?.unit?.scale ?? 1;
  const perTenThousand = scale === 10_000 && head / scale <= max ? head / scale : '';
  return { value: head, species: name, max, header: column ? (row?.headerOf(column) ?? column.header) : '', perTenThousand };
}

/** A pe_factor cell (0.4, 100/250): the factor, undefined when empty; reported, and the row marked bad, when it is no positive ratio. */
export function peFactorCell(row: Row, column: Column | undefined, state: { bad: boolean }): Fraction | undefined {
  const text = row.text(column);
  if (text === '') return undefined;
  const factor = parseFraction(text.normalize('NFKC'));
  if (factor) return factor;
  row.report(column, 'pe-factor-invalid', { value: text });
  state.bad = true;
  return undefined;
}

/** Cattle the guide does not split (牛, 水牛): the problem's arguments, naming the guide's species to choose from with their factors. */
export function cattleChoices(c: Coefficients, asWritten: string, species: SpeciesCoefficient): ProblemArgs {
  const choices = species.oneOf.map((o) => `${o}=${formatFraction(c.species.get(o)!.peFactor!)}`).join('|');
  return { species: asWritten, choices, first: species.oneOf[0]! };
}

/** The head counts of a row in a column of each unit: the one filled (two filled must agree). */
class HeadCells {
  constructor(private readonly columns: readonly Column[]) {}

  get first(): Column | undefined {
    return this.columns[0];
  }

  read(row: Row, state: { bad: boolean }): { value: number; column: Column } | undefined {
    let found: { value: number; column: Column } | undefined;
    for (const column of this.columns) {
      const value = row.number(column, state);
      if (value === undefined) continue;
      if (found && relativeDifference(found.value, value) > 0.01) {
        row.report(column, 'quantity-conflict', { header: row.headerOf(column), value, other: row.headerOf(found.column), otherValue: found.value });
        state.bad = true;
        return undefined;
      }
      found ??= { value, column };
    }
    return found;
  }
}

/** A species cell, as the rules read it once per distinct cell (CellMemo): the name, what it names, its repeated-row keys. */
interface SpeciesName {
  readonly asWritten: string;
  readonly named: Named<SpeciesCoefficient>;
  /** The species' whole, when the tables count members in it (生猪 for 猪 and for 能繁母猪). */
  readonly whole?: WholeMark;
  /** The RowKeys id of the name's identity. */
  readonly key: number;
  /** A 其中 item, part of the one before it. */
  readonly part: boolean;
  /** For a 其中 item, the species of the tables it names (生猪 for 其中：能繁母猪), when it names one. */
  readonly partOf?: string;
  /** A total in the species column (小计): the township's rows summed. */
  readonly total: boolean;
  /** The groups the species is in (大牲畜 for 肉牛; GroupRows.membership). */
  readonly groups: readonly number[];
}

/**
 * Reads the rows of one livestock file, each cell checked by one rule, and hands on the good rows. A totals row
 * (合计 …) is read by the same rules and left out, to be checked against the townships' sum (finish).
 */
export class LivestockReader {
  private readonly index: NameIndex<SpeciesCoefficient>;
  private readonly ratios: NameIndex<number>;
  /** The township × species pairs read so far, for the repeated-row check. */
  private readonly seen = new RowKeys();
  /** A farm's file may have no township column: its rows are all the farm's. */
  private readonly township: TownshipColumn | undefined;
  private readonly columns: Readonly<Record<'species' | 'pe_factor', Column | undefined>>;
  /** Head in stock, and slaughtered: a column each, or one per unit (a wide table's 存栏（头）and 存栏（万羽）). */
  private readonly stock: HeadCells;
  private readonly slaughter: HeadCells;
  /** Whether a cell of the row being read was rejected. */
  private readonly state = { bad: false };
  private readonly totals = new Totals();
  private readonly parts = new Parts();
  private readonly groups: GroupRows;
  /** The species cells, read once per distinct cell. */
  private readonly speciesNames: CellMemo<SpeciesName | undefined>;

  constructor(
    header: Header,
    private readonly coefficients: Coefficients,
    private readonly log: ProblemLog,
    stockRatio: Readonly<Record<string, number>>,
  ) {
    this.index = speciesIndex(coefficients);
    const col = (field: string) => header.byField.get(field)?.[0];
    const township = col('township');
    this.township = township && new TownshipColumn(township, col('county'), col('city'));
    this.columns = { species: col('species'), pe_factor: col('pe_factor') };
    this.stock = new HeadCells(header.byField.get('stock') ?? []);
    this.slaughter = new HeadCells(header.byField.get('slaughter') ?? []);
    // A ratio given for 生猪 serves rows written 猪 or pig too: ratios are keyed by the species they resolve to.
    this.ratios = new NameIndex<number>();
    for (const [name, ratio] of Object.entries(stockRatio)) this.ratios.add(this.index.get(name)?.species ?? name, ratio);
    this.groups = new GroupRows(coefficients.groups, 'species');
    const wholes = wholesOf(coefficients.speciesAliases);
    this.speciesNames = new CellMemo(this.columns.species, (text, row) => {
      if (text === '') return undefined;
      // A 其中 item is named after its 其中 (a part of the item before it, or a group's member read as an item).
      const part = isPart(text);
      const named = this.index.lookup(part ? partName(text) : text);
      const species = named.value?.species;
      const whole = wholeMark(named, species !== undefined && wholes.has(species) ? species : undefined, text, row.place(this.columns.species).column);
      const partOf = part ? species : undefined;
      const total = species === undefined && isTotalLabel(text);
      return { asWritten: text, named, whole, key: this.seen.intern(named.identity), part, partOf, total, groups: this.groups.membership(species) };
    });
  }

  read(row: Row): LivestockRow | undefined {
    const c = this.columns;
    const townshipCell = this.township ? this.township.read(row) : NO_TOWNSHIP;
    if (townshipCell?.note) return undefined;
    if (townshipCell?.total && row.text(c.species) === '') {
      this.totals.note(row, townshipCell.name);
      return undefined;
    }
    const speciesName0 = this.speciesNames.get(row);
    if (speciesName0?.total) return this.totals.subtotal(row, c.species, speciesName0.asWritten);
    if (speciesName0?.part && townshipCell && !this.groups.under(townshipCell.id)) {
      const state = { bad: false };
      const head = this.stock.read(row, state) ?? this.slaughter.read(row, state);
      this.parts.part(row, c.species, head?.column ?? this.stock.first, townshipCell.id, speciesName0.asWritten, state.bad ? undefined : head?.value, speciesName0.partOf);
      return undefined;
    }
    this.parts.reset();
    if (!speciesName0?.part) this.groups.item();
    if (speciesName0 === undefined && c.species) row.report(c.species, 'cell-required', { header: row.headerOf(c.species) });
    const state = this.state;
    state.bad = false;
    const stockCell = this.stock.read(row, state);
    const slaughterCell = this.slaughter.read(row, state);
    const stock = stockCell?.value;
    const slaughter = slaughterCell?.value;
    const stockColumn = stockCell?.column ?? this.stock.first;
    const slaughterColumn = slaughterCell?.column ?? this.slaughter.first;
    const factorText = row.text(c.pe_factor);
    const userFactor = peFactorCell(row, c.pe_factor, state);
    if (townshipCell === undefined || speciesName0 === undefined || state.bad) return undefined;
    const township = townshipCell.name;
    const { asWritten: speciesAsWritten, named } = speciesName0;
    const species = named.value ?? null;
    if (!species && !userFactor) {
      // A group of species (大牲畜): its head, stock or else slaughter, to be left out or refused once the file is read.
      const group = this.groups.of(speciesAsWritten);
      const figure = stock ?? slaughter;
      if (group !== undefined && figure !== undefined) {
        this.groups.add(group, speciesAsWritten, townshipCell.id, township, row.place(c.species), figure);
        return undefined;
      }
      row.report(c.species, 'species-unknown', { species: speciesAsWritten, suggestion: this.index.nearest(speciesAsWritten) ?? '' });
      return undefined;
    }
    if (species && !species.peFactor && !userFactor) {
      if (species.oneOf.length > 0) row.report(c.species, 'species-cattle', cattleChoices(this.coefficients, speciesAsWritten, species));
      else row.report(c.species, 'species-needs-factor', { species: speciesAsWritten });
      return undefined;
    }
    if (species?.peFactor && userFactor && fractionValue(userFactor) !== fractionValue(species.peFactor)) {
      row.report(c.pe_factor, 'pe-factor-override', { value: factorText, guide: formatFraction(species.peFactor), species: species.species });
    }
    const speciesName = species?.species ?? speciesAsWritten;

    let head: number;
    let fromSlaughter: LivestockRow['fromSlaughter'];
    if (stock !== undefined) {
      head = stock;
      if (!Number.isInteger(head)) row.report(stockColumn, 'stock-fractional', { value: head, species: speciesAsWritten });
    } else if (slaughter !== undefined) {
      const ratio = this.ratios.get(speciesName) ?? this.ratios.get(speciesAsWritten);
      if (ratio === undefined) {
        row.report(slaughterColumn, 'slaughter-no-ratio', { species: speciesName });
        return undefined;
      }
      head = stockFromSlaughter(slaughter, ratio);
      fromSlaughter = { slaughter, ratio };
    } else {
      row.report(stockColumn ?? slaughterColumn, 'stock-missing');
      return undefined;
    }
    // A totals row holds the whole county's stock: the bound is a township's.
    const implausible = townshipCell.total
      ? undefined
      : implausibleStock(this.coefficients, species, speciesAsWritten, head, fromSlaughter ? slaughterColumn : stockColumn, row);
    if (implausible) {
      row.report(fromSlaughter ? slaughterColumn : stockColumn, 'stock-implausible', implausible);
      return undefined;
    }

    // 生猪 and 猪 are one species; 山羊 and 绵羊 are two rows of 羊.
    const firstLine = this.seen.firstLine(townshipCell.id, speciesName0.key, row.line);
    if (firstLine !== undefined) {
      row.report(c.species, 'duplicate-row', { key: `${township} ${speciesAsWritten}`, firstLine, kind: 'livestock' });
      return undefined;
    }

    const factor = userFactor ?? species!.peFactor!;
    const pe = pigEquivalents(head, factor);
    if (!Number.isFinite(pe)) {
      row.report(stockColumn ?? slaughterColumn, 'figure-not-finite', { what: 'stock', township, value: String(pe) });
      return undefined;
    }
    this.parts.whole(townshipCell.id, speciesAsWritten, head, speciesName0?.whole && !speciesName0.whole.member ? speciesName0.whole.name : undefined);
    this.groups.counted(townshipCell.id, speciesName0.groups, stock ?? slaughter!);
    if (townshipCell.total) {
      this.totals.total(row, fromSlaughter ? slaughterColumn : stockColumn, township, speciesName, head, '', townshipCell.scope, speciesAsWritten);
      return undefined;
    }
    this.totals.add(speciesName, head, townshipCell.key, speciesAsWritten, row, this.township?.column);
    return {
      file: row.file,
      line: row.line,
      township: townshipCell.key,
      speciesAsWritten,
      species,
      speciesName,
      stock: head,
      fromSlaughter,
      peFactor: factor,
      peFactorProvenance: userFactor ? 'user' : species!.provenance,
      peFactorSource: userFactor ? `${row.file}:${row.line}` : species!.source,
      whole: speciesName0.whole,
      readAs: named.alias,
    };
  }

  /** Once the file is read: its totals rows against the sums of the townships' rows. */
  finish(): void {
    this.totals.check(this.log);
    this.groups.finish(this.seen, (name) => this.index.lookup(name).value?.species, this.log, '');
  }
}
