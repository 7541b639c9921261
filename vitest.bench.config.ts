import { defineConfig } from 'vitest/config';

// Benchmarks: the same global setup (client build, local database) as the tests, one file at a time.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
