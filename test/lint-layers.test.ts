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
  ])('$file may not import $what', async ({ file, source, message }) => {
    const errors = await importErrors(file, source);
    expect(errors.some((e) => message.test(e)), errors.join('; ')).toBe(true);
  });

  it.each([
    { file: 'src/db/x.ts', source: "import * as duckdb from '@duckdb/duckdb-wasm';\nimport { tableFromIPC } from 'apache-arrow';\nexport const x = [duckdb, tableFromIPC];" },
    { file: 'src/app/x.tsx', source: "import { useState } from 'react';\nexport const x = useState;" },
    { file: 'src/pipeline/x.ts', source: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;" },
  ])('$file may hold what its layer uses', async ({ file, source }) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
