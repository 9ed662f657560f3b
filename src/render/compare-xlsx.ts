import type { Comparison } from '../compare/compare.js';
import type { Status } from '../method/types.js';
import type { RenderContext } from './context.js';
import { compareRows, rowName } from './compare.js';
import { STATUS_FILL } from './report-xlsx.js';
import { workbook } from './xlsx.js';

/** compare --format xlsx: a row per township, county, city and the total, each figure of both runs and the change as numbers. */
export function renderComparisonXlsx(c: Comparison, { lang, t }: RenderContext): Uint8Array {
  const x = t.ui.compare;
  const count = lang === 'zh' ? '0\\.0,"万"' : '#,##0';
  const status = (s: Status | undefined) => (s === undefined ? { value: x.absent } : { value: t.ui.statuses[s], style: { fill: STATUS_FILL[s] } });
  return workbook([
    {
      name: t.ui.xlsx.comparison,
      columns: [
        { header: t.ui.township },
        ...[
          [t.ui.stockPe, x.stockChange],
          [t.ui.capacityPe, x.capacityChange],
          [t.ui.headroomPe, x.headroomChange],
        ].flatMap(([label, change]) => [
          { header: x.before(label!), format: count },
          { header: x.after(label!), format: count },
          { header: change!, format: count },
        ]),
        { header: x.before(t.ui.loadIndex), format: '0.000' },
        { header: x.after(t.ui.loadIndex), format: '0.000' },
        { header: x.before(t.ui.status) },
        { header: x.after(t.ui.status) },
      ],
      rows: compareRows(c).map((r) => {
        const bold = r === c.total || r.level !== undefined;
        const n = (v: number | null | undefined) => ({ value: v, style: bold ? { bold } : {} });
        return [
          { value: rowName(r, lang, t), style: bold ? { bold } : {} },
          n(r.base?.stockPe),
          n(r.scenario?.stockPe),
          n(r.change?.stockPe),
          n(r.base?.capacityPe),
          n(r.scenario?.capacityPe),
          n(r.change?.capacityPe),
          n(r.base?.headroomPe),
          n(r.scenario?.headroomPe),
          n(r.change?.headroomPe),
          n(r.base?.loadIndex),
          n(r.scenario?.loadIndex),
          status(r.base?.status),
          status(r.scenario?.status),
        ];
      }),
      frozenColumns: 1,
    },
  ]);
}
