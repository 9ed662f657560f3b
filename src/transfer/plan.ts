/**
 * The transfer plan as landcap writes it (docs/transfer.md): its flows between townships, each township's surplus,
 * what it sends, receives and cannot place, and its load index before and after; every renderer is fed this object.
 */
import { loadIndexAfter, planTotals, reachableArcs, surplusAndHeadroom, unplacedReason, type TransferSite, type UnplacedReason } from '../method/transfer.js';
import type { Balance } from '../method/balance.js';
import type { Status } from '../method/types.js';
import type { Report } from '../report/report.js';
import { SCHEMA_VERSION } from '../report/report.js';
import type { PlaceRow } from '../input/places.js';
import { townshipKey, type TownshipIndex } from '../input/township.js';
import { solveTransfer } from './solve.js';

/** A township of a flow: its name, and its county and city where the data give them. */
export interface FlowEnd {
  readonly name: string;
  readonly county?: string;
  readonly city?: string;
}

/** A flow: from and to by name, with their counties and cities where the data give them (as the JSON writes it). */
export interface TransferFlow {
  readonly from: string;
  readonly to: string;
  readonly fromCounty?: string;
  readonly fromCity?: string;
  readonly toCounty?: string;
  readonly toCity?: string;
  /** Pig equivalents a year. */
  readonly pe: number;
  readonly km: number;
}

export interface TransferTownship extends FlowEnd {
  readonly stockPe: number;
  readonly capacityPe: number;
  readonly surplusPe: number;
  readonly headroomPe: number;
  readonly sentPe: number;
  readonly receivedPe: number;
  readonly unplacedPe: number;
  /** Why some surplus stays, when some does. */
  readonly unplacedReason?: UnplacedReason;
  readonly loadIndexBefore: number | null;
  readonly loadIndexAfter: number | null;
  /** The report's status of the township, before the plan. */
  readonly status: Status;
  /** Whether the places file (or the map) gives its location. */
  readonly located: boolean;
}

export interface TransferPlan {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly maxKm: number;
  readonly flows: readonly TransferFlow[];
  readonly townships: readonly TransferTownship[];
  readonly total: { readonly surplusPe: number; readonly placedPe: number; readonly unplacedPe: number; readonly peKm: number };
}

const end = (b: Balance): FlowEnd => ({
  name: b.name,
  ...(b.county === undefined ? {} : { county: b.county }),
  ...(b.city === undefined ? {} : { city: b.city }),
});

/** The plan for a report's townships at the places given: the most placed within `maxKm`, then the least PE × km. */
export async function transferPlan(report: Report, places: TownshipIndex<PlaceRow>, maxKm: number): Promise<TransferPlan> {
  const sites: TransferSite[] = report.townships.map((b) => {
    const at = places.of(townshipKey(b.name, b.county ?? '', b.city ?? ''))?.at;
    return { ...surplusAndHeadroom(b.stockPe, b.capacityPe), ...(at ? { at } : {}) };
  });
  const arcs = reachableArcs(sites, maxKm);
  const pairs = new Array<number>(sites.length).fill(0);
  for (const a of arcs) pairs[a.from]!++;
  const flows = await solveTransfer(sites, arcs);
  const totals = planTotals(sites, flows);
  const unplacedPe = totals.unplacedPe.reduce((a, b) => a + b, 0);
  return {
    schemaVersion: SCHEMA_VERSION,
    maxKm,
    flows: flows.map((f) => {
      const [a, b] = [report.townships[f.from]!, report.townships[f.to]!];
      return {
        from: a.name,
        to: b.name,
        ...(a.county === undefined ? {} : { fromCounty: a.county }),
        ...(a.city === undefined ? {} : { fromCity: a.city }),
        ...(b.county === undefined ? {} : { toCounty: b.county }),
        ...(b.city === undefined ? {} : { toCity: b.city }),
        pe: f.pe,
        km: f.km,
      };
    }),
    townships: report.townships.map((b, i) => ({
      ...end(b),
      stockPe: b.stockPe,
      capacityPe: b.capacityPe,
      surplusPe: sites[i]!.surplusPe,
      headroomPe: sites[i]!.headroomPe,
      sentPe: totals.sentPe[i]!,
      receivedPe: totals.receivedPe[i]!,
      unplacedPe: totals.unplacedPe[i]!,
      // A billionth of the surplus is the solver's rounding, not surplus kept.
      ...(totals.unplacedPe[i]! > 1e-9 * sites[i]!.surplusPe ? { unplacedReason: unplacedReason(sites[i]!, pairs[i]!) } : {}),
      loadIndexBefore: b.loadIndex,
      loadIndexAfter: loadIndexAfter(b.stockPe, b.capacityPe, totals.sentPe[i]!, totals.receivedPe[i]!),
      status: b.status,
      located: sites[i]!.at !== undefined,
    })),
    total: { surplusPe: totals.surplusPe, placedPe: totals.placedPe, unplacedPe, peKm: totals.peKm },
  };
}
