import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // Both cores: the test files run two at a time (much of a run through the binary is waiting on it).
    maxWorkers: 2,
    isolate: false,
    hookTimeout: 60_000,
    // The JSON report is what CI's summary line (scripts/test-summary.mjs) is read from.
    // One temporary folder for the run, removed at its end.
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
  },
});
