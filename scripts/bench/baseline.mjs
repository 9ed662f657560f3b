// The baseline of the benchmark: read and parse the same files with csv-parse, in the same process model as
// landcap (its worker threads over newline-aligned chunks, when landcap uses them), and nothing else.
//   node scripts/bench/baseline.mjs FILE...
import { parseOnly } from '../../dist/api.js';

const rows = await parseOnly(process.argv.slice(2));
process.on('exit', () => process.stderr.write(`@@maxrss ${process.resourceUsage().maxRSS}\n`));
console.log(JSON.stringify({ rows }));
