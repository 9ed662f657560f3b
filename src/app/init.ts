import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ioReason } from '../file-errors.js';
import type { Messages } from '../i18n/en.js';
import { loadCoefficients } from '../coefficients/load.js';
import { defaultParameters } from '../params/params.js';
import { SOURCE_TO_FILL } from '../input/local.js';
import { UsageError } from './errors.js';
import { OutputFileError, writeFileAtomic } from './output.js';

interface Template {
  readonly file: string;
  readonly comment: string[];
  readonly header: string;
  readonly example: string | string[];
}

/** The templates: each kind in English and in Chinese headers, with commented example rows. */
const TEMPLATES: Template[] = [
  {
    file: 'crops.csv',
    comment: [
      'landcap crops file: one row per township and crop. Give the production, or the area and the yield (亩 or 公顷 columns).',
      'Lines starting with # are ignored: replace the example row with your data. Local names and values go in local.csv (--local).',
    ],
    header: 'township,crop,area_mu,yield_kg_per_mu,production_kg,n_uptake,p_uptake,land_use',
    example: '城关街道,玉米,1200,544,,,,',
  },
  {
    file: 'crops.zh.csv',
    comment: [
      'landcap 作物文件：每个乡镇、每种作物一行。填写总产量，或面积和单产（可用亩或公顷列）。',
      '以 # 开头的行不读取：请用数据替换示例行。本地名称和本地数值写在本地词典 local.zh.csv 中（--local）。',
    ],
    header: '乡镇,作物,面积(亩),单产(kg/亩),总产量(kg),氮吸收量,磷吸收量,用地类型',
    example: '城关街道,玉米,1200,544,,,,',
  },
  {
    file: 'livestock.csv',
    comment: [
      'landcap livestock file: one row per township and species, head in stock (存栏).',
      'slaughter only with --stock-ratio; pe_factor only for species the guide does not list (兔, 马 …). Lines starting with # are ignored.',
    ],
    header: 'township,species,stock,slaughter,pe_factor',
    example: '城关街道,生猪,3051,,',
  },
  {
    file: 'livestock.zh.csv',
    comment: [
      'landcap 畜禽文件：每个乡镇、每个畜种一行，填写存栏量。',
      '出栏量需配合 --stock-ratio；猪当量系数仅用于指南未列的畜种（兔、马等）。以 # 开头的行不读取。',
    ],
    header: '乡镇,畜种,存栏量(头),出栏量(头),猪当量系数',
    example: '城关街道,生猪,3051,,',
  },
  {
    file: 'soil.csv',
    comment: [
      'landcap soil file (optional): per township, and optionally per land use (旱地, 水田, 菜地, 果园), a grade (I, II, III) or a measured value.',
      'total N in g/kg, available P in mg/kg. Lines starting with # are ignored.',
    ],
    header: 'township,land_use,n_grade,total_n_g_per_kg,p_grade,available_p_mg_per_kg',
    example: '城关街道,,II,,,25',
  },
  {
    file: 'soil.zh.csv',
    comment: [
      'landcap 土壤文件（可选）：每个乡镇（可再按用地类型：旱地、水田、菜地、果园）填写分级（I、II、III）或测定值。',
      '全氮单位 g/kg，有效磷单位 mg/kg。以 # 开头的行不读取。',
    ],
    header: '乡镇,用地类型,氮分级,全氮(g/kg),磷分级,有效磷(mg/kg)',
    example: '城关街道,,II,,,25',
  },
  {
    file: 'local.csv',
    comment: [
      "landcap local dictionary (--local, docs/local.md): the county's names and values, one name a row, each with its source.",
      "A row either reads a name as a crop or species of the tables (means), or gives values: a crop's N and P uptake per 100 kg and land use, a species' pe_factor, or a local value over the guide's. Lines starting with # are ignored.",
    ],
    header: 'name,means,n_uptake,p_uptake,land_use,measure,pe_factor,source',
    example: [
      '水牛,肉牛,,,,,,"water buffalo kept for meat and draught, counted as beef cattle: county livestock station, 2024"',
      `木薯,,0.3,0.05,旱地,,,"${SOURCE_TO_FILL.en}"`,
    ],
  },
  {
    file: 'local.zh.csv',
    comment: [
      'landcap 本地词典（--local，见 docs/local.md）：本县的作物、畜种名称和本地数值，每行一个名称，来源必填。',
      '一行要么填“对应”（把该名称按系数表中的作物或畜种计），要么填数值：本地作物每 100 kg 产量的氮、磷吸收量和用地类型，本地畜种的猪当量系数，或替代指南数值的本地数值。以 # 开头的行不读取。',
    ],
    header: '名称,对应,氮吸收量,磷吸收量,用地类型,计量,猪当量系数,来源',
    example: ['水牛,肉牛,,,,,,本县水牛以肉用和役用为主，按肉牛折算（县畜牧站 2024 年意见）', `木薯,,0.3,0.05,旱地,,,${SOURCE_TO_FILL.zh}`],
  },
];

/**
 * Writes the templates into a folder (made if missing): crops, livestock and soil CSV files and a local dictionary,
 * with English and with Chinese headers, each with a byte-order mark (so that Excel opens its Chinese text), two comment lines on its
 * columns and a commented example row; and params.json with the defaults. Existing files are kept unless `force`.
 * Resolves to the paths written.
 */
export async function writeTemplates(dir: string, force: boolean, t: Messages): Promise<string[]> {
  const defaults = defaultParameters(await loadCoefficients()).values;
  const files: [string, string][] = [
    ...TEMPLATES.map((tm): [string, string] => [
      tm.file,
      `\uFEFF${tm.comment.map((l) => `# ${l}`).join('\n')}\n${tm.header}\n${[tm.example]
        .flat()
        .map((e) => `# ${e}\n`)
        .join('')}`,
    ]),
    ['params.json', `${JSON.stringify(defaults, null, 2)}\n`],
  ];
  if (!force) {
    const present = [];
    for (const [file] of files) if (await exists(join(dir, file))) present.push(join(dir, file));
    if (present.length > 0) throw new UsageError(t.ui.initExists(present.join(', ')));
  }
  await makeFolder(dir).catch((error: NodeJS.ErrnoException) => {
    throw new OutputFileError(
      dir,
      error.code === 'EEXIST' || error.code === 'ENOTDIR' || error.code === 'ENOENT' ? 'not-a-folder' : ioReason(error),
      error.message,
    );
  });
  for (const [file, text] of files) await writeFileAtomic(join(dir, file), text);
  return files.map(([file]) => join(dir, file));
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Makes a folder and any of its parents missing, one level at a time. Node's own recursive mkdir never returns when
 * the file system refuses a folder with ENOENT although its parent is there (under /proc, for one).
 */
async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeFolder(parent);
    await mkdir(dir);
  }
}
