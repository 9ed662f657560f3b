/**
 * The transfer plan solved exactly as a linear programme by HiGHS (the `highs` package: HiGHS compiled to
 * WebAssembly, loaded only here). One variable per pair within reach (x ≥ 0, PE a year); a row per township with
 * surplus (Σ sent ≤ surplus) and one per township with headroom (Σ received ≤ headroom). The two aims — the most PE
 * placed, then the least PE × km — are one objective: maximise Σ (M − km) x, with M larger than the km of any chain
 * of changes that places one more PE, so that no saving of km outweighs a PE placed. docs/transfer.md works a case by
 * hand and gives the bound.
 */
import { createRequire } from 'node:module';
import type { Arc, Flow, TransferSite } from '../method/transfer.js';

/** Flows below this share of the placed total are the solver's rounding, not a plan's flow. */
const NEGLIGIBLE = 1e-12;

type Highs = Awaited<ReturnType<(typeof import('highs'))['default']>>;

/**
 * The pairs within reach in groups that share no township: each group is a plan of its own (a county's townships do
 * not compete with another province's), and a country's townships are many small programmes, not one large one.
 */
function groupsOf(arcs: readonly Arc[]): Arc[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const a of arcs) {
    const [x, y] = [find(a.from), find(a.to)];
    if (x !== y) parent.set(x, y);
  }
  const groups = new Map<number, Arc[]>();
  for (const a of arcs) {
    const g = find(a.from);
    const list = groups.get(g);
    if (list) list.push(a);
    else groups.set(g, [a]);
  }
  return [...groups.values()];
}

/** The plan's flows over `arcs` (reachableArcs): the most placed, then the least PE × km. */
export async function solveTransfer(sites: readonly TransferSite[], arcs: readonly Arc[]): Promise<Flow[]> {
  if (arcs.length === 0) return [];
  // Required where it is installed, not bundled: its WebAssembly file lies beside it.
  const loadHighs = createRequire(import.meta.url)('highs') as (typeof import('highs'))['default'];
  const highs = await loadHighs();
  return groupsOf(arcs).flatMap((group) => solveGroup(highs, sites, group));
}

/** One group's plan. */
function solveGroup(highs: Highs, sites: readonly TransferSite[], arcs: readonly Arc[]): Flow[] {
  // Rows: each sender, then each receiver, that an arc touches.
  const rowOf = new Map<string, number>();
  const rowUpper: number[] = [];
  const row = (kind: 's' | 'r', site: number) => {
    const key = `${kind}${site}`;
    let r = rowOf.get(key);
    if (r === undefined) {
      rowOf.set(key, (r = rowUpper.length));
      rowUpper.push(kind === 's' ? sites[site]!.surplusPe : sites[site]!.headroomPe);
    }
    return r;
  };
  // Each column (arc) has a 1 in its sender's row and in its receiver's: compressed sparse columns.
  const starts = new Int32Array(arcs.length + 1);
  const indices = new Int32Array(arcs.length * 2);
  arcs.forEach((a, j) => {
    starts[j + 1] = 2 * (j + 1);
    const [s, r] = [row('s', a.from), row('r', a.to)];
    indices.set(s < r ? [s, r] : [r, s], 2 * j);
  });
  const n = arcs.length;
  // A PE placed is worth more than any saving of km: placing one more PE changes the flows along a chain that uses
  // each sender at most once, so it adds at most (senders or receivers, the fewer, + 1) × the farthest pair's km.
  const senders = new Set(arcs.map((a) => a.from)).size;
  const receivers = new Set(arcs.map((a) => a.to)).size;
  const M = (Math.min(senders, receivers) + 1) * arcs.reduce((max, a) => Math.max(max, a.km), 0) + 1;
  const model = {
    numCols: n,
    numRows: rowUpper.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(arcs, (a) => M - a.km),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(highs.infinity),
    rowLower: new Float64Array(rowUpper.length),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csc' as const, numRows: rowUpper.length, numCols: n, starts, indices, values: new Float64Array(2 * n).fill(1) },
  };
  const values = highs.withModel(model, (m) => {
    m.options.set({ output_flag: false });
    const status = m.run().modelStatus;
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`the transfer plan's solver ended with status ${status}`);
    return Float64Array.from(m.getSolution().colValue);
  });
  const total = values.reduce((a, b) => a + b, 0);
  const flows: Flow[] = [];
  arcs.forEach((a, j) => {
    const pe = values[j]!;
    if (pe > NEGLIGIBLE * total) flows.push({ from: a.from, to: a.to, pe, km: a.km });
  });
  return flows;
}
