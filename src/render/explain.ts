import type { Provenance } from '../coefficients/schema.js';
import type { Messages } from '../i18n/en.js';
import type { SoilGradeSource } from '../method/soil-grade.js';
import { basisNutrients } from '../method/types.js';
import { formatIndex, formatNumber, formatShare } from './format.js';
import { sourceText } from './notes.js';
import { blocksToMarkdown, blocksToText, type Block } from './blocks.js';
import type { Explanation } from '../explain/explain.js';
import type { RenderContext } from './context.js';
import type { Lang } from '../i18n/index.js';
import { placeName } from './columns.js';

const kg = (v: number) => formatNumber(v, 2);

function gradeSource(s: SoilGradeSource, t: Messages): string {
  if (s.from === 'parameter') return t.ui.explain.gradeDefault;
  const place = `${s.file}:${s.line}`;
  return s.measured === undefined ? t.ui.explain.gradeFromSoil(place) : t.ui.explain.gradeMeasured(place, `${s.measured} ${s.unit}`, s.gradedAs!);
}

/** The local dictionary's values and names a township's rows used, each once, with its source; '' when none. */
function localSources(items: readonly string[]): string {
  return [...new Set(items)].join('; ');
}

function blocks(e: Explanation, t: Messages, lang: Lang, loadMeaning: (grade: string) => string): Block[] {
  const x = t.ui.explain;
  const nutrients = basisNutrients(e.basis);
  const prov = (p: Provenance) => t.ui.provenanceNames[p];
  const out: Block[] = [{ kind: 'heading', text: x.title(e.county === undefined ? e.township : `${e.county} ${e.township}`, t.ui.basisName[e.basis]) }];
  for (const n of nutrients) {
    const en = e.nutrients[n]!;
    out.push({ kind: 'heading', text: x.cropDemand(n) });
    if (e.crops[0]) out.push({ kind: 'line', text: x.rowsOf(e.crops[0].file) });
    out.push({
      kind: 'table',
      head: [x.line, x.crop, x.production, x.uptake(n), x.demand(n), x.soilGrade],
      numeric: [true, false, true, false, true, false],
      rows: e.crops.map((c) => {
        const u = c.nutrients[n]!;
        const name = c.cropAsWritten === c.crop ? c.crop : `${c.cropAsWritten} → ${c.crop}`;
        const production = `${kg(c.production)} ${c.measure === 'm3' ? 'm³' : 'kg'}${c.productionFrom === 'area-yield' ? t.ui.paren(x.fromAreaYield) : ''}${c.productionInFile !== undefined ? t.ui.paren(x.scenarioChanged(kg(c.productionInFile))) : ''}`;
        return [
          c.line === 0 ? x.scenarioRow : String(c.line),
          name,
          production,
          `${u.uptake} [${prov(u.uptakeProvenance)}]`,
          kg(u.demandKg),
          `${u.soilGrade}${t.ui.paren(gradeSource(u.soilGradeSource, t))}`,
        ];
      }),
    });
    out.push({ kind: 'line', text: x.sumD(kg(en.cropDemandKg)) });
    const local = localSources([
      ...e.crops.flatMap((c) => [
        ...(c.nutrients[n]!.uptakeProvenance === 'local' ? [`${c.crop} ${c.nutrients[n]!.uptake} — ${c.nutrients[n]!.uptakeSource}`] : []),
        ...(c.readAs?.provenance === 'local' ? [`${c.cropAsWritten} → ${c.crop} — ${c.readAs.source}`] : []),
      ]),
    ]);
    if (local) out.push({ kind: 'line', text: x.localSources(local) });
    out.push({ kind: 'heading', text: x.manureDemand(n) });
    for (const g of en.byGrade)
      out.push({ kind: 'line', text: x.gradeLine(g.grade, kg(g.cropDemandKg), formatShare(g.fertilisationShare), prov(g.provenance), kg(g.fertilisedKg)) });
    const fertilised = en.byGrade.length === 1 ? kg(en.byGrade[0]!.fertilisedKg) : `(${en.byGrade.map((g) => kg(g.fertilisedKg)).join(' + ')})`;
    const urName = n === 'N' ? 'nUseRate' : 'pUseRate';
    out.push({
      kind: 'line',
      text: x.manureLine(
        fertilised,
        formatShare(en.manureShare),
        sourceText(e.parameterSources.manureShare, t),
        formatShare(en.useRate),
        sourceText(e.parameterSources[urName], t),
        kg(en.manureDemandKg),
      ),
    });
    out.push({ kind: 'heading', text: x.capacity });
    out.push({
      kind: 'line',
      text: x.capacityLine(
        n,
        kg(en.manureDemandKg),
        String(en.supplyPerPeKg),
        sourceText(e.parameterSources[n === 'N' ? 'nSupplyPerPe' : 'pSupplyPerPe'], t),
        kg(en.capacityPe),
      ),
    });
  }
  const b = e.balance;
  if (b.limitingNutrient) out.push({ kind: 'line', text: x.limitingLine(b.limitingNutrient) });
  const ranges = nutrients.map((n) => e.nutrients[n]!.useRateRange.map(formatShare).join('–')).join(t.ui.listSeparator);
  out.push({ kind: 'line', text: x.rangeLine(kg(b.capacityRangePe[0]), kg(b.capacityRangePe[1]), ranges) });
  out.push({ kind: 'heading', text: x.stock });
  if (e.livestock[0]) out.push({ kind: 'line', text: x.rowsOf(e.livestock[0].file) });
  out.push({
    kind: 'table',
    head: [x.line, x.species, x.head, x.peFactor, x.pe],
    numeric: [true, false, true, false, true],
    rows: e.livestock.map((l) => [
      l.line === 0 ? x.scenarioRow : String(l.line),
      l.speciesAsWritten === l.species ? l.species : `${l.speciesAsWritten} → ${l.species}`,
      `${formatNumber(l.head, Number.isInteger(l.head) ? 0 : 2)}${l.fromSlaughter ? t.ui.paren(x.fromSlaughter(formatNumber(l.fromSlaughter.slaughter), String(l.fromSlaughter.ratio))) : ''}${l.stockInFile !== undefined ? t.ui.paren(x.scenarioChanged(formatNumber(l.stockInFile, Number.isInteger(l.stockInFile) ? 0 : 2))) : ''}`,
      `${l.peFactor} [${prov(l.provenance)}]`,
      kg(l.pe),
    ]),
  });
  out.push({ kind: 'line', text: x.sumS(kg(b.stockPe)) });
  const localStock = localSources(
    e.livestock.flatMap((l) => [
      ...(l.provenance === 'local' ? [`${l.species} ${l.peFactor} — ${l.source}`] : []),
      ...(l.readAs?.provenance === 'local' ? [`${l.speciesAsWritten} → ${l.species} — ${l.readAs.source}`] : []),
    ]),
  );
  if (localStock) out.push({ kind: 'line', text: x.localSources(localStock) });
  out.push({ kind: 'heading', text: x.balance });
  out.push({
    kind: 'line',
    text:
      b.loadIndex === null
        ? x.noCapacity(t.ui.statuses[b.status])
        : x.loadLine(kg(b.stockPe), kg(b.capacityPe), formatIndex(b.loadIndex), b.grade!, loadMeaning(b.grade!), t.ui.statuses[b.status]),
  });
  // Over capacity, the head of each species to take away (a headroom of −12,374 PE is not "12,374 fewer to add").
  const perSpecies = Object.entries(b.headroomHead)
    .map(([s, h]) => x.headroomEach(formatNumber(Math.abs(h), 0), s))
    .join(x.headroomOr);
  out.push({ kind: 'line', text: (b.headroomPe < 0 ? x.overLine : x.headroomLine)(kg(b.headroomPe), perSpecies) });
  if (e.transfer) out.push(...transferBlocks(e, t, lang));
  return out;
}

/** The township's flows in the transfer plan, each with its distance; what it cannot place; its load index after. */
function transferBlocks(e: Explanation, t: Messages, lang: Lang): Block[] {
  const tr = e.transfer!;
  const x = t.ui.transfer;
  const self = (name: string, county: string | undefined) => name === e.township && county === e.county;
  const label = (name: string, county: string | undefined) => placeName({ name, ...(county === undefined ? {} : { county }) }, lang);
  const lines = tr.flows.map((f) =>
    self(f.from, f.fromCounty)
      ? x.explainSends(label(f.to, f.toCounty), kg(f.pe), formatNumber(f.km, 1))
      : x.explainReceives(label(f.from, f.fromCounty), kg(f.pe), formatNumber(f.km, 1)),
  );
  if (tr.unplacedReason) lines.push(x.explainUnplaced(kg(tr.unplacedPe), x.reasons[tr.unplacedReason]));
  if (lines.length === 0) lines.push(x.explainNone);
  const after = t.ui.label(x.after, `${formatIndex(e.balance.loadIndex)} → ${formatIndex(tr.loadIndexAfter)}`);
  return [{ kind: 'heading', text: x.explainHeading(formatNumber(tr.maxKm, 1)) }, ...[...lines, after].map((text): Block => ({ kind: 'line', text }))];
}

export function renderExplainText(e: Explanation, { t, chalk, lang }: RenderContext): string {
  return blocksToText(
    blocks(e, t, lang, (grade) => e.loadGrades.find((g) => g.grade === grade)?.meaning[lang] ?? ''),
    chalk,
  );
}

export function renderExplainMarkdown(e: Explanation, { t, lang }: RenderContext): string {
  return blocksToMarkdown(blocks(e, t, lang, (grade) => e.loadGrades.find((g) => g.grade === grade)?.meaning[lang] ?? ''));
}
