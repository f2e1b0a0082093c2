import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type, tableFromIPC } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { arrowType, isParquet, parquetToIPC, rowsToIPC, tableToRows, toValue, type ColumnSpec } from '../../src/db/arrow.ts';
import { tempDir } from '../helpers.ts';
import { openNodeWasm, type NodeWasm } from './wasm-node.ts';

// Parquet written by DuckDB exactly as the pipeline writes it (ZSTD), decoded by hyparquet, turned into Arrow IPC,
// inserted into duckdb-wasm and read back: every published column type, with nulls.

const COLUMNS: ColumnSpec[] = [
  { name: 's', type: 'VARCHAR' },
  { name: 'i', type: 'INTEGER' },
  { name: 'b', type: 'BIGINT' },
  { name: 'd', type: 'DOUBLE' },
  { name: 'f', type: 'BOOLEAN' },
  { name: 'dt', type: 'DATE' },
];

const SOURCE = `SELECT * FROM (VALUES
  ('Kota Bandung', 2147483647, 9007199254740991::BIGINT, 1.5::DOUBLE, true, DATE '2024-02-29'),
  (NULL, NULL, NULL, NULL, NULL, NULL),
  ('', -2147483648, -42::BIGINT, -0.1::DOUBLE, false, DATE '1969-12-31'),
  ('Sulawesi — Ñ 日本 😀', 0, 0::BIGINT, 1e300::DOUBLE, NULL, DATE '1900-01-01'),
  (NULL, 7, NULL, NULL, false, NULL)
) AS v(s, i, b, d, f, dt)`;

const scratch = tempDir('pantau-db-arrow-');
let duck: Duck;
let wasm: NodeWasm;
let file: string;
let bigFile: string;
let expected: Array<Record<string, unknown>>;

beforeAll(async () => {
  duck = await Duck.open();
  file = join(scratch.dir, 'types.parquet');
  await duck.run(`COPY (${SOURCE}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
  expected = await duck.all(SOURCE);
  // Many row groups: the column chunks of each must land at the right rows.
  bigFile = join(scratch.dir, 'big.parquet');
  await duck.run(`COPY (SELECT i::INTEGER AS i, CASE WHEN i % 7 = 0 THEN NULL ELSE 'r' || i END AS s FROM range(10000) t(i) ORDER BY i)
    TO ${sqlString(bigFile)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`);
  wasm = await openNodeWasm();
});
afterAll(() => { duck?.close(); wasm?.close(); scratch.cleanup(); });

const roundTrip = async (name: string, ipc: Uint8Array) => {
  await wasm.engine.insertIPC(name, ipc);
  return tableToRows(await wasm.engine.query(`SELECT * FROM ${name}`, []));
};

describe('Parquet -> Arrow IPC -> duckdb-wasm', () => {
  it('maps manifest types to Arrow types', () => {
    expect(COLUMNS.map((c) => String(arrowType(c.type)))).toEqual(['Utf8', 'Int32', 'Int64', 'Float64', 'Bool', 'Date32<DAY>']);
    expect(() => arrowType('HUGEINT')).toThrow('unsupported column type HUGEINT');
  });

  it('rowsToIPC takes hyparquet object rows (dates as Date) and keeps every value and null', async () => {
    const buf = readFileSync(file);
    const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), compressors });
    expect(rows[0]!.dt).toBeInstanceOf(Date);
    const back = await roundTrip('from_rows', rowsToIPC(COLUMNS, rows));
    expect(back).toEqual(expected);
    expect(back[3]!.s).toBe('Sulawesi — Ñ 日本 😀');
    expect(back[2]).toMatchObject({ s: '', dt: '1969-12-31' });
    const types = tableToRows(await wasm.engine.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'from_rows' ORDER BY ordinal_position", []));
    expect(types.map((t) => `${t.column_name} ${t.data_type}`)).toEqual(['s VARCHAR', 'i INTEGER', 'b BIGINT', 'd DOUBLE', 'f BOOLEAN', 'dt DATE']);
  });

  it('rowsToIPC takes array rows in column order too', async () => {
    const ipc = rowsToIPC(COLUMNS, [['x', 1, 2n, 0.5, true, '2020-01-02'], [null, null, null, null, null, null]]);
    const t = tableFromIPC(ipc);
    expect(t.numRows).toBe(2);
    expect(t.schema.fields.map((f) => f.nullable)).toEqual(COLUMNS.map(() => true));
    expect(await roundTrip('from_arrays', ipc)).toEqual([
      { s: 'x', i: 1, b: 2, d: 0.5, f: true, dt: '2020-01-02' },
      { s: null, i: null, b: null, d: null, f: null, dt: null },
    ]);
  });

  it('parquetToIPC (the browser loader path) gives the same table', async () => {
    const { ipc, rows } = await parquetToIPC(new Uint8Array(readFileSync(file)), COLUMNS);
    expect(rows).toBe(5);
    expect(await roundTrip('from_parquet', ipc)).toEqual(expected);
  });

  it('parquetToIPC keeps the manifest column order, reads only those columns, and assembles many row groups', async () => {
    const bytes = new Uint8Array(readFileSync(bigFile));
    expect(parquetMetadata(bytes.buffer).row_groups.length).toBeGreaterThan(1);
    const { ipc, rows } = await parquetToIPC(bytes, [{ name: 's', type: 'VARCHAR' }, { name: 'i', type: 'INTEGER' }]);
    expect(rows).toBe(10000);
    await wasm.engine.insertIPC('big', ipc);
    const [agg] = tableToRows(await wasm.engine.query(
      "SELECT count(*) AS n, count(s) AS s, sum(i) AS total, bool_and(s IS NULL OR s = 'r' || i) AS aligned, min(i) AS lo, max(i) AS hi FROM big", []));
    expect(agg).toEqual({ n: 10000, s: 10000 - Math.ceil(10000 / 7), total: 49995000, aligned: true, lo: 0, hi: 9999 });
    const [first] = tableToRows(await wasm.engine.query('SELECT * FROM big LIMIT 1', []));
    expect(Object.keys(first!)).toEqual(['s', 'i']);
  });

  it('refuses files that are not Parquet, missing columns and values that do not fit', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>app</body></html>');
    expect(isParquet(html)).toBe(false);
    await expect(parquetToIPC(html, COLUMNS)).rejects.toThrow('not Parquet');
    await expect(parquetToIPC(new Uint8Array(readFileSync(file)), [...COLUMNS, { name: 'nope', type: 'INTEGER' }])).rejects.toThrow('lacks column(s) nope');
    expect(() => rowsToIPC([{ name: 'i', type: 'INTEGER' }], [{ i: 'x' }])).toThrow('column i (INTEGER), row 1: cannot store "x"');
    expect(() => rowsToIPC([{ name: 'i', type: 'INTEGER' }], [{ i: 1 }, { i: 2 ** 31 }])).toThrow('row 2');
    expect(() => rowsToIPC([{ name: 'i', type: 'INTEGER' }], [{ i: 1.5 }])).toThrow('cannot store 1.5');
    expect(() => rowsToIPC([{ name: 'f', type: 'BOOLEAN' }], [{ f: 1 }])).toThrow('cannot store 1');
    expect(() => rowsToIPC([{ name: 'dt', type: 'DATE' }], [{ dt: '31/12/2024' }])).toThrow('cannot store "31/12/2024"');
  });
});

describe('Arrow results -> plain rows', () => {
  it('converts BigInt to number, dates to ISO days, decimals exactly, and keeps nulls', async () => {
    const rows = tableToRows(await wasm.engine.query(`SELECT
      count(*) AS n, sum(x) AS s, 12345678901::BIGINT AS big, 66.7::DECIMAL(4,1) AS dec1, -0.05::DECIMAL(18,2) AS dec2,
      123456789012345678.9::DECIMAL(38,1) AS dec38, round(100.0 * 2 / 3, 1) AS pct, DATE '2024-02-29' AS d, DATE '1969-12-31' AS before_epoch,
      TIMESTAMP '2024-01-02 03:04:05' AS ts, NULL::INTEGER AS none, NULL::DATE AS no_date, 'x' AS s2, true AS t
      FROM (VALUES (1), (2)) v(x)`, []));
    expect(rows).toEqual([{
      n: 2, s: 3, big: 12345678901, dec1: 66.7, dec2: -0.05, dec38: Number('123456789012345678.9'), pct: 66.7, d: '2024-02-29',
      before_epoch: '1969-12-31', ts: '2024-01-02T03:04:05.000Z', none: null, no_date: null, s2: 'x', t: true,
    }]);
    expect(typeof rows[0]!.n).toBe('number');
  });

  it('binds positional values of every kind', async () => {
    const [r] = tableToRows(await wasm.engine.query('SELECT ? AS a, ?::INTEGER AS b, ? AS c, ? AS d, ? IS NULL AS e', ['x', 2024, true, 1.25, null]));
    expect(r).toEqual({ a: 'x', b: 2024, c: true, d: 1.25, e: true });
  });

  it('toValue converts single cells by Arrow type id', () => {
    expect(toValue(5n, { typeId: Type.Int })).toBe(5);
    expect(toValue(Date.UTC(2025, 11, 31), { typeId: Type.Date })).toBe('2025-12-31');
    expect(toValue(new Date(Date.UTC(2000, 0, 1)), { typeId: Type.Date })).toBe('2000-01-01');
    expect(toValue(null, { typeId: Type.Utf8 })).toBeNull();
    expect(toValue(undefined, { typeId: Type.Float })).toBeNull();
    // 128-bit two's complement words, little-endian: -1234 with scale 2.
    expect(toValue(new Uint32Array([(-1234 >>> 0), 0xffffffff, 0xffffffff, 0xffffffff]), { typeId: Type.Decimal, scale: 2 })).toBe(-12.34);
  });
});
