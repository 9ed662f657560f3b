import type { Messages } from '../../i18n/en.js';
import { Command, Option } from 'commander';
import { loadCoefficients } from '../../coefficients/load.js';
import type { Coefficients } from '../../coefficients/coefficients.js';
import { openInput, readTable } from '../../input/read.js';
import { computeFarm, type FarmAnimalInput, type FarmCropInput } from '../../farm/farm.js';
import { renderFarm } from '../../farm/render.js';
import { cropIndex, implausibleYield } from '../../input/crops.js';
import { problemText } from '../../i18n/index.js';
import { LivestockReader, implausibleStock, speciesIndex } from '../../input/livestock.js';
import { parseFraction } from '../../method/pig-equivalent.js';
import { readParametersFile } from '../../params/load.js';
import { parseParameterFlag } from '../../params/check.js';
import { defaultParameters, fileLayer, flagLayer, resolveParameters } from '../../params/params.js';
import { ProblemLog } from '../../problems.js';
import type { Context } from '../context.js';
import { DataFailure, UsageError } from '../errors.js';
import { addExamples, addParameterOptions, collect, parameterFlags, setLayer } from '../options.js';
import { failureSummary } from './report.js';

interface FarmOptions {
  readonly stock?: string[];
  readonly livestock?: string;
  readonly crop?: string[];
  readonly params?: string;
  readonly set?: string[];
  readonly nRetention?: string;
  readonly pRetention?: string;
  readonly solidsSold?: boolean;
  readonly format: 'text' | 'table' | 'json' | 'md';
  readonly output?: string;
}

const positiveNumber = (text: string) => {
  const v = Number(text.trim());
  return Number.isFinite(v) && v > 0 && text.trim() !== '' ? v : undefined;
};

/** `生猪=5000` or `兔=1200:0.15`: a species of the guide, or any species with its PE factor. */
function parseStock(item: string, c: Coefficients, ctx: Context): FarmAnimalInput {
  const m = /^\s*([^=]+?)\s*=\s*([^:]+?)\s*(?::\s*(.+?)\s*)?$/.exec(item);
  const head = m ? positiveNumber(m[2]!) : undefined;
  if (!m || head === undefined) throw new UsageError(ctx.t.ui.farm.badStock(item));
  const name = m[1]!;
  const index = speciesIndex(c);
  const species = index.get(name);
  const factor = m[3] === undefined ? undefined : parseFraction(m[3]);
  if (m[3] !== undefined && (!factor || factor.numerator <= 0)) throw new UsageError(ctx.t.ui.farm.badStock(item));
  if (!species && !factor) throw new UsageError(ctx.t.ui.farm.unknownSpecies(name, index.nearest(name) ?? ''));
  if (species && !species.peFactor && !factor) throw new UsageError(ctx.t.ui.farm.noFactor(name));
  // The bounds a livestock file's stock is checked against: a farm is no larger than a township.
  const implausible = implausibleStock(c, species ?? null, name, head);
  if (implausible) throw new UsageError(`--stock ${item}: ${problemText('stock-implausible', implausible, ctx.t)}`);
  return {
    species: species?.species ?? name,
    head,
    peFactor: factor ?? species!.peFactor!,
    solidShare: species?.solidShare ?? null,
    provenance: factor ? 'user' : species!.provenance,
    from: '--stock',
  };
}

/** `小麦=450` (kg per 亩) or `藜麦=200:2.5:0.4` with the N and P uptake per 100 kg of a crop the guide does not list. */
function parseCrop(item: string, c: Coefficients, ctx: Context): FarmCropInput {
  const m = /^\s*([^=]+?)\s*=\s*([^:]+?)\s*(?::\s*([^:]+?)\s*:\s*(.+?)\s*)?$/.exec(item);
  const target = m ? positiveNumber(m[2]!) : undefined;
  if (!m || target === undefined) throw new UsageError(ctx.t.ui.farm.badCrop(item));
  const name = m[1]!;
  const index = cropIndex(c);
  const crop = index.get(name);
  if (m[3] !== undefined) {
    const n = positiveNumber(m[3]);
    const p = positiveNumber(m[4]!);
    if (n === undefined || p === undefined) throw new UsageError(ctx.t.ui.farm.badCrop(item));
    return {
      crop: crop?.crop ?? name,
      targetYieldPerMu: target,
      measure: crop?.measure ?? 'kg',
      uptake: { N: { value: n, provenance: 'user' }, P: { value: p, provenance: 'user' } },
    };
  }
  if (!crop) throw new UsageError(ctx.t.ui.farm.unknownCrop(name, index.nearest(name) ?? ''));
  // The yield checks of a crops file.
  const implausible = implausibleYield(crop, name, target);
  if (implausible) throw new UsageError(`--crop ${item}: ${problemText('yield-implausible', implausible, ctx.t)}`);
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

export async function run(context: () => Context, opts: FarmOptions & Record<string, unknown>): Promise<void> {
  const ctx = context();
  const c = await loadCoefficients();
  const fileParams = opts.params === undefined ? undefined : fileLayer(opts.params, await readParametersFile(opts.params));
  const params = resolveParameters(defaultParameters(c), [fileParams, flagLayer(await parameterFlags(opts)), await setLayer(opts.set)]);
  await ctx.checkOutput(opts.output, [
    ...(opts.livestock !== undefined ? [{ path: opts.livestock, given: '--livestock' }] : []),
    ...(opts.params !== undefined ? [{ path: opts.params, given: '--params' }] : []),
  ]);
  const animals = (opts.stock ?? []).map((s) => parseStock(s, c, ctx));
  if (opts.livestock !== undefined) {
    const log = new ProblemLog();
    let reader: LivestockReader | undefined;
    await readTable(
      await openInput(opts.livestock, 'auto', log),
      'livestock',
      log,
      (row, header) => {
        reader ??= new LivestockReader(header, c, log, params.values.stockRatio);
        const r = reader.read(row);
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
    ctx.printProblems(log.problems);
    if (log.hasErrors) throw new DataFailure(failureSummary(log.problems, ctx));
  }
  if (animals.length === 0) throw new UsageError(ctx.t.ui.farm.needStock);
  const crops = (opts.crop ?? []).map((s) => parseCrop(s, c, ctx));
  if (crops.length === 0) throw new UsageError(ctx.t.ui.farm.needCrops);
  if (opts.solidsSold) {
    const missing = animals.find((a) => !a.solidShare);
    if (missing) throw new UsageError(ctx.t.ui.farm.noSolidShare(missing.species));
  }
  const share = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    try {
      return parseParameterFlag('manureShare', text);
    } catch {
      throw new UsageError(ctx.t.ui.usage.share(flag));
    }
  };
  const result = computeFarm(
    animals,
    crops,
    params,
    { solidsSold: opts.solidsSold ?? false, retention: { N: share('--n-retention', opts.nRetention), P: share('--p-retention', opts.pRetention) } },
    c,
  );
  const text = renderFarm(result, opts.format, ctx.t, ctx.chalk);
  await ctx.emit(opts.output, text);
}
