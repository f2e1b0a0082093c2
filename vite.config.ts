import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The app is a static site: everything it loads comes from its own origin (public/ and the bundle).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
