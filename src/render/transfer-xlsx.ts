import type { TransferPlan } from '../transfer/plan.js';
import type { RenderContext } from './context.js';
import { STATUS_FILL } from './report-xlsx.js';
import { flowEnds, placeColumns } from './transfer.js';
import { workbook, type Cell, type CellValue, type Sheet } from './xlsx.js';

/**
 * The transfer plan as a workbook (docs/transfer.md): a sheet of its flows with their total, and a sheet of every
 * township with its surplus, sent, received, unplaced and load index before and after; numbers at full precision.
 */
export function renderTransferXlsx(plan: TransferPlan, { t }: RenderContext): Uint8Array {
  const x = t.ui.transfer;
  const { heads: placeHeads, cells: place } = placeColumns(plan, t);
  const bold = { bold: true };
  const flows: Sheet = {
    name: x.flowsSheet,
    columns: [...placeHeads(x.from), ...placeHeads(x.to), x.pe, x.km, x.peKm].map((header, i, all) => ({
      header,
      format: i >= all.length - 3 ? (i === all.length - 2 ? '0.0' : '#,##0') : undefined,
    })),
    rows: [
      ...plan.flows.map((f) => {
        const { fromEnd, toEnd } = flowEnds(f);
        return [...place(fromEnd), ...place(toEnd), f.pe, f.km, f.pe * f.km];
      }),
      [
        { value: t.ui.total, style: bold },
        ...placeHeads('').slice(1).map(() => ''),
        ...placeHeads('').map(() => ''),
        { value: plan.total.placedPe, style: bold },
        '',
        { value: plan.total.peKm, style: bold },
      ],
    ],
    frozenColumns: placeHeads('').length,
  };
  const townships: Sheet = {
    name: x.townshipsSheet,
    columns: [
      ...placeHeads(t.ui.township).map((header) => ({ header })),
      ...[t.ui.stockPe, t.ui.capacityPe, x.surplus, x.sent, x.received, x.unplaced].map((header) => ({ header, format: '#,##0' })),
      { header: x.before, format: '0.000' },
      { header: x.after, format: '0.000' },
      { header: t.ui.status },
      { header: x.why },
    ],
    rows: plan.townships.map((s): (Cell | CellValue)[] => [
      ...place(s),
      s.stockPe,
      s.capacityPe,
      s.surplusPe,
      s.sentPe,
      s.receivedPe,
      s.unplacedPe,
      s.loadIndexBefore,
      s.loadIndexAfter,
      { value: t.ui.statuses[s.status], style: { fill: STATUS_FILL[s.status] } },
      s.unplacedReason ? x.reasons[s.unplacedReason] : '',
    ]),
    frozenColumns: placeHeads('').length,
  };
  return workbook([flows, townships]);
}
