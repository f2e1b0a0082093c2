import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Layers point one way: app -> state, db, domain; pipeline -> domain; domain imports nothing of ours.
const layer = (from, forbidden) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: forbidden.map((f) => ({ group: [`**/${f}/**`, `../${f}/*`, `../../${f}/*`], message: `src/${from} must not import src/${f} (one-way layers, see README).` })),
    }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'public/**', 'node_modules/**', 'bench-results/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/domain/**', 'src/db/**', 'src/pipeline/**'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  layer('domain', ['app', 'db', 'state', 'pipeline']),
  layer('pipeline', ['app', 'db', 'state']),
  layer('db', ['app', 'state', 'pipeline']),
  layer('state', ['app', 'db', 'pipeline']),
  layer('app', ['pipeline']),
);
