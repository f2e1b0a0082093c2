import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { consoleFilterText, duckType, reproducingSql, toDownload, uniqueNames } from '../../src/app/views/console/downloads.ts';

describe('console result as a download', () => {
  it('maps Arrow types to the DuckDB types the writers take', () => {
    expect(['Int8', 'Int16', 'Int32', 'Uint8', 'Uint16'].map(duckType)).toEqual(Array(5).fill('INTEGER'));
    expect(['Int64', 'Uint32', 'Uint64'].map(duckType)).toEqual(Array(3).fill('BIGINT'));
    expect(['Float32', 'Float64', 'Decimal[18e3]'].map(duckType)).toEqual(Array(3).fill('DOUBLE'));
    expect(duckType('Bool')).toBe('BOOLEAN');
    expect(duckType('Date32<DAY>')).toBe('DATE');
    expect(duckType('Utf8')).toBe('VARCHAR');
    expect(duckType('Timestamp<MICROSECOND>')).toBe('VARCHAR');
  });

  it('makes column names unique and rows objects in column order', () => {
    expect(uniqueNames(['a', 'a', 'b', 'a', ''])).toEqual(['a', 'a_2', 'b', 'a_3', 'column']);
    const d = toDownload({ columns: [{ name: 'x', type: 'Int32' }, { name: 'x', type: 'Utf8' }], rows: [[1, 'a'], [null, null]] });
    expect(d.columns).toEqual([{ name: 'x', type: 'INTEGER' }, { name: 'x_2', type: 'VARCHAR' }]);
    expect(d.rows).toEqual([{ x: 1, x_2: 'a' }, { x: null, x_2: null }]);
  });

  it('says the rows are a console query, and when the row cap or the byte cap cut them', () => {
    expect(consoleFilterText(null, 38)).toEqual({ id: 'hasil kueri konsol SQL (lihat query.sql)', en: 'an SQL console query result (see query.sql)' });
    const capped = consoleFilterText('rows', 10_000);
    expect(capped.id).toContain('TERPOTONG: hanya 10.000 baris pertama (batas baris konsol)');
    expect(capped.en).toContain('TRUNCATED: only the first 10,000 rows (the console\'s row cap)');
    const bytes = consoleFilterText('bytes', 2_345);
    expect(bytes.id).toContain('TERPOTONG: hanya 2.345 baris pertama (batas 32 MB konsol)');
    expect(bytes.en).toContain('TRUNCATED: only the first 2,345 rows (the console\'s 32 MB cap)');
  });

  it('gives a query.sql that DuckDB runs in the snapshot folder', async () => {
    const sql = 'SELECT level, count(*) AS n FROM regions GROUP BY level ORDER BY level;  ';
    const text = reproducingSql(sql, ['regions'], 'demo');
    expect(text).toContain("CREATE OR REPLACE VIEW regions AS SELECT * FROM read_parquet('regions.parquet');");
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const dir = join(process.cwd(), 'public/data/demo').replaceAll("'", "''");
    await conn.run(`SET file_search_path = '${dir}'`);
    const statements = text.split('\n').filter((l) => !l.startsWith('--'));
    for (const st of statements.slice(0, -1)) await conn.run(st);
    const rows = (await conn.runAndReadAll(statements.at(-1)!)).getRowObjectsJS();
    expect(rows.map((r) => [r.level, Number(r.n)])).toEqual([['national', 1], ['province', 38], ['regency', 514]]);
    conn.closeSync();
  });
});
