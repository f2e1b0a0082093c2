import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { landingPlugin } from './scripts/vite-landing.ts';
import { isWorkingEntry } from './src/pipeline/snapshot-dir.ts';

// bench:app builds the same app on other snapshots by pointing PANTAU_PUBLIC_DIR at another public folder.
const publicDir = process.env.PANTAU_PUBLIC_DIR ?? fileURLToPath(new URL('./public', import.meta.url));

// The app is a static site: everything it loads comes from its own origin (public/ and the bundle).
export default defineConfig({
  plugins: [react(), landingPlugin(publicDir), withoutBuildWork()],
  base: './',
  publicDir,
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests run after the site is built: npm run test:e2e (vitest.e2e.config.ts).
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});

/** A build's working entries in public/data (a running or killed build's staging folder, the lock) never reach dist/. */
function withoutBuildWork(): Plugin {
  let dataDir = '';
  return {
    name: 'pantau-without-build-work',
    apply: 'build',
    configResolved(config) {
      dataDir = join(resolve(config.root, config.build.outDir), 'data');
    },
    closeBundle() {
      if (!existsSync(dataDir)) return;
      for (const name of readdirSync(dataDir).filter(isWorkingEntry)) rmSync(join(dataDir, name), { recursive: true, force: true });
    },
  };
}
