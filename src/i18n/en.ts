import type { ProblemArgs, ProblemCode } from '../validate/problems.js';

type Text = (a: ProblemArgs) => string;
export interface ProblemText {
  readonly message: Text;
  readonly hint?: Text;
}

const s = (v: string | number | undefined) => String(v ?? '');
/** A number in a message: thousands separators, at most two decimals. */
export const num = (v: string | number | undefined) => (typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v ?? ''));

const problems: Record<ProblemCode, ProblemText> = {
  'file-empty': {
    message: () => 'the file is empty: no header row',
    hint: () => 'a CSV file starts with a header row naming its columns; `landcap init` writes templates',
  },
  'file-no-rows': { message: () => 'the file has a header but no data rows' },
  'encoding-invalid': {
    message: (a) =>
      a.detail === 'utf-16'
        ? 'the file is in UTF-16 ("Unicode text"), which landcap does not read'
        : s(a.detail).startsWith('given:')
          ? `the file does not decode as ${s(a.detail).slice(6)}, the --encoding given`
          : `the file is not in UTF-8 or GB18030 (GBK)${a.detail === 'utf-8' ? ': it reads as UTF-8 up to this line' : a.detail === 'gb18030' ? ': it reads as GBK up to this line' : ''}`,
    hint: () => 'save it from Excel or WPS as "CSV UTF-8" or "CSV (comma delimited)"',
  },
  'kind-unknown': {
    message: () => 'cannot tell what this file holds: no crop, species or soil column in its header',
    hint: () => 'name the columns as in `landcap init`, or pass --kind crops|livestock|soil',
  },
  'kind-ambiguous': { message: (a) => `the header fits several kinds of file (${s(a.kinds)})`, hint: () => 'pass --kind crops|livestock|soil' },
  'kind-mismatch': { message: (a) => `expected a ${s(a.expected)} file, but its header looks like ${s(a.found)}` },
  'header-missing-column': { message: (a) => `missing column for the ${s(a.kind)} file: ${s(a.expected)}` },
  'header-duplicate-column': {
    message: (a) => `column "${s(a.header)}" repeats column ${s(a.firstColumn)} ("${s(a.first)}")`,
    hint: () => 'remove or rename one of them',
  },
  'header-unknown-column': {
    message: (a) => `unknown column "${s(a.header)}" is ignored`,
    hint: (a) => `see the column list of a ${s(a.kind)} file in the README`,
  },
  'header-unknown-unit': { message: (a) => `column "${s(a.header)}": unknown unit "${s(a.unit)}"`, hint: (a) => `known units: ${s(a.units)}` },
  'header-empty': {
    message: (a) => `values under column ${s(a.column)}, which has no header, are ignored`,
    hint: () => 'give the column a name, or delete it',
  },
  'cell-required': { message: (a) => `"${s(a.header)}" is empty` },
  'number-invalid': { message: (a) => `"${s(a.header)}": "${s(a.value)}" is not a number` },
  'number-not-finite': { message: (a) => `"${s(a.header)}": "${s(a.value)}" is not a finite number` },
  'number-negative': { message: (a) => `"${s(a.header)}": ${s(a.value)} is negative` },
  'row-extra-cells': {
    message: (a) => `the row has ${s(a.cells)} cells, the header ${s(a.width)}`,
    hint: () => 'a comma inside a value needs quotes: "1,234"',
  },
  'csv-syntax': {
    message: (a) =>
      `not valid CSV (${a.detail === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed' : s(a.detail)}); reading of this file stopped here`,
    hint: () => 'check the quotes on this line',
  },
  'crop-unknown': {
    message: (a) => `unknown crop "${s(a.crop)}"`,
    hint: (a) =>
      a.suggestion ? `did you mean "${s(a.suggestion)}"? Or give n_uptake (and p_uptake) for a local crop` : 'give n_uptake (and p_uptake) for a local crop',
  },
  'crop-local-uptake': { message: (a) => `crop "${s(a.crop)}" is not in the guide's table; its uptake comes from this file` },
  'crop-needs-uptake': { message: (a) => `crop "${s(a.crop)}" has no ${s(a.nutrient)} uptake`, hint: (a) => `fill the ${s(a.column)} column for it` },
  'production-missing': { message: () => 'the row gives neither production nor area and yield' },
  'production-mismatch': {
    message: (a) => `production ${num(a.given)} differs from area × yield ${num(a.computed)} by ${s(a.percent)}%; the production is used`,
    hint: (a) =>
      ({
        'yield-per-hectare': 'production ≈ area × yield ÷ 15: the yield looks per 公顷 (hectare), not per 亩',
        'area-in-hectares': 'production ≈ area × yield × 15: the area looks in 公顷, not 亩',
        'production-in-tonnes': 'production ≈ area × yield ÷ 1000: the production looks in 吨 (tonnes), not kg',
        'digit-lost': 'production is 1/10 of area × yield: a digit lost?',
        'digit-added': 'production is 10 × area × yield: a digit added?',
      })[s(a.explanation)] ?? 'check the units of the area, yield and production columns',
  },
  'quantity-conflict': {
    message: (a) => `"${s(a.header)}" (${num(a.value)}) disagrees with "${s(a.other)}" (${num(a.otherValue)})`,
    hint: () => 'fill one of the two columns',
  },
  'unit-measure-mismatch': { message: (a) => `crop "${s(a.crop)}" is counted in ${s(a.measure)}, but "${s(a.header)}" is in ${s(a.unit)}` },
  'yield-implausible': {
    message: (a) => `yield ${num(a.value)} per 亩 is more than any ${s(a.crop)} reaches (at most ${num(a.max)})`,
    hint: (a) =>
      a.perHectare
        ? `is it per 公顷? That is ${num(a.perHectare)} per 亩 — use a yield_kg_per_ha / 单产(kg/公顷) column`
        : 'check the unit of the yield column',
  },
  'land-use-invalid': { message: (a) => `unknown land use "${s(a.value)}"`, hint: () => 'one of 旱地, 水田, 菜地, 果园 (dry, paddy, vegetable, orchard)' },
  'duplicate-row': {
    message: (a) => `"${s(a.key)}" is listed again (first on line ${s(a.firstLine)})`,
    hint: () => 'merge the two rows, or tell them apart (land use for crops)',
  },
  'species-unknown': {
    message: (a) => `unknown species "${s(a.species)}"`,
    hint: (a) => (a.suggestion ? `did you mean "${s(a.suggestion)}"? Or give pe_factor for it` : 'give pe_factor (猪当量系数) for it'),
  },
  'species-needs-factor': {
    message: (a) => `the guide gives no pig-equivalent factor for "${s(a.species)}"`,
    hint: () => 'fill the pe_factor (猪当量系数) column for it',
  },
  'pe-factor-invalid': { message: (a) => `pe_factor "${s(a.value)}" is not a positive ratio`, hint: () => 'write it as 0.4 or 100/250' },
  'pe-factor-override': { message: (a) => `pe_factor ${s(a.value)} replaces the guide's ${s(a.guide)} for ${s(a.species)}` },
  'stock-missing': { message: () => 'the row gives no stock (存栏量)' },
  'slaughter-no-ratio': {
    message: (a) => `only a slaughter (出栏) count for ${s(a.species)}; capacity is a stock (存栏) figure`,
    hint: (a) => `give the stock, or a stock/slaughter ratio: --stock-ratio ${s(a.species)}=0.5`,
  },
  'grade-invalid': { message: (a) => `"${s(a.header)}": "${s(a.value)}" is not a grade`, hint: () => 'one of I, II, III' },
  'soil-out-of-range': {
    message: (a) => `"${s(a.header)}": ${s(a.value)} is outside 0–${s(a.max)} ${s(a.unit)}`,
    hint: () => 'check the unit (g/kg for total N, mg/kg for available P)',
  },
  'soil-missing-values': { message: () => 'the row gives no N or P grade or measurement' },
  'soil-grade-disagrees': {
    message: (a) =>
      `${s(a.nutrient)} grade ${s(a.grade)} disagrees with the measured ${s(a.value)} ${s(a.unit)} (grade ${s(a.measuredGrade)}); the grade is used`,
  },
  'township-no-land': { message: (a) => `township "${s(a.township)}" has livestock but no crop land in the crops file` },
  'township-soil-only': { message: (a) => `township "${s(a.township)}" has soil data but no crops` },
};

const ui = {
  township: 'Township',
  total: 'TOTAL',
  stockPe: 'Stock (PE)',
  capacityPe: 'Capacity (PE)',
  headroomPe: 'Headroom (PE)',
  loadIndex: 'Load index',
  loadGrade: 'Grade',
  status: 'Status',
  capacityRangePe: 'Capacity range (PE)',
  capacityLowPe: 'Capacity at the higher use rate (PE)',
  capacityHighPe: 'Capacity at the lower use rate (PE)',
  headroomHead: (species: string) => `More ${species}`,
  limiting: 'Limiting',
  cropDemandKg: (n: string) => `Crop ${n} demand (kg)`,
  manureDemandKg: (n: string) => `Manure ${n} demand (kg)`,
  supplyPerPeKg: (n: string) => `${n} supply per PE (kg)`,
  nutrientCapacityPe: (n: string) => `${n} capacity (PE)`,
  statuses: { ok: 'ok', warning: 'warning', overloaded: 'overloaded', 'no-land': 'no land' },
  title: (basis: string) => `Livestock manure land carrying capacity, ${basis} basis`,
  basisName: { N: 'nitrogen', P: 'phosphorus', both: 'nitrogen and phosphorus (limiting nutrient)' },
  summary: (n: number, counts: string) => `${n} township${n === 1 ? '' : 's'}: ${counts}`,
  parametersHeading: 'Parameters',
  coefficientsHeading: 'Coefficients',
  parameterNames: {
    basis: 'basis',
    manureShare: 'manure share of fertilisation',
    nUseRate: 'N use rate',
    pUseRate: 'P use rate',
    nSupplyPerPe: 'N supply per PE (kg/yr)',
    pSupplyPerPe: 'P supply per PE (kg/yr)',
    soilGrade: 'soil grade where no soil data',
    stockRatio: 'stock/slaughter ratio',
  },
  sourceDefault: 'default',
  sourceFile: (file: string) => `file ${file}`,
  sourceApi: 'set by the calling program',
  sourceFlag: (flag: string) => `flag ${flag}`,
  provenanceNames: {
    plan: 'reference plan',
    lit: 'published studies',
    'guide-unverified': 'guide, unverified',
    landcap: 'landcap',
    none: 'none',
    user: 'your data',
  },
  uptakeNote: (n: string, rows: string) => `${n} uptake per 100 kg (per m³ for forest): ${rows}`,
  peFactorNote: (rows: string) => `pig-equivalent factors: ${rows}`,
  fertilisationNote: (rows: string) => `fertilisation share by soil grade: ${rows}`,
  methodNote: 'Method: MARA technical guide for calculating the land carrying capacity of livestock and poultry manure (农办牧〔2018〕1号).',
  unverifiedNote: (n: number) =>
    `${n} coefficient(s) are the guide's values as widely cited, not yet checked against the guide's text; override them with local values where you have them.`,
  warningsCount: (n: number) => `${n} warning(s), listed on stderr`,
  errorsSummary: (errors: number, warnings: number) => `${errors} error(s), ${warnings} warning(s)`,
  validOk: (files: number, rows: number, warnings: number) => `valid: ${files} file(s), ${rows} row(s), no errors, ${warnings} warning(s)`,
  invalid: (errors: number, warnings: number, files: number, rows: number) =>
    `invalid: ${errors} error(s), ${warnings} warning(s) in ${files} file(s), ${rows} row(s)`,
  unknown: 'unknown',
  rowsCount: (n: number) => `${n} row(s)`,
  moreProblems: (n: number) => `… and ${n} more not shown (--max-errors)`,
  internalError: 'internal error (a bug in landcap; please report it with the command you ran)',
  usageError: 'usage',
  hint: 'hint',
  explain: {
    title: (township: string, basis: string) => `Township ${township} — ${basis} basis`,
    cropDemand: (n: string) => `1. Crop ${n} demand   D = production ÷ 100 × uptake (forest: m³ × uptake per m³)`,
    manureDemand: (n: string) => `2. Manure ${n} demand   M = Σ (D × FS) × MS ÷ UR, FS by soil grade`,
    capacity: '3. Capacity   C = M ÷ supply per pig equivalent',
    stock: '4. Stock   S = Σ head in stock × PE factor',
    balance: '5. Balance',
    rowsOf: (file: string) => `rows of ${file}`,
    scenarioRow: 'scenario',
    scenarioChanged: (inFile: string) => `scenario; ${inFile} in the file`,
    line: 'line',
    crop: 'crop',
    production: 'production',
    uptake: (n: string) => `${n} uptake`,
    demand: (n: string) => `${n} demand (kg)`,
    soilGrade: 'soil grade',
    species: 'species',
    head: 'head',
    peFactor: 'PE factor',
    pe: 'PE',
    gradeDefault: 'default',
    gradeFromSoil: (place: string) => `soil ${place}`,
    gradeMeasured: (place: string, value: string, landUse: string) => `soil ${place}: ${value} graded as ${landUse}`,
    fromAreaYield: 'area × yield',
    fromSlaughter: (slaughter: string, ratio: string) => `from 出栏 ${slaughter} × ${ratio}`,
    sumD: (v: string) => `D = ${v} kg`,
    gradeLine: (grade: string, d: string, fs: string, source: string, product: string) => `grade ${grade}: ${d} × FS ${fs} [${source}] = ${product}`,
    manureLine: (sum: string, ms: string, msSource: string, ur: string, urSource: string, m: string) =>
      `${sum} × MS ${ms} (${msSource}) ÷ UR ${ur} (${urSource}) = M = ${m} kg`,
    capacityLine: (n: string, m: string, supply: string, source: string, c: string) => `C(${n}) = ${m} ÷ ${supply} kg (${source}) = ${c} PE`,
    rangeLine: (low: string, high: string, range: string) => `at the guide's use-rate range ${range}: ${low} – ${high} PE`,
    limitingLine: (n: string) => `capacity is the smaller one: the limiting nutrient is ${n}`,
    sumS: (v: string) => `S = ${v} PE`,
    loadLine: (s: string, c: string, index: string, grade: string, meaning: string, status: string) =>
      `load index S ÷ C = ${s} ÷ ${c} = ${index} → grade ${grade} (${meaning}), status ${status}`,
    noCapacity: (status: string) => `no capacity: status ${status}`,
    headroomLine: (h: string, species: string) => `headroom C − S = ${h} PE, that is ${species}`,
    notFound: (name: string, near: string) => `no township "${name}" in the data${near ? `; nearest: ${near}` : ''}`,
  },
  scenarioUnmatched: (where: string) => `${where} matches no row of the data and changes nothing`,
  compare: {
    title: (base: string, scenario: string) => `${scenario} compared with ${base}`,
    stockChange: 'Stock Δ (PE)',
    capacityChange: 'Capacity Δ (PE)',
    headroomChange: 'Headroom Δ (PE)',
    absent: 'absent',
    summary: (n: number) => `${n} township(s) change status`,
    baseLabel: 'baseline',
    notAReport: (file: string) => `${file} is not a landcap report (run landcap report --format json)`,
    needTwo: 'give two report JSON files (BASE.json SCENARIO.json), or --scenario FILE with the inputs',
  },
  farm: {
    title: (solidsSold: boolean) => `Scale-farm land requirement${solidsSold ? ' — solids composted and sold, liquid used on the farm' : ''}`,
    supply: '1. Manure nutrient supply   F = Σ head × PE factor × excretion per PE × retention',
    species: 'species',
    head: 'head',
    peFactor: 'PE factor',
    pe: 'PE',
    supply_: (n: string) => `${n} supply (kg/yr)`,
    liquid: 'liquid share',
    retentionDefault: 'default: supply per PE ÷ excretion per PE',
    retentionGiven: 'given',
    supplyLine: (n: string, excretion: string, retention: string, source: string, liquid: string, supply: string) =>
      `F(${n}) = Σ PE × ${excretion} kg × ${retention} (${source})${liquid} = ${supply} kg`,
    demand: '2. Land manure demand per 亩   d = Σ rotation (target yield ÷ 100 × uptake) × FS × MS ÷ UR',
    crop: 'crop',
    targetYield: 'target yield / 亩',
    uptake: (n: string) => `${n} uptake`,
    perMu: (n: string) => `${n} kg/亩`,
    demandLine: (n: string, uptake: string, grade: string, fs: string, ms: string, ur: string, d: string) =>
      `d(${n}) = ${uptake} × FS ${fs} (soil grade ${grade}) × MS ${ms} ÷ UR ${ur} = ${d} kg/亩`,
    land: '3. Land   F ÷ d',
    landLine: (n: string, f: string, d: string, mu: string, ha: string) => `${n}: ${f} ÷ ${d} = ${mu} 亩 = ${ha} 公顷`,
    result: (n: string, mu: string, ha: string) => `the farm needs ${mu} 亩 (${ha} 公顷) of this rotation; ${n} is the limiting nutrient`,
    needStock: 'give the farm stock: --stock SPECIES=HEAD (repeatable) or --livestock FILE',
    needCrops: 'give the rotation: --crop CROP=TARGET_YIELD_KG_PER_MU (repeatable)',
    badStock: (item: string) => `"${item}" is not SPECIES=HEAD or SPECIES=HEAD:PE_FACTOR`,
    badCrop: (item: string) => `"${item}" is not CROP=YIELD or CROP=YIELD:N_UPTAKE:P_UPTAKE (yield in kg per 亩)`,
    unknownSpecies: (name: string, near: string) =>
      `unknown species "${name}"${near ? ` (did you mean "${near}"?)` : ''}; give a PE factor as ${name}=HEAD:FACTOR`,
    noFactor: (name: string) => `the guide gives no pig-equivalent factor for ${name}: give it as ${name}=HEAD:FACTOR`,
    noSolidShare: (name: string) => `no solid-manure share is known for ${name}; --solids-sold cannot split its manure`,
    unknownCrop: (name: string, near: string) =>
      `unknown crop "${name}"${near ? ` (did you mean "${near}"?)` : ''}; give its uptake as ${name}=YIELD:N_UPTAKE:P_UPTAKE`,
  },
  initExists: (files: string) => `not overwriting ${files} (--force to overwrite)`,
  sentence: (a: {
    townships: number;
    capacity: string;
    stock: string;
    loadIndex: string;
    grade: string;
    status: string;
    overloaded: number;
    overloadedNames: string;
    warning: number;
    noLand: number;
  }) =>
    `Across ${a.townships} township${a.townships === 1 ? '' : 's'} the land can take the manure of ${a.capacity} pig equivalents; the stock is ${a.stock} (load index ${a.loadIndex}, grade ${a.grade}, ${a.status}).` +
    (a.overloaded > 0
      ? ` ${a.overloaded} ${a.overloaded === 1 ? 'township is' : 'townships are'} overloaded: ${a.overloadedNames}.`
      : ' No township is overloaded.') +
    (a.warning > 0 ? ` ${a.warning} ${a.warning === 1 ? 'is' : 'are'} near capacity (load index above 0.7).` : '') +
    (a.noLand > 0 ? ` ${a.noLand} ${a.noLand === 1 ? 'has' : 'have'} livestock but no crop land.` : ''),
  html: {
    basis: (name: string) => `${name} basis`,
    totalCapacity: 'Capacity (pig equivalents)',
    totalStock: 'Stock (pig equivalents)',
    loadIndex: 'Load index (grade)',
    headroom: 'Headroom (pig equivalents)',
    loadChart: 'Load index by township',
    stockCapacityChart: 'Stock and capacity by township',
    table: 'Balance by township',
    footer: (generator: string) => `Computed by ${generator} with the national method (农办牧〔2018〕1号); every coefficient's provenance is listed above.`,
  },
  outputWritten: (file: string) => `written: ${file}`,
};

export interface Messages {
  readonly problems: Record<ProblemCode, ProblemText>;
  readonly ui: typeof ui;
}

/** English messages. zh.ts must have exactly these keys (the type checker holds it to that). */
export const en: Messages = { problems, ui };
