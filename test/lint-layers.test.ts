import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/pipeline/sql-files.ts';

// The lint rules that keep each package in its layer (eslint.config.js), tried on code each layer must refuse and
// on code it may hold, as the project's own configuration reads it.

const eslint = new ESLint({ cwd: REPO_ROOT });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(REPO_ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint keeps packages in their layer', () => {
  it.each([
    { file: 'src/app/views/x.tsx', what: '@duckdb/duckdb-wasm', source: "import * as duckdb from '@duckdb/duckdb-wasm';\nexport const x = duckdb;", message: /Only src\/db talks to DuckDB-WASM/ },
    { file: 'src/state/x.ts', what: 'apache-arrow', source: "import { tableFromIPC } from 'apache-arrow';\nexport const x = tableFromIPC;", message: /Only src\/db reads Arrow/ },
    { file: 'src/domain/x.ts', what: 'apache-arrow', source: "import { Table } from 'apache-arrow';\nexport const x = Table;", message: /Only src\/db reads Arrow/ },
    { file: 'src/db/x.ts', what: 'react', source: "import { useState } from 'react';\nexport const x = useState;", message: /React belongs in src\/app/ },
    { file: 'src/domain/x.ts', what: 'react', source: "import { createElement } from 'react';\nexport const x = createElement;", message: /React belongs in src\/app/ },
    { file: 'src/app/x.ts', what: 'node:fs', source: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", message: /must not import Node modules/ },
    { file: 'src/db/x.ts', what: 'path', source: "import { join } from 'path';\nexport const x = join;", message: /must not import Node modules/ },
    { file: 'src/domain/x.ts', what: 'node:path', source: "import { join } from 'node:path';\nexport const x = join;", message: /must not import Node modules/ },
    { file: 'src/app/x.ts', what: '../pipeline/build.ts', source: "import { buildSnapshot } from '../pipeline/build.ts';\nexport const x = buildSnapshot;", message: /src\/app must not import src\/pipeline/ },
    { file: 'src/pipeline/x.ts', what: '../db/runner.ts', source: "import { runQuery } from '../db/runner.ts';\nexport const x = runQuery;", message: /src\/pipeline must not import src\/db/ },
  ])('$file may not import $what', async ({ file, source, message }) => {
    const errors = await importErrors(file, source);
    expect(errors.some((e) => message.test(e)), errors.join('; ')).toBe(true);
  });

  it.each([
    { file: 'src/db/x.ts', source: "import * as duckdb from '@duckdb/duckdb-wasm';\nimport { tableFromIPC } from 'apache-arrow';\nexport const x = [duckdb, tableFromIPC];" },
    { file: 'src/app/x.tsx', source: "import { useState } from 'react';\nexport const x = useState;" },
    { file: 'src/pipeline/x.ts', source: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;" },
    // The indicator path is engine-agnostic: the pipeline runs it (landing slice, npm run indicator) with DuckDB in Node.
    { file: 'src/pipeline/x.ts', source: "import { createIndicatorSource } from '../db/indicator-source.ts';\nexport const x = createIndicatorSource;" },
  ])('$file may hold what its layer uses', async ({ file, source }) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});

describe('lint keeps each view in its own folder', () => {
  const SIBLING = /must not import another view's folder/;
  it.each([
    { file: 'src/app/views/kla/x.tsx', what: '../violence/transform.ts', source: "import { a } from '../violence/transform.ts';\nexport const x = a;" },
    { file: 'src/app/views/kla/x.tsx', what: '../violence/subject.css', source: "import '../violence/subject.css';\nexport const x = 1;" },
    { file: 'src/app/views/profile/x.tsx', what: '../report/model.ts', source: "import { a } from '../report/model.ts';\nexport const x = a;" },
    { file: 'src/app/views/report/x.tsx', what: '../violence/transform.ts', source: "import { a } from '../violence/transform.ts';\nexport const x = a;" },
    { file: 'src/app/views/report/x.tsx', what: '../profile/Indicators.tsx', source: "import { a } from '../profile/Indicators.tsx';\nexport const x = a;" },
    { file: 'src/app/views/report/x.tsx', what: '../map/transform.ts', source: "import { a } from '../map/transform.ts';\nexport const x = a;" },
  ])('$file may not import $what', async ({ file, source }) => {
    const errors = await importErrors(file, source);
    expect(errors.some((e) => SIBLING.test(e)), errors.join('; ')).toBe(true);
  });

  it('still applies the app layer\'s rules inside a view', async () => {
    const errors = await importErrors('src/app/views/kla/x.tsx', "import * as duckdb from '@duckdb/duckdb-wasm';\nimport { b } from '../../../pipeline/build.ts';\nexport const x = [duckdb, b];");
    expect(errors.some((e) => /Only src\/db talks to DuckDB-WASM/.test(e)), errors.join('; ')).toBe(true);
    expect(errors.some((e) => /src\/app must not import src\/pipeline/.test(e)), errors.join('; ')).toBe(true);
  });

  it.each([
    { file: 'src/app/views/kla/x.tsx', source: "import { a } from '../../components/ChartSection.tsx';\nimport { b } from '../../years.ts';\nimport { c } from './text.ts';\nexport const x = [a, b, c];" },
    // The report shares the region pages' module and the maps' shading with the profile and the map explorer.
    { file: 'src/app/views/report/x.tsx', source: "import { a } from '../../region/model.ts';\nimport { b } from '../../indicator/shading.ts';\nexport const x = [a, b];" },
  ])('$file may import its own folder and shared modules', async ({ file, source }) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
