import type { Lang } from '../i18n/index.js';
import type { Messages } from '../i18n/en.js';
import { PARAMETERS, PARAMETER_NAMES, type ParameterName, type ParameterSource } from '../params/params.js';
import { formatCount, formatIndex, formatPercent, formatShare } from './format.js';
import { LARGE_FOREST_SHARE, type CoefficientUse, type RegionLevel, type Report } from '../report/report.js';
import type { Balance } from '../method/balance.js';
import { STATUSES, type Status } from '../method/types.js';
import { placeName } from './columns.js';

export function sourceText(s: ParameterSource, t: Messages): string {
  switch (s.from) {
    case 'default':
      return s.provenance ? `${t.ui.sourceDefault}${t.ui.listSeparator}${t.ui.provenanceNames[s.provenance]}` : t.ui.sourceDefault;
    case 'file':
      return t.ui.sourceFile(s.file);
    case 'flag':
      return t.ui.sourceFlag(s.flag);
    case 'api':
      return t.ui.sourceApi;
  }
}

/** A parameter's value as reports show it, by its kind: a share as a percentage, stock ratios as species=ratio. */
function parameterValue(report: Report, name: ParameterName, t: Messages): string {
  const v = report.parameters[name];
  switch (PARAMETERS[name].kind) {
    case 'ratios': {
      const entries = Object.entries(v as Record<string, number>);
      return entries.length === 0 ? '—' : entries.map(([k, r]) => `${k}=${r}`).join(', ');
    }
    case 'share':
      return formatShare(v as number);
    default:
      // The basis in words of the language (氮、磷中的限制养分), a soil grade as it is (II).
      return name === 'basis' ? t.ui.basisName[v as Report['basis']] : String(v);
  }
}

/** The parameters that matter for the report's basis, each with its value and where it came from. */
export function parameterLines(report: Report, t: Messages): { name: string; value: string; source: string }[] {
  const skip = new Set<ParameterName>();
  if (report.basis === 'N') skip.add('pUseRate').add('pSupplyPerPe');
  if (report.basis === 'P') skip.add('nUseRate').add('nSupplyPerPe');
  if (Object.keys(report.parameters.stockRatio).length === 0) skip.add('stockRatio');
  return PARAMETER_NAMES.filter((n) => !skip.has(n)).map((n) => ({
    name: t.ui.parameterNames[n],
    value: parameterValue(report, n, t),
    source: sourceText(report.parameterSources[n], t),
  }));
}

/** "reference plan: 小麦 3, 玉米 2.3; guide, unverified: 水稻 2.2" — grouped by provenance. */
function uses(list: readonly CoefficientUse[], lang: Lang, t: Messages): string {
  const groups = new Map<string, string[]>();
  for (const u of list) {
    const name = lang === 'en' && u.nameEn !== '' && u.nameEn !== u.name ? `${u.name} (${u.nameEn})` : u.name;
    const key = t.ui.provenanceNames[u.provenance];
    groups.set(key, [...(groups.get(key) ?? []), u.value ? `${name} ${u.value}` : name]);
  }
  return [...groups].map(([p, items]) => t.ui.label(p, items.join(t.ui.listSeparator))).join(t.ui.clauseSeparator);
}

/**
 * Each value and name of the local dictionary the data used, with its source: "水稻 N 2 — 柳江区 … (本地词典.csv:7)",
 * "水牛 → 肉牛 — …". A crop's N and P values from one row are one item.
 */
function localItems(report: Report, t: Messages): string[] {
  const values = new Map<string, { parts: string[]; source: string }>();
  const add = (name: string, part: string, source: string) => {
    const e = values.get(name) ?? { parts: [], source };
    e.parts.push(part);
    values.set(name, e);
  };
  for (const [n, list] of Object.entries(report.coefficients.uptake))
    for (const u of list) if (u.provenance === 'local') add(u.name, t.ui.localUptake(n, u.value), u.source);
  for (const u of report.coefficients.peFactors) if (u.provenance === 'local') add(u.name, t.ui.localFactor(u.value), u.source);
  const items = [...values].map(([name, e]) => `${name} ${e.parts.join(t.ui.listSeparator)} — ${e.source}`);
  for (const n of report.coefficients.names) if (n.provenance === 'local') items.push(`${n.name} → ${n.means} — ${n.source}`);
  return items;
}

/** Lines stating the coefficients the data used and their provenance. */
export function coefficientLines(report: Report, lang: Lang, t: Messages): string[] {
  const lines: string[] = [];
  for (const [n, list] of Object.entries(report.coefficients.uptake)) lines.push(t.ui.uptakeNote(n, uses(list, lang, t)));
  lines.push(t.ui.peFactorNote(uses(report.coefficients.peFactors, lang, t)));
  lines.push(
    t.ui.fertilisationNote(
      report.coefficients.fertilisationShares
        .map((f) => `${f.grade} ${formatShare(Number(f.value))}${t.ui.paren(t.ui.provenanceNames[f.provenance])}`)
        .join(t.ui.listSeparator),
    ),
  );
  const names = report.coefficients.names;
  const builtIn = names.filter((n) => n.provenance !== 'local');
  if (builtIn.length > 0) lines.push(t.ui.namesNote(builtIn.map((n) => `${n.name} → ${n.means}`).join(t.ui.listSeparator)));
  const local = localItems(report, t);
  if (local.length > 0) lines.push(t.ui.localNote(local.length, local.join(t.ui.clauseSeparator)));
  const forest = report.townships.filter((b) => (b.forestShare ?? 0) >= LARGE_FOREST_SHARE);
  if (forest.length > 0)
    lines.push(
      t.ui.forestNote(formatShare(LARGE_FOREST_SHARE), forest.map((b) => `${placeName(b, lang)} ${formatPercent(b.forestShare!)}`).join(t.ui.listSeparator)),
    );
  lines.push(t.ui.methodNote);
  const unverified = [...Object.values(report.coefficients.uptake).flat(), ...report.coefficients.peFactors].filter(
    (u) => u.provenance === 'guide-unverified',
  ).length;
  if (unverified > 0) lines.push(t.ui.unverifiedNote(unverified));
  return lines;
}

/** How many rows have each status, for the statuses they have, in the order of STATUSES. */
export function statusCounts(rows: readonly { readonly status: Status }[]): (readonly [Status, number])[] {
  return STATUSES.map((s) => [s, rows.filter((b) => b.status === s).length] as const).filter(([, n]) => n > 0);
}

/** "31 townships: 25 ok, 4 warning, 2 overloaded". */
export function summaryLine(report: Report, t: Messages, by?: RegionLevel): string {
  const counted = (rows: readonly Balance[]) =>
    statusCounts(rows)
      .map(([s, n]) => t.ui.statusCount(n, t.ui.statuses[s]))
      .join(t.ui.enumSeparator);
  const townships = t.ui.summary(report.townships.length, counted(report.townships));
  if (by === undefined) return townships;
  const regions = report.regions.filter((r) => r.level === by);
  return t.ui.regionSummary(by, regions.length, counted(regions), townships);
}

/** One sentence for a report's summary: capacity, stock, load, and the townships over or near capacity. */
export function summarySentence(report: Report, lang: Lang, t: Messages): string {
  const b = report.total;
  const names = (status: string) => report.townships.filter((x) => x.status === status).map((x) => placeName(x, lang));
  const overloaded = names('overloaded');
  const list = overloaded.length > 6 ? [...overloaded.slice(0, 6), '…'] : overloaded;
  return t.ui.sentence({
    townships: report.townships.length,
    capacity: formatCount(b.capacityPe, lang),
    stock: formatCount(b.stockPe, lang),
    loadIndex: formatIndex(b.loadIndex),
    grade: b.grade ?? '—',
    status: t.ui.statuses[b.status],
    overloaded: overloaded.length,
    overloadedNames: list.join(lang === 'zh' ? '、' : ', '),
    warning: names('warning').length,
    noLand: names('no-land').length,
  });
}
