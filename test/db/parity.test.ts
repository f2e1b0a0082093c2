import { readdirSync, readFileSync, statSync } from 'node:fs';
import { indicatorSqlText } from '../../src/pipeline/indicators.ts';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { INDICATORS } from '../../src/domain/indicators.ts';
import { createTableLoader } from '../../src/db/loader.ts';
import { createRunner, type Runner } from '../../src/db/query.ts';
import { loadSnapshot } from '../../src/db/snapshot.ts';
import { parameterNames, paramsOf, tablesOf, type Row, type Value } from '../../src/db/sql.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';
import { folderFetch, openNodeWasm, type NodeWasm } from './wasm-node.ts';

// Every queries/app/**/*.sql (found when the test runs, so new files are covered without editing this test) gives the
// same rows in @duckdb/node-api over the Parquet files (what the pipeline and the landing slice use) and in
// duckdb-wasm with the tables loaded by the browser's path: fetch -> hyparquet -> Arrow IPC -> insert, through the
// browser's runner (header tables, $name -> ? binding, BigInt/date conversion).

/** Values tried for each parameter, by name. A new parameter name falls back to values by its declared type. */
const PARAM_VALUES: Record<string, Value[]> = {
  year: [2024, 2023, 2025],
  region: ['00', '32', '32.73', '11.09'],
  level: ['province', 'regency', 'national'],
  province: ['00', '32', '11'],
  year_a: [2023],
  year_b: [2025],
  // Filters where NULL means "no filter".
  accreditation: [null, 'A', 'belum'],
  licence: [null, 'berlaku'],
  finding: [null, 'finding_violence'],
  search: [null, '', 'demo'],
  breakdown: ['place', 'perpetrator', 'service'],
};
const BY_TYPE: Record<string, Value[]> = {
  INTEGER: [2024, 2023], BIGINT: [2024], DOUBLE: [1.5], VARCHAR: ['00', '32'], BOOLEAN: [true, false], DATE: ['2025-12-31'],
};
const MAX_COMBINATIONS = 24;

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sqlFiles(path);
    return name.endsWith('.sql') ? [path] : [];
  });
}

/**
 * Parameter sets for a query: every combination of the values of the parameters it uses when there are at most
 * MAX_COMBINATIONS, else the first value of each with one parameter at a time taking each of its other values.
 */
function parameterSets(sql: string): Array<Record<string, Value>> {
  const declared = new Map(paramsOf(sql).map((p) => [p.name, p.type]));
  const names = [...new Set([...declared.keys(), ...parameterNames(sql)])];
  const values = names.map((name) => {
    const v = PARAM_VALUES[name] ?? BY_TYPE[declared.get(name) ?? ''];
    if (!v) throw new Error(`no test value for $${name} (${declared.get(name) ?? 'type not declared in -- Params:'}): add it to PARAM_VALUES in test/db/parity.test.ts`);
    return v;
  });
  if (values.reduce((n, v) => n * v.length, 1) <= MAX_COMBINATIONS) {
    let sets: Array<Record<string, Value>> = [{}];
    names.forEach((name, i) => { sets = sets.flatMap((s) => values[i]!.map((v) => ({ ...s, [name]: v }))); });
    return sets;
  }
  const base = Object.fromEntries(names.map((name, i) => [name, values[i]![0]!]));
  return [base, ...names.flatMap((name, i) => values[i]!.slice(1).map((v) => ({ ...base, [name]: v })))];
}

const stripComments = (sql: string) => sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');

/** Numbers equal, or within a relative 1e-12 when not whole (double sums may be added in another order). */
function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Object.is(a, b) || a === b) return true;
    if (Number.isInteger(a) && Number.isInteger(b)) return false;
    return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}
const sameRow = (a: Row, b: Row) => {
  const ka = Object.keys(a);
  return ka.join('\u0000') === Object.keys(b).join('\u0000') && ka.every((k) => sameValue(a[k]!, b[k]!));
};
const sortKey = (r: Row) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(12)) : v]));

/**
 * Every app query by name: the files, except the indicator family templates, which run as each indicator's generated
 * SQL (the template filled from the catalogue: what the app runs).
 */
const APP = join(REPO_ROOT, 'queries', 'app');
const FILES: Array<{ name: string; sql: string }> = [
  ...sqlFiles(APP).filter((f) => !relative(APP, f).startsWith('indicators')).map((f) => ({ name: relative(APP, f), sql: readFileSync(f, 'utf8') })),
  ...INDICATORS.map((i) => ({ name: `indicator ${i.id}`, sql: indicatorSqlText(i) })),
];
const scratch = tempDir('pantau-db-parity-');
let duck: Duck;
let wasm: NodeWasm;
let runner: Runner;
const requests: string[] = [];

beforeAll(async () => {
  await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  duck = await Duck.open();
  await auditSnapshot(duck, join(scratch.dir, 'fixture'), 5); // views named after the published tables
  wasm = await openNodeWasm();
  const fetchFn = folderFetch(scratch.dir, { missing404: true, requests });
  const snapshot = loadSnapshot('.', undefined, fetchFn);
  const loader = createTableLoader({ engine: async () => wasm.engine, snapshot: () => snapshot, fetch: fetchFn });
  runner = createRunner({ engine: async () => wasm.engine, ensureTables: loader.ensureTables });
});
afterAll(() => { duck?.close(); wasm?.close(); scratch.cleanup(); });

describe('queries/app parity: @duckdb/node-api vs duckdb-wasm (Parquet -> Arrow IPC)', () => {
  it('finds the app queries', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(6);
  });

  for (const { name, sql } of FILES) {
    it(name, async () => {
      const tables = tablesOf(sql);
      expect(tables.length, `${name}: no "-- Tables:" header`).toBeGreaterThan(0);
      // The header is what the browser uses to load tables: it must name every table the query reads.
      const declared = paramsOf(sql).map((p) => p.name).sort();
      expect(declared, `${name}: "-- Params:" header differs from the $parameters used`).toEqual([...new Set(parameterNames(sql))].sort());
      const ordered = /\border\s+by\b/i.test(stripComments(sql));
      let nonEmpty = 0;
      for (const params of parameterSets(sql)) {
        const label = `${name} ${JSON.stringify(params)}`;
        const used = Object.fromEntries(parameterNames(sql).map((p) => [p, params[p]!]));
        const expected = await duck.all(sql, used);
        const { rows } = await runner.runQuery(sql, params);
        expect(rows.length, label).toBe(expected.length);
        if (expected.length > 0) nonEmpty++;
        const a = [...rows].sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
        const b = [...expected].sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
        const differ = a.findIndex((r, i) => !sameRow(r, b[i]!));
        if (differ >= 0) expect(a[differ], `${label}: rows differ`).toEqual(b[differ]);
        if (ordered) {
          const at = rows.findIndex((r, i) => !sameRow(r, expected[i]!));
          expect(at, `${label}: same rows in another order (ties in ORDER BY?)`).toBe(-1);
        }
      }
      expect(nonEmpty, `${name}: no parameter set gave any row, so parity proves nothing`).toBeGreaterThan(0);
    });
  }

  it('loaded exactly the tables the headers name, each file fetched once', async () => {
    const needed = [...new Set(FILES.flatMap((f) => tablesOf(f.sql)))].sort();
    const { rows } = await runner.runQuery('SELECT table_name FROM duckdb_tables() ORDER BY table_name');
    expect(rows.map((r) => r.table_name)).toEqual(needed);
    const parquet = requests.filter((r) => r.endsWith('.parquet')).sort();
    expect(parquet).toEqual(needed.map((t) => `./fixture/${t}.parquet`));
  });
});
