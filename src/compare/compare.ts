import { z } from 'zod';
import type { Balance } from '../method/balance.js';
import type { Report } from '../report/report.js';
import { SCHEMA_VERSION } from '../report/report.js';

/** What compare needs of a balance: from a report object, or from a report JSON file. */
export const balanceSummarySchema = z.object({
  name: z.string(),
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
  readonly total: ComparedBalance;
}

function summary(b: Balance | BalanceSummary): BalanceSummary {
  return { name: b.name, stockPe: b.stockPe, capacityPe: b.capacityPe, headroomPe: b.headroomPe, loadIndex: b.loadIndex, grade: b.grade, status: b.status };
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
  base: { label: string; report: Pick<Report, 'townships' | 'total'> | z.infer<typeof reportFileSchema> },
  scenario: { label: string; report: Pick<Report, 'townships' | 'total'> | z.infer<typeof reportFileSchema> },
): Comparison {
  const baseByName = new Map(base.report.townships.map((t) => [t.name, summary(t)]));
  const scenarioByName = new Map(scenario.report.townships.map((t) => [t.name, summary(t)]));
  const names = [...baseByName.keys(), ...[...scenarioByName.keys()].filter((n) => !baseByName.has(n))];
  return {
    schemaVersion: SCHEMA_VERSION,
    base: base.label,
    scenario: scenario.label,
    townships: names.map((n) => compareOne(n, baseByName.get(n) ?? null, scenarioByName.get(n) ?? null)),
    total: compareOne('TOTAL', summary(base.report.total), summary(scenario.report.total)),
  };
}
