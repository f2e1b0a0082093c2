import { describe, expect, it } from 'vitest';
import { parameterNames, paramsOf, tablesOf, toPositional, wrap } from '../../src/db/sql.ts';

describe('toPositional: $name -> ?', () => {
  it('translates in order of appearance; a name used twice binds twice', () => {
    const r = toPositional('SELECT * FROM t WHERE year = $year AND ($region = \'00\' OR code = $region) AND y2 = $year - 1',
      { year: 2024, region: '32', unused: 'x' });
    const I = 'CAST(? AS INTEGER)';
    expect(r.sql).toBe(`SELECT * FROM t WHERE year = ${I} AND (? = '00' OR code = ?) AND y2 = ${I} - 1`);
    expect(r.values).toEqual([2024, '32', '32', 2024]);
    expect(r.names).toEqual(['year', 'region', 'region', 'year']);
  });

  it('keeps casts after a parameter', () => {
    expect(toPositional('SELECT $year::INTEGER AS year', { year: 2023 })).toMatchObject({ sql: 'SELECT CAST(? AS INTEGER)::INTEGER AS year', values: [2023] });
  });

  it('skips string literals, quoted identifiers and dollar-quoted strings', () => {
    const sql = `SELECT '$year', 'it''s $region', E'a\\'$year', "$col", $$ $year $$, $tag$ $region $tag$, $year`;
    const r = toPositional(sql, { year: 'x' });
    expect(r.sql).toBe(`SELECT '$year', 'it''s $region', E'a\\'$year', "$col", $$ $year $$, $tag$ $region $tag$, ?`);
    expect(r.values).toEqual(['x']);
  });

  it('skips line and block comments (a ? in a comment is not a placeholder)', () => {
    const sql = '-- Params: $year INTEGER. Why? $region\nSELECT /* $year ? */ $year -- $region\n';
    const r = toPositional(sql, { year: '5' });
    expect(r.sql).toBe('-- Params: $year INTEGER. Why? $region\nSELECT /* $year ? */ ? -- $region\n');
    expect(r.values).toEqual(['5']);
  });

  it('binds strings as values: an injection attempt stays a value', () => {
    const evil = "00' OR 1=1 --";
    const r = toPositional('SELECT * FROM t WHERE region = $region', { region: evil });
    expect(r.sql).toBe('SELECT * FROM t WHERE region = ?');
    expect(r.values).toEqual([evil]);
  });

  it('accepts null, booleans and numbers; refuses missing, undefined and unsupported values', () => {
    expect(toPositional('SELECT $a, $b, $c', { a: null, b: true, c: 1.5 }).values).toEqual([null, true, 1.5]);
    expect(() => toPositional('SELECT $a, $b', { a: 1 })).toThrow('missing query parameter(s): $b');
    expect(() => toPositional('SELECT $a', { a: undefined as unknown as null })).toThrow('$a');
    expect(() => toPositional('SELECT $a', { a: 1n as unknown as number })).toThrow('unsupported type');
    expect(() => toPositional('SELECT $a', { a: Number.NaN })).toThrow('finite');
  });

  it('whole numbers bind as INTEGER (BIGINT beyond 32 bits), as @duckdb/node-api binds them; other values as given', () => {
    expect(toPositional('SELECT $a, $b, $c, $d, $e', { a: 2024, b: -2147483648, c: 2147483648, d: 1.5, e: true }).sql)
      .toBe('SELECT CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS BIGINT), ?, ?');
    expect(() => toPositional('SELECT $a', { a: 2 ** 53 })).toThrow('beyond 2^53');
  });

  it('refuses bare ? placeholders, numbered $1 parameters and unterminated literals', () => {
    expect(() => toPositional('SELECT ?')).toThrow('bare ?');
    expect(() => toPositional('SELECT $1', {})).toThrow('numbered');
    expect(() => toPositional("SELECT 'abc", {})).toThrow('unterminated');
    expect(() => toPositional('SELECT /* x', {})).toThrow('unterminated');
  });

  it('leaves SQL without parameters unchanged', () => {
    const sql = "SELECT DISTINCT year FROM kla WHERE x = 'a$b' ORDER BY year DESC";
    expect(toPositional(sql)).toEqual({ sql, values: [], names: [] });
  });
});

describe('header parsing', () => {
  const header = `-- KLA categories.
-- Tables: kla. Params: $year INTEGER, $region VARCHAR ('00' = Indonesia, or a province code).
-- Columns: year, evaluated.
SELECT 1`;

  it('tablesOf reads the -- Tables: list up to the full stop', () => {
    expect(tablesOf(header)).toEqual(['kla']);
    expect(tablesOf('-- Tables: violence_totals, violence_by_type, regions. Params: $year INTEGER\nSELECT 1'))
      .toEqual(['violence_totals', 'violence_by_type', 'regions']);
    expect(tablesOf('-- Tables: regions\nSELECT 1')).toEqual(['regions']);
    expect(tablesOf('SELECT 1')).toEqual([]);
  });

  it('tablesOf ignores "Tables:" inside string literals and merges several header lines', () => {
    expect(tablesOf("-- Tables: a, b.\n-- Tables: b, c\nSELECT '-- Tables: evil'")).toEqual(['a', 'b', 'c']);
  });

  it('paramsOf reads names and types', () => {
    expect(paramsOf(header)).toEqual([{ name: 'year', type: 'INTEGER' }, { name: 'region', type: 'VARCHAR' }]);
    expect(paramsOf('-- Tables: kla. Params: none.\nSELECT 1')).toEqual([]);
    expect(paramsOf('-- Tables: t. Params: $level VARCHAR (\'province\' | \'regency\').\nSELECT 1')).toEqual([{ name: 'level', type: 'VARCHAR' }]);
  });

  it('paramsOf and tablesOf follow indented continuation lines, and stop at the list', () => {
    const sql = `-- Tables: lksa,
--   regions. Params: $province VARCHAR ('00' = Indonesia), $accreditation VARCHAR (A, B),
--   $search VARCHAR (part of the name).
-- Columns: lksa_id, name,
--          $not_a_param VARCHAR.
--
-- Not a continuation:
--   $other VARCHAR
SELECT 1`;
    expect(tablesOf(sql)).toEqual(['lksa', 'regions']);
    expect(paramsOf(sql).map((p) => p.name)).toEqual(['province', 'accreditation', 'search']);
    expect(tablesOf('-- Tables: a, b more words, c\nSELECT 1')).toEqual(['a', 'b']);
    expect(tablesOf('-- Tables: none.\nSELECT 1')).toEqual([]);
  });

  it('parameterNames lists the parameters the SQL uses', () => {
    expect(parameterNames(header)).toEqual([]);
    expect(parameterNames('SELECT $b, $a, $b')).toEqual(['b', 'a']);
  });
});

describe('wrap', () => {
  it('wraps as a subquery with bound filters; null gives IS NULL', () => {
    const w = wrap('-- Tables: lksa.\nSELECT * FROM lksa WHERE x = $region;', { province_code: '32', accreditation: null, valid: true });
    expect(w.sql).toBe('SELECT * FROM (\n-- Tables: lksa.\nSELECT * FROM lksa WHERE x = $region\n) AS q\nWHERE q."province_code" = $_w1 AND q."accreditation" IS NULL AND q."valid" = $_w2');
    expect(w.params).toEqual({ _w1: '32', _w2: true });
    expect(tablesOf(w.sql)).toEqual(['lksa']);
  });

  it('merges the inner parameters and never reuses their names', () => {
    const w = wrap('SELECT $_w1 AS a', { a: 1 }, { _w1: 7 });
    expect(w.params).toEqual({ _w1: 7, _w2: 1 });
    expect(toPositional(w.sql, w.params).values).toEqual([7, 1]);
  });

  it('ends a trailing line comment before the closing parenthesis and quotes odd column names', () => {
    const w = wrap('SELECT 1 AS "a""b" -- trailing', { 'a"b': 1 });
    expect(w.sql).toBe('SELECT * FROM (\nSELECT 1 AS "a""b" -- trailing\n) AS q\nWHERE q."a""b" = $_w1');
  });

  it('without filters it only wraps', () => {
    expect(wrap('SELECT 1', {}).sql).toBe('SELECT * FROM (\nSELECT 1\n) AS q');
  });
});
