#!/usr/bin/env node
// Prints the plain summary line CI reads — "tests: N passed, M failed" — from vitest's JSON report,
// and exits non-zero when anything failed (or the tests never ran, e.g. because the type check failed).
import { existsSync, readFileSync } from 'node:fs';

const [file = 'test-output/vitest.json', statusText = '0'] = process.argv.slice(2);
const status = Number(statusText);
if (!existsSync(file)) {
  console.log(`tests: 0 passed, 1 failed (no test report: the build or type check failed, exit ${status})`);
  process.exit(1);
}
const result = JSON.parse(readFileSync(file, 'utf8'));
const passed = result.numPassedTests ?? 0;
const failed = (result.numFailedTests ?? 0) + (status !== 0 && result.numFailedTests === 0 ? 1 : 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
