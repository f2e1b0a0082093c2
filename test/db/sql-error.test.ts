import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { GUARD_WRAPPER, LOCATE_WRAPPER, explainSql } from '../../src/db/console-guard.ts';
import { AS_TYPED, toIndex, caretExcerpt, lineColumn, parseDuckDbError, userOffset, wrapSql, type SqlWrapper } from '../../src/db/sql-error.ts';
import { openNodeWasm } from './wasm-node.ts';

// Where a DuckDB error is in the user's statement: DuckDB's JSON error (errors_as_json) gives a byte offset into the
// text it was given; the console maps it back through the wrapper it used to the user's own text, line and column.
// The pure mapping on hand-made offsets, then on DuckDB-WASM's own errors (the Node build, the browser's SQL).

describe('parseDuckDbError', () => {
  it('reads the JSON form, with or without a "Parser Error: " in front, and the classic form', () => {
    expect(parseDuckDbError('{"exception_type":"Binder","exception_message":"Referenced column \\"x\\" not found in FROM clause!\\nCandidate bindings: \\"name\\"","position":"7","name":"x"}'))
      .toEqual({ type: 'Binder', message: 'Referenced column "x" not found in FROM clause!\nCandidate bindings: "name"', position: 7, unit: 'byte' });
    expect(parseDuckDbError('Parser Error: {"exception_type":"Parser","exception_message":"syntax error at end of input","error_subtype":"SYNTAX_ERROR","position":"10"}'))
      .toEqual({ type: 'Parser', message: 'syntax error at end of input', position: 10, unit: 'char' });
    expect(parseDuckDbError('{"exception_type":"Conversion","exception_message":"Could not convert string \'x\' to INT32"}'))
      .toEqual({ type: 'Conversion', message: "Could not convert string 'x' to INT32", position: null, unit: 'byte' });
    expect(parseDuckDbError('Binder Error: Referenced column "x" not found!\n\nLINE 1: EXPLAIN (FORMAT JSON) SELECT * FROM query(\'SELECT x\')\n                                            ^'))
      .toEqual({ type: 'Binder', message: 'Referenced column "x" not found!', position: null, unit: 'byte' });
    expect(parseDuckDbError('something {not json} happened')).toEqual({ type: '', message: 'something {not json} happened', position: null, unit: 'byte' });
  });
});

describe('mapping an offset through a wrapper to the user\'s statement', () => {
  const sql = "SELECT 'it''s', nope\nFROM regions";
  const wrappers: Array<[string, SqlWrapper]> = [['as typed', AS_TYPED], ['the guard\'s query()', GUARD_WRAPPER], ['EXPLAIN', LOCATE_WRAPPER],
    ['a made-up one', { prefix: 'SELECT * FROM (', quoted: false, suffix: ') t' }]];
  it.each(wrappers)('%s: every character of the statement maps back to itself', (_name, w) => {
    const wrapped = wrapSql(w, sql);
    for (let i = 0; i <= sql.length; i++) {
      // The offset of character i of the user's text inside the wrapped text (quotes doubled before it).
      const before = w.quoted ? sql.slice(0, i).replace(/'/g, "''") : sql.slice(0, i);
      const at = w.prefix.length + before.length;
      expect(userOffset(w, sql, new TextEncoder().encode(wrapped.slice(0, at)).length), `${i}`).toBe(i);
    }
  });
  it('an offset in the wrapper itself maps to nothing', () => {
    expect(userOffset(GUARD_WRAPPER, sql, 36)).toBeNull(); // DuckDB's position for any error inside query(
    expect(userOffset(GUARD_WRAPPER, sql, 0)).toBeNull();
    expect(userOffset(GUARD_WRAPPER, sql, wrapSql(GUARD_WRAPPER, sql).length)).toBeNull();
    expect(userOffset(LOCATE_WRAPPER, sql, 3)).toBeNull();
    expect(userOffset(AS_TYPED, sql, null)).toBeNull();
  });
  it('counts DuckDB\'s bytes (UTF-8: é is 2 bytes, an emoji 4) and a syntax error\'s code points as UTF-16 indexes', () => {
    expect(toIndex('é😀x', 0)).toBe(0);
    expect(toIndex('é😀x', 2)).toBe(1);
    expect(toIndex('é😀x', 6)).toBe(3);
    expect(toIndex('é😀x', 99)).toBe(4);
    expect(toIndex('é😀x', 2, 'char')).toBe(3);
    expect(toIndex('é😀x', 3, 'char')).toBe(4);
    expect(userOffset(AS_TYPED, "SELECT 'é😀', nope", 17)).toBe(14);
    expect(userOffset(AS_TYPED, "SELECT 'é😀', nope", 13, 'char')).toBe(14);
    // In the guard's literal the quotes are doubled: x is code point 18 there, UTF-16 index 15 in the statement.
    expect(userOffset(GUARD_WRAPPER, "SELECT 'é''😀' x", GUARD_WRAPPER.prefix.length + 18, 'char')).toBe(15);
  });
});

describe('line, column and caret', () => {
  it('gives 1-based line and column (a surrogate pair is one column)', () => {
    expect(lineColumn('SELECT 1', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('a\nbc\r\nd', 3)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('a\nbc\r\nd', 6)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('😀x', 2)).toEqual({ line: 1, column: 2 });
  });
  it('shows the line with a caret under the place; tabs kept so both align', () => {
    expect(caretExcerpt('SELECT a,\n\tnope FROM t', 11)).toEqual({ line: 2, column: 2, text: '\tnope FROM t', caret: '\t^' });
    expect(caretExcerpt('SELECT 1 +', 10)).toEqual({ line: 1, column: 11, text: 'SELECT 1 +', caret: `${' '.repeat(10)}^` });
  });
  it('cuts a long line around the place, with ellipses', () => {
    const long = `SELECT ${'x'.repeat(200)}, nope, ${'y'.repeat(200)}`;
    const at = long.indexOf('nope');
    const e = caretExcerpt(long, at);
    expect(e.text.startsWith('…')).toBe(true);
    expect(e.text.endsWith('…')).toBe(true);
    expect(e.text.slice(e.caret.length - 1, e.caret.length + 3)).toBe('nope');
    expect(e.column).toBe(at + 1);
  });
});

describe('on DuckDB-WASM\'s own errors (errors_as_json)', () => {
  let conn: DuckDBConnection;
  let close = () => undefined as void;
  beforeAll(async () => {
    const wasm = await openNodeWasm();
    conn = wasm.conn;
    conn.query("CREATE TABLE regions AS SELECT '11' AS region_code, 'Aceh' AS name");
    conn.query('SET errors_as_json = true');
    close = () => wasm.close();
  }, 60_000);
  afterAll(() => close());

  const errorOf = (sql: string) => { try { conn.query(sql); return null; } catch (e) { return parseDuckDbError((e as Error).message); } };

  const cases: Array<[string, string, { line: number; column: number }]> = [
    ['an unknown column', 'SELECT no_such_column FROM regions', { line: 1, column: 8 }],
    ['on the third line, after a quoted quote', "SELECT name,\n  region_code,\n  no_such FROM regions WHERE name = 'it''s'", { line: 3, column: 3 }],
    ['after non-ASCII text', "SELECT 'Bahasa Indonésia 😀', nope FROM regions", { line: 1, column: 30 }],
    ['a syntax error', 'SELECT * FORM regions', { line: 1, column: 15 }],
    ['a syntax error after non-ASCII text (DuckDB counts characters there, not bytes)', "SELECT 'it''s Indonésia 😀' AS a\nFORM regions", { line: 2, column: 1 }],
    ['a syntax error at the end, after non-ASCII text', "SELECT 'éé' + 1 FROM regions WHERE 1 +", { line: 1, column: 39 }],
    ['a missing table', 'SELECT *\nFROM regions, nowhere', { line: 2, column: 15 }],
    ['a bad function call', 'SELECT lower(name, 3) FROM regions', { line: 1, column: 8 }],
  ];
  it.each(cases)('%s: the guard\'s wrapper hides the place, the EXPLAIN of the statement gives it', (_name, sql, where) => {
    const guard = errorOf(explainSql(sql))!;
    expect(guard).not.toBeNull();
    // Inside query() DuckDB points at the query( call, outside the statement.
    expect(userOffset(GUARD_WRAPPER, sql, guard.position)).toBeNull();
    const located = errorOf(wrapSql(LOCATE_WRAPPER, sql))!;
    expect(located.message).toBe(guard.message);
    const index = userOffset(LOCATE_WRAPPER, sql, located.position, located.unit);
    expect(index).not.toBeNull();
    expect(lineColumn(sql, index!)).toEqual(where);
    // The statement as typed gives the same place.
    const typed = errorOf(sql)!;
    expect(userOffset(AS_TYPED, sql, typed.position, typed.unit)).toBe(index);
  });
  it('a run-time error of the statement as typed is placed too', () => {
    const sql = "SELECT 1,\n  CAST('x' AS INTEGER) FROM regions";
    const e = errorOf(sql)!;
    expect(e.type).toBe('Conversion');
    expect(lineColumn(sql, userOffset(AS_TYPED, sql, e.position, e.unit)!)).toEqual({ line: 2, column: 3 });
  });
});
