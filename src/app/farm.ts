import type { Coefficients } from '../coefficients/coefficients.js';
import { tablesWith } from './coefficients.js';
import { computeFarm, type FarmAnimalInput, type FarmCropInput, type FarmResult } from '../farm/farm.js';
import { problemText } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import { cropIndex, implausibleYield } from '../input/crops.js';
import { LivestockReader, cattleChoices, implausibleStock, speciesIndex } from '../input/livestock.js';
import { openInput, readTable } from '../input/read.js';
import { parseFraction } from '../method/pig-equivalent.js';
import { ProblemLog, type Problem } from '../problems.js';
import { UsageError } from './errors.js';
import { runParameters, type RunRequest } from './run.js';

const positiveNumber = (text: string) => {
  const v = Number(text.trim());
  return Number.isFinite(v) && v > 0 && text.trim() !== '' ? v : undefined;
};

/** `生猪=5000` or `兔=1200:0.15`: a species of the guide, or any species with its PE factor. */
function parseStock(item: string, c: Coefficients, t: Messages): FarmAnimalInput {
  const m = /^\s*([^=]+?)\s*=\s*([^:]+?)\s*(?::\s*(.+?)\s*)?$/.exec(item);
  const head = m ? positiveNumber(m[2]!) : undefined;
  if (!m || head === undefined) throw new UsageError(t.ui.farm.badStock(item));
  const name = m[1]!;
  const index = speciesIndex(c);
  const species = index.get(name);
  const factor = m[3] === undefined ? undefined : parseFraction(m[3]);
  if (m[3] !== undefined && !factor) throw new UsageError(t.ui.farm.badStock(item));
  if (!species && !factor) throw new UsageError(t.ui.farm.unknownSpecies(name, index.nearest(name) ?? ''));
  if (species && !species.peFactor && !factor)
    throw new UsageError(
      species.oneOf.length > 0 ? `--stock ${item}: ${problemText('species-cattle', cattleChoices(c, name, species), t)}` : t.ui.farm.noFactor(name),
    );
  // The bounds a livestock file's stock is checked against: a farm is no larger than a township.
  const implausible = implausibleStock(c, species ?? null, name, head);
  if (implausible) throw new UsageError(`--stock ${item}: ${problemText('stock-implausible', implausible, t)}`);
  return {
    // A name read as a species of the tables (水牛 → 肉牛 by the county's dictionary) is shown as read.
    species: species && species.species !== name ? `${name} → ${species.species}` : (species?.species ?? name),
    head,
    peFactor: factor ?? species!.peFactor!,
    solidShare: species?.solidShare ?? null,
    provenance: factor ? 'user' : species!.provenance,
    from: '--stock',
  };
}

/** `小麦=450` (kg per 亩) or `藜麦=200:2.5:0.4` with the N and P uptake per 100 kg of a crop the guide does not list. */
function parseCrop(item: string, c: Coefficients, t: Messages): FarmCropInput {
  const m = /^\s*([^=]+?)\s*=\s*([^:]+?)\s*(?::\s*([^:]+?)\s*:\s*(.+?)\s*)?$/.exec(item);
  const target = m ? positiveNumber(m[2]!) : undefined;
  if (!m || target === undefined) throw new UsageError(t.ui.farm.badCrop(item));
  const name = m[1]!;
  const index = cropIndex(c);
  const crop = index.get(name);
  if (m[3] !== undefined) {
    const n = positiveNumber(m[3]);
    const p = positiveNumber(m[4]!);
    if (n === undefined || p === undefined) throw new UsageError(t.ui.farm.badCrop(item));
    return {
      crop: crop?.crop ?? name,
      targetYieldPerMu: target,
      measure: crop?.measure ?? 'kg',
      uptake: { N: { value: n, provenance: 'user' }, P: { value: p, provenance: 'user' } },
    };
  }
  if (!crop) throw new UsageError(t.ui.farm.unknownCrop(name, index.nearest(name) ?? ''));
  // The yield checks of a crops file.
  const implausible = implausibleYield(crop, name, target);
  if (implausible) throw new UsageError(`--crop ${item}: ${problemText('yield-implausible', implausible, t)}`);
  return {
    crop: crop.crop,
    targetYieldPerMu: target,
    measure: crop.measure,
    uptake: {
      N: { value: crop.uptake.N.value, provenance: crop.uptake.N.provenance },
      P: { value: crop.uptake.P.value, provenance: crop.uptake.P.provenance },
    },
  };
}

/** What `landcap farm` is asked: the farm's stock (flags or a livestock file), its rotation, how its manure is handled. */
export interface FarmRequest extends Pick<RunRequest, 'params' | 'flags' | 'set' | 'local'> {
  /** `生猪=5000` or `兔=1200:0.15`. */
  readonly stock?: readonly string[];
  /** A livestock file of the farm's stock (no township column needed). */
  readonly livestock?: string;
  /** `小麦=450` or `藜麦=200:2.5:0.4`. */
  readonly crop?: readonly string[];
  readonly nRetention?: string;
  readonly pRetention?: string;
  readonly solidsSold?: boolean;
}

/**
 * A scale farm's land requirement: its stock and rotation read and checked as a livestock and a crops file's rows
 * are (a yield no crop reaches, a stock no township holds), then the method's steps for one 亩.
 */
export async function farmRun(request: FarmRequest, t: Messages): Promise<{ readonly result: FarmResult | undefined; readonly problems: readonly Problem[] }> {
  const params = await runParameters(request);
  const log = new ProblemLog();
  // The farm's names may be the county's own (docs/local.md): its dictionary is read first.
  const c = await tablesWith(request.local ?? params.local, log);
  if (log.hasErrors) return { result: undefined, problems: log.problems };
  const animals = (request.stock ?? []).map((s) => parseStock(s, c, t));
  if (request.livestock !== undefined) {
    let reader: LivestockReader | undefined;
    await readTable(
      await openInput(request.livestock, 'auto', log),
      'livestock',
      log,
      (row, header) => {
        const r = (reader ??= new LivestockReader(header, c, log, params.values.stockRatio)).read(row);
        if (r)
          animals.push({
            species: r.speciesName,
            head: r.stock,
            peFactor: r.peFactor,
            solidShare: r.species?.solidShare ?? null,
            provenance: r.peFactorProvenance,
            from: `${r.file}:${r.line}`,
          });
      },
      { optional: ['township'] },
    );
    if (log.hasErrors) return { result: undefined, problems: log.problems };
  }
  if (animals.length === 0) throw new UsageError(t.ui.farm.needStock);
  const crops = (request.crop ?? []).map((s) => parseCrop(s, c, t));
  if (crops.length === 0) throw new UsageError(t.ui.farm.needCrops);
  if (request.solidsSold) {
    const missing = animals.find((a) => !a.solidShare);
    if (missing) throw new UsageError(t.ui.farm.noSolidShare(missing.species));
  }
  const { parseParameterFlag } = await import('../params/check.js');
  const share = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    try {
      return parseParameterFlag('manureShare', text);
    } catch {
      throw new UsageError(t.ui.usage.share(flag));
    }
  };
  const retention = { N: share('--n-retention', request.nRetention), P: share('--p-retention', request.pRetention) };
  return { result: computeFarm(animals, crops, params, { solidsSold: request.solidsSold ?? false, retention }, c), problems: log.problems };
}
