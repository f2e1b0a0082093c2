// SQL text helpers: pure functions, no engine. Used by the runner in the browser and by tests in Node.

/** A value a query parameter or a result cell can hold. */
export type Value = string | number | boolean | null;
/** One result row as a plain object. */
export type Row = Record<string, Value>;
export type Params = Record<string, Value>;

const IDENT_PART = /[A-Za-z0-9_]/;

type Token =
  | { kind: 'code'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'param'; text: string; name: string }
  | { kind: 'question'; text: string };

/**
 * Splits SQL into code, string literals ('...', E'...', "identifiers", $tag$...$tag$), comments (-- and block),
 * $name parameters and bare `?` placeholders. Concatenating every token's text gives back the input.
 */
function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let code = '';
  const flush = () => { if (code) { out.push({ kind: 'code', text: code }); code = ''; } };
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      flush();
      out.push({ kind: 'comment', text: sql.slice(i, stop) });
      i = stop;
    } else if (c === '/' && next === '*') {
      // DuckDB block comments do not nest.
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new Error('SQL has an unterminated /* comment');
      flush();
      out.push({ kind: 'comment', text: sql.slice(i, end + 2) });
      i = end + 2;
    } else if (c === "'" || c === '"') {
      // E'...' strings allow backslash escapes; the E is already in `code`.
      const escapes = c === "'" && /(^|[^A-Za-z0-9_])[Ee]$/.test(code);
      let j = i + 1;
      for (;;) {
        if (j >= n) throw new Error(`SQL has an unterminated ${c === '"' ? 'quoted identifier' : 'string literal'}`);
        const d = sql[j]!;
        if (escapes && d === '\\') { j += 2; continue; }
        if (d === c) {
          if (sql[j + 1] === c) { j += 2; continue; } // doubled quote
          break;
        }
        j++;
      }
      flush();
      out.push({ kind: 'string', text: sql.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '$' && !IDENT_PART.test(sql[i - 1] ?? ' ')) {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (m) {
        // Dollar-quoted string: $$...$$ or $tag$...$tag$.
        const tag = m[0];
        const end = sql.indexOf(tag, i + tag.length);
        if (end === -1) throw new Error(`SQL has an unterminated ${tag} string`);
        flush();
        out.push({ kind: 'string', text: sql.slice(i, end + tag.length) });
        i = end + tag.length;
        continue;
      }
      const p = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i));
      if (p) {
        flush();
        out.push({ kind: 'param', text: p[0], name: p[1]! });
        i += p[0].length;
        continue;
      }
      if (/^\$\d/.test(sql.slice(i))) throw new Error('SQL uses a numbered parameter ($1); use named $name parameters');
      code += c;
      i++;
    } else if (c === '?') {
      flush();
      out.push({ kind: 'question', text: c });
      i++;
    } else {
      code += c;
      i++;
    }
  }
  flush();
  return out;
}

/**
 * The comment lines of a SQL text (outside string literals), without their markers, as logical lines: a line comment
 * indented by two or more spaces continues the line before it ("-- Params: $a INTEGER,\n--   $b VARCHAR").
 */
function commentLines(sql: string): string[] {
  const lines: string[] = [];
  let continuable = false;
  for (const t of tokenize(sql)) {
    if (t.kind !== 'comment') {
      // Only whitespace between two line comments keeps them one header.
      if (!(t.kind === 'code' && /^[ \t]*\n[ \t]*$/.test(t.text))) continuable = false;
      continue;
    }
    if (t.text.startsWith('--')) {
      const text = t.text.slice(2);
      if (continuable && /^\s{2,}\S/.test(text)) lines[lines.length - 1] += ` ${text.trim()}`;
      else lines.push(text);
      continuable = true;
    } else {
      lines.push(...t.text.slice(2, -2).split('\n'));
      continuable = false;
    }
  }
  return lines;
}

/**
 * The published tables a query reads, from its header comment `-- Tables: a, b` (a comma-separated list of names,
 * ending at anything else, e.g. a full stop). Several such lines are merged; order of first mention; no header
 * (or `Tables: none`) gives [].
 */
export function tablesOf(sql: string): string[] {
  const names: string[] = [];
  for (const line of commentLines(sql)) {
    const m = /\bTables:\s*([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)/.exec(line);
    if (!m) continue;
    for (const name of m[1]!.split(',').map((s) => s.trim())) {
      if (name !== 'none' && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * The parameters a query declares in its header comment `-- Params: $year INTEGER, $region VARCHAR (...)`, which
 * may continue on indented comment lines.
 */
export function paramsOf(sql: string): Array<{ name: string; type: string }> {
  const out: Array<{ name: string; type: string }> = [];
  for (const line of commentLines(sql)) {
    const m = /\bParams:(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[1]!.split(/\bColumns:/)[0]!;
    for (const p of rest.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z]+)/g)) {
      if (!out.some((o) => o.name === p[1])) out.push({ name: p[1]!, type: p[2]!.toUpperCase() });
    }
  }
  return out;
}

/**
 * Translates named `$name` parameters to positional `?` in order of appearance, skipping string literals, quoted
 * identifiers and comments. A name used twice gives two `?` and binds twice. Returns the SQL and the values in
 * order. Throws when a used parameter has no value (undefined), or the SQL already holds a bare `?`.
 *
 * DuckDB-WASM binds every JS number as DOUBLE, where @duckdb/node-api (the pipeline, the landing slice) binds a
 * whole number as INTEGER: `$year::VARCHAR` would be '2024.0' in the browser and '2024' at build time. So a whole
 * number's placeholder is `CAST(? AS INTEGER)` (BIGINT beyond 32 bits): the same types in both engines.
 */
export function toPositional(sql: string, params: Params = {}): { sql: string; values: Value[]; names: string[] } {
  const tokens = tokenize(sql);
  const names: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'question') throw new Error('SQL holds a bare ? placeholder; use named $name parameters');
    if (t.kind === 'param') names.push(t.name);
  }
  const missing = [...new Set(names.filter((name) => !Object.hasOwn(params, name) || params[name] === undefined))];
  if (missing.length > 0) throw new Error(`missing query parameter(s): ${missing.map((m) => `$${m}`).join(', ')}`);
  const values = names.map((name) => checkValue(name, params[name]));
  let k = 0;
  const text = tokens.map((t) => (t.kind === 'param' ? placeholder(values[k++]!) : t.text)).join('');
  return { sql: text, values, names };
}

function placeholder(v: Value): string {
  if (typeof v !== 'number' || !Number.isInteger(v)) return '?';
  return v >= -2147483648 && v <= 2147483647 ? 'CAST(? AS INTEGER)' : 'CAST(? AS BIGINT)';
}

function checkValue(name: string, v: unknown): Value {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`query parameter $${name} is not a finite number: ${v}`);
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) throw new Error(`query parameter $${name} is a whole number beyond 2^53: ${v}`);
    return v;
  }
  throw new Error(`query parameter $${name} has an unsupported type (${typeof v}); use string, number, boolean or null`);
}

/** The names of the `$name` parameters a query uses, in order of first appearance. */
export function parameterNames(sql: string): string[] {
  const names: string[] = [];
  for (const t of tokenize(sql)) if (t.kind === 'param' && !names.includes(t.name)) names.push(t.name);
  return names;
}

/** Quotes an identifier for DuckDB ("a""b"). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A DuckDB string literal ('it''s'). For SQL shown to people or built from known names; user values are bound. */
export const quoteString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A filter of wrap(): a value (`= value`; null: `IS NULL`) or a prefix (`starts_with(column, prefix)`). */
export type Filter = Value | { prefix: string };

/**
 * Wraps a query as a subquery filtered by bound values: `SELECT * FROM (<sql>) AS q WHERE "col" = $_w1 AND ...`;
 * a null value gives `"col" IS NULL`, `{ prefix }` gives `starts_with("col", $_w2)`. `orderBy` names columns to sort
 * by (a subquery's own ORDER BY does not survive the filter). The query's header comment stays inside, so its
 * `-- Tables:` still count. Returns the SQL and the parameters to pass to runQuery (`params`, the inner query's own,
 * merged with the filters'). Filter parameter names never clash with the inner query's.
 */
export function wrap(sql: string, filters: Record<string, Filter>, params: Params = {}, orderBy: readonly string[] = []): { sql: string; params: Params } {
  const inner = stripTrailingSemicolon(sql);
  const used = new Set([...parameterNames(inner), ...Object.keys(params)]);
  const out: Params = { ...params };
  const conditions: string[] = [];
  let k = 0;
  const bind = (value: Value): string => {
    let name: string;
    do name = `_w${++k}`; while (used.has(name));
    used.add(name);
    out[name] = checkValue(name, value);
    return `$${name}`;
  };
  for (const [column, value] of Object.entries(filters)) {
    if (!column) throw new Error('wrap: empty column name');
    if (value === undefined) throw new Error(`wrap: filter on ${column} has no value (use null for IS NULL)`);
    const col = `q.${quoteIdent(column)}`;
    if (value === null) conditions.push(`${col} IS NULL`);
    else if (typeof value === 'object') conditions.push(`starts_with(${col}, ${bind(value.prefix)})`);
    else conditions.push(`${col} = ${bind(value)}`);
  }
  // The newline ends a trailing -- comment of the inner query before the closing parenthesis.
  const where = conditions.length > 0 ? `\nWHERE ${conditions.join(' AND ')}` : '';
  const order = orderBy.length > 0 ? `\nORDER BY ${orderBy.map((c) => `q.${quoteIdent(c)}`).join(', ')}` : '';
  return { sql: `SELECT * FROM (\n${inner}\n) AS q${where}${order}`, params: out };
}

/** The SQL without its trailing semicolon(s), comments after it kept (so it can be wrapped as a subquery). */
export function stripTrailingSemicolon(sql: string): string {
  const tokens = tokenize(sql);
  // The last piece of code that is not blank: drop its trailing semicolons (comments after it stay).
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind === 'comment' || (t.kind === 'code' && t.text.trim() === '')) continue;
    if (t.kind === 'code') tokens[i] = { kind: 'code', text: t.text.replace(/[\s;]+$/, '') };
    break;
  }
  return tokens.map((t) => t.text).join('');
}
