// The SQL console's guard: pure logic, no engine import, so it runs in Node tests as in the browser. It decides
// from what DuckDB itself says about a statement (in the browser, DuckDB's tokens are read as identifiers by a small
// pattern: see words()), not by pattern-matching the SQL text:
//  1. the statement count, from DuckDB's own tokenizer (duckdb-wasm) or statement extractor (@duckdb/node-api);
//  2. the parse tree of `SELECT json_serialize_sql($1)` where the engine has it (@duckdb/node-api: the json extension
//     is built in). json_serialize_sql only serialises SELECT statements: anything else is an error object. The tree
//     is walked for every base table, table function and function call, wherever it appears (CTEs, subqueries,
//     joins, lateral, set operations, expressions).
//     DuckDB-WASM 1.32 (DuckDB 1.4.3) ships no json extension: loading it would download it from another origin,
//     which this app never does. There, DuckDB's tokenizer gives the candidates (a name followed by "(" is a function
//     call; published table names among the words are the tables to load), and step 3 decides SELECT-or-not.
//  3. the physical plan of `EXPLAIN (FORMAT JSON) SELECT * FROM query('<sql>')`: DuckDB's query() table function
//     accepts exactly one SELECT statement (its parser says "Expected a single SELECT statement" otherwise), and the
//     plan is what will really run: every table scan must read a published table, every table function must be on
//     the allow-list. Views of the system catalog (duckdb_tables, information_schema...) show up there as their
//     table functions and are refused.
// The first keyword of the text only chooses the kind of a refusal (INSERT -> write, ATTACH -> attach...), so that
// the page can word it; the guard returns kinds and subjects, never text for the user.
import { wrapSql, type SqlWrapper } from './sql-error.ts';

/** Why a statement is refused. The guard gives the kind and subject; the console page words them for the user. */
export type RefusalKind =
  | 'empty' | 'multiple' | 'write' | 'attach' | 'extension' | 'copy' | 'config' | 'call' | 'not-select'
  | 'file' | 'environment' | 'function' | 'table-function' | 'unknown-table' | 'schema';

export interface Refusal {
  kind: RefusalKind;
  /** What was refused: a keyword, a function or a table name ('' when nothing in particular). */
  subject: string;
}

/**
 * Table functions allowed anywhere: they compute rows from their arguments and touch no file, network, catalog or
 * setting. range/generate_series make series (years, bins); unnest expands lists (e.g. a list of codes).
 */
export const ALLOWED_TABLE_FUNCTIONS: readonly string[] = ['range', 'generate_series', 'unnest'];

/** Plan operators' `Function` values allowed: table scans (of published tables, checked apart) and the above. */
const ALLOWED_PLAN_FUNCTIONS = new Set(['SEQ_SCAN', 'TABLE_SCAN', ...ALLOWED_TABLE_FUNCTIONS.map((f) => f.toUpperCase())]);

/** Statements that are a SELECT in DuckDB's grammar (FROM-first, VALUES, DESCRIBE/SHOW/SUMMARIZE, PIVOT...). */
// PIVOT/UNPIVOT are SELECTs to the parser, but query() in step 3 refuses them, so the console cannot run them; they
// are listed so that the refusal gives that reason rather than calling them a write.
const SELECT_KEYWORDS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER', '(']);

const KEYWORD_KIND: Record<string, RefusalKind> = {
  INSERT: 'write', UPDATE: 'write', DELETE: 'write', MERGE: 'write', UPSERT: 'write', TRUNCATE: 'write',
  CREATE: 'write', DROP: 'write', ALTER: 'write', COMMENT: 'write', VACUUM: 'write', CHECKPOINT: 'write', ANALYZE: 'write',
  BEGIN: 'write', START: 'write', COMMIT: 'write', ROLLBACK: 'write', ABORT: 'write', END: 'write',
  ATTACH: 'attach', DETACH: 'attach', USE: 'attach',
  INSTALL: 'extension', LOAD: 'extension', FORCE: 'extension', UPDATE_EXTENSIONS: 'extension',
  COPY: 'copy', EXPORT: 'copy', IMPORT: 'copy',
  PRAGMA: 'config', SET: 'config', RESET: 'config',
  CALL: 'call', EXECUTE: 'call', PREPARE: 'call', DEALLOCATE: 'call',
};

/** Functions that read files, the network, the environment or the engine's own state: refused wherever they appear. */
export function forbiddenFunction(name: string): 'file' | 'environment' | null {
  const n = name.toLowerCase();
  if (/^(read_|parquet_|iceberg_|delta_|sqlite_|postgres_|mysql_)/.test(n) || /_scan$/.test(n)) return 'file';
  if (['glob', 'sniff_csv', 'read_text', 'read_blob', 'query', 'query_table', 'checkpoint', 'force_checkpoint',
    'load_aws_credentials', 'http_get', 'http_post', 'httpfs'].includes(n)) return 'file';
  if (n === 'getenv' || n === 'current_setting' || n.startsWith('duckdb_') || n.startsWith('pragma_')
    || n === 'which_secret' || n === 'enable_profiling' || n === 'set_variable' || n === 'getvariable') return 'environment';
  return null;
}

/** A name that looks like a file path or URL (a replacement scan: FROM 'x.parquet', FROM 'https://...'). */
export const isPathLike = (name: string): boolean => /[./\\:*?]/.test(name);

/** The refusal of a kind, naming what was refused (its wording lives in the app: src/app/views/console/refusals.ts). */
export const refusal = (kind: RefusalKind, subject = ''): Refusal => ({ kind, subject });

/**
 * The first keyword of a statement (upper case), skipping blanks, comments and opening parentheses; '(' when the
 * text starts with a parenthesised query, '' when there is nothing. Only chooses a refusal's wording.
 */
export function firstKeyword(sql: string): string {
  let i = 0;
  let paren = false;
  for (;;) {
    const rest = sql.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) { i += ws[0].length; continue; }
    if (rest.startsWith('--')) { const e = sql.indexOf('\n', i); i = e === -1 ? sql.length : e + 1; continue; }
    if (rest.startsWith('/*')) { const e = sql.indexOf('*/', i + 2); i = e === -1 ? sql.length : e + 2; continue; }
    if (rest.startsWith('(')) { paren = true; i++; continue; }
    const word = /^[A-Za-z_]+/.exec(rest);
    if (word) return paren && SELECT_KEYWORDS.has(word[0].toUpperCase()) ? '(' : word[0].toUpperCase();
    return rest ? (paren ? '(' : rest[0]!) : '';
  }
}

/** The refusal for a statement DuckDB says is not a single SELECT, worded after its first keyword. */
export function notSelect(sql: string): Refusal {
  const kw = firstKeyword(sql);
  const kind = KEYWORD_KIND[kw];
  if (kind) return refusal(kind, kw === 'EXPORT' ? 'EXPORT DATABASE' : kw);
  return refusal('not-select', SELECT_KEYWORDS.has(kw) ? '' : kw);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

/** Calls `visit` on every object of a JSON tree, depth first. */
function walk(node: Json, visit: (o: Obj) => void): void {
  if (Array.isArray(node)) { for (const n of node) walk(n, visit); return; }
  if (!isObj(node)) return;
  visit(node);
  for (const v of Object.values(node)) walk(v, visit);
}

/** main, or nothing: the only schema (and memory, or nothing: the only catalog) a reference may name. */
const mainOnly = (catalog: string, schema: string) => (catalog === '' || catalog === 'memory') && (schema === '' || schema === 'main');

/**
 * Checks the output of json_serialize_sql for one statement: returns the published tables it reads, or the first
 * refusal. `published` are the manifest's table names.
 */
export function checkParseTree(serialized: string, published: readonly string[], sql = ''): Refusal | { tables: string[] } {
  const tree = JSON.parse(serialized) as Json;
  if (!isObj(tree) || tree.error === true) return notSelect(sql);
  const statements = tree.statements;
  if (!Array.isArray(statements) || statements.length === 0) return refusal('empty');
  if (statements.length > 1) return refusal('multiple');
  // CTE names anywhere in the query (a name is allowed as a table when some WITH defines it; DuckDB's binder then
  // resolves scoping, and the plan check sees what really runs).
  const ctes = new Set<string>();
  walk(statements, (o) => {
    const map = isObj(o.cte_map) ? o.cte_map.map : undefined;
    if (Array.isArray(map)) for (const e of map) if (isObj(e)) ctes.add(str(e.key).toLowerCase());
  });
  const publishedSet = new Set(published.map((p) => p.toLowerCase()));
  const tables: string[] = [];
  let found: Refusal | null = null;
  walk(statements, (o) => {
    if (found) return;
    if (o.type === 'BASE_TABLE') {
      const name = str(o.table_name);
      const catalog = str(o.catalog_name).toLowerCase();
      const schema = str(o.schema_name).toLowerCase();
      const full = [catalog, schema, name].filter(Boolean).join('.');
      if (!mainOnly(catalog, schema)) found = refusal('schema', full);
      else if (publishedSet.has(name.toLowerCase())) { if (!tables.includes(name.toLowerCase())) tables.push(name.toLowerCase()); }
      else if (!catalog && !schema && ctes.has(name.toLowerCase())) { /* a CTE of the query */ }
      else if (isPathLike(name)) found = refusal('file', name);
      else found = refusal('unknown-table', name);
    } else if (o.type === 'TABLE_FUNCTION' && isObj(o.function)) {
      const name = str(o.function.function_name).toLowerCase();
      if (!mainOnly(str(o.function.catalog).toLowerCase(), str(o.function.schema).toLowerCase())) found = refusal('schema', name);
      else if (!ALLOWED_TABLE_FUNCTIONS.includes(name)) found = forbidden(name) ?? refusal('table-function', name);
    } else if (o.class === 'FUNCTION' || o.class === 'AGGREGATE' || o.class === 'WINDOW') {
      const name = str(o.function_name).toLowerCase();
      const catalog = str(o.catalog).toLowerCase();
      const schema = str(o.schema).toLowerCase();
      if (!mainOnly(catalog, schema)) found = refusal('schema', [catalog, schema, name].filter(Boolean).join('.'));
      else found = forbidden(name);
    }
  });
  return found ?? { tables };
}

function forbidden(name: string): Refusal | null {
  const kind = forbiddenFunction(name);
  return kind ? refusal(kind, name) : null;
}

/**
 * Checks the physical plan DuckDB made for the statement (the `explain_value` of EXPLAIN (FORMAT JSON)): every
 * table scan reads a published table and every table function is allowed. null when it passes.
 */
export function checkPlan(planJson: string, published: readonly string[]): Refusal | null {
  const publishedSet = new Set(published.map((p) => p.toLowerCase()));
  let found: Refusal | null = null;
  walk(JSON.parse(planJson) as Json, (o) => {
    if (found || !isObj(o.extra_info)) return;
    const info = o.extra_info;
    const table = str(info.Table);
    const fn = str(info.Function).trim().toUpperCase();
    if (table) {
      // DuckDB 1.4 (wasm) writes "regions", 1.5 (node) "memory.main.regions".
      const parts = table.split('.');
      const name = parts.pop()!.toLowerCase();
      const prefix = parts.join('.').toLowerCase();
      if (prefix && prefix !== 'main' && prefix !== 'memory.main') found = refusal('schema', table);
      else if (!publishedSet.has(name)) found = refusal('unknown-table', table);
    }
    if (!found && fn && !ALLOWED_PLAN_FUNCTIONS.has(fn)) found = forbidden(fn) ?? refusal('table-function', fn.toLowerCase());
  });
  return found;
}

/**
 * The statement whose plan is checked: DuckDB's query() accepts exactly one SELECT statement. The user's text is a
 * DuckDB string literal ('' doubles a quote; no other escape applies in '...').
 */
export const GUARD_WRAPPER: SqlWrapper = { prefix: "EXPLAIN (FORMAT JSON) SELECT * FROM query('", quoted: true, suffix: "')" };
export const explainSql = (sql: string): string => wrapSql(GUARD_WRAPPER, sql);

/**
 * A plan of the statement itself, made only to locate an error the guard's plan found: inside query() DuckDB reports
 * every error at the query( call. EXPLAIN plans without running, and only a text that passed the guard's token
 * checks gets here (console.ts).
 */
export const LOCATE_WRAPPER: SqlWrapper = { prefix: 'EXPLAIN ', quoted: false, suffix: '' };

/** What the guard needs from an engine. */
export interface GuardProbe {
  /** The number of statements DuckDB finds in the text. */
  statementCount(sql: string): Promise<number>;
  /** json_serialize_sql(sql) run with the text as a bound parameter; null when the engine has no such function. */
  serialize(sql: string): Promise<string | null>;
  /** DuckDB's tokens of the text (used when serialize gives null). */
  tokens(sql: string): Promise<Tokens>;
  /** The `explain_value` (JSON) of explainSql(sql). Throws DuckDB's error. */
  explain(sql: string): Promise<string>;
}

/** DuckDB's tokenizer output: token start offsets and types (0 identifier, 2 string, 3 operator, 4 keyword, 5 comment). */
export interface Tokens { offsets: number[]; types: number[] }

export class RefusedError extends Error {
  readonly refusal: Refusal;
  constructor(r: Refusal) {
    // For logs and developers only: the page shows its own wording of the refusal.
    super(`Refused (${r.kind})${r.subject ? `: ${r.subject}` : ''}`);
    this.name = 'RefusedError';
    this.refusal = r;
  }
}

/** A DuckDB error message that means a file, URL or extension was asked for (external access is disabled). */
const EXTERNAL = /Permission Error|file system operations are disabled|external (extensions|access)|No files found that match/i;

/** The words of a token list: identifiers and keywords, unquoted and lower case, each with the next token's text. */
function words(sql: string, t: Tokens): Array<{ word: string; next: string }> {
  const text = (i: number) => sql.slice(t.offsets[i], t.offsets[i + 1] ?? sql.length);
  const out: Array<{ word: string; next: string }> = [];
  t.offsets.forEach((_o, i) => {
    if (t.types[i] !== 0 && t.types[i] !== 4) return;
    // Only the identifier: DuckDB-WASM's tokenizer glues a comment to the token before it (`current_setting/**/`).
    const m = /^("(?:[^"]|"")*"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)/.exec(text(i));
    if (!m) return;
    const word = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!;
    out.push({ word: word.toLowerCase(), next: i + 1 < t.offsets.length ? text(i + 1).trim().slice(0, 1) : '' });
  });
  return out;
}

/** A refusal for a DuckDB error that names a forbidden function or an external resource; null for other errors. */
function refusalOfError(message: string): Refusal | null {
  if (/Expected a single SELECT statement/i.test(message)) return null;
  const fn = /Function with name "?([A-Za-z0-9_]+)"?/.exec(message)?.[1];
  if (fn) {
    const f = forbidden(fn);
    if (f) return f;
    if (/Table Function/.test(message)) return refusal('table-function', fn.toLowerCase());
  }
  if (EXTERNAL.test(message)) return refusal('file', /"([^"]+)"/.exec(message)?.[1] ?? '');
  return null;
}

/**
 * Step 1 and 2: is the text one statement, is it a SELECT (where the engine can tell without binding), and which
 * published tables may it read? Returns the tables to load or a refusal.
 */
export async function guardStatement(sql: string, published: readonly string[], probe: GuardProbe): Promise<Refusal | { tables: string[] }> {
  const kw = firstKeyword(sql);
  if (kw === '') return refusal('empty');
  let n: number;
  try {
    n = await probe.statementCount(sql);
  } catch (e) {
    // DuckDB's extractor runs IMPORT DATABASE's script reading at parse time (refused: external access is off).
    if (!SELECT_KEYWORDS.has(kw)) return notSelect(sql);
    throw e;
  }
  if (n === 0) return refusal('empty');
  if (n > 1) return refusal('multiple');
  const tree = await probe.serialize(sql);
  if (tree !== null) return checkParseTree(tree, published, sql);
  // No json_serialize_sql (DuckDB-WASM 1.32): what is not a SELECT is refused before the binder sees it; functions
  // are found among DuckDB's tokens (a name followed by "("), tables by the binder and the plan (guardPlan).
  if (!SELECT_KEYWORDS.has(kw)) return notSelect(sql);
  const publishedSet = new Set(published.map((p) => p.toLowerCase()));
  const tables: string[] = [];
  for (const { word, next } of words(sql, await probe.tokens(sql))) {
    if (next === '(') {
      const f = forbidden(word);
      if (f) return f;
    }
    if (publishedSet.has(word) && !tables.includes(word)) tables.push(word);
  }
  return { tables };
}

/**
 * Step 3, with the tables loaded: the plan DuckDB would run. null when the statement may run. A published table the
 * binder misses is loaded through `ensure` and the plan made again.
 */
export async function guardPlan(
  sql: string, published: readonly string[], probe: GuardProbe, ensure?: (tables: string[]) => Promise<void>,
): Promise<Refusal | null> {
  const publishedSet = new Set(published.map((p) => p.toLowerCase()));
  const loaded = new Set<string>();
  for (;;) {
    let plan: string;
    try {
      plan = await probe.explain(sql);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/Expected a single SELECT statement/i.test(message)) return notSelect(sql);
      const known = refusalOfError(message);
      if (known) return known;
      const missing = /Table with name "?([^"!\s]+)"? does not exist/i.exec(message)?.[1];
      if (missing !== undefined) {
        const name = missing.toLowerCase();
        if (publishedSet.has(name) && ensure && !loaded.has(name)) {
          loaded.add(name);
          await ensure([name]);
          continue;
        }
        return isPathLike(missing) ? refusal('file', missing) : refusal('unknown-table', missing);
      }
      throw e;
    }
    return checkPlan(plan, published);
  }
}

/** The parts of a duckdb-wasm connection (async, or the Node blocking one wrapped) the probe uses. */
export interface WasmLikeConnection {
  query(sql: string): Promise<{ toArray(): Array<{ toJSON(): Record<string, unknown> }> }>;
  prepare(sql: string): Promise<{ query(...params: unknown[]): Promise<{ toArray(): Array<{ toJSON(): Record<string, unknown> }> }>; close(): Promise<void> }>;
}

/** DuckDB's tokenizer (AsyncDuckDB.tokenize). */
export type Tokenize = (sql: string) => Promise<Tokens>;

/** Statements in a text from DuckDB's tokenizer: runs of tokens between `;` operators. */
export function countStatements(sql: string, tokens: Tokens): number {
  let count = 0;
  let open = false;
  tokens.offsets.forEach((offset, i) => {
    const type = tokens.types[i];
    if (type === 5) return;
    if (type === 3 && sql[offset] === ';') { open = false; return; }
    if (!open) { count++; open = true; }
  });
  return count;
}

/** A GuardProbe over a duckdb-wasm connection (the console's own; external access already disabled). */
export function wasmProbe(conn: WasmLikeConnection, tokenize: Tokenize): GuardProbe {
  let hasJson: boolean | undefined;
  return {
    statementCount: async (sql) => countStatements(sql, await tokenize(sql)),
    async serialize(sql) {
      if (hasJson === false) return null;
      let stmt: Awaited<ReturnType<WasmLikeConnection['prepare']>>;
      try {
        stmt = await conn.prepare('SELECT json_serialize_sql(?::VARCHAR) AS j');
      } catch (e) {
        // DuckDB-WASM 1.32: "Scalar Function with name "json_serialize_sql" is not in the catalog, but it exists in
        // the json extension" (an extension this app never downloads).
        if (/json_serialize_sql/.test(e instanceof Error ? e.message : String(e))) { hasJson = false; return null; }
        throw e;
      }
      hasJson = true;
      try {
        const rows = (await stmt.query(sql)).toArray();
        return String(rows[0]?.toJSON().j ?? '');
      } finally {
        await stmt.close();
      }
    },
    tokens: (sql) => tokenize(sql),
    async explain(sql) {
      const rows = (await conn.query(explainSql(sql))).toArray();
      return String(rows[0]?.toJSON().explain_value ?? '[]');
    },
  };
}
