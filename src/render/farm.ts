import type { Messages } from '../i18n/en.js';
import { NUTRIENTS } from '../method/types.js';
import { blocksToMarkdown, blocksToText, type Block } from './blocks.js';
import { formatFine, formatNumber, formatShare } from './format.js';
import { sourceText } from './notes.js';
import type { FarmResult } from '../farm/farm.js';
import type { RenderContext } from './context.js';

const n2 = (v: number) => (Number.isFinite(v) ? formatNumber(v, 2) : '∞');

function blocks(f: FarmResult, t: Messages): Block[] {
  const x = t.ui.farm;
  const prov = (p: keyof Messages['ui']['provenanceNames']) => t.ui.provenanceNames[p];
  const out: Block[] = [{ kind: 'heading', text: x.title(f.solidsSold) }];
  out.push({ kind: 'heading', text: x.supply });
  out.push({
    kind: 'table',
    head: [x.species, x.head, x.peFactor, x.pe, x.supply_(`N`), x.supply_(`P`)],
    numeric: [false, true, false, true, true, true],
    rows: f.animals.map((a) => [
      a.species,
      formatNumber(a.head, Number.isInteger(a.head) ? 0 : 2),
      `${a.peFactor} [${prov(a.provenance)}]`,
      n2(a.pe),
      n2(a.supplyKg.N),
      n2(a.supplyKg.P),
    ]),
  });
  for (const n of NUTRIENTS) {
    const r = f.nutrients[n];
    const liquid = f.solidsSold ? ` × ${x.liquid}` : '';
    out.push({
      kind: 'line',
      text: x.supplyLine(
        n,
        String(r.excretionPerPeKg),
        r.retentionAs,
        r.retentionFrom === 'default' ? x.retentionDefault : x.retentionGiven,
        liquid,
        n2(r.supplyKg),
      ),
    });
  }
  out.push({ kind: 'heading', text: x.demand });
  out.push({
    kind: 'table',
    head: [x.crop, x.targetYield, x.uptake('N'), x.perMu('N'), x.uptake('P'), x.perMu('P')],
    numeric: [false, true, false, true, false, true],
    rows: f.crops.map((c) => [
      c.crop,
      `${formatNumber(c.targetYieldPerMu, 2)} ${c.measure === 'm3' ? 'm³' : 'kg'}`,
      `${c.uptake.N.value} [${prov(c.uptake.N.provenance)}]`,
      formatFine(c.uptake.N.perMuKg),
      `${c.uptake.P.value} [${prov(c.uptake.P.provenance)}]`,
      formatFine(c.uptake.P.perMuKg),
    ]),
  });
  for (const n of NUTRIENTS) {
    const r = f.nutrients[n];
    out.push({
      kind: 'line',
      text: x.demandLine(
        n,
        formatFine(r.uptakePerMuKg),
        f.soilGrade,
        formatShare(r.fertilisationShare),
        formatShare(r.manureShare),
        formatShare(r.useRate),
        formatFine(r.demandPerMuKg),
      ),
    });
  }
  out.push({ kind: 'heading', text: x.land });
  for (const n of NUTRIENTS) {
    const r = f.nutrients[n];
    out.push({ kind: 'line', text: x.landLine(n, n2(r.supplyKg), formatFine(r.demandPerMuKg), n2(r.landMu), n2(r.landHa)) });
  }
  out.push({ kind: 'line', text: x.result(f.limitingNutrient, n2(f.landMu), n2(f.landHa)) });
  out.push({ kind: 'heading', text: t.ui.parametersHeading });
  for (const name of ['soilGrade', 'manureShare', 'nUseRate', 'pUseRate', 'nSupplyPerPe', 'pSupplyPerPe'] as const) {
    const v = f.parameters[name];
    out.push({
      kind: 'line',
      text: `${t.ui.label(t.ui.parameterNames[name], typeof v === 'number' && name !== 'nSupplyPerPe' && name !== 'pSupplyPerPe' ? formatShare(v) : String(v))}${t.ui.paren(sourceText(f.parameterSources[name], t))}`,
    });
  }
  return out;
}

export function renderFarm(f: FarmResult, format: string, { t, chalk }: RenderContext): string {
  if (format === 'json') return `${JSON.stringify(f, (_k, v) => (v === Infinity ? null : v), 2)}\n`;
  return format === 'md' ? blocksToMarkdown(blocks(f, t)) : blocksToText(blocks(f, t), chalk);
}
