// The SQL console's guard (src/db/console-guard.ts) against DuckDB's own parser, binder and planner, in both engines
// the project uses: @duckdb/node-api (DuckDB 1.5, json_serialize_sql built in: the parse-tree walk) and the
// duckdb-wasm Node build (DuckDB 1.4.3, the browser's engine, which has no json extension: DuckDB's tokenizer, its
// binder's table names and query()'s single-SELECT rule). Both run with external access disabled and the
// configuration locked, as the browser console does, over empty tables shaped like the published ones. Every
// forbidden statement is refused with its kind and subject, which the page's message (src/app/views/console/refusals.ts)
// names; valid analytical queries pass and run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings, type DuckDBConnection as WasmConnection } from '@duckdb/duckdb-wasm/blocking';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import {
  checkParseTree, countStatements, explainSql, firstKeyword, guardPlan, guardStatement, wasmProbe,
  type GuardProbe, type Refusal, type RefusalKind,
} from '../../src/db/console-guard.ts';
import { EXAMPLES } from '../../src/app/views/console/examples.ts';
import { refusalMessage } from '../../src/app/views/console/refusals.ts';

const current = (JSON.parse(readFileSync(join(REPO_ROOT, 'public', 'data', 'index.json'), 'utf8')) as { current: string }).current;
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'public', 'data', current, 'manifest.json'), 'utf8')) as {
  tables: Record<string, { columns: Array<{ name: string; type: string }> }>;
};
const PUBLISHED = Object.keys(manifest.tables);
const CREATE = PUBLISHED.map((t) => `CREATE TABLE ${t} (${manifest.tables[t]!.columns.map((c) => `"${c.name}" ${c.type}`).join(', ')});`).join('\n');
const LOCK = 'SET enable_external_access=false; SET lock_configuration=true;';

let instance: DuckDBInstance | undefined;
let node: DuckDBConnection;
let wasmDb: DuckDBBindings | undefined;
let wasmConn: WasmConnection;
const probes: Record<string, GuardProbe> = {};

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  node = await instance.connect();
  await node.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;');
  await node.run(CREATE);
  await node.run(LOCK);
  probes.node = {
    statementCount: async (sql) => (await node.extractStatements(sql)).count,
    serialize: async (sql) => String((await node.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql])).getRows()[0]![0]),
    tokens: () => { throw new Error('not used: node-api has json_serialize_sql'); },
    explain: async (sql) => String((await node.runAndReadAll(explainSql(sql))).getRows()[0]![1]),
  };

  const require = createRequire(import.meta.url);
  const dist = (f: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${f}`);
  wasmDb = await createDuckDB({
    mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
  }, new VoidLogger(), NODE_RUNTIME);
  await wasmDb.instantiate(() => undefined);
  wasmDb.open({ path: ':memory:' });
  wasmConn = wasmDb.connect();
  wasmConn.query('SET autoload_known_extensions=false; SET autoinstall_known_extensions=false;');
  wasmConn.query(CREATE);
  wasmConn.query(LOCK);
  const db = wasmDb;
  const c = wasmConn;
  probes.wasm = wasmProbe({
    query: async (sql) => c.query(sql),
    prepare: async (sql) => {
      const stmt = c.prepare(sql);
      return { query: async (...p: unknown[]) => stmt.query(...p), close: async () => stmt.close() };
    },
  }, async (sql) => db.tokenize(sql));
}, 60_000);

afterAll(() => {
  node?.closeSync();
  instance?.closeSync();
  wasmConn?.close();
  wasmDb?.reset();
});

/** The guard's verdict: a refusal, or the published tables read (after the plan passed too). */
async function verdict(engine: string, sql: string): Promise<Refusal | { tables: string[] }> {
  const probe = probes[engine]!;
  const first = await guardStatement(sql, PUBLISHED, probe);
  if ('kind' in first) return first;
  const plan = await guardPlan(sql, PUBLISHED, probe);
  return plan ?? first;
}

const REFUSED: Array<[string, RefusalKind, string]> = [
  ['INSERT INTO regions SELECT * FROM regions', 'write', 'INSERT'],
  ["UPDATE regions SET name = 'x'", 'write', 'UPDATE'],
  ['DELETE FROM regions', 'write', 'DELETE'],
  ['CREATE TABLE t AS SELECT 1', 'write', 'CREATE'],
  ['DROP TABLE regions', 'write', 'DROP'],
  ['ALTER TABLE regions ADD COLUMN x INTEGER', 'write', 'ALTER'],
  ['  -- a comment first\n  truncate regions', 'write', 'TRUNCATE'],
  ['WITH a AS (SELECT 1) INSERT INTO regions SELECT * FROM regions', 'not-select', ''],
  ["ATTACH 'other.db' AS o", 'attach', 'ATTACH'],
  ['DETACH o', 'attach', 'DETACH'],
  ['INSTALL httpfs', 'extension', 'INSTALL'],
  ['LOAD json', 'extension', 'LOAD'],
  ["COPY regions TO 'out.csv'", 'copy', 'COPY'],
  ["COPY (SELECT * FROM regions) TO 'out.parquet' (FORMAT parquet)", 'copy', 'COPY'],
  ["COPY regions FROM 'in.csv'", 'copy', 'COPY'],
  ["EXPORT DATABASE 'dir'", 'copy', 'EXPORT DATABASE'],
  ["IMPORT DATABASE 'dir'", 'copy', 'IMPORT'],
  ['PRAGMA database_list', 'config', 'PRAGMA'],
  ['SET threads = 1', 'config', 'SET'],
  ['RESET threads', 'config', 'RESET'],
  ['CALL duckdb_settings()', 'call', 'CALL'],
  ['SELECT 1; DROP TABLE regions', 'multiple', ''],
  ['SELECT 1; SELECT 2;', 'multiple', ''],
  ["SELECT * FROM read_parquet('x.parquet')", 'file', 'read_parquet'],
  ["SELECT * FROM read_csv('/etc/passwd')", 'file', 'read_csv'],
  ["SELECT * FROM read_csv_auto('https://example.org/x.csv')", 'file', 'read_csv_auto'],
  ["SELECT * FROM read_json('x.json')", 'file', 'read_json'],
  ["SELECT * FROM read_text('/etc/hosts')", 'file', 'read_text'],
  ["SELECT * FROM glob('*')", 'file', 'glob'],
  ["SELECT * FROM 'file.csv'", 'file', 'file.csv'],
  ["SELECT * FROM 'https://x/y.parquet'", 'file', 'https://x/y.parquet'],
  ["SELECT * FROM \"data/x.parquet\"", 'file', 'data/x.parquet'],
  ["SELECT getenv('HOME')", 'environment', 'getenv'],
  ['SELECT * FROM secret_table', 'unknown-table', 'secret_table'],
  ['SELECT * FROM duckdb_settings()', 'environment', 'duckdb_settings'],
  ['SELECT * FROM duckdb_tables', 'unknown-table', 'duckdb_tables'],
  ['SELECT * FROM information_schema.tables', 'schema', 'information_schema.tables'],
  ['SELECT * FROM system.main.duckdb_tables', 'schema', 'system.main.duckdb_tables'],
  ['SELECT * FROM other.regions', 'schema', 'other.regions'],
  ["SELECT * FROM query('SELECT * FROM regions')", 'file', 'query'],
  ["SELECT * FROM query_table('regions')", 'file', 'query_table'],
  ["WITH a AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM a", 'file', 'read_csv'],
  ["SELECT * FROM regions WHERE region_code IN (SELECT column0 FROM read_csv('/etc/passwd'))", 'file', 'read_csv'],
  ["SELECT * FROM regions r, LATERAL (SELECT * FROM read_csv('/etc/passwd') WHERE r.name IS NOT NULL) x", 'file', 'read_csv'],
  ["SELECT * FROM regions r JOIN 'x.csv' f ON true", 'file', 'x.csv'],
  ["SELECT name FROM regions UNION ALL SELECT * FROM read_csv('/etc/passwd')", 'file', 'read_csv'],
  ["SELECT (SELECT count(*) FROM glob('/*'))", 'file', 'glob'],
  ["SELECT * FROM (SELECT getenv('PATH') AS p) s", 'environment', 'getenv'],
  ["SELECT current_setting('threads')", 'environment', 'current_setting'],
  // A comment between a function name and "(": DuckDB-WASM's tokenizer glues it to the name's token.
  ["SELECT current_setting/**/('enable_external_access')", 'environment', 'current_setting'],
  ["SELECT current_setting/*x*/ ('threads')", 'environment', 'current_setting'],
  ["SELECT getvariable/**/('x')", 'environment', 'getvariable'],
  ["SELECT unnest((SELECT list(current_setting/**/('threads'))))", 'environment', 'current_setting'],
  ['SELECT * FROM regions, nope', 'unknown-table', 'nope'],
];

describe.each(['node', 'wasm'])('the console guard on %s', (engine) => {
  it.each(REFUSED)('refuses %s', async (sql, kind, subject) => {
    const v = await verdict(engine, sql).catch((e: unknown) => ({ error: String(e) }));
    expect(v, JSON.stringify(v)).toHaveProperty('kind');
    const r = v as Refusal;
    // Without json_serialize_sql (wasm), some refusals come from the binder or plan with a neighbouring wording.
    const accepted: RefusalKind[] = engine === 'wasm' && (kind === 'environment' || kind === 'schema' || kind === 'unknown-table')
      ? ['environment', 'schema', 'unknown-table', 'table-function', 'file'] : [kind];
    const message = refusalMessage(r);
    expect(accepted, `${r.kind}: ${message.en}`).toContain(r.kind);
    if (engine === 'node' || r.kind === kind) {
      if (subject) {
        expect(r.subject.toLowerCase()).toContain(subject.toLowerCase());
        expect(message.en.toLowerCase()).toContain(subject.toLowerCase());
        expect(message.id.toLowerCase()).toContain(subject.toLowerCase());
      }
    }
    expect(message.id).not.toBe(message.en);
  });

  const VALID: Array<[string, string[]]> = [
    ['SELECT 1 AS one', []],
    ['FROM regions SELECT name LIMIT 3', ['regions']],
    ['SELECT * FROM range(3) r, generate_series(1, 2) g, unnest([1, 2]) u', []],
    [`WITH p AS (SELECT region_code, child_population FROM regions WHERE level = 'province'),
      v AS (SELECT region_code, victims, year FROM violence_totals WHERE level = 'province')
      SELECT p.region_code, v.year, 100000.0 * v.victims / p.child_population AS rate,
        rank() OVER (PARTITION BY v.year ORDER BY v.victims DESC) AS rnk
      FROM p JOIN v USING (region_code) QUALIFY rnk <= 5 ORDER BY v.year, rnk`, ['regions', 'violence_totals']],
    ["SELECT t.year, sum(t.victims) FILTER (WHERE t.violence_type = 'seksual') FROM violence_by_type t WHERE t.region_code IN (SELECT region_code FROM regions WHERE level = 'province') GROUP BY ALL", ['violence_by_type', 'regions']],
    ['SELECT l.accreditation, count(*) FROM main.lksa l LEFT JOIN kla k ON k.region_code = l.region_code GROUP BY 1', ['lksa', 'kla']],
    ['WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t', []],
    ['DESCRIBE regions', []],
    ['SELECT * FROM (VALUES (1), (2)) v(x)', []],
    ['(SELECT 1) UNION (SELECT 2)', []],
  ];
  it.each(VALID)('accepts %s', async (sql, tables) => {
    const v = await verdict(engine, sql);
    expect(v, JSON.stringify(v)).toHaveProperty('tables');
    for (const t of tables) expect((v as { tables: string[] }).tables).toContain(t);
  });

  it.each(EXAMPLES.map((e) => [e.id, e.sql]))('accepts the example %s', async (_id, sql) => {
    const v = await verdict(engine, sql);
    expect(v, JSON.stringify(v)).toHaveProperty('tables');
  });
});

describe('helpers', () => {
  it('finds the first keyword past comments and parentheses', () => {
    expect(firstKeyword('  -- x\n /* y */ insert into t')).toBe('INSERT');
    expect(firstKeyword('((SELECT 1))')).toBe('(');
    expect(firstKeyword('  ')).toBe('');
  });
  it('counts statements from tokens, ignoring semicolons in strings and comments', () => {
    const sql = "SELECT 'a;b' -- c;\n; DROP x; /* ; */";
    expect(countStatements(sql, { offsets: [0, 7, 19, 21, 26, 27], types: [4, 2, 3, 4, 0, 3] })).toBe(2);
  });
  it('refuses what json_serialize_sql cannot serialise, worded after the first keyword', () => {
    const r = checkParseTree('{"error":true,"error_message":"Only SELECT statements can be serialized to json!"}', PUBLISHED, 'ATTACH x');
    expect('kind' in r && r.kind).toBe('attach');
  });
});
