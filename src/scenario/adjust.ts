import type { Coefficients, SpeciesCoefficient } from '../coefficients/coefficients.js';
import type { RowAdjuster } from '../tally/dataset.js';
import { cropIndex, type CropRow } from '../input/crops.js';
import { implausibleStock, speciesIndex, type LivestockRow } from '../input/livestock.js';
import { ParameterError, type ParameterErrorCode } from '../params/errors.js';
import type { Change, CropChange, Scenario, StockChange } from './scenario.js';
import { townshipIdOf, townshipKey, townshipLabel } from '../input/township.js';

const any = (v: string | undefined) => v === undefined || v === '*';

/** The key of the township a change names, for a row it adds: its county when it gives one (the tally finds its city). */
const changeKey = (x: Change) => townshipKey(x.township!, x.county ?? '', '');

/** A value after a change: set, add, or percent. */
function changed(value: number, c: Change): number {
  if (c.set !== undefined) return c.set;
  if (c.add !== undefined) return value + c.add;
  return value * (1 + c.percent! / 100);
}

/** The row adjuster that applies a scenario's stock and crop changes while the files are read. */
export function scenarioAdjuster(scenario: Scenario, c: Coefficients): RowAdjuster & { readonly unmatched: string[] } {
  const species = speciesIndex(c);
  const crops = cropIndex(c);
  const stockSeen = new Set<StockChange>();
  const cropSeen = new Set<CropChange>();
  const fail = (x: Change, code: ParameterErrorCode, args: Record<string, string | number>) => new ParameterError(`${scenario.path}: ${x.where}`, code, args);
  /** The county of the first township each change matched: a change without a county that matches two is refused. */
  const countyMatched = new Map<Change, string>();
  /** Whether a change applies to a row's township (its key): every township, or the one it names (in its county). */
  const applies = (x: Change, key: string): boolean => {
    if (any(x.township)) return true;
    const id = townshipIdOf(key);
    if (id.name !== x.township || (x.county !== undefined && x.county !== id.county)) return false;
    const first = countyMatched.get(x);
    if (first === undefined) countyMatched.set(x, id.county);
    else if (first !== id.county) throw fail(x, 'township-ambiguous', { township: id.name, counties: `${first} / ${id.county}` });
    return true;
  };
  // Each change's crop or species by the name of the tables (a local dictionary's names included), as its rows give it.
  const stockChanges = scenario.stock.map((x) => {
    if (any(x.species)) return x;
    const sp = species.get(x.species!);
    if (!sp)
      throw new ParameterError(`${scenario.path}: ${x.where}.species`, 'unknown-species', { name: x.species!, suggestion: species.nearest(x.species!) ?? '' });
    return { ...x, species: sp.species };
  });
  const cropChanges = scenario.crops.map((x) => {
    if (any(x.crop)) return x;
    const crop = crops.get(x.crop!);
    if (!crop) throw new ParameterError(`${scenario.path}: ${x.where}.crop`, 'unknown-crop', { name: x.crop!, suggestion: crops.nearest(x.crop!) ?? '' });
    return { ...x, crop: crop.crop };
  });
  /** A change that leaves a township more head than any township holds (the bound a livestock file is checked against). */
  const tooMany = (x: Change, sp: SpeciesCoefficient | null, name: string, township: string, head: number) => {
    const implausible = implausibleStock(c, sp, name, head);
    if (implausible) throw fail(x, 'too-many', { name, township, value: head, max: implausible.max! });
  };
  const adjuster = {
    unmatched: [] as string[],
    livestock(row: LivestockRow): LivestockRow {
      let stock = row.stock;
      for (const x of stockChanges) {
        if (!applies(x, row.township)) continue;
        if (!any(x.species) && x.species !== row.speciesName) continue;
        stockSeen.add(x);
        stock = changed(stock, x);
        if (stock < 0)
          throw fail(x, 'below-zero', { name: row.speciesAsWritten, township: townshipLabel(townshipIdOf(row.township)), place: `${row.file}:${row.line}` });
        tooMany(x, row.species, row.speciesAsWritten, townshipLabel(townshipIdOf(row.township)), stock);
      }
      return stock === row.stock ? row : { ...row, stock, stockInFile: row.stock };
    },
    crop(row: CropRow): CropRow {
      let production = row.production;
      let areaMu = row.areaMu;
      for (const x of cropChanges) {
        if (!applies(x, row.township)) continue;
        if (!any(x.crop) && x.crop !== (row.crop?.crop ?? row.cropAsWritten)) continue;
        cropSeen.add(x);
        if (x.of === 'area' && x.percent === undefined) {
          if (!areaMu)
            throw fail(x, 'no-area', { name: row.cropAsWritten, township: townshipLabel(townshipIdOf(row.township)), place: `${row.file}:${row.line}` });
          const area = changed(areaMu, x);
          production = (production * area) / areaMu;
          areaMu = area;
        } else {
          production = changed(production, x);
          if (x.of === 'area' && areaMu !== null) areaMu = changed(areaMu, x);
        }
        if (production < 0)
          throw fail(x, 'below-zero', { name: row.cropAsWritten, township: townshipLabel(townshipIdOf(row.township)), place: `${row.file}:${row.line}` });
      }
      return production === row.production && areaMu === row.areaMu ? row : { ...row, production, areaMu, productionInFile: row.production };
    },
    /** A set or add of production for one township and crop that the data does not list adds a row. */
    extraCrops(): CropRow[] {
      const out: CropRow[] = [];
      for (const x of cropChanges) {
        if (cropSeen.has(x)) continue;
        if (any(x.township) || any(x.crop) || x.percent !== undefined || x.of === 'area') {
          adjuster.unmatched.push(x.where);
          continue;
        }
        const crop = crops.get(x.crop!)!;
        out.push({
          file: scenario.path,
          line: 0,
          township: changeKey(x),
          cropAsWritten: crop.crop,
          crop,
          measure: crop.measure,
          landUse: crop.landUse,
          production: changed(0, x),
          productionFrom: 'production',
          areaMu: null,
          uptake: { N: crop.uptake.N, P: crop.uptake.P },
        });
      }
      return out;
    },
    /** A set or add of stock for one township and species that the data does not list adds a row (a new farm, say). */
    extraLivestock(): LivestockRow[] {
      const out: LivestockRow[] = [];
      for (const x of stockChanges) {
        if (stockSeen.has(x)) continue;
        if (any(x.township) || any(x.species) || x.percent !== undefined) {
          adjuster.unmatched.push(x.where);
          continue;
        }
        const sp = species.get(x.species!)!;
        if (!sp.peFactor) throw fail(x, 'no-factor', { name: sp.species });
        if (changed(0, x) < 0) throw fail(x, 'below-zero', { name: sp.species, township: x.township!, place: scenario.path });
        tooMany(x, sp, sp.species, x.township!, changed(0, x));
        out.push({
          file: scenario.path,
          line: 0,
          township: changeKey(x),
          speciesAsWritten: sp.species,
          species: sp,
          speciesName: sp.species,
          stock: changed(0, x),
          peFactor: sp.peFactor,
          peFactorProvenance: sp.provenance,
          peFactorSource: sp.source,
        });
      }
      return out;
    },
  };
  return adjuster;
}
