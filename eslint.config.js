import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Layers point one way: app -> state, db, domain; pipeline -> domain; domain imports nothing of ours.
// Packages stay in their layer: the DuckDB-WASM engine and Arrow only in src/db; React not in the engine, domain or
// pipeline; Node's modules not in code that runs in the browser (build-time code lives in scripts/ and src/pipeline).
const BROWSER_ONLY_IN_DB = [
  { group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*'], message: 'Only src/db talks to DuckDB-WASM (one query path).' },
  { group: ['apache-arrow', 'apache-arrow/*'], message: 'Only src/db reads Arrow: rows leave src/db as plain objects.' },
];
const NO_REACT = [{ group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'React belongs in src/app.' }];
const NO_NODE = [{ group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'url'], message: 'Browser code must not import Node modules (build-time code goes in scripts/ or src/pipeline).' }];
// `allowed`: files of a forbidden layer that may still be imported (gitignore-style negations).
const layerPatterns = (from, forbidden, packages = [], allowed = []) => [
  ...forbidden.map((f) => ({ group: [`**/${f}/**`, `../${f}/*`, `../../${f}/*`, ...allowed.map((a) => `!**/${a}`)], message: `src/${from} must not import src/${f} (one-way layers, see README).` })),
  ...packages,
];
const layer = (from, forbidden, packages = [], allowed = []) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(from, forbidden, packages, allowed) }] },
});
const APP_LAYER = ['app', ['pipeline'], [...BROWSER_ONLY_IN_DB, ...NO_NODE]];

// A view (src/app/views/<view>/, one folder per page, no subfolders) imports its own folder and shared modules, never
// another view's folder ('../<other view>/...'): shared pieces live in src/app/components/ or a module of src/app/.
// `allowed` lists sibling views a folder may still import. ESLint uses the last no-restricted-imports that matches a
// file, so these entries repeat the app layer's patterns.
const views = (folder, allowed = []) => ({
  files: [`src/app/views/${folder}/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        ...layerPatterns(...APP_LAYER),
        {
          regex: `^\\.\\./(?!\\.\\./${allowed.map((v) => `|${v}/`).join('')})`,
          message: 'A view must not import another view\'s folder: move what they share to src/app/components/ or a shared module in src/app/.',
        },
      ],
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
  layer('domain', ['app', 'db', 'state', 'pipeline'], [...BROWSER_ONLY_IN_DB, ...NO_REACT, ...NO_NODE]),
  // The indicator path is engine-agnostic: the landing slice and `npm run indicator` run it with DuckDB in Node.
  layer('pipeline', ['app', 'db', 'state'], [...BROWSER_ONLY_IN_DB, ...NO_REACT], ['db/indicator-source.ts', 'db/sql.ts', 'db/coordinator.ts']),
  layer('db', ['app', 'state', 'pipeline'], [...NO_REACT, ...NO_NODE]),
  layer('state', ['app', 'db', 'pipeline'], [...BROWSER_ONLY_IN_DB, ...NO_NODE]),
  layer(...APP_LAYER),
  views('*'),
);
