import { coefficientTables, type CoefficientTable } from '../coefficients/listing.js';
import { loadCoefficients } from '../coefficients/load.js';

/** The coefficient tables in use, as loaded and checked, each row with its provenance; one table by name, or all. */
export async function coefficientListing(table?: string): Promise<CoefficientTable[]> {
  return coefficientTables(await loadCoefficients()).filter((t) => table === undefined || t.name === table);
}
