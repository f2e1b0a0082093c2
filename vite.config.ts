import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { landingPlugin } from './src/app/landing/vite-plugin.ts';

// bench:app builds the same app on other snapshots by pointing PANTAU_PUBLIC_DIR at another public folder.
const publicDir = process.env.PANTAU_PUBLIC_DIR ?? fileURLToPath(new URL('./public', import.meta.url));

// The app is a static site: everything it loads comes from its own origin (public/ and the bundle).
export default defineConfig({
  plugins: [react(), landingPlugin(publicDir)],
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
