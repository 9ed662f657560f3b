// An independent solver of the transfer plan for the tests: the textbook min-cost max-flow, written without the
// project's LP solver.
import type { Arc, TransferSite } from '../src/method/transfer.js';

/**
 * An independent solver: the most flow from senders to receivers, at the least cost, by successive shortest paths
 * (Bellman–Ford on the residual network) — the textbook min-cost max-flow, written here without the solver's LP.
 */
export function minCostMaxFlow(sites: readonly TransferSite[], arcs: readonly Arc[]): { placed: number; cost: number } {
  const n = sites.length + 2;
  const [source, sink] = [sites.length, sites.length + 1];
  const edges: { to: number; cap: number; cost: number; rev: number }[][] = Array.from({ length: n }, () => []);
  const add = (a: number, b: number, cap: number, cost: number) => {
    edges[a]!.push({ to: b, cap, cost, rev: edges[b]!.length });
    edges[b]!.push({ to: a, cap: 0, cost: -cost, rev: edges[a]!.length - 1 });
  };
  const total = sites.reduce((t, s) => t + s.surplusPe, 0);
  for (const [i, s] of sites.entries()) {
    if (s.surplusPe > 0) add(source, i, s.surplusPe, 0);
    if (s.headroomPe > 0) add(i, sink, s.headroomPe, 0);
  }
  for (const a of arcs) add(a.from, a.to, total, a.km);
  const eps = 1e-9 * Math.max(1, total);
  let placed = 0;
  let cost = 0;
  for (;;) {
    const dist = new Array<number>(n).fill(Infinity);
    const prev: ([number, number] | undefined)[] = new Array(n).fill(undefined);
    dist[source] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        edges[u]!.forEach((e, k) => {
          if (e.cap > eps && dist[u]! + e.cost < dist[e.to]! - 1e-12) {
            dist[e.to] = dist[u]! + e.cost;
            prev[e.to] = [u, k];
            changed = true;
          }
        });
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    let push = Infinity;
    for (let v = sink; v !== source; v = prev[v]![0]) push = Math.min(push, edges[prev[v]![0]]![prev[v]![1]]!.cap);
    for (let v = sink; v !== source; v = prev[v]![0]) {
      const e = edges[prev[v]![0]]![prev[v]![1]]!;
      e.cap -= push;
      edges[v]![e.rev]!.cap += push;
    }
    placed += push;
    cost += push * dist[sink]!;
  }
  return { placed, cost };
}
