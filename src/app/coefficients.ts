import type { Coefficients } from '../coefficients/coefficients.js';
import { coefficientTables, type CoefficientTable } from '../coefficients/listing.js';
import { loadCoefficients } from '../coefficients/load.js';
import { openInput } from '../input/read.js';
import { ProblemLog, type Problem } from '../problems.js';

/** The tables a command works with: the guide's, with a county's local dictionary over them when one is given (docs/local.md). */
export async function tablesWith(local: string | undefined, log: ProblemLog): Promise<Coefficients> {
  const c = await loadCoefficients();
  if (local === undefined) return c;
  const { readLocal } = await import('../tally/dataset.js');
  return (await readLocal(await openInput(local, 'auto', log), c, log)).coefficients;
}

/**
 * The coefficient tables in use, as loaded and checked, each row with its provenance; one table by name, or all.
 * With a local dictionary, its values and names are in the tables (provenance local); with errors in it, no tables.
 */
export async function coefficientListing(
  table?: string,
  local?: string,
): Promise<{ readonly tables: CoefficientTable[] | undefined; readonly problems: readonly Problem[] }> {
  const log = new ProblemLog();
  const c = await tablesWith(local, log);
  if (log.hasErrors) return { tables: undefined, problems: log.problems };
  return { tables: coefficientTables(c).filter((t) => table === undefined || t.name === table), problems: log.problems };
}
