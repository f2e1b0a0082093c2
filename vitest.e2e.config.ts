import { defineConfig } from 'vitest/config';

// Browser tests (Chromium through playwright-core): npm run test:e2e. Kept out of the default `vitest run`
// (vite.config.ts excludes test/e2e/**). Standalone: it does not load vite.config.ts or the app's plugins.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    env: { TZ: 'UTC' },
  },
});
