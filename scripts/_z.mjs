import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { readXml } from '../dist/input/xml.js';
const z = unzipSync(readFileSync('/tmp/xl/big.xlsx'));
const x = z['xl/worksheets/sheet1.xml'];
console.log(Buffer.from(x.subarray(0, 800)).toString());
let n = 0;
const t0 = Date.now();
readXml(x.subarray(0, 3000), {
  open(name, tag) {
    n++;
    tag.attr('r');
    tag.attr('t');
  },
  close() {},
  wantText: () => true,
  text() {},
});
console.log('ok', n, Date.now() - t0);
