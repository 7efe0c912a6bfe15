import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: [
      'utils/**/*.test.{ts,tsx}',
      'components/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    // End-to-end tests start real browsers: give them time, and run files one at a time
    // so two browsers never compete for the machine's two cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // .ci/run reads this report to print CI's one-line summary.
    reporters: process.env.MARGIN_TEST_REPORT
      ? ['default', ['json', { outputFile: process.env.MARGIN_TEST_REPORT }]]
      : ['default'],
  },
});
