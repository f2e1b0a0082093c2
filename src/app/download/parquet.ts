import { parquetWriteBuffer } from 'hyparquet-writer';
import type { DownloadColumn, Row, Value } from './types.ts';

// Parquet download with hyparquet-writer: one column per result column, typed from the column's DuckDB type
// (INTEGER -> INT32, or INT64 when a value does not fit; BIGINT -> INT64; DOUBLE; BOOLEAN; DATE -> INT32 DATE;
// anything else -> UTF-8 string), every column nullable, and key-value metadata (snapshot, synthetic notice,
// citation, licence, disclosure).

type Element = { name: string; type: 'BYTE_ARRAY' | 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN'; converted_type?: 'UTF8' | 'DATE'; repetition_type: 'OPTIONAL' };

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

const isInt32 = (v: Value) => typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;

/** The Parquet schema element and the column's values as hyparquet-writer wants them. */
export function parquetColumn(col: Pick<DownloadColumn, 'name' | 'type'>, rows: readonly Row[]): { element: Element; data: unknown[] } {
  const t = col.type.toUpperCase();
  const raw = rows.map((r) => r[col.name] ?? null);
  const base = { name: col.name, repetition_type: 'OPTIONAL' as const };
  const toBig = (v: Value) => (v === null ? null : BigInt(typeof v === 'number' ? Math.trunc(v) : String(v)));
  if (t === 'INTEGER' || t === 'SMALLINT' || t === 'TINYINT') {
    if (raw.every((v) => v === null || isInt32(v))) return { element: { ...base, type: 'INT32' }, data: raw };
    return { element: { ...base, type: 'INT64' }, data: raw.map(toBig) };
  }
  if (t === 'BIGINT' || t === 'HUGEINT' || t === 'UBIGINT' || t === 'UINTEGER') return { element: { ...base, type: 'INT64' }, data: raw.map(toBig) };
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL' || t.startsWith('DECIMAL')) {
    return { element: { ...base, type: 'DOUBLE' }, data: raw.map((v) => (v === null ? null : Number(v))) };
  }
  if (t === 'BOOLEAN') return { element: { ...base, type: 'BOOLEAN' }, data: raw.map((v) => (v === null ? null : v === true || v === 'true')) };
  if (t === 'DATE') {
    return { element: { ...base, type: 'INT32', converted_type: 'DATE' }, data: raw.map((v) => (v === null ? null : new Date(`${String(v).slice(0, 10)}T00:00:00Z`))) };
  }
  return { element: { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' }, data: raw.map((v) => (v === null ? null : String(v))) };
}

/** The Parquet file's bytes. */
export function toParquet(columns: ReadonlyArray<Pick<DownloadColumn, 'name' | 'type'>>, rows: readonly Row[], metadata: Record<string, string>): Uint8Array {
  const cols = columns.map((c) => ({ name: c.name, ...parquetColumn(c, rows) }));
  const buffer = parquetWriteBuffer({
    columnData: cols.map((c) => ({ name: c.name, data: c.data })),
    schema: [{ name: 'root', num_children: cols.length }, ...cols.map((c) => c.element)],
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: 'Pantau Anak (hyparquet-writer)',
  } as Parameters<typeof parquetWriteBuffer>[0]);
  return new Uint8Array(buffer);
}
