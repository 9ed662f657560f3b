import { dirname, resolve } from 'node:path';
import { loadCoefficients } from '../coefficients/load.js';
import { INPUT_KINDS, type InputKind } from '../input/columns.js';
import type { Messages } from '../i18n/en.js';
import { ParameterError } from '../params/errors.js';
import {
  PARAMETERS,
  PARAMETER_NAMES,
  defaultParameters,
  fileLayer,
  flagLayer,
  resolveParameters,
  type ParameterLayer,
  type ParameterName,
  type ParameterSet,
  type Parameters,
} from '../params/params.js';
import { DEFAULT_SAMPLE, sample, sampleNames } from '../samples.js';
import type { Scenario } from '../scenario/scenario.js';
import { UsageError } from './errors.js';
import type { NamedInput } from './output.js';

/** The input files of a run, by path. */
export interface InputPaths {
  readonly crops: string;
  readonly livestock: string;
  readonly soil?: string;
  /** A county's local dictionary (docs/local.md): `--local`, or `"local"` in the parameters file. */
  readonly local?: string;
  /** The townships' locations (`--places`, docs/transfer.md). */
  readonly places?: string;
  /** A GeoJSON map of the townships (`--map`). */
  readonly map?: string;
}

/** What a run is asked for: its files (or a bundled sample), a parameters file, a scenario, parameter values as text. */
export interface RunRequest {
  readonly crops?: string;
  readonly livestock?: string;
  readonly soil?: string;
  readonly local?: string;
  readonly sample?: string;
  readonly params?: string;
  readonly scenario?: string;
  readonly places?: string;
  readonly map?: string;
  /** Parameter values as their flags give them (`--manure-share 40%`), by parameter name. */
  readonly flags?: Readonly<Partial<Record<ParameterName, string | readonly string[]>>>;
  /** `--set name=value` items. */
  readonly set?: readonly string[];
  /** `--sheet KIND=NAME` items: the sheet of a workbook to read for a kind. */
  readonly sheets?: readonly string[];
}

export interface ResolvedRun {
  readonly files: InputPaths;
  readonly params: ParameterSet;
  /** The bundled sample used, if any; `defaultSample` when it runs because no input was given at all. */
  readonly sample?: string;
  readonly defaultSample?: boolean;
  /** The sheet of a workbook to read for each kind (--sheet KIND=NAME). */
  readonly sheets: Partial<Record<InputKind, string>>;
  /** The scenario given, if any. */
  readonly scenario?: Scenario;
  /** Every file the run reads, with the option that gave it: an output must not be one of them. */
  readonly named: readonly NamedInput[];
}

/** The parameter values given as flag texts, parsed and checked (ParameterError names the flag). */
async function flagValues(flags: RunRequest['flags']): Promise<Partial<Parameters>> {
  const given = PARAMETER_NAMES.filter((name) => flags?.[name] !== undefined);
  // The schemas load only when a parameter flag is given.
  if (given.length === 0) return {};
  const { parseParameterFlag } = await import('../params/check.js');
  const values: Record<string, unknown> = {};
  for (const name of given) values[name] = parseParameterFlag(name, flags![name] as string | string[]);
  return values as Partial<Parameters>;
}

/** `--set manureShare=0.45` or `--set manure-share=45%`: any parameter by its name or its flag's. */
async function setLayer(items: readonly string[] | undefined): Promise<ParameterLayer | undefined> {
  if (!items || items.length === 0) return undefined;
  const { parseParameterFlag } = await import('../params/check.js');
  const values: Record<string, unknown> = {};
  for (const item of items) {
    const m = /^\s*([A-Za-z-]+)\s*=(.*)$/.exec(item);
    const name = m && PARAMETER_NAMES.find((n) => n === m[1] || PARAMETERS[n].flag === `--${m[1]!.toLowerCase()}`);
    if (!m || !name) throw new ParameterError('--set', 'set-syntax', { text: item, names: PARAMETER_NAMES.join(', ') });
    try {
      const value = parseParameterFlag(name, m[2]!.trim());
      values[name] = PARAMETERS[name].kind === 'ratios' ? { ...(values[name] as object), ...(value as object) } : value;
    } catch (error) {
      if (error instanceof ParameterError) throw new ParameterError(`--set ${name}`, error.code, error.args);
      throw error;
    }
  }
  return { values: values as Partial<Parameters>, source: (name) => ({ from: 'flag', flag: `--set ${name}` }) };
}

/**
 * The parameters of a run: the defaults, then a parameters file, then a scenario's parameters, then the flags and
 * --set, later layers winning, each value with where it came from.
 */
export async function runParameters(
  request: Pick<RunRequest, 'params' | 'flags' | 'set'>,
  scenario?: Scenario,
): Promise<ParameterSet & { readonly local?: string }> {
  const c = await loadCoefficients();
  const fileValues = request.params === undefined ? undefined : await (await import('../params/load.js')).readParametersFile(request.params);
  const set = resolveParameters(defaultParameters(c), [
    fileValues && fileLayer(request.params!, fileValues),
    scenario && fileLayer(scenario.path, scenario.parameters),
    flagLayer(await flagValues(request.flags)),
    await setLayer(request.set),
  ]);
  // A parameters file names its local dictionary relative to itself: the two are kept side by side.
  return fileValues?.local === undefined ? set : { ...set, local: resolve(dirname(request.params!), fileValues.local) };
}

/** A bundled sample's files, or a usage error listing the samples. */
export function sampleFiles(name: string, t: Messages): InputPaths & { readonly params?: string } {
  const s = sample(name);
  if (!s) throw new UsageError(t.ui.usage.noSample(name, sampleNames().join(', ')));
  return { crops: s.crops, livestock: s.livestock, ...(s.soil ? { soil: s.soil } : {}), ...(s.params ? { params: s.params } : {}) };
}

/** The files and parameters of a run: the files given, or a bundled sample with its parameters file. */
export async function resolveRun(request: RunRequest, t: Messages): Promise<ResolvedRun> {
  const given = request.crops !== undefined || request.livestock !== undefined || request.soil !== undefined;
  let files: InputPaths;
  let sampleParams: string | undefined;
  let sampleName: string | undefined;
  if (given) {
    if (request.sample !== undefined) throw new UsageError(t.ui.usage.sampleWithFiles);
    if (request.crops === undefined || request.livestock === undefined) throw new UsageError(t.ui.usage.needBoth);
    files = { crops: request.crops, livestock: request.livestock, ...(request.soil !== undefined ? { soil: request.soil } : {}) };
  } else {
    sampleName = request.sample ?? DEFAULT_SAMPLE;
    const { params, ...sampled } = sampleFiles(sampleName, t);
    files = sampled;
    sampleParams = params;
  }
  const paramsPath = request.params ?? sampleParams;
  const scenario = request.scenario === undefined ? undefined : await (await import('../scenario/scenario.js')).readScenario(request.scenario);
  const params = await runParameters({ ...request, params: paramsPath }, scenario);
  const local = request.local ?? params.local;
  if (local !== undefined) files = { ...files, local };
  if (request.places !== undefined) files = { ...files, places: request.places };
  if (request.map !== undefined) {
    if (/\.(csv|txt|xlsx|xls|et)$/i.test(request.map)) throw new UsageError(t.ui.usage.mapNotTable(request.map));
    files = { ...files, map: request.map };
  }
  const named: NamedInput[] = [
    { path: files.crops, given: '--crops' },
    { path: files.livestock, given: '--livestock' },
    ...(files.soil !== undefined ? [{ path: files.soil, given: '--soil' }] : []),
    ...(paramsPath !== undefined ? [{ path: paramsPath, given: '--params' }] : []),
    ...(local !== undefined ? [{ path: local, given: request.local !== undefined ? '--local' : paramsPath! }] : []),
    ...(request.scenario !== undefined ? [{ path: request.scenario, given: '--scenario' }] : []),
    ...(request.places !== undefined ? [{ path: request.places, given: '--places' }] : []),
    ...(request.map !== undefined ? [{ path: request.map, given: '--map' }] : []),
  ];
  return {
    files,
    params,
    sheets: sheetChoices(request.sheets, t),
    ...(sampleName ? { sample: sampleName, defaultSample: request.sample === undefined } : {}),
    ...(scenario ? { scenario } : {}),
    named,
  };
}

/** `--sheet crops=农作物`: the sheet of a workbook each kind is read from. */
export function sheetChoices(items: readonly string[] | undefined, t: Messages): Partial<Record<InputKind, string>> {
  const sheets: Partial<Record<InputKind, string>> = {};
  for (const item of items ?? []) {
    const m = /^\s*([A-Za-z]+)\s*=(.+)$/.exec(item);
    const kind = m && INPUT_KINDS.find((k) => k === m[1]!.toLowerCase());
    if (!m || !kind) throw new UsageError(t.ui.usage.sheetSyntax(item, INPUT_KINDS.join(', ')));
    sheets[kind] = m[2]!.trim();
  }
  return sheets;
}
