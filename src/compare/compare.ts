import { z } from 'zod';
import type { Balance } from '../method/balance.js';
import type { Report } from '../report/report.js';
import { SCHEMA_VERSION } from '../report/report.js';
import { REGION_LEVELS, type RegionLevel } from '../report/regions.js';

/** What compare needs of a balance: from a report object, or from a report JSON file. */
export const balanceSummarySchema = z.object({
  name: z.string(),
  county: z.string().optional(),
  city: z.string().optional(),
  stockPe: z.number(),
  capacityPe: z.number(),
  headroomPe: z.number(),
  loadIndex: z.number().nullable(),
  grade: z.string().nullable(),
  status: z.enum(['ok', 'warning', 'overloaded', 'no-land']),
});
export type BalanceSummary = z.infer<typeof balanceSummarySchema>;

/** A report JSON file as compare reads it (`landcap report --format json`). */
export const reportFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  basis: z.enum(['N', 'P', 'both']),
  townships: z.array(balanceSummarySchema),
  regions: z.array(balanceSummarySchema.extend({ level: z.enum(REGION_LEVELS), parent: z.string().optional() })).optional(),
  total: balanceSummarySchema,
});

export interface Change {
  readonly stockPe: number;
  readonly capacityPe: number;
  readonly headroomPe: number;
  /** null when either side has no load index. */
  readonly loadIndex: number | null;
}

export interface ComparedBalance {
  readonly name: string;
  /** A township's county and city, where the reports give them. */
  readonly county?: string;
  readonly city?: string;
  /** For a county's or city's subtotal: its level, and a county's city. */
  readonly level?: RegionLevel;
  readonly parent?: string;
  /** null when the township is only in the other report. */
  readonly base: BalanceSummary | null;
  readonly scenario: BalanceSummary | null;
  readonly change: Change | null;
  readonly statusChanged: boolean;
}

export interface Comparison {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly base: string;
  readonly scenario: string;
  readonly townships: readonly ComparedBalance[];
  /** Each county and city of either report, where they give regions. */
  readonly regions?: readonly ComparedBalance[];
  readonly total: ComparedBalance;
}

function summary(b: Balance | BalanceSummary): BalanceSummary {
  return { name: b.name, stockPe: b.stockPe, capacityPe: b.capacityPe, headroomPe: b.headroomPe, loadIndex: b.loadIndex, grade: b.grade, status: b.status };
}

/** A balance as compare matches it across the two reports, and what names it: a township by its county and city too. */
type Summarised = BalanceSummary & { readonly level?: RegionLevel; readonly parent?: string };

const identity = (b: Summarised) => [b.level ?? '', b.parent ?? '', b.city ?? '', b.county ?? '', b.name].join('\u0000');

const placeOf = (b: Summarised) => ({
  ...(b.county === undefined ? {} : { county: b.county }),
  ...(b.city === undefined ? {} : { city: b.city }),
  ...(b.level === undefined ? {} : { level: b.level }),
  ...(b.parent === undefined ? {} : { parent: b.parent }),
});

/** Each balance of either list, matched by identity: the base's order, then the scenario's new ones. */
function compareAll(base: readonly Summarised[], scenario: readonly Summarised[]): ComparedBalance[] {
  const baseById = new Map(base.map((b) => [identity(b), b]));
  const scenarioById = new Map(scenario.map((b) => [identity(b), b]));
  const ids = [...baseById.keys(), ...[...scenarioById.keys()].filter((n) => !baseById.has(n))];
  return ids.map((id) => {
    const b = baseById.get(id);
    const s = scenarioById.get(id);
    return { ...compareOne((b ?? s)!.name, b ? summary(b) : null, s ? summary(s) : null), ...placeOf((b ?? s)!) };
  });
}

function compareOne(name: string, base: BalanceSummary | null, scenario: BalanceSummary | null): ComparedBalance {
  const change =
    base && scenario
      ? {
          stockPe: scenario.stockPe - base.stockPe,
          capacityPe: scenario.capacityPe - base.capacityPe,
          headroomPe: scenario.headroomPe - base.headroomPe,
          loadIndex: base.loadIndex === null || scenario.loadIndex === null ? null : scenario.loadIndex - base.loadIndex,
        }
      : null;
  return { name, base, scenario, change, statusChanged: base?.status !== scenario?.status };
}

/** Township by township differences between two reports (scenario − base), in the base's order, then the new ones. */
export function compareReports(
  base: { label: string; report: Pick<Report, 'townships' | 'regions' | 'total'> | z.infer<typeof reportFileSchema> },
  scenario: { label: string; report: Pick<Report, 'townships' | 'regions' | 'total'> | z.infer<typeof reportFileSchema> },
): Comparison {
  const regions = compareAll(base.report.regions ?? [], scenario.report.regions ?? []);
  return {
    schemaVersion: SCHEMA_VERSION,
    base: base.label,
    scenario: scenario.label,
    townships: compareAll(base.report.townships, scenario.report.townships),
    ...(regions.length > 0 ? { regions } : {}),
    total: compareOne('TOTAL', summary(base.report.total), summary(scenario.report.total)),
  };
}
