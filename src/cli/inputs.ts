import type { Coefficients } from '../coefficients/coefficients.js';
import type { Messages } from '../i18n/en.js';
import { defaultParameters, fileLayer, flagLayer, resolveParameters, type ParameterSet } from '../params/params.js';
import type { Scenario } from '../scenario/scenario.js';
import { DEFAULT_SAMPLE, sample, sampleNames } from '../samples.js';
import type { NamedInput } from '../io/output.js';
import { UsageError } from './errors.js';
import { parameterFlags, setLayer, type InputOptions } from './options.js';

/** The input files of a run, by path. */
export interface InputPaths {
  readonly crops: string;
  readonly livestock: string;
  readonly soil?: string;
}

export interface ResolvedInputs {
  readonly files: InputPaths;
  readonly params: ParameterSet;
  /** The bundled sample used, if any. */
  readonly sample?: string;
  /** The scenario given with --scenario, if any. */
  readonly scenario?: Scenario;
  /** Every file the run reads, with the option that gave it: --output must not be one of them. */
  readonly named: readonly NamedInput[];
}

/**
 * The input files and parameters of a run: the files given, or a bundled sample with its parameters file;
 * then --params, then a scenario's parameters, then the parameter flags and --set.
 */
export async function resolveInputs(opts: InputOptions & Record<string, unknown>, c: Coefficients, t: Messages): Promise<ResolvedInputs> {
  const given = opts.crops !== undefined || opts.livestock !== undefined || opts.soil !== undefined;
  let files: InputPaths;
  let sampleParams: string | undefined;
  let sampleName: string | undefined;
  if (given) {
    if (opts.sample !== undefined) throw new UsageError(t.ui.usage.sampleWithFiles);
    if (opts.crops === undefined || opts.livestock === undefined) throw new UsageError(t.ui.usage.needBoth);
    files = { crops: opts.crops, livestock: opts.livestock, ...(opts.soil !== undefined ? { soil: opts.soil } : {}) };
  } else {
    sampleName = opts.sample ?? DEFAULT_SAMPLE;
    const s = sample(sampleName);
    if (!s) throw new UsageError(t.ui.usage.noSample(sampleName, sampleNames().join(', ')));
    files = { crops: s.crops, livestock: s.livestock, ...(s.soil ? { soil: s.soil } : {}) };
    sampleParams = s.params;
  }
  const paramsPath = opts.params ?? sampleParams;
  const fileValues = paramsPath === undefined ? undefined : fileLayer(paramsPath, await (await import('../params/load.js')).readParametersFile(paramsPath));
  const scenario = opts.scenario === undefined ? undefined : await (await import('../scenario/scenario.js')).readScenario(opts.scenario, c);
  const scenarioValues = scenario && fileLayer(scenario.path, scenario.parameters);
  const params = resolveParameters(defaultParameters(c), [fileValues, scenarioValues, flagLayer(await parameterFlags(opts)), await setLayer(opts.set)]);
  const named: NamedInput[] = [
    { path: files.crops, given: '--crops' },
    { path: files.livestock, given: '--livestock' },
    ...(files.soil !== undefined ? [{ path: files.soil, given: '--soil' }] : []),
    ...(paramsPath !== undefined ? [{ path: paramsPath, given: '--params' }] : []),
    ...(opts.scenario !== undefined ? [{ path: opts.scenario, given: '--scenario' }] : []),
  ];
  return { files, params, sample: sampleName, ...(scenario ? { scenario } : {}), named };
}
