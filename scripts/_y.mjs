import { readXml } from '../dist/input/xml.js';
const xml = Buffer.from(
  '<?xml version="1.0"?><worksheet xmlns="x"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>',
);
let n = 0;
readXml(xml, {
  open(name, tag) {
    console.log('open', name, tag.attr('r'), tag.attr('ref'));
    if (++n > 50) process.exit(1);
  },
  close(name) {
    console.log('close', name);
  },
  wantText: () => true,
  text(t) {
    console.log('text', t);
  },
});
