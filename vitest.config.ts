import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    // Two cores: integration and browser files each start servers; two at a time keeps them honest.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Hooks start servers and browsers: generous, so a busy machine is not mistaken for a failure.
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
