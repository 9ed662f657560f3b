import type { Coefficients, SpeciesCoefficient } from '../coefficients/coefficients.js';
import type { Provenance } from '../coefficients/schema.js';
import { fractionValue, formatFraction, parseFraction, stockFromSlaughter } from '../method/pig-equivalent.js';
import type { Fraction } from '../method/types.js';
import type { ProblemLog } from '../validate/problems.js';
import { NameIndex, NamesInText } from './names.js';
import { RowKeys } from './row-keys.js';
import { CleanLine, Row, type Column, type Header } from './table.js';

/** A livestock row that passed its checks: head in stock and the pig-equivalent factor to apply. */
export interface LivestockRow {
  readonly file: string;
  readonly line: number;
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
}

/** A clean line's row as the tally takes it (a species of the guide's table, with its factor). */
export interface CleanLivestockRow {
  line: number;
  township: string;
  species: SpeciesCoefficient;
  peFactor: Fraction;
  stock: number;
}

/** A species name met in lines read in place: the species it names, and its keys for the repeated-row check. */
interface CleanSpeciesName {
  readonly name: string;
  readonly species: SpeciesCoefficient;
  readonly peFactor: Fraction;
  readonly key: number;
  readonly shown: number;
}

export function speciesIndex(c: Coefficients): NameIndex<SpeciesCoefficient> {
  const index = new NameIndex<SpeciesCoefficient>();
  for (const sp of c.species.values()) index.add(sp.species, sp, sp.species);
  for (const [alias, { target, relation }] of c.speciesAliases) index.add(alias, c.species.get(target)!, relation === 'synonym' ? target : undefined);
  for (const sp of c.species.values()) index.add(sp.nameEn, sp, sp.species);
  return index;
}

export class LivestockReader {
  private readonly index: NameIndex<SpeciesCoefficient>;
  private readonly ratios: NameIndex<number>;
  /** The township × name pairs read so far, for the repeated-row check (across threads, too). */
  readonly seen = new RowKeys();
  /** The header's columns, looked up once. */
  private readonly columns: Readonly<Record<'township' | 'species' | 'stock' | 'slaughter' | 'pe_factor', Column | undefined>>;
  /** Whether a cell of the row being read was rejected. */
  private readonly state = { bad: false };

  constructor(
    header: Header,
    coefficients: Coefficients,
    private readonly log: ProblemLog,
    stockRatio: Readonly<Record<string, number>>,
  ) {
    this.index = speciesIndex(coefficients);
    const col = (field: string) => header.byField.get(field)?.[0];
    this.columns = { township: col('township'), species: col('species'), stock: col('stock'), slaughter: col('slaughter'), pe_factor: col('pe_factor') };
    // A ratio given for 生猪 serves rows written 猪 or pig too: ratios are keyed by the species they resolve to.
    this.ratios = new NameIndex<number>();
    for (const [name, ratio] of Object.entries(stockRatio)) this.ratios.add(this.index.get(name)?.species ?? name, ratio);
    // Lines are read in place unless the file gives factors of its own, or has no township column (a farm's file).
    if (this.columns.township && !this.columns.pe_factor) this.cleanLine = new CleanLine(header);
  }

  /** The line read in place (readClean), when this file's lines can be. */
  private readonly cleanLine?: CleanLine;
  /** Species names met in lines read in place. */
  private readonly speciesNames = new NamesInText<CleanSpeciesName>();
  /** The row of the line last read in place. */
  private readonly cleanRow: CleanLivestockRow = { line: 0, township: '', species: undefined!, peFactor: undefined!, stock: 0 };

  /** Whether this file's lines can be read in place (readClean). */
  get readsClean(): boolean {
    return this.cleanLine !== undefined;
  }

  /**
   * Reads the line bytes[start, end) (UTF-8) in place when it is a row that passes every check without a word — a
   * species of the guide's table with its factor, the stock in plain digits, not a repeat — to what read(row) would
   * give the tally; else undefined, and nothing is recorded: read(row) then reads the line and words its problems. The
   * row returned is the reader's one object, filled anew for each line.
   */
  readClean(line: number, bytes: Buffer, start: number, end: number): CleanLivestockRow | undefined {
    const cells = this.cleanLine!;
    if (!cells.split(bytes, start, end)) return undefined;
    const c = this.columns;
    const township = cells.sameName(c.township!.index);
    if (township === undefined) return undefined;
    const named = cells.named(c.species!.index, this.speciesNames, this.meetSpeciesName);
    if (named === undefined) return undefined;
    // The stock as given; a slaughter count beside it is read for its checks only.
    const stock = c.stock && cells.number(c.stock);
    if (stock === undefined || Number.isNaN(stock) || (c.slaughter && Number.isNaN(cells.number(c.slaughter)))) return undefined;
    if (this.seen.firstLineOf(township, named.key, line, named.shown) !== undefined) return undefined;
    const row = this.cleanRow;
    row.line = line;
    row.township = township;
    row.species = named.species;
    row.peFactor = named.peFactor;
    row.stock = stock;
    return row;
  }

  /** A species name first met in a line read in place, when it names a species of the guide's table with a factor. */
  private readonly meetSpeciesName = (name: string): CleanSpeciesName | undefined => {
    const { value, identity } = this.index.lookup(name);
    if (!value?.peFactor) return undefined;
    const key = this.seen.intern(identity);
    return { name, species: value, peFactor: value.peFactor, key, shown: name === identity ? key : this.seen.intern(name) };
  };

  read(row: Row): LivestockRow | undefined {
    const c = this.columns;
    // A farm's file may have no township column: its rows are all the farm's.
    const township = c.township ? row.required(c.township) : '';
    const speciesAsWritten = row.required(c.species);
    const state = this.state;
    state.bad = false;
    const stock = row.number(c.stock, state);
    const slaughter = row.number(c.slaughter, state);
    const factorText = row.text(c.pe_factor);
    let userFactor: Fraction | undefined;
    if (factorText !== '') {
      userFactor = parseFraction(factorText.normalize('NFKC'));
      if (!userFactor || userFactor.numerator <= 0) {
        row.report(c.pe_factor, 'pe-factor-invalid', { value: factorText });
        state.bad = true;
      }
    }
    if (township === undefined || speciesAsWritten === undefined || state.bad) return undefined;

    const named = this.index.lookup(speciesAsWritten);
    const species = named.value ?? null;
    if (!species && !userFactor) {
      row.report(c.species, 'species-unknown', { species: speciesAsWritten, suggestion: this.index.nearest(speciesAsWritten) ?? '' });
      return undefined;
    }
    if (species && !species.peFactor && !userFactor) {
      row.report(c.species, 'species-needs-factor', { species: speciesAsWritten });
      return undefined;
    }
    if (species?.peFactor && userFactor && fractionValue(userFactor) !== fractionValue(species.peFactor)) {
      row.report(c.pe_factor, 'pe-factor-override', { value: factorText, guide: formatFraction(species.peFactor), species: species.species });
    }
    const speciesName = species?.species ?? speciesAsWritten;

    let head: number;
    let fromSlaughter: LivestockRow['fromSlaughter'];
    if (stock !== undefined) head = stock;
    else if (slaughter !== undefined) {
      const ratio = this.ratios.get(speciesName) ?? this.ratios.get(speciesAsWritten);
      if (ratio === undefined) {
        row.report(c.slaughter, 'slaughter-no-ratio', { species: speciesName });
        return undefined;
      }
      head = stockFromSlaughter(slaughter, ratio);
      fromSlaughter = { slaughter, ratio };
    } else {
      row.report(c.stock ?? c.slaughter, 'stock-missing');
      return undefined;
    }

    // 生猪 and 猪 are one species; 山羊 and 绵羊 are two rows of 羊.
    const firstLine = this.seen.firstLine(township, named.identity, row.line, speciesAsWritten);
    if (firstLine !== undefined) {
      row.report(c.species, 'duplicate-row', { key: `${township} ${speciesAsWritten}`, firstLine, kind: 'livestock' });
      return undefined;
    }

    const factor = userFactor ?? species!.peFactor!;
    return {
      file: row.file,
      line: row.line,
      township,
      speciesAsWritten,
      species,
      speciesName,
      stock: head,
      fromSlaughter,
      peFactor: factor,
      peFactorProvenance: userFactor ? 'user' : species!.provenance,
      peFactorSource: userFactor ? `${row.file}:${row.line}` : species!.source,
    };
  }
}
