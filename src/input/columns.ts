/**
 * Input columns of the three file kinds (docs/input.md): English names, Chinese aliases and units.
 *
 * A header matches a column by its whole name ("area_mu", "面积(公顷)"), else by its base name with the unit in
 * brackets ("面积（万亩）", "Area (ha)"), else by the base name alone with the column's default unit
 * ("面积" is in 亩). Matching ignores case, surrounding spaces and full-width characters. Columns without a
 * unit ignore a bracketed suffix ("乡镇（街道）").
 */

/** The data files, a county's local dictionary of names and values (docs/local.md), and townships' locations (docs/transfer.md). */
export const INPUT_KINDS = ['crops', 'livestock', 'soil', 'local', 'places'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** The columns whose figures have a unit that changes them: area, yield, production, head in stock or slaughtered. */
export const QUANTITY_FIELDS = ['area', 'yield', 'production', 'stock', 'slaughter'] as const;
export type QuantityField = (typeof QUANTITY_FIELDS)[number];

/** A unit a quantity column can be in, with the factor that converts it to the column's base unit. */
export interface Unit {
  /** Base unit after scaling: 'mu' | 'ha' for area, 'kg/mu' … for yield, 'kg' | 'm3' for production, 'head', 'g/kg', 'mg/kg'. */
  readonly base: string;
  readonly scale: number;
  /** The unit's display name, as the English header writes it. */
  readonly label: string;
}

export interface FieldSpec {
  readonly field: string;
  readonly kind: InputKind;
  /** Base names, normalised. */
  readonly names: readonly string[];
  /** Unit names (normalised) → unit; absent for columns without a unit. */
  readonly units?: Readonly<Record<string, Unit>>;
  /** Unit used when the header gives none. */
  readonly defaultUnit?: Unit;
  /** Whole names (normalised) that fix the unit, such as "area_ha". */
  readonly exact?: Readonly<Record<string, Unit>>;
}

const u = (base: string, scale: number, label: string): Unit => ({ base, scale, label });

const MU = u('mu', 1, '亩');
const HA = u('ha', 1, '公顷');
const AREA_UNITS = { 亩: MU, mu: MU, 万亩: u('mu', 10_000, '万亩'), 公顷: HA, ha: HA, hm2: HA, hectare: HA, hectares: HA, 万公顷: u('ha', 10_000, '万公顷') };

const KG_MU = u('kg/mu', 1, 'kg/亩');
const KG_HA = u('kg/ha', 1, 'kg/公顷');
const M3_MU = u('m3/mu', 1, 'm³/亩');
const M3_HA = u('m3/ha', 1, 'm³/公顷');
const YIELD_UNITS: Record<string, Unit> = {};
for (const [mass, scale, label] of [
  ['kg', 1, 'kg'],
  ['公斤', 1, 'kg'],
  ['千克', 1, 'kg'],
  ['斤', 0.5, '斤'],
  ['t', 1000, 't'],
  ['吨', 1000, '吨'],
] as const) {
  for (const mu of ['亩', 'mu']) YIELD_UNITS[`${mass}/${mu}`] = u('kg/mu', scale, `${label}/亩`);
  for (const ha of ['公顷', 'ha', 'hm2']) YIELD_UNITS[`${mass}/${ha}`] = u('kg/ha', scale, `${label}/公顷`);
}
for (const vol of ['m3', '立方米', '方']) {
  for (const mu of ['亩', 'mu']) YIELD_UNITS[`${vol}/${mu}`] = M3_MU;
  for (const ha of ['公顷', 'ha', 'hm2']) YIELD_UNITS[`${vol}/${ha}`] = M3_HA;
}

const KG = u('kg', 1, 'kg');
const T = u('kg', 1000, '吨');
const M3 = u('m3', 1, 'm³');
const PRODUCTION_UNITS = {
  kg: KG,
  公斤: KG,
  千克: KG,
  斤: u('kg', 0.5, '斤'),
  t: T,
  吨: T,
  万吨: u('kg', 10_000_000, '万吨'),
  m3: M3,
  立方米: M3,
  方: M3,
  万立方米: u('m3', 10_000, '万m³'),
};

const HEAD = u('head', 1, '头');
const HEAD_UNITS = {
  head: HEAD,
  heads: HEAD,
  头: HEAD,
  // One head each, named as the file names them (羊 in 只, 家禽 in 羽).
  只: u('head', 1, '只'),
  羽: u('head', 1, '羽'),
  匹: u('head', 1, '匹'),
  万头: u('head', 10_000, '万头'),
  万只: u('head', 10_000, '万只'),
  万羽: u('head', 10_000, '万羽'),
};

const G_KG = u('g/kg', 1, 'g/kg');
const MG_KG = u('mg/kg', 1, 'mg/kg');

export const FIELD_SPECS: readonly FieldSpec[] = [
  // crops
  { field: 'township', kind: 'crops', names: ['township', 'town', '乡镇', '乡镇名称', '乡镇名', '乡镇街道', '乡镇(街道)', '乡(镇)', '乡镇/街道', '镇(街道)', '镇街', '乡镇街', '单位名称', '地区', '地区名称', 'township_name', 'town_name'] },
  // The regions above the township (optional, in every data file): 县(市、区) reads as 县 with its bracket ignored.
  {
    field: 'county',
    kind: 'crops',
    names: ['county', 'district', '县', '区县', '县区', '县市区', '县(市、区)', '县(市)', '县(区)', '县级', '县名', '县名称', '区县名', '区县名称', '所属区县', '县级行政区', 'county_name', 'district_name'],
  },
  { field: 'city', kind: 'crops', names: ['city', 'prefecture', '市', '地市', '州市', '市州', '地级市', '市(州)', '市名', '市名称', '地市名称', '所属地市', 'city_name'] },
  { field: 'crop', kind: 'crops', names: ['crop', 'crops', '作物', '作物名称', '作物种类', '作物类别', '农作物', '农作物名称', '农作物种类'] },
  { field: 'area', kind: 'crops', names: ['area', '面积', '播种面积', '种植面积'], units: AREA_UNITS, defaultUnit: MU, exact: { area_mu: MU, area_ha: HA } },
  {
    field: 'yield',
    kind: 'crops',
    names: ['yield', '单产', '单位面积产量', '亩产'],
    units: YIELD_UNITS,
    defaultUnit: KG_MU,
    exact: {
      yield_kg_per_mu: KG_MU,
      yield_kg_per_ha: KG_HA,
      yield_m3_per_mu: M3_MU,
      yield_m3_per_ha: M3_HA,
      // 亩产 is per 亩 already: its bracket gives only the mass unit.
      '亩产(kg)': KG_MU,
      '亩产(公斤)': KG_MU,
      '亩产(千克)': KG_MU,
      '亩产(斤)': u('kg/mu', 0.5, '斤/亩'),
    },
  },
  {
    field: 'production',
    kind: 'crops',
    names: ['production', '总产量', '产量', '总产'],
    units: PRODUCTION_UNITS,
    defaultUnit: KG,
    exact: { production_kg: KG, production_t: T, production_m3: M3, 蓄积量: M3, 蓄积增长量: M3, 'timber growth': M3 },
  },
  { field: 'n_uptake', kind: 'crops', names: ['n_uptake', '氮吸收量', '吸氮量', '需氮量'] },
  { field: 'p_uptake', kind: 'crops', names: ['p_uptake', '磷吸收量', '吸磷量', '需磷量'] },
  { field: 'land_use', kind: 'crops', names: ['land_use', '用地类型', '土地类型', '土地利用类型', '地类'] },
  // livestock
  { field: 'township', kind: 'livestock', names: [] },
  { field: 'county', kind: 'livestock', names: [] },
  { field: 'city', kind: 'livestock', names: [] },
  { field: 'species', kind: 'livestock', names: ['species', '畜种', '畜种名称', '畜禽种类', '畜禽品种', '畜禽类别', '畜禽名称', '畜禽'] },
  // "stock" and "slaughter" are head by definition; the Chinese names say no unit.
  {
    field: 'stock',
    kind: 'livestock',
    names: ['存栏量', '存栏', '存栏数', '年末存栏', '存栏数量', '期末存栏', '年末存栏量', '期末存栏量', '年底存栏'],
    units: HEAD_UNITS,
    defaultUnit: HEAD,
    exact: { stock: HEAD },
  },
  { field: 'slaughter', kind: 'livestock', names: ['出栏量', '出栏', '出栏数', '年出栏', '年出栏量', '出栏数量', '全年出栏'], units: HEAD_UNITS, defaultUnit: HEAD, exact: { slaughter: HEAD } },
  { field: 'pe_factor', kind: 'livestock', names: ['pe_factor', '猪当量系数', '猪当量折算系数', '折算系数'] },
  // soil
  { field: 'township', kind: 'soil', names: [] },
  { field: 'county', kind: 'soil', names: [] },
  { field: 'city', kind: 'soil', names: [] },
  { field: 'land_use', kind: 'soil', names: [] },
  { field: 'n_grade', kind: 'soil', names: ['n_grade', '氮分级', '氮等级', '全氮分级', '全氮等级'] },
  {
    field: 'total_n',
    kind: 'soil',
    names: ['total_n', '全氮', '全氮含量'],
    units: { 'g/kg': G_KG, 'mg/kg': u('g/kg', 0.001, 'mg/kg') },
    defaultUnit: G_KG,
    exact: { total_n_g_per_kg: G_KG },
  },
  { field: 'p_grade', kind: 'soil', names: ['p_grade', '磷分级', '磷等级', '有效磷分级', '有效磷等级'] },
  {
    field: 'available_p',
    kind: 'soil',
    names: ['available_p', '有效磷', '有效磷含量'],
    units: { 'mg/kg': MG_KG },
    defaultUnit: MG_KG,
    exact: { available_p_mg_per_kg: MG_KG },
  },
  // townships' locations (docs/transfer.md): decimal degrees
  { field: 'township', kind: 'places', names: [] },
  { field: 'county', kind: 'places', names: [] },
  { field: 'city', kind: 'places', names: [] },
  { field: 'lon', kind: 'places', names: ['lon', 'lng', 'longitude', '经度', '东经'] },
  { field: 'lat', kind: 'places', names: ['lat', 'latitude', '纬度', '北纬'] },
  // a local dictionary (docs/local.md)
  { field: 'name', kind: 'local', names: ['name', '名称', '本地名称', '统计名称'] },
  { field: 'means', kind: 'local', names: ['means', '对应', '对应名称', '对应作物', '对应畜种', '计为', '按此计'] },
  { field: 'n_uptake', kind: 'local', names: [] },
  { field: 'p_uptake', kind: 'local', names: [] },
  { field: 'land_use', kind: 'local', names: [] },
  { field: 'measure', kind: 'local', names: ['measure', '计量', '计量方式'] },
  { field: 'pe_factor', kind: 'local', names: [] },
  { field: 'source', kind: 'local', names: ['source', '来源', '依据', '数据来源'] },
];

/** Columns shared by several kinds take their names from the first spec that lists them. */
function specsOf(kind: InputKind): FieldSpec[] {
  return FIELD_SPECS.filter((s) => s.kind === kind).map((s) =>
    s.names.length > 0 ? s : { ...s, names: FIELD_SPECS.find((o) => o.field === s.field && o.names.length > 0)!.names },
  );
}

export const KIND_FIELDS: Readonly<Record<InputKind, readonly FieldSpec[]>> = {
  crops: specsOf('crops'),
  livestock: specsOf('livestock'),
  soil: specsOf('soil'),
  local: specsOf('local'),
  places: specsOf('places'),
};

/** Case, spaces, full-width forms and bracket styles folded, so that "面积（公顷）" and "面积 (公顷)" compare equal. */
/** Spaces (plain or ideographic) between two Chinese characters: a yearbook's padding (拉 堡 镇), a cell's line break. */
export const HAN_PADDING = /(?<=\p{Script=Han})[ \u3000]+(?=\p{Script=Han})/gu;

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[【[［〔]/g, '(')
    .replace(/[】\]］〕]/g, ')')
    .replace(/㎡/g, 'm2')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    // A header cell broken over lines in a workbook (畜种⏎名称), or spaced out (乡\u3000\u3000镇): one word.
    .replace(HAN_PADDING, '')
    .replace(/\s*([()/])\s*/g, '$1')
    .trim();
}

export interface HeaderMatch {
  readonly field: string;
  readonly unit?: Unit;
  /** Whether the header states the unit (area_mu, 面积(亩)) rather than leaving the default to be assumed (面积). */
  readonly unitGiven: boolean;
  /** The units a header names together (存栏量（头、只、万羽）): each row's is the one its animals are counted in. */
  readonly units?: readonly Unit[];
}

export type HeaderLookup =
  | { readonly ok: true; readonly match: HeaderMatch }
  | { readonly ok: false; readonly reason: 'unknown' }
  | { readonly ok: false; readonly reason: 'unit'; readonly field: string; readonly unitAsWritten: string; readonly units: readonly string[] };

/**
 * Whether units named together tell each item's apart: one per counting word (头、只、万羽), not two that animals are
 * counted in alike (头、万头: which one a row is in is not for landcap to guess). 只 and 万只 may go together: sheep are
 * counted in the one, poultry in the other.
 */
function oneEach(units: readonly Unit[]): boolean {
  const scales = new Map<string, Set<number>>();
  for (const u of units) {
    const word = u.label.slice(-1);
    scales.set(word, (scales.get(word) ?? new Set()).add(u.scale));
  }
  return [...scales].every(([word, s]) => s.size <= (word === '只' ? 2 : 1));
}

/** A normalised header split at the bracket it ends with (存栏量(头) → 存栏量 and 头); undefined without one. */
export function bracketOf(name: string): { readonly base: string; readonly inside: string } | undefined {
  const m = /^(.*?)\((.*)\)$/.exec(name);
  return m ? { base: m[1]!, inside: m[2]! } : undefined;
}

/** Matches one header cell against the columns of a kind. */
export function matchHeader(kind: InputKind, header: string): HeaderLookup {
  const name = normaliseHeader(header);
  const specs = KIND_FIELDS[kind];
  for (const s of specs) {
    const exact = s.exact?.[name];
    if (exact) return { ok: true, match: { field: s.field, unit: exact, unitGiven: true } };
  }
  for (const s of specs) if (s.names.includes(name)) return { ok: true, match: { field: s.field, unit: s.defaultUnit, unitGiven: s.units === undefined } };
  const bracket = bracketOf(name);
  if (bracket) {
    const { base, inside: unitName } = bracket;
    for (const s of specs) {
      if (!s.names.includes(base) && !(s.exact && base in s.exact)) continue;
      if (!s.units) return { ok: true, match: { field: s.field, unitGiven: true } };
      const unit = s.units[unitName];
      // A name that fixes its unit (area_ha) takes a bracket only when it says the same (area_ha(公顷), not area_ha(亩)).
      const fixed = s.exact?.[base];
      if (unit && (!fixed || sameUnit(fixed, unit))) return { ok: true, match: { field: s.field, unit, unitGiven: true } };
      // Units named together: 头、只、万羽 (or 头/只/羽, where no unit is one with a slash, as 公斤/亩 is).
      const several = fixed ? [] : unitName.split(unitName.includes('/') && !unitName.includes('、') ? '/' : /[、,，;；]/).map((n) => s.units![n]);
      if (several.length > 1 && several.every((u) => u !== undefined) && oneEach(several as Unit[]))
        return { ok: true, match: { field: s.field, unitGiven: true, units: several as Unit[] } };
      return { ok: false, reason: 'unit', field: s.field, unitAsWritten: unitName, units: [...new Set(Object.values(s.units).map((x) => x.label))] };
    }
  }
  return { ok: false, reason: 'unknown' };
}

/**
 * The columns of which a local dictionary's header has one besides its names: a dictionary gives each name a meaning
 * or a value. A name and a source alone are a listing (a report workbook's coefficients sheet), not a dictionary.
 */
export const LOCAL_GIVES: readonly string[] = ['means', 'n_uptake', 'p_uptake', 'pe_factor'];

/** The kinds whose identifying column a header row has: crop → crops, species → livestock, soil values → soil. */
export function detectKinds(headers: readonly string[]): InputKind[] {
  const has = (kind: InputKind, fields: readonly string[]) =>
    headers.some((h) => {
      const m = matchHeader(kind, h);
      return m.ok && fields.includes(m.match.field);
    });
  const kinds: InputKind[] = [];
  if (has('crops', ['crop'])) kinds.push('crops');
  if (has('livestock', ['species'])) kinds.push('livestock');
  if (has('soil', ['n_grade', 'total_n', 'p_grade', 'available_p'])) kinds.push('soil');
  if (has('local', ['name']) && has('local', LOCAL_GIVES)) kinds.push('local');
  if (has('places', ['lon']) && has('places', ['lat'])) kinds.push('places');
  return kinds;
}

export function sameUnit(a: Unit, b: Unit): boolean {
  return a.base === b.base && a.scale === b.scale;
}

/** The units a quantity column can be in, one of each base and scale, its default first. */
export function unitsOf(field: QuantityField): readonly Unit[] {
  return (UNITS_OF[field] ??= distinctUnits(field));
}

const UNITS_OF: Partial<Record<QuantityField, readonly Unit[]>> = {};

function distinctUnits(field: QuantityField): Unit[] {
  const spec = FIELD_SPECS.find((s) => s.field === field)!;
  const out: Unit[] = [];
  for (const unit of [spec.defaultUnit!, ...Object.values(spec.units ?? {})]) if (!out.some((u) => sameUnit(u, unit))) out.push(unit);
  return out;
}

/** A unit by the name a unit cell or a title gives it (头, 万羽, 吨, 亩, 公顷, kg/亩 …), of any quantity column. */
export function unitNamed(name: string): Unit | undefined {
  const key = normaliseHeader(name);
  for (const field of QUANTITY_FIELDS) {
    const unit = FIELD_SPECS.find((s) => s.field === field)?.units?.[key];
    if (unit) return unit;
  }
  return undefined;
}
