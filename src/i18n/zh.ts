import { MAX_LINE_CHARS } from '../input/errors.js';
import { isDashMark, unitInCell } from '../input/numbers.js';
import { YEAR_BEFORE, num, type Messages } from './en.js';

const YEAR_HINT = '项目前写有年份：landcap 只读取一个年份的数据——请保留该年份的列，表头只写项目名称（如 生猪存栏）';

const s = (v: string | number | undefined) => String(v ?? '');

/** The measure word of a species' head count: 羽 for poultry, 只 for sheep and rabbits, else 头. */
const headUnit = (species: string) => (/禽|鸡|鸭|鹅|鸽|鹌鹑/.test(species) ? '羽' : /羊|兔/.test(species) ? '只' : '头');

/** "肉牛=100/30|奶牛=100/15" as "肉牛（100/30）与奶牛（100/15）". */
const choices = (v: string | number | undefined, and: string) =>
  s(v)
    .split('|')
    .map((c) => c.replace(/^(.*)=(.*)$/, '$1（$2）'))
    .join(and);
/** N and P as Chinese reports name them. */
const nutrientZh = (n: string) => (n === 'N' ? '氮' : n === 'P' ? '磷' : n);

const kindZh = (k: string | number | undefined) =>
  ({ crops: '作物', livestock: '畜禽', soil: '土壤', local: '本地词典', places: '位置' })[String(k)] ?? String(k ?? '');

const help: Messages['help'] = {
  program: '按国家氮（磷）养分方法测算各乡镇畜禽粪污土地承载力',
  titles: { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：', 'Examples:': '示例：' },
  usageWords: { '[options]': '[选项]', '[command]': '[命令]', '[files...]': '[文件...]' },
  choices: '可选值',
  default: '默认',
  helpOption: '显示命令帮助',
  helpCommand: '显示某个命令的帮助',
  version: '显示版本号',
  moreHelp: '（加 --help 查看更多说明）',
  lang: '输出语言：zh 或 en（默认取自 LC_ALL/LANG：zh* 为中文，否则英文）',
  color: '即使不输出到终端也使用颜色',
  noColor: '不使用颜色（环境变量 NO_COLOR 效果相同）',
  commands: {
    report: '测算各乡镇畜禽粪污土地承载力，附县（市、区）、市小计与合计',
    validate: '检查输入文件，逐条报告问题及其位置；有错误时退出码为 1',
    explain: '一个乡镇的完整测算过程：每个数值的公式、输入及来源',
    transfer: '粪污往哪里去：从超载乡镇向运距以内有余量的乡镇转运，消纳最多、运量（猪当量·千米）最小',
    compare: '逐乡镇比较两份报告，或比较数据与情景',
    farm: '规模养殖场配套土地面积：消纳其粪肥氮、磷所需的作物土地',
    coefficients: '所用系数表，每个数值附来源',
    init: '生成空白模板文件（作物、畜禽、土壤；英文与中文表头）及参数文件',
  },
  options: {
    places: '各乡镇位置：CSV 文件或 .xlsx 工作簿，含乡镇、经度、纬度（十进制度）',
    map: '乡镇 GeoJSON 地图（各面以 name、乡镇 或 township 属性命名，经纬度坐标）：绘入 HTML 页面；未给 --places 时以其面积重心定位乡镇',
    maxKm: '粪污最远运距（千米）',
    crops: '作物：CSV 文件或 .xlsx 工作簿，每个乡镇、每种作物一行，或每种作物一列',
    livestock: '畜禽：CSV 文件或 .xlsx 工作簿，每个乡镇、每个畜种一行，或每个畜种一列',
    soil: '土壤：各乡镇的分级或测定值（可选；CSV 或 .xlsx）',
    local: '本县本地词典：作物和畜种的本地名称、本地作物和畜种、替代指南数值的本地数值，均须注明来源（CSV 或 .xlsx；见 docs/local.md）',
    sheet: '工作簿中某类数据所在的工作表，写作 类别=工作表名（可重复；默认取表头显示该类数据的第一个工作表）',
    sample: (name: string) => `未给输入文件时使用的内置示例（默认 ${name}）`,
    params: 'JSON 参数文件；命令行参数优先',
    scenario: '情景：以 JSON 文件给出参数、存栏和作物的变化',
    encoding: '输入文件编码',
    strict: '将警告视为错误',
    basis: '测算基础：N、P 或 both（取较小承载力；默认 N）',
    manureShare: '粪肥占施肥比例（默认 0.5；可写 40% 或 0.4）',
    nUseRate: '粪肥氮当季利用率（默认 0.25）',
    pUseRate: '粪肥磷当季利用率（默认 0.30）',
    nSupplyPerPe: '单位猪当量年粪肥氮供给量，kg（默认 7.0）',
    pSupplyPerPe: '单位猪当量年粪肥磷供给量，kg（默认 1.2）',
    soilGrade: '无土壤数据时的土壤分级：I、II、III（默认 II）',
    stockRatio: '仅有出栏量时的存栏/出栏比（可重复），如 生猪=0.55',
    set: (names: string) => `设定任一参数（可重复）：${names}`,
    format: '输出格式',
    output: '写入此文件（原子写入），而不输出到标准输出',
    headroom: '显示各畜种还可增加的头（只）数（JSON 总是包含）',
    range: '显示按指南利用率区间两端计算的承载力（JSON 总是包含）',
    by: '只显示各县（市、区）或各市的小计及合计（文件须有“县”或“市”列）',
    title: 'HTML 报告的标题',
    region: 'HTML 报告标题下的地区名',
    year: 'HTML 报告标题下的年份',
    failOnOverload: '有乡镇超载时以退出码 1 结束',
    files: '作物、畜禽、土壤、本地词典、位置文件，CSV 或 .xlsx（类型由表头判断，或用 --kind），以及 GeoJSON 地图（.geojson）',
    kind: '所有文件均为此类型',
    maxErrors: '最多显示这么多条问题（总数仍全部计入）',
    validateOutput: '将 JSON 或汇总写入此文件（原子写入），而不输出到标准输出',
    validateSample: '检查内置示例而不是文件',
    validateParams: 'JSON 参数文件（测算基础决定本地作物需要哪些吸收量）',
    township: '要说明的乡镇，名称与数据一致',
    county: '该乡镇所在的县（市、区），数据中同名乡镇不止一个时须给出',
    reports: '基线.json 情景.json，由 landcap report --format json 生成',
    stock: '养殖场某畜种存栏，如 生猪=5000（可重复）',
    farmLivestock: '以畜禽 CSV 给出养殖场存栏（畜种、存栏量、可选猪当量系数；无需乡镇列）',
    crop: '年轮作中的作物及目标产量（kg/亩），如 小麦=450（可重复）',
    nRetention: '收集贮存后保留的排泄氮比例（默认 单位猪当量氮供给量 ÷ 11）',
    pRetention: '保留的排泄磷比例（默认 单位猪当量磷供给量 ÷ 1.65）',
    solidsSold: '固体粪便堆肥外供、肥水就地利用：只计液体部分',
    table: '只显示此表',
    dir: '写入的文件夹（不存在则新建）',
    force: '覆盖已有文件',
  },
};

/** 中文消息：与 en.ts 的键一一对应（由类型检查保证）。 */
export const zh: Messages = {
  help,
  problems: {
    'no-townships': { message: () => '输入文件中没有任何乡镇：无可测算', hint: () => '请在作物和畜禽文件中填写数据行（每个乡镇每种作物或畜种一行）' },
    'file-empty': { message: () => '文件为空：没有表头行', hint: () => 'CSV 文件第一行应为列名；可用 `landcap init` 生成模板' },
    'file-no-rows': { message: () => '文件只有表头，没有数据行' },
    'encoding-invalid': {
      message: (a) =>
        a.detail === 'utf-16'
          ? '文件为 UTF-16（“Unicode 文本”）编码，landcap 不读取此编码'
          : a.detail === 'mixed'
            ? '文件为 GBK 编码，但此行是 UTF-8：文件由两个程序分段保存'
            : s(a.detail).startsWith('given:')
              ? `文件无法按所指定的 --encoding ${s(a.detail).slice(6)} 解码`
              : `文件既不是 UTF-8 也不是 GB18030（GBK）编码${a.detail === 'utf-8' ? '：按 UTF-8 可读到此行为止' : a.detail === 'gb18030' ? '：按 GBK 可读到此行为止' : ''}`,
      hint: () => '请在 Excel 或 WPS 中另存为“CSV UTF-8”或“CSV（逗号分隔）”',
    },
    'file-not-text': {
      message: (a) =>
        ({
          xlsx: '文件是 Excel 工作簿（.xlsx），不是 CSV 文本',
          xls: '文件是 Excel 97–2003（.xls）或 WPS（.et）工作簿，不是 CSV 文本',
          pdf: '文件是 PDF，不是 CSV 文本',
          archive: '文件是压缩包，不是 CSV 文本',
          json: '文件是 JSON，不是 CSV 表格',
        })[s(a.kind)] ?? '文件不是文本（含有 NUL 字节），不是 CSV 文件',
      hint: (a) =>
        a.kind === 'json'
          ? '乡镇地图请用 --map 给出（validate 将 .geojson 文件读作地图）；参数文件用 --params，情景文件用 --scenario'
          : '请在 Excel 或 WPS 中将工作表另存为“CSV UTF-8”',
    },
    'workbook-invalid': {
      message: (a) => `无法读取该工作簿：${s(a.detail)}`,
      hint: () => '请在 Excel 或 WPS 中打开并重新保存为 .xlsx，或将工作表另存为“CSV UTF-8”',
    },
    'subtotal-item': {
      message: (a) => `品种列中的“${s(a.label)}”是该乡镇各行的合计：不计入，以免重复`,
    },
    'rows-hidden': {
      message: (a) => `工作表中有 ${s(a.count)} 行被隐藏（第 ${s(a.lines)} 行），按工作表显示的内容不计入`,
      hint: () => '如需读取隐藏的行，请在工作簿中取消隐藏',
    },
    'sheet-ambiguous': {
      message: (a) => `有多个可见工作表是${kindZh(a.kind)}表（${s(a.sheets)}）：无法判断应读取哪一个`,
      hint: (a) => `请用 --sheet ${s(a.kind)}=工作表名 指定；同类表格分在几个工作表中（如粮食作物、经济作物）的，请合并到一个工作表`,
    },
    'sheet-several': {
      message: (a) => `有多个工作表是${kindZh(a.kind)}表：读取“${s(a.sheet)}”，未读取 ${s(a.others).replaceAll('(hidden)', '（隐藏）')}`,
      hint: (a) => `如需读取其他工作表，请用 --sheet ${s(a.kind)}=工作表名 指定`,
    },
    'sheet-not-found': {
      message: (a) =>
        a.sheet ? `工作簿中没有名为“${s(a.sheet)}”的工作表（现有：${s(a.sheets)}）` : `工作簿中没有${kindZh(a.kind)}表（现有工作表：${s(a.sheets)}）`,
      hint: (a) => `请用 --sheet ${s(a.kind)}=工作表名 指定；表头须有乡镇列和${kindZh(a.kind)}的各列`,
    },
    'kind-unknown': {
      message: () => '无法判断文件类型：表头中没有作物、畜种或土壤列',
      hint: () => '请按 `landcap init` 模板命名列，或指定 --kind crops|livestock|soil',
    },
    'kind-ambiguous': {
      message: (a) => `表头同时符合多种文件类型（${s(a.kinds).split(', ').map(kindZh).join('、')}）`,
      hint: () => '请指定 --kind crops|livestock|soil',
    },
    'kind-mismatch': { message: (a) => `应为${kindZh(a.expected)}文件，但表头看起来是${kindZh(a.found)}文件` },
    'header-missing-column': { message: (a) => `${kindZh(a.kind)}文件缺少列：${s(a.expected)}` },
    'header-duplicate-column': { message: (a) => `列“${s(a.header)}”与第 ${s(a.firstColumn)} 列（“${s(a.first)}”）重复`, hint: () => '删除或重命名其中一列' },
    'header-unknown-column': {
      message: (a) => `未知列“${s(a.header)}”，已忽略`,
      hint: (a) =>
        YEAR_BEFORE.test(s(a.header))
          ? '表头前写有年份：landcap 只读取一个年份的数据——请保留该年份的列，表头不写年份'
          : `${kindZh(a.kind)}文件的列见 docs/input.md`,
    },
    'header-unknown-unit': { message: (a) => `列“${s(a.header)}”：未知单位“${s(a.unit)}”`, hint: (a) => `可用单位：${s(a.units).split(', ').join('、')}` },
    'header-measure-missing': {
      message: (a) =>
        `列“${s(a.header)}”写了${s(a.item)}${s(a.header) === s(a.item) ? '' : '和单位'}，未写是哪一项（${s(a.measures).split(' | ').join('或')}）`,
      hint: (a) => `请在表头写明（如 ${s(a.item)}${s(a.measures).split(' | ')[0]}…），或在表格标题中写明`,
    },
    'header-empty': { message: (a) => `第 ${s(a.column)} 列没有列名，其中的数值被忽略`, hint: () => '为该列命名，或删除该列' },
    'title-skipped': {
      message: (a) => `表头在第 ${s(a.header)} 行：其上 ${s(a.count)} 行（“${s(a.title)}”）作为表格标题，不作数据读取`,
    },
    'column-numbers-skipped': { message: (a) => `表头下一行（“${s(a.text)}”）为栏次编号，不作数据读取` },
    'unit-assumed': {
      message: (a) => `“${s(a.header)}”未注明单位：按 ${s(a.unit)} 读取`,
      hint: (a) => `如数据为其他单位（吨、公顷、万头等），请在表头注明：${s(a.example)}`,
    },
    'unit-from-title': { message: (a) => `“${s(a.header)}”未注明单位：按表格标题所注单位 ${s(a.unit)} 读取` },
    'measure-from-title': { message: (a) => `“${s(a.header)}”未写明是哪一项：按表格标题所写的“${s(a.measure)}”读取` },
    'cell-required': {
      message: (a) => `“${s(a.header)}”为空`,
      hint: (a) =>
        a.above
          ? `上一行为${s(a.above)}：工作簿中跨行合并的乡镇单元格，另存为 CSV 后除首行外均为空；请直接使用工作簿（可读取合并单元格），或在每行填写乡镇名称`
          : '',
    },
    'number-invalid': {
      message: (a) => `“${s(a.header)}”：“${s(a.value)}”不是数字`,
      hint: (a) => {
        if (isDashMark(s(a.value))) return '年鉴中的“—”表示无数据：请留空该单元格，表示没有时请填 0';
        const inCell = unitInCell(s(a.value));
        if (!inCell) return '';
        return inCell.inFull !== undefined
          ? `单元格中写了“万”：请填完整数字（${s(a.value)} → ${num(inCell.inFull)}），或在表头写明以万计的单位（万头、万亩、万吨）`
          : `单元格中写了单位（${inCell.unit}）：请只填数字，并在表头写明单位（${s(a.header)}（${inCell.unit}））`;
      },
    },
    'number-not-finite': { message: (a) => `“${s(a.header)}”：“${s(a.value)}”不是有限数值` },
    'number-negative': { message: (a) => `“${s(a.header)}”：${s(a.value)} 为负数` },
    'row-extra-cells': { message: (a) => `该行有 ${s(a.cells)} 个单元格，表头只有 ${s(a.width)} 列`, hint: () => '含逗号的数值需加引号，如 "1,234"' },
    'csv-syntax': {
      message: (a) =>
        a.detail === 'line-too-long'
          ? `此行超过 ${num(MAX_LINE_CHARS)} 个字符，比任何表格的一行都长，此文件在此处停止读取`
          : `CSV 格式错误（${a.detail === 'CSV_QUOTE_NOT_CLOSED' ? '引号未闭合' : s(a.detail)}），此文件在此处停止读取`,
      hint: (a) => (a.detail === 'line-too-long' ? '这是 CSV 文件吗？每行以换行结束，单元格以逗号分隔' : '请检查本行的引号'),
    },
    'name-invisible-character': {
      message: (a) => `名称“${s(a.name)}”含有不可见字符（${s(a.character)}），与显示的名称实际不同`,
      hint: () => '请删除该字符（常随网页上复制的文字带入）',
    },
    'total-row': { message: (a) => `“${s(a.label)}”是合计行而不是乡镇：不计入，并与各乡镇行之和核对` },
    'total-column': { message: (a) => `“${s(a.header)}”是合计列：不计入，并逐行与其所合计各列之和核对` },
    'total-unlabelled': {
      message: (a) =>
        `“${s(a.township)}”一行的数字是（或接近）其余各乡镇之和（${s(a.item)}：${num(a.value)}，其余合计 ${num(a.others)}；其全部 ${s(a.items)} 项皆如此）：这是合计行，若作为乡镇计入，数字将翻倍`,
      hint: () => '请在其乡镇单元格写“合计”（即不计入并与各乡镇核对），或删去该行',
    },
    'total-mismatch': {
      message: (a) =>
        `合计行“${s(a.label)}”的${s(a.item)}为 ${num(a.given)} ${s(a.unit) || '头'}，各乡镇行之和为 ${num(a.sum)} ${s(a.unit) || '头'}（相差 ${s(a.percent)}%）`,
      hint: () => '表中合计与各乡镇之和不符：请核对各乡镇数据与合计',
    },
    'part-left-out': {
      message: (a) =>
        a.whole ? `“${s(a.item)}”是“${s(a.whole)}”的其中项：已包含在该项中，不重复计入` : `“${s(a.item)}”是前一项的其中项：已包含在该项中，不重复计入`,
    },
    'part-exceeds-whole': {
      message: (a) => `其中项“${s(a.item)}”（${num(a.part)}）大于其所属的“${s(a.whole)}”（${num(a.value)}）`,
      hint: () => '其中项是其所属项的一部分：请核对两者的数值和单位',
    },
    'group-left-out': {
      message: (a) => `“${s(a.group)}”为${s(a.township)}所列（${s(a.members)}）的合计：不计入，以免重复`,
    },
    'group-items-differ': {
      message: (a) =>
        `${s(a.township)}的“${s(a.group)}”为 ${num(a.value)} ${s(a.unit) || '头'}，所列各项（${s(a.items)}）合计 ${num(a.sum)} ${s(a.unit) || '头'}：${Number(a.value) > Number(a.sum) ? '其余部分属于文件未列出的项目，未计入' : '各项之和大于合计'}`,
      hint: (a) => (Number(a.value) > Number(a.sum) ? '请同时分别列出其余各项，或核对数字' : '请核对数字及单位：各项应为合计的一部分'),
    },
    'group-unlisted': {
      message: (a) => `“${s(a.group)}”是一类作物或畜种的合计（${s(a.members)}），导则未给其系数，而${s(a.township)}未列出其中任何一项`,
      hint: (a) => `请分别列出其所含各项；或在本地词典（--local FILE）中为“${s(a.group)}”给出系数`,
    },
    'unit-by-item': {
      message: (a) => `“${s(a.header)}”含多个单位（${s(a.units)}）：每行按其畜种的计量单位读取（家禽按羽或只，羊按只，其余按头）`,
    },
    'header-repeated': {
      message: (a) => (a.line ? `“${s(a.text)}”重复第 ${a.line} 行的表题或表头（分页续表）：不是数据，已跳过` : `“${s(a.text)}”为续表标记：不是数据，已跳过`),
    },
    'note-line-skipped': { message: (a) => `“${s(a.text)}”是表下注释，不是数据：已跳过` },
    'unit-invalid': {
      message: (a) => `未知单位“${s(a.unit)}”`,
      hint: () => 'landcap 可读取的单位：头、只、羽、万头、万只、万羽；kg、公斤、斤、吨、万吨；亩、万亩、公顷、万公顷',
    },
    'unit-conflict': {
      message: (a) => `本行单位“${s(a.unit)}”不适用于“${s(a.header)}”`,
      hint: () => '请检查本行的单位：头数用头或万头，产量用 kg 或吨，面积用亩或公顷',
    },
    'formula-no-value': {
      message: (a) => `单元格是公式（=${s(a.formula)}），保存时没有计算结果`,
      hint: () => '该工作簿由程序生成、未在表格软件中打开过：请用 Excel 或 WPS 打开并保存',
    },
    'figure-not-finite': {
      message: (a) =>
        `乡镇“${s(a.township)}”的${({ stock: '存栏', production: '产量', 'crop demand': '作物养分需求', capacity: '承载力', 'load index': '负荷指数' } as Record<string, string>)[s(a.what)] ?? s(a.what)}数值过大，无法据此计算`,
      hint: () => '数值过大：请检查单位和位数',
    },
    'crop-unknown': {
      message: (a) => `未知作物“${s(a.crop)}”`,
      hint: (a) =>
        YEAR_BEFORE.test(s(a.crop))
          ? YEAR_HINT
          : a.suggestion
            ? `是否为“${s(a.suggestion)}”？如不是，请在本地词典（--local）中定义`
            : '请在本地词典（--local 文件：名称、氮吸收量、磷吸收量、用地类型、来源；或名称、对应、来源）中定义，或在该行填写氮吸收量和磷吸收量',
    },
    'crop-local-uptake': { message: (a) => `作物“${s(a.crop)}”不在指南表中，其养分吸收量取自本文件` },
    'crop-needs-uptake': {
      message: (a) => `作物“${s(a.crop)}”缺少${a.nutrient === 'N' ? '氮' : '磷'}吸收量`,
      hint: (a) => `请填写${a.column === 'n_uptake' ? '氮吸收量' : '磷吸收量'}列`,
    },
    'production-missing': { message: () => '该行既没有总产量，也没有面积和单产' },
    'production-mismatch': {
      message: (a) => `总产量 ${num(a.given)} 与面积×单产 ${num(a.computed)} 相差 ${s(a.percent)}%，采用总产量`,
      hint: (a) =>
        ({
          'yield-per-hectare': '总产量 ≈ 面积×单产÷15：单产似乎是每公顷而不是每亩',
          'area-in-hectares': '总产量 ≈ 面积×单产×15：面积似乎是公顷而不是亩',
          'production-in-tonnes': '总产量 ≈ 面积×单产÷1000：总产量似乎以吨而不是千克计',
          'production-in-kg': '总产量 ≈ 面积×单产×1000：总产量似乎以千克而不是吨计，请检查该列的单位',
          'digit-lost': '总产量是面积×单产的 1/10：是否少了一位数？',
          'digit-added': '总产量是面积×单产的 10 倍：是否多了一位数？',
        })[s(a.explanation)] ?? '请检查面积、单产和总产量列的单位',
    },
    'quantity-conflict': { message: (a) => `“${s(a.header)}”（${num(a.value)}）与“${s(a.other)}”（${num(a.otherValue)}）不一致`, hint: () => '两列只填其一' },
    'unit-measure-mismatch': { message: (a) => `作物“${s(a.crop)}”以 ${s(a.measure)} 计，但“${s(a.header)}”的单位是 ${s(a.unit)}` },
    'yield-implausible': {
      message: (a) =>
        a.bound === 'min'
          ? `每亩单产 ${num(a.value)}${a.implied ? `（按${s(a.implied)}算得）` : ''}，低于${s(a.crop)}的最低合理水平 ${num(a.min)}`
          : `每亩单产 ${num(a.value)}${a.implied ? `（按${s(a.implied)}算得）` : ''}，超过${s(a.crop)}可能达到的水平 ${num(a.max)}`,
      hint: (a) =>
        a.slip === 'tonnes'
          ? a.implied
            ? `产量是否以吨为单位却按 kg 读取？乘以 1000 得每亩 ${num(a.corrected)}：请将表头写为 产量(吨)`
            : `单产是否以吨/亩为单位？折合每亩 ${num(a.corrected)} 公斤`
          : a.slip === 'hectares'
            ? `面积是否以公顷为单位却按亩读取？折合每亩 ${num(a.corrected)}：请将表头写为 面积(公顷)`
            : a.perHectare
              ? `是否为每公顷？折合每亩 ${num(a.perHectare)}，请使用 单产(kg/公顷) 列`
              : '请检查单产、产量和面积列的单位',
    },
    'land-use-invalid': { message: (a) => `未知用地类型“${s(a.value)}”`, hint: () => '应为 旱地、水田、菜地、果园 之一' },
    'part-of-whole': {
      message: (a) => `“${s(a.part)}”是“${s(a.whole)}”（第 ${s(a.line)} 行）的一部分，同一乡镇已列出“${s(a.whole)}”：不重复计入`,
      hint: () => '请只列总数，或只列其各组成部分',
    },
    'local-member-with-whole': {
      message: (a) =>
        `本地词典把“${s(a.part)}”对应为“${s(a.whole)}”，同一乡镇又列出了“${s(a.whole)}”（第 ${s(a.line)} 行）：无法判断“${s(a.whole)}”是否已包含“${s(a.part)}”`,
      hint: (a) =>
        `如“${s(a.whole)}”不含“${s(a.part)}”（年鉴中分列两栏），请在词典中为“${s(a.part)}”单独给出系数（猪当量系数或吸收量），不用“对应”；如已包含，请删去“${s(a.part)}”的行`,
    },
    'duplicate-row': {
      message: (a) => `“${s(a.key)}”重复出现（首次在第 ${s(a.firstLine)} 行）`,
      hint: (a) => (a.kind === 'livestock' ? '请合并两行' : '请合并两行，或以用地类型加以区分'),
    },
    'species-unknown': {
      message: (a) => `未知畜种“${s(a.species)}”`,
      hint: (a) =>
        YEAR_BEFORE.test(s(a.species))
          ? YEAR_HINT
          : a.suggestion
            ? `是否为“${s(a.suggestion)}”？如不是，请在本地词典（--local）中定义`
            : '请在本地词典（--local 文件：名称、猪当量系数、来源；或名称、对应、来源）中定义，或在该行填写猪当量系数',
    },
    'species-needs-factor': {
      message: (a) => `指南未给出“${s(a.species)}”的猪当量折算系数`,
      hint: () => '请在本地词典（--local）中给出其猪当量系数及来源，或填写猪当量系数列',
    },
    'species-cattle': {
      message: (a) => `指南未规定“${s(a.species)}”如何折算：${choices(a.choices, '与')}的折算系数不同`,
      hint: (a) =>
        `请在文件中写明${choices(a.choices, '或')}，或在本地词典（--local）中将“${s(a.species)}”对应为其中之一（名称 ${s(a.species)}，对应 ${s(a.first)}，来源 …）`,
    },
    'pe-factor-invalid': { message: (a) => `猪当量系数“${s(a.value)}”须为大于 0 的数或比值`, hint: () => '写作 0.4 或 100/250' },
    'pe-factor-override': { message: (a) => `猪当量系数 ${s(a.value)} 替代了指南中${s(a.species)}的 ${s(a.guide)}` },
    'stock-missing': { message: () => '该行没有存栏量' },
    'stock-implausible': {
      message: (a) => `一个乡镇的${s(a.species)}存栏 ${num(a.value)} 头，超过任何乡镇的规模（上限 ${num(a.max)}）`,
      hint: (a) =>
        a.perTenThousand
          ? `“${s(a.header)}”列以“万”为单位，该列是否实为头数？${num(a.perTenThousand)} 万头即 ${num(a.value)} 头；表头应写作 存栏(头)`
          : '请检查单位和位数',
    },
    'stock-fractional': { message: (a) => `${s(a.species)}存栏 ${s(a.value)} 头不是整数`, hint: () => '请检查单位（万头、头）和位数' },
    'slaughter-no-ratio': {
      message: (a) => `${s(a.species)}只有出栏量；承载力按存栏量计算`,
      hint: (a) => `请给出存栏量，或存栏/出栏比：--stock-ratio ${s(a.species)}=0.5`,
    },
    'grade-invalid': { message: (a) => `“${s(a.header)}”：“${s(a.value)}”不是分级`, hint: () => '应为 I、II、III 之一' },
    'soil-out-of-range': {
      message: (a) => `“${s(a.header)}”：${s(a.value)} 超出 0–${s(a.max)} ${s(a.unit)}`,
      hint: () => '请检查单位（全氮 g/kg，有效磷 mg/kg）',
    },
    'soil-missing-values': { message: () => '该行没有氮或磷的分级或测定值' },
    'soil-grade-disagrees': {
      message: (a) => `${s(a.nutrient)} 分级 ${s(a.grade)} 与测定值 ${s(a.value)} ${s(a.unit)}（${s(a.measuredGrade)} 级）不符，采用所给分级`,
    },
    'local-means-unknown': {
      message: (a) => `“${s(a.name)}”对应的“${s(a.means)}”不是系数表中的作物或畜种`,
      hint: (a) => (a.suggestion ? `是否为“${s(a.suggestion)}”？` : 'landcap coefficients 列出全部作物和畜种'),
    },
    'local-defined-twice': { message: (a) => `“${s(a.name)}”定义了两次（首次在第 ${s(a.line)} 行）`, hint: () => '请只保留一行' },
    'local-source-missing': {
      message: (a) => `“${s(a.name)}”没有填写来源`,
      hint: () => '请在“来源”列写明数值或对应关系的出处，如调查、规划或本局决定',
    },
    'local-land-use-missing': { message: (a) => `本地作物“${s(a.name)}”没有填写用地类型`, hint: () => '请填写旱地、水田、菜地或果园：土壤分级取决于用地类型' },
    'local-value-invalid': { message: (a) => `“${s(a.name)}”的${s(a.header)}为“${s(a.value)}”：须为大于 0 的数` },
    'local-mixed': {
      message: (a) => `“${s(a.name)}”同时给出了${a.what === 'both' ? '对应名称和数值' : '作物吸收量和畜种猪当量系数'}`,
      hint: () => '一行要么把名称对应为另一名称（对应），要么给出作物的吸收量或畜种的猪当量系数',
    },
    'local-nothing': {
      message: (a) => `“${s(a.name)}”既没有对应名称，也没有数值`,
      hint: () => '请填写对应，或氮吸收量和磷吸收量（作物），或猪当量系数（畜种）',
    },
    'local-alias-value': {
      message: (a) => `“${s(a.name)}”按“${s(a.target)}”计：它的数值就是“${s(a.target)}”的数值`,
      hint: (a) => `请在名称为“${s(a.target)}”的行给出数值，或将“${s(a.name)}”作为单独的本地作物另起名称`,
    },
    'place-outside-china': {
      message: (a) => `“${s(a.header)}”：${num(a.value)} 不在中国范围内（${num(a.min)}–${num(a.max)} 度）`,
      hint: () => '经度、纬度请以十进制度数分两列填写',
    },
    'map-not-features': {
      message: () => '这是 JSON，但不是乡镇的 GeoJSON 要素集（FeatureCollection）',
      hint: () => '请把乡镇图层导出为 GeoJSON（QGIS：导出 → 要素另存为 → GeoJSON，坐标系 EPSG:4326）',
    },
    'map-feature-unnamed': {
      message: (a) => `第 ${s(a.feature)} 个要素没有乡镇名称（其属性：${s(a.properties) || '无'}），未采用`,
      hint: () => '请给每个乡镇要素一个 name、乡镇 或 township 属性（重名时再加 县、市）',
    },
    'map-no-names': {
      message: (a) => `地图中没有一个要素给出乡镇名称（第一个要素的属性：${s(a.properties) || '无'}）`,
      hint: () => '请把乡镇名称属性命名为 name、乡镇 或 township（县、市同理），或导出时选用这些字段名',
    },
    'map-feature-invalid': {
      message: (a) => `第 ${s(a.feature)} 个要素（“${s(a.township)}”）不是可绘制的面（几何类型 ${s(a.type) || '缺失'}），未采用`,
      hint: () => '乡镇应为 Polygon 或 MultiPolygon，各环由 [经度, 纬度] 组成',
    },
    'map-outside-china': {
      message: (a) => `第 ${s(a.feature)} 个要素（“${s(a.township)}”）有一点位于 ${num(a.lon)}, ${num(a.lat)}，不在以度计的中国范围内`,
      hint: (a) =>
        a.swapped === 'yes'
          ? '按 [纬度, 经度] 读则位于中国境内：GeoJSON 的坐标顺序为 [经度, 纬度]，请重新导出'
          : '地图可能是投影坐标（米，如高斯-克吕格分带）：请以经纬度（EPSG:4326）导出',
    },
    'map-township-repeated': {
      message: (a) => `乡镇“${s(a.township)}”由多个要素绘出（第 ${s(a.first)} 和第 ${s(a.feature)} 个）：合为一个乡镇绘制`,
      hint: () => '如果它们是两个县的同名乡镇，请给要素加上“县”属性',
    },
    'place-duplicate': {
      message: (a) => `乡镇“${s(a.township)}”已有位置（第 ${s(a.firstLine)} 行）`,
      hint: () => '每个乡镇只给一个位置',
    },
    'township-written-otherwise': {
      message: (a) => `畜禽文件中的乡镇“${s(a.township)}”不在作物文件中，而作物文件有“${s(a.other)}”：同一乡镇两种写法，其畜禽将在无耕地的情况下计算`,
      hint: (a) => `请在两个文件中都写作“${s(a.other)}”`,
    },
    'township-no-land': {
      message: (a) => `乡镇“${s(a.township)}”有畜禽存栏，但作物文件中没有该乡镇的种植数据`,
      hint: (a) => (a.nearest ? `是否即作物文件中的“${s(a.nearest)}”？请在两个文件中写法一致` : ''),
    },
    'scenario-township-unknown': {
      message: (a) => `情景文件中的乡镇“${s(a.township)}”在各输入文件中都没有`,
      hint: (a) => (a.nearest ? `是否为“${s(a.nearest)}”？请按数据文件的写法填写乡镇名` : '请按作物和畜禽文件的写法填写乡镇名'),
    },
    'township-soil-only': { message: (a) => `乡镇“${s(a.township)}”有土壤数据，但没有作物` },
    'township-no-place': {
      message: (a) => `乡镇“${s(a.township)}”在 ${s(a.file)} 中没有位置：转运方案中它既不能运出也不能接收粪污`,
      hint: (a) => (a.nearest ? `是否即位置文件中的“${s(a.nearest)}”？请在两处写法一致` : '请补上其经度和纬度'),
    },
    'place-no-township': {
      message: (a) => `“${s(a.township)}”的位置不对应数据中的任何乡镇`,
      hint: (a) => (a.nearest ? `是否即“${s(a.nearest)}”？请按数据中的写法填写` : '请核对名称，或删去该行'),
    },
    'locations-match-none': {
      message: (a) => `${s(a.file)} 的 ${s(a.count)} 个乡镇无一是数据中的乡镇：“${s(a.township)}”不是 ${s(a.data)} …中的任何一个；无法为任何乡镇定位或绘图`,
      hint: (a) =>
        a.nearest
          ? `“${s(a.township)}”是否即数据中的“${s(a.nearest)}”？请按数据中的写法填写名称`
          : '这是否是这些乡镇的地图或位置文件？请按数据中的写法填写名称',
    },
    'township-not-on-map': {
      message: (a) => `乡镇“${s(a.township)}”不在地图 ${s(a.file)} 上：未绘出${a.located === 'no' ? '，转运方案中它既不能运出也不能接收粪污' : ''}`,
      hint: (a) => (a.nearest ? `是否即地图中的“${s(a.nearest)}”？请在两处写法一致` : '请在地图中补上该乡镇'),
    },
    'map-no-township': {
      message: (a) => `地图中的“${s(a.township)}”不对应数据中的任何乡镇：HTML 页面中以灰色绘出`,
      hint: (a) => (a.nearest ? `是否即“${s(a.nearest)}”？请按数据中的写法填写` : ''),
    },
    'region-name-differs': {
      message: (a) => `“${s(a.written)}”按另一文件中乡镇“${s(a.township)}”所在的“${s(a.known)}”读取`,
      hint: () => '请在各文件中把县（市、区）和市的名称写成一致',
    },
    'township-ambiguous': {
      message: (a) =>
        `多个县（市、区）都有乡镇“${s(a.township)}”（${s(a.places)
          .split(' / ')
          .map((p) => p.replace(' ', ''))
          .join('、')}），本文件未写明是哪一个`,
      hint: () => '请在本文件中加上“县（市、区）”列，与另一文件一致',
    },
  },
  ui: {
    township: '乡镇',
    county: '县（市、区）',
    level: '层级',
    levels: { township: '乡镇', county: '县（市、区）', city: '市', total: '合计' } as Record<string, string>,
    city: '市',
    noRegions: (level: string) =>
      `--by ${level}：文件中没有${level === 'county' ? '县（市、区）' : '市'}；请在作物文件中加上“${level === 'county' ? '县' : '市'}”列`,
    subtotal: '小计',
    total: '合计',
    stockPe: '存栏（猪当量）',
    capacityPe: '承载力（猪当量）',
    headroomPe: '剩余承载量（猪当量）',
    loadIndex: '负荷指数',
    loadGrade: '负荷等级',
    status: '状态',
    capacityRangePe: '承载力区间（猪当量）',
    capacityLowPe: '利用率取上限时承载力（猪当量）',
    capacityHighPe: '利用率取下限时承载力（猪当量）',
    headroomHead: (species: string) => `可增养${species}（${headUnit(species)}）`,
    limiting: '限制养分',
    cropDemandKg: (n: string) => `植物${nutrientZh(n)}养分需求量（kg）`,
    manureDemandKg: (n: string) => `粪肥${nutrientZh(n)}养分需求量（kg）`,
    supplyPerPeKg: (n: string) => `单位猪当量粪肥${nutrientZh(n)}养分供给量（kg/年）`,
    nutrientCapacityPe: (n: string) => `以${nutrientZh(n)}为基础的承载力（猪当量）`,
    statuses: { ok: '适载', warning: '预警', overloaded: '超载', 'no-land': '无消纳土地' },
    title: (basis: string) => `畜禽粪污土地承载力（以${basis}为基础）`,
    basisName: { N: '氮', P: '磷', both: '氮、磷中的限制养分' },
    summary: (n: number, counts: string) => `共 ${n} 个乡镇：${counts}`,
    regionSummary: (level: string, n: number, counts: string, townships: string) =>
      `共 ${n} 个${level === 'county' ? '县（市、区）' : '市'}：${counts}（${townships.replace(/^共 /, '')}）`,
    wholeCity: '全市',
    statusCount: (n: number, status: string) => `${n} 个${status}`,
    nutrientNames: { N: '氮', P: '磷' },
    enumSeparator: '、',
    orSeparator: '或',
    parametersHeading: '参数',
    coefficientsHeading: '系数',
    parameterNames: {
      basis: '测算基础',
      manureShare: '粪肥占施肥比例',
      nUseRate: '粪肥氮当季利用率',
      pUseRate: '粪肥磷当季利用率',
      nSupplyPerPe: '单位猪当量粪肥氮养分供给量（kg/年）',
      pSupplyPerPe: '单位猪当量粪肥磷养分供给量（kg/年）',
      soilGrade: '无土壤数据时的土壤分级',
      stockRatio: '存栏/出栏比',
    },
    sourceDefault: '默认值',
    sourceFile: (file: string) => `文件 ${file}`,
    sourceApi: '调用程序设定',
    sourceFlag: (flag: string) => `参数 ${flag}`,
    provenanceNames: {
      plan: '参考规划',
      lit: '公开文献',
      'guide-unverified': '未核实的指南数值',
      landcap: '本工具设定',
      none: '无',
      user: '用户数据',
      local: '本地词典',
    },
    forestNote: (share: string, list: string) =>
      `人工林提供的承载力占 ${share} 及以上的乡镇：${list}。人工林的 m³ 须为年生长量（蓄积年增长量），而非蓄积量（见 docs/method.md）`,
    namesNote: (list: string) => `按系数表名称计：${list}`,
    localNote: (count: number, list: string) => `取自本地词典（${count} 项数值和名称）：${list}`,
    localUptake: (n: string, value: string) => `${n === 'N' ? '氮' : '磷'}吸收量 ${value}`,
    localFactor: (value: string) => `猪当量系数 ${value}`,
    uptakeNote: (n: string, rows: string) => `每 100 kg 产量${nutrientZh(n)}吸收量（人工林为每 m³）：${rows}`,
    peFactorNote: (rows: string) => `猪当量折算系数：${rows}`,
    fertilisationNote: (rows: string) => `施肥供给养分占比（按土壤分级）：${rows}`,
    methodNote: '方法：农业部办公厅《畜禽粪污土地承载力测算技术指南》（农办牧〔2018〕1号）。',
    unverifiedNote: (n: number) => `${n} 个系数为广泛引用的指南数值，尚未与指南原文核对；如有本地数值请覆盖。`,
    warningsCount: (n: number) => `${n} 条警告，见标准错误输出`,
    errorsSummary: (errors: number, warnings: number) => `${errors} 个错误，${warnings} 条警告`,
    validOk: (files: number, rows: number, warnings: number) =>
      `通过：${files} 个文件共 ${rows} 行，无错误，${warnings === 0 ? '无警告' : `${warnings} 条警告`}`,
    invalid: (errors: number, warnings: number, files: number, rows: number) =>
      `未通过：${files} 个文件共 ${rows} 行中有 ${errors} 个错误${warnings === 0 ? '' : `、${warnings} 条警告`}`,
    unknown: '未识别',
    rowsCount: (n: number) => `${n} 行`,
    /** What validate says it read of a file: its kind, encoding and rows. */
    fileRead: (kind: string, encoding: string, rows: string) => `${kindZh(kind)}文件，${encoding}，${rows}`,
    notRead: '未读取：本地词典有错误',
    mapNotDrawn: (format: string) => `landcap：地图已与数据核对，但只在 HTML 页面（--format html）中绘出，${format} 格式中不绘`,
    runningSample: (name: string) => `landcap：未给出输入文件，改用内置示例数据 ${name}（请用 --crops 和 --livestock 指定自己的数据）`,
    moreProblems: (n: number) => `……另有 ${n} 条未显示（--max-errors）`,
    repeated: (n: number, code: string, line: number, lines: readonly number[], beyond: boolean) =>
      `${code} 与第 ${line} 行同类的问题另有 ${n} 处：第 ${lines.join('、')}${beyond ? '……' : ''} 行（可用 --format json 逐条列出）`,
    moreOfCode: (n: number, code: string, shown: number) => `${code}：除以上 ${shown} 条外，同类警告另有 ${n} 条`,
    internalError: '内部错误（landcap 的缺陷，请连同所运行的命令一并报告）',
    stdoutFailed: (reason: string) => `无法写入标准输出：${reason}`,
    fileReason: (path: string, reason: string) => `${path}：${reason}`,
    usageError: '用法',
    columnsOmitted: (columns: string) => `因终端宽度未显示：${columns}（--format md 或 csv 中有）`,
    progress: (file: string, percent: number) => `正在读取 ${file}…… ${percent}%`,
    hint: '提示',
    // 提示 after the message, not in brackets: a hint often has brackets of its own.
    withHint: (message: string, hint: string) => `${/[。？！]$/.test(message) ? message : `${message}。`}提示：${hint}`,
    errorLead: 'landcap：',
    paren: (text: string) => `（${text}）`,
    label: (name: string, value: string) => `${name}：${value}`,
    coefficientTableNames: {
      crops: '作物养分吸收量',
      'crop-aliases': '作物名称',
      species: '畜种与猪当量系数',
      'species-aliases': '畜种名称',
      groups: '作物与畜种分组',
      'fertilisation-shares': '施肥供给养分占比',
      'soil-thresholds': '土壤养分分级标准',
      'load-grades': '负荷指数分级',
      nutrients: '养分常数与默认参数',
    } as Record<string, string>,
    coefficientColumns: {
      crop: '作物',
      name_en: '英文名',
      group: '类别',
      measure: '计量',
      land_use: '用地类型',
      n_uptake: '氮吸收量',
      n_provenance: '氮来源类别',
      p_uptake: '磷吸收量',
      p_provenance: '磷来源类别',
      min_yield_per_mu: '亩产下限',
      max_yield_per_mu: '亩产上限',
      source: '来源',
      alias: '名称',
      relation: '关系',
      provenance: '来源类别',
      species: '畜种',
      pe_factor: '猪当量系数',
      pe_per_head: '每头猪当量',
      n_solid_share: '固体粪便氮占比',
      p_solid_share: '固体粪便磷占比',
      max_stock_per_township: '单个乡镇存栏上限',
      one_of: '须选其一',
      max_stock_source: '存栏上限来源',
      grade: '分级',
      share: '占比',
      nutrient: '养分',
      unit: '单位',
      grade_i_above: 'I 级下限',
      grade_iii_below: 'III 级上限',
      physical_max: '测定值上限',
      max_load_index: '负荷指数上限',
      meaning_zh: '含义',
      meaning_en: '英文含义',
      name: '名称',
      value: '数值',
    } as Record<string, string>,
    /** Values of the coefficient tables as Chinese readers name them (the files keep their codes). */
    coefficientValues: {
      group: { field: '大田作物', vegetable: '蔬菜', fruit: '果树', cash: '经济作物', grass: '草地', forest: '人工林' },
      measure: { kg: 'kg', m3: 'm³' },
      relation: { synonym: '同名', member: '归入' },
      nutrient: { N: '全氮', P: '有效磷' },
      name: {
        n_excretion_per_pe: '单位猪当量氮排泄量',
        p_excretion_per_pe: '单位猪当量磷排泄量',
        n_supply_per_pe: '单位猪当量粪肥氮养分供给量',
        p_supply_per_pe: '单位猪当量粪肥磷养分供给量',
        manure_share: '粪肥占施肥比例',
        n_use_rate: '粪肥氮当季利用率',
        n_use_rate_max: '粪肥氮当季利用率上限',
        p_use_rate: '粪肥磷当季利用率',
        p_use_rate_max: '粪肥磷当季利用率上限',
        soil_grade: '无土壤数据时的土壤分级',
        warning_load_index: '预警负荷指数',
        overload_load_index: '超载负荷指数',
        max_stock_other_species: '其他畜种单个乡镇存栏上限',
      },
      unit: {
        'kg N per PE per year': 'kg/（猪当量·年）',
        'kg P per PE per year': 'kg/（猪当量·年）',
        share: '比例',
        grade: '分级',
        'load index': '负荷指数',
        'head per township': '头（只）/乡镇',
      },
    } as Record<string, Record<string, string>>,
    listSeparator: '，',
    clauseSeparator: '；',
    explain: {
      title: (township: string, basis: string) => `${township}（以${basis}为基础）`,
      cropDemand: (n: string) => `1. 植物${nutrientZh(n)}养分需求   D = 产量 ÷ 100 × 吸收量（人工林：m³ × 每 m³ 吸收量）`,
      manureDemand: (n: string) => `2. 粪肥${nutrientZh(n)}养分需求   M = Σ (D × FS) × MS ÷ UR，FS 按土壤分级`,
      capacity: '3. 承载力   C = M ÷ 单位猪当量养分供给量',
      stock: '4. 存栏   S = Σ 存栏量 × 猪当量系数',
      balance: '5. 平衡',
      rowsOf: (file: string) => `${file} 中的行`,
      localSources: (list: string) => `取自本地词典：${list}`,
      scenarioRow: '情景',
      scenarioChanged: (inFile: string) => `情景；文件中为 ${inFile}`,
      line: '行',
      crop: '作物',
      production: '产量',
      uptake: (n: string) => `${nutrientZh(n)}吸收量`,
      demand: (n: string) => `${nutrientZh(n)}需求（kg）`,
      soilGrade: '土壤分级',
      species: '畜种',
      head: '存栏',
      peFactor: '猪当量系数',
      pe: '猪当量',
      gradeDefault: '默认',
      gradeFromSoil: (place: string) => `土壤 ${place}`,
      gradeMeasured: (place: string, value: string, landUse: string) => `土壤 ${place}：${value} 按${landUse}分级`,
      fromAreaYield: '面积 × 单产',
      fromSlaughter: (slaughter: string, ratio: string) => `由出栏 ${slaughter} × ${ratio}`,
      sumD: (v: string) => `D = ${v} kg`,
      gradeLine: (grade: string, d: string, fs: string, source: string, product: string) => `${grade} 级：${d} × FS ${fs} [${source}] = ${product}`,
      manureLine: (sum: string, ms: string, msSource: string, ur: string, urSource: string, m: string) =>
        `${sum} × MS ${ms}（${msSource}）÷ UR ${ur}（${urSource}）= M = ${m} kg`,
      capacityLine: (n: string, m: string, supply: string, source: string, c: string) => `C(${n}) = ${m} ÷ ${supply} kg（${source}）= ${c} 猪当量`,
      rangeLine: (low: string, high: string, range: string) => `按指南利用率区间 ${range}：${low} – ${high} 猪当量`,
      limitingLine: (n: string) => `承载力取较小者：限制养分为${nutrientZh(n)}`,
      sumS: (v: string) => `S = ${v} 猪当量`,
      loadLine: (s: string, c: string, index: string, grade: string, meaning: string, status: string) =>
        `负荷指数 S ÷ C = ${s} ÷ ${c} = ${index} → ${grade} 级（${meaning}），状态：${status}`,
      noCapacity: (status: string) => `无承载力：状态 ${status}`,
      headroomLine: (h: string, species: string) => `剩余承载量 C − S = ${h} 猪当量，即可再养${species}（任选其一）`,
      overLine: (h: string, species: string) => `剩余承载量 C − S = ${h} 猪当量，已超载；需减少${species}（任选其一）方可承载`,
      headroomEach: (head: string, species: string) => `${species} ${head} ${headUnit(species)}`,
      headroomOr: '，或',
      notFound: (name: string, near: string) => `数据中没有乡镇“${name}”${near ? `；最接近的：${near}` : ''}`,
      notInCounty: (name: string, county: string, counties: string) => `数据中${county}没有乡镇“${name}”；有此乡镇的是：${counties}`,
      ambiguous: (name: string, counties: string) => `数据中不止一个县（市、区）有乡镇“${name}”：${counties}；请用 --county 指明`,
    },
    scenarioUnmatched: (where: string) => `${where} 未匹配到任何数据行，未作改变`,
    transfer: {
      badKm: '请给出最远运距（km），大于 0 且不超过 1000',
      maxKmAlone: '--max-km 是转运方案的运距：请同时给出各乡镇位置（--places 文件 或 --map 文件.geojson）',
      noLocations: '请给出各乡镇位置：--places 文件（经纬度）或 --map 文件.geojson（乡镇范围）',
      title: (km: string) => `粪污转运方案（运距 ${km} km 以内）`,
      summary: (surplus: string, placed: string, unplaced: string, peKm: string, km: string) =>
        `超载部分共 ${surplus} 猪当量：${km} km 以内可消纳 ${placed}，无法消纳 ${unplaced}；运量 ${peKm} 猪当量·千米。`,
      from: '运出乡镇',
      to: '接收乡镇',
      pe: '转运量（猪当量/年）',
      km: '距离（km）',
      surplus: '超载量（猪当量）',
      sent: '运出（猪当量）',
      received: '接收（猪当量）',
      unplaced: '无法消纳（猪当量）',
      before: '转运前负荷指数',
      after: '转运后负荷指数',
      flows: '转运去向',
      flowsSheet: '转运去向',
      why: '无法消纳的原因',
      reasons: { 'no-location': '无位置', 'none-within-reach': '运距内无可接收的乡镇', 'receivers-full': '运距内可接收的乡镇已满' },
      townshipsSheet: '各乡镇',
      townships: '运出、接收或仍有超载的乡镇',
      placed: '可消纳（猪当量）',
      peKm: '猪当量·千米',
      none: '运距以内没有可消纳的超载量。',
      explainHeading: (km: string) => `转运方案（运距 ${km} km 以内）中`,
      explainSends: (to: string, pe: string, km: string) => `每年运出 ${pe} 猪当量至${to}，${km} 千米`,
      explainReceives: (from: string, pe: string, km: string) => `每年接收来自${from}的 ${pe} 猪当量，${km} 千米`,
      explainUnplaced: (pe: string, why: string) => `超载量中有 ${pe} 猪当量无法消纳：${why}`,
      explainNone: '无转运',
    },
    compare: {
      title: (base: string, scenario: string) => `${scenario} 与 ${base} 对比`,
      stockChange: '存栏变化（猪当量）',
      capacityChange: '承载力变化（猪当量）',
      headroomChange: '剩余承载量变化（猪当量）',
      absent: '无',
      before: (label: string) => `基准${label}`,
      after: (label: string) => `情景${label}`,
      summary: (n: number) => `${n} 个乡镇承载状态发生变化`,
      baseLabel: '基线',
      notAReport: (file: string) => `${file} 不是 landcap 报告（请用 landcap report --format json 生成）`,
      needTwo: '请给出两个报告 JSON 文件（基线 情景），或用 --scenario 文件 及输入数据',
      basesDiffer: (base: string, baseBasis: string, scenario: string, scenarioBasis: string) =>
        `警告：${base} 以${baseBasis}为基础，${scenario} 以${scenarioBasis}为基础：两者的承载力口径不同，下列变化混合了两种口径`,
    },
    farm: {
      title: (solidsSold: boolean) => `规模养殖场配套土地面积${solidsSold ? '（固体粪便堆肥外供、肥水就地利用）' : ''}`,
      supply: '1. 粪肥养分供给量   F = Σ 存栏 × 猪当量系数 × 单位猪当量排泄量 × 留存率',
      species: '畜种',
      head: '存栏',
      peFactor: '猪当量系数',
      pe: '猪当量',
      supply_: (n: string) => `${nutrientZh(n)}供给（kg/年）`,
      liquid: '液体部分比例',
      retentionDefault: '默认：单位猪当量供给量 ÷ 排泄量',
      retentionGiven: '指定值',
      supplyLine: (n: string, excretion: string, retention: string, source: string, liquid: string, supply: string) =>
        `F(${n}) = Σ 猪当量 × ${excretion} kg × ${retention}（${source}）${liquid} = ${supply} kg`,
      demand: '2. 单位土地粪肥养分需求   d = Σ 轮作作物（目标产量 ÷ 100 × 吸收量）× FS × MS ÷ UR',
      crop: '作物',
      targetYield: '目标产量/亩',
      uptake: (n: string) => `${nutrientZh(n)}吸收量`,
      perMu: (n: string) => `${n} kg/亩`,
      demandLine: (n: string, uptake: string, grade: string, fs: string, ms: string, ur: string, d: string) =>
        `d(${n}) = ${uptake} × FS ${fs}（土壤 ${grade} 级）× MS ${ms} ÷ UR ${ur} = ${d} kg/亩`,
      land: '3. 配套土地   F ÷ d',
      landLine: (n: string, f: string, d: string, mu: string, ha: string) => `${n}：${f} ÷ ${d} = ${mu} 亩 = ${ha} 公顷`,
      result: (n: string, mu: string, ha: string) => `该场需配套此轮作土地 ${mu} 亩（${ha} 公顷）；限制养分为 ${n}`,
      needStock: '请给出存栏：--stock 畜种=存栏（可重复）或 --livestock 文件',
      needCrops: '请给出轮作：--crop 作物=目标产量（kg/亩，可重复）',
      badStock: (item: string) => `“${item}”不是 畜种=存栏 或 畜种=存栏:猪当量系数（存栏和系数须大于 0）`,
      badCrop: (item: string) => `“${item}”不是 作物=产量 或 作物=产量:氮吸收量:磷吸收量（各数须大于 0，产量为 kg/亩）`,
      unknownSpecies: (name: string, near: string) => `未知畜种“${name}”${near ? `（是否为“${near}”？）` : ''}；请写作 ${name}=存栏:系数`,
      noFactor: (name: string) => `指南未给出${name}的猪当量系数：请写作 ${name}=存栏:系数`,
      noSolidShare: (name: string) => `没有${name}的固体粪便养分比例，--solids-sold 无法拆分其粪污`,
      unknownCrop: (name: string, near: string) => `未知作物“${name}”${near ? `（是否为“${near}”？）` : ''}；请写作 ${name}=产量:氮吸收量:磷吸收量`,
    },
    initExists: (files: string) => `不覆盖已有文件 ${files}（覆盖请加 --force）`,
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
      `${a.townships} 个乡镇的土地可承载 ${a.capacity} 猪当量的粪污，现有存栏 ${a.stock} 猪当量（负荷指数 ${a.loadIndex}，${a.grade} 级，${a.status}）。` +
      (a.overloaded > 0 ? `${a.overloaded} 个乡镇超载：${a.overloadedNames}。` : '没有乡镇超载。') +
      (a.warning > 0 ? `${a.warning} 个乡镇接近承载上限（负荷指数超过 0.7）。` : '') +
      (a.noLand > 0 ? `${a.noLand} 个乡镇有畜禽但无消纳土地。` : ''),
    xlsx: {
      balance: '承载力测算',
      chain: '养分测算明细',
      parameters: '参数',
      coefficients: '系数',
      problems: '问题',
      files: '文件',
      comparison: '情景对比',
      parameterColumns: ['参数', '取值', '来源'],
      coefficientColumns: ['系数', '名称', '数值', '出处类别', '来源', '使用行数'],
      problemColumns: ['文件', '行', '列', '级别', '代码', '说明', '提示'],
      fileColumns: ['文件', '类型', '编码', '行数'],
      severities: { error: '错误', warning: '警告', note: '说明' },
      uptake: (nutrient: string) => `每 100 kg 产量${nutrient}吸收量`,
      peFactor: '猪当量折算系数',
      fertilisationShare: '施肥供给养分占比（按土壤分级）',
      name: '名称对应',
      requiresOutput: '--format xlsx 输出的是工作簿：请用 --output 文件名.xlsx 指定文件',
    },
    html: {
      basis: (name: string) => `以${name}为基础`,
      totalCapacity: '承载力（猪当量）',
      totalStock: '存栏（猪当量）',
      loadIndex: '负荷指数（分级）',
      headroom: '剩余承载量（猪当量）',
      loadChart: '各乡镇负荷指数',
      countyChart: '各县（市、区）负荷指数',
      stockCapacityChart: '各乡镇存栏与承载力',
      chartMostLoaded: (shown: number, all: number) => `图中为 ${all} 个乡镇中负荷最高的 ${shown} 个；下表列出全部乡镇。`,
      table: '各乡镇平衡表',
      regionTable: { county: '各县（市、区）平衡表', city: '各市平衡表' },
      footer: (generator: string) => `由 ${generator} 按国家方法（农办牧〔2018〕1号）测算；各系数来源见上文。`,
      transferFooter: (generator: string) =>
        `由 ${generator} 按国家方法（农办牧〔2018〕1号）测算；同一输入的承载力报告（landcap report）列出各参数与系数及其来源。`,
      map: '各乡镇承载状况图',
      transferMap: '转运方案图：乡镇按转运前状况着色，箭头为转运',
      offData: '数据中无此乡镇',
      km: (km: string) => `${km} 千米`,
      flowTitle: (from: string, to: string, pe: string, km: string) => `${from} → ${to}：每年 ${pe} 猪当量，${km} 千米`,
      beforeAfter: (before: string, after: string) => `负荷指数 ${before} → ${after}`,
    },
    io: {
      'not-found': () => '文件不存在',
      'is-directory': () => '是文件夹而不是文件',
      permission: () => '没有权限',
      'not-a-folder': () => '文件夹不存在或不是文件夹',
      'no-space': () => '磁盘空间不足',
      'read-only': () => '磁盘为只读',
      'too-large': (max: string) => `超过 landcap 可读取的上限 ${Number(max) / 2 ** 20} MB：请拆分（例如按县）`,
      'is-input': (input: string) => `是本次运行的输入文件（${input}）：landcap 不会覆盖输入文件，请另选文件名`,
      'old-workbook': () => '是 Excel 97–2003（.xls）或 WPS（.et）工作簿，landcap 不读取这种格式：请在 Excel 或 WPS 中打开并另存为 .xlsx（或 CSV UTF-8）',
      other: (detail: string) => detail,
    },
    paramErrors: {
      share: () => '应为 1% 至 100% 之间的比例（40% 即 0.4）',
      supply: (a) => `应在 ${s(a.min)} 至 ${s(a.max)} kg ${s(a.nutrient)}/年之间：不超过一个猪当量的年排泄量（${s(a.max)} kg），不低于其 1%`,
      positive: (a) => `应大于 0${a.max ? `且不超过 ${s(a.max)}` : ''}`,
      'one-of': (a) => `应为 ${s(a.values)} 之一`,
      'unknown-keys': (a) => `未知的键 ${s(a.keys)}${a.known ? `（可用：${s(a.known)}）` : ''}`,
      'not-number': (a) => `“${s(a.text)}”不是数字`,
      'not-species-ratio': (a) => `“${s(a.text)}”不是 畜种=比值 的形式，例如 生猪=0.5`,
      'not-utf8': () => '不是 UTF-8 文本：请另存为 UTF-8',
      'not-text': (a) => `不是 ${s(a.encoding)} 文本（第 ${s(a.line)} 行）：请另存为 UTF-8`,
      'not-json': (a) => `不是有效的 JSON：${s(a.detail)}`,
      'json-duplicate-key': (a) => `同一对象中键“${s(a.key)}”出现了两次（第 ${s(a.line)} 行第 ${s(a.column)} 列），请只保留一个`,
      'json-too-deep': (a) => `嵌套超过 ${s(a.depth)} 层（第 ${s(a.line)} 行第 ${s(a.column)} 列）：参数或情景文件不会有这样的结构`,
      'json-number-too-large': (a) => `${s(a.text)} 超出数值范围（第 ${s(a.line)} 行第 ${s(a.column)} 列）`,
      'not-finite': (a) => `${s(a.text)} 不是有限的数`,
      'set-syntax': (a) => `“${s(a.text)}”不是 参数名=值 的形式（参数名：${s(a.names)}）`,
      invalid: (a) => s(a.detail),
      'one-change': () => 'percent、add、set 三者须且只能给出一个',
      'unknown-species': (a) => `未知畜种“${s(a.name)}”${a.suggestion ? `（是否为“${s(a.suggestion)}”？）` : ''}`,
      'unknown-crop': (a) => `未知作物“${s(a.name)}”${a.suggestion ? `（是否为“${s(a.suggestion)}”？）` : ''}`,
      'below-zero': (a) => `使${s(a.township)}的${s(a.name)}小于零（${s(a.place)}）`,
      'too-many': (a) => `使${s(a.township)}的${s(a.name)}达到 ${num(a.value)} 头，超过任何乡镇的规模（上限 ${num(a.max)}）`,
      'no-area': (a) => `修改${s(a.township)}${s(a.name)}的面积，但该行没有面积（${s(a.place)}）`,
      'no-factor': (a) => `指南未给出${s(a.name)}的猪当量折算系数`,
      'township-ambiguous': (a) => `所指的${s(a.township)}在数据中不止一个县（市、区）都有（${s(a.counties)}）：请同时给出 "county"`,
    },
    usage: {
      sampleWithFiles: '--sample 不能与 --crops、--livestock、--soil 同时使用',
      formatNotOutput: (format: string, file: string, named: string) =>
        `--format ${format} 与 --output ${file} 不符：文件名表明是 ${named}；请用 --format ${named}，或换一个文件名`,
      mapNotTable: (file: string) => `--map ${file}：地图应为 GeoJSON 文件；经纬度表格请用 --places 给出`,
      needBoth: '需要同时给出 --crops 和 --livestock（或都不给，以运行内置示例）',
      sheetSyntax: (item: string, kinds: string) => `--sheet ${item}：应写为 类别=工作表名，类别为 ${kinds} 之一（如 --sheet crops=农作物）`,
      noSample: (name: string, list: string) => `没有名为“${name}”的内置示例；可用示例：${list}`,
      filesOrSample: '请给出文件或 --sample，不能两者都给',
      noFiles: '没有要检查的文件（请给出文件，或 --sample 示例名）',
      emptyOutput: '--output 为空：请给出文件名，或用 - 表示标准输出',
      share: (flag: string) => `${flag}：应为 1% 至 100% 之间的比例`,
    },
    errorPrefix: '错误：',
    commander: {
      unknownOption: (q: string[], text: string) =>
        `未知选项 ${q[0] ?? ''}${/Did you mean (\S+)\?/.exec(text) ? `（是否为 ${/Did you mean (\S+)\?/.exec(text)![1]}？）` : ''}`,
      unknownCommand: (q: string[]) => `未知命令 ${q[0] ?? ''}`,
      missingArgument: (q: string[]) => `缺少参数 ${q[0] ?? ''}`,
      optionMissingArgument: (q: string[]) => `选项 ${q[0] ?? ''} 缺少取值`,
      missingMandatoryOptionValue: (q: string[]) => `必须给出选项 ${q[0] ?? ''}`,
      invalidArgument: (q: string[], text: string) => {
        const choices = /Allowed choices are (.*)\.$/.exec(text)?.[1];
        // The reason landcap's own check gives (already in Chinese), after commander's words.
        const reason = choices === undefined ? /is invalid\.\s*(.+)$/s.exec(text)?.[1]?.trim() : undefined;
        return `选项 ${q[0] ?? ''} 的取值 ${q[1] ?? ''} 无效${choices !== undefined ? `，可选值：${choices}` : reason ? `：${reason}` : ''}`;
      },
      excessArguments: (q: string[]) => `命令 ${q[0] ?? ''} 的参数过多`,
      conflictingOption: (_q: string[], text: string) => text,
    },
    overloadFailure: (n: number) => `${n} 个乡镇超载或无消纳土地（--fail-on-overload）`,
    outputWritten: (file: string) => `已写入：${file}`,
  },
};
