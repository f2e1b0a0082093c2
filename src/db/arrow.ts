// Parquet -> Arrow IPC (for loading tables into DuckDB-WASM) and Arrow result -> plain rows.
// No browser-only APIs here: the parity test runs exactly this code in Node.
import {
  Bool, DateDay, Field, Float64, Int32, Int64, RecordBatch, Schema, Struct, Table, Type, Utf8, makeData,
  tableToIPC, type DataType,
} from 'apache-arrow';
import { parquetMetadata, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Row, Value } from './sql.ts';

/** A column as the manifest describes it. */
export interface ColumnSpec {
  name: string;
  type: string;
}

const MS_PER_DAY = 86_400_000;

/** The Arrow type for a manifest column type. */
export function arrowType(sqlType: string): DataType {
  switch (sqlType.toUpperCase()) {
    case 'VARCHAR': return new Utf8();
    case 'INTEGER': return new Int32();
    case 'BIGINT': return new Int64();
    case 'DOUBLE': return new Float64();
    case 'BOOLEAN': return new Bool();
    case 'DATE': return new DateDay();
    default: throw new Error(`unsupported column type ${sqlType}`);
  }
}

/** A date value (days since 1970-01-01, Date, or 'YYYY-MM-DD') as days since 1970-01-01. */
function toDays(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return Math.floor(v.getTime() / MS_PER_DAY);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const ms = Date.parse(`${v}T00:00:00Z`);
    if (!Number.isNaN(ms)) return ms / MS_PER_DAY;
  }
  return undefined;
}

/**
 * Builds one Arrow column from JS values, nulls preserved (null or undefined). Throws naming the column and row
 * when a value does not fit the type.
 */
function buildColumn(spec: ColumnSpec, values: ArrayLike<unknown>) {
  const type = arrowType(spec.type);
  const length = values.length;
  const validity = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  const bad = (i: number, v: unknown): never => {
    throw new Error(`column ${spec.name} (${spec.type}), row ${i + 1}: cannot store ${typeof v === 'bigint' ? `${v}n` : JSON.stringify(v) ?? String(v)}`);
  };
  const present = (i: number, v: unknown): boolean => {
    if (v === null || v === undefined) { nullCount++; return false; }
    validity[i >> 3]! |= 1 << (i & 7);
    return true;
  };
  switch (type.typeId) {
    case Type.Int: {
      if (spec.type.toUpperCase() === 'BIGINT') {
        const data = new BigInt64Array(length);
        for (let i = 0; i < length; i++) {
          const v = values[i];
          if (!present(i, v)) continue;
          if (typeof v === 'bigint') data[i] = v;
          else if (typeof v === 'number' && Number.isSafeInteger(v)) data[i] = BigInt(v);
          else bad(i, v);
        }
        return makeData({ type: type as Int64, length, nullCount, nullBitmap: validity, data });
      }
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (!present(i, v)) continue;
        const n = typeof v === 'bigint' ? Number(v) : v;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < -2147483648 || n > 2147483647) bad(i, v);
        data[i] = n as number;
      }
      return makeData({ type: type as Int32, length, nullCount, nullBitmap: validity, data });
    }
    case Type.Float: {
      const data = new Float64Array(length);
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (!present(i, v)) continue;
        const n = typeof v === 'bigint' ? Number(v) : v;
        if (typeof n !== 'number') bad(i, v);
        data[i] = n as number;
      }
      return makeData({ type: type as Float64, length, nullCount, nullBitmap: validity, data });
    }
    case Type.Bool: {
      const data = new Uint8Array(Math.ceil(length / 8));
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (!present(i, v)) continue;
        if (typeof v !== 'boolean') bad(i, v);
        if (v) data[i >> 3]! |= 1 << (i & 7);
      }
      return makeData({ type: type as Bool, length, nullCount, nullBitmap: validity, data });
    }
    case Type.Date: {
      const data = new Int32Array(length);
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (!present(i, v)) continue;
        const days = toDays(v);
        if (days === undefined) bad(i, v);
        data[i] = days!;
      }
      return makeData({ type: type as DateDay, length, nullCount, nullBitmap: validity, data });
    }
    case Type.Utf8: {
      const encoder = new TextEncoder();
      const parts: Uint8Array[] = [];
      const offsets = new Int32Array(length + 1);
      let total = 0;
      for (let i = 0; i < length; i++) {
        const v = values[i];
        if (present(i, v)) {
          if (typeof v !== 'string') bad(i, v);
          const bytes = encoder.encode(v as string);
          parts.push(bytes);
          total += bytes.length;
        }
        offsets[i + 1] = total;
      }
      const data = new Uint8Array(total);
      let at = 0;
      for (const p of parts) { data.set(p, at); at += p.length; }
      return makeData({ type: type as Utf8, length, nullCount, nullBitmap: validity, valueOffsets: offsets, data });
    }
    default:
      throw new Error(`unsupported column type ${spec.type}`);
  }
}

/** An Arrow table from columns of JS values (every column nullable), in the given column order. */
export function columnsToTable(columns: ColumnSpec[], data: Record<string, ArrayLike<unknown>>): Table {
  const lengths = new Set(columns.map((c) => {
    const values = data[c.name];
    if (!values) throw new Error(`missing column ${c.name}`);
    return values.length;
  }));
  if (lengths.size > 1) throw new Error(`columns differ in length: ${[...lengths].join(', ')}`);
  const length = lengths.size === 0 ? 0 : [...lengths][0]!;
  const children = columns.map((c) => buildColumn(c, data[c.name]!));
  const fields = columns.map((c, i) => new Field(c.name, children[i]!.type, true));
  const struct = makeData({ type: new Struct(fields), length, nullCount: 0, children });
  return new Table([new RecordBatch(new Schema(fields), struct)]);
}

/** An Arrow table from rows (objects keyed by column name, or arrays in column order). */
export function rowsToTable(columns: ColumnSpec[], rows: ArrayLike<Record<string, unknown> | unknown[]>): Table {
  const data: Record<string, unknown[]> = {};
  columns.forEach((c, j) => {
    const values = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      values[i] = Array.isArray(r) ? r[j] : (r as Record<string, unknown>)[c.name];
    }
    data[c.name] = values;
  });
  return columnsToTable(columns, data);
}

/** Arrow IPC stream bytes for rows: what DuckDB's insertArrowFromIPCStream takes. */
export function rowsToIPC(columns: ColumnSpec[], rows: ArrayLike<Record<string, unknown> | unknown[]>): Uint8Array {
  return tableToIPC(rowsToTable(columns, rows), 'stream');
}

/** True when the bytes start and end with the Parquet magic "PAR1". */
export function isParquet(bytes: Uint8Array): boolean {
  const magic = [0x50, 0x41, 0x52, 0x31];
  if (bytes.length < 12) return false;
  return magic.every((b, i) => bytes[i] === b && bytes[bytes.length - 4 + i] === b);
}

/**
 * Decodes a Parquet file (ZSTD and the other codecs of hyparquet-compressors) into Arrow IPC stream bytes with
 * exactly the given columns and types. Throws when the file is not Parquet or lacks a column.
 */
export async function parquetToIPC(bytes: Uint8Array, columns: ColumnSpec[]): Promise<{ ipc: Uint8Array; rows: number }> {
  if (!isParquet(bytes)) throw new Error('not Parquet (no PAR1 magic bytes)');
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : bytes.slice().buffer;
  const metadata = parquetMetadata(buffer);
  const present = new Set(metadata.schema.slice(1).map((s) => s.name));
  const missing = columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  if (missing.length > 0) throw new Error(`Parquet file lacks column(s) ${missing.join(', ')}`);
  const total = Number(metadata.num_rows);
  const data: Record<string, unknown[]> = {};
  const filled: Record<string, number> = {};
  for (const c of columns) { data[c.name] = new Array<unknown>(total); filled[c.name] = 0; }
  await parquetRead({
    file: buffer,
    metadata,
    columns: columns.map((c) => c.name),
    compressors,
    // Dates as days since the epoch: exactly Arrow's DateDay, no time zone involved.
    parsers: { dateFromDays: (days: number) => days },
    // Column by column (one call per column per row group): no row objects are ever made.
    onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
      const target = data[columnName];
      if (!target) return;
      const end = Math.min(rowEnd, total);
      for (let i = rowStart; i < end; i++) target[i] = columnData[i - rowStart];
      filled[columnName]! += end - rowStart;
    },
  });
  const short = columns.filter((c) => filled[c.name] !== total).map((c) => c.name);
  if (short.length > 0) throw new Error(`Parquet decoding gave incomplete column(s) ${short.join(', ')}`);
  return { ipc: tableToIPC(columnsToTable(columns, data), 'stream'), rows: total };
}

// ---------------------------------------------------------------------------------------------------------------
// Results: Arrow -> plain rows. Types are read from typeId, not instanceof, so a table made by another copy of
// apache-arrow (the duckdb-wasm Node build loads the CommonJS one) converts the same.

interface ArrowLikeField { name: string; type: { typeId: number; scale?: number; unit?: number } }
interface ArrowLikeVector { get(i: number): unknown; length: number; [Symbol.iterator](): Iterator<unknown> }
/** The part of an Arrow table the conversion reads. */
export interface ArrowLikeTable {
  numRows: number;
  schema: { fields: ArrowLikeField[] };
  getChildAt(i: number): ArrowLikeVector | null;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A 128-bit two's complement decimal (four little-endian 32-bit words) with a scale, as a JS number. */
function decimalToNumber(words: ArrayLike<number>, scale: number): number {
  let big = 0n;
  for (let k = words.length - 1; k >= 0; k--) big = (big << 32n) | BigInt(words[k]! >>> 0);
  const bits = BigInt(words.length * 32);
  if (big >= 1n << (bits - 1n)) big -= 1n << bits;
  if (scale <= 0) return Number(big * 10n ** BigInt(-scale));
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  // Parsing the decimal text rounds correctly, like reading the value from CSV would.
  return Number(`${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/** One Arrow cell as a plain JS value: BigInt -> number, dates -> 'YYYY-MM-DD', timestamps -> ISO text. */
export function toValue(v: unknown, type: ArrowLikeField['type']): Value {
  if (v === null || v === undefined) return null;
  switch (type.typeId) {
    case Type.Date:
      return isoDate(v instanceof Date ? v.getTime() : Number(v));
    case Type.Timestamp:
      return new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString();
    case Type.Decimal:
      return decimalToNumber(v as ArrayLike<number>, type.scale ?? 0);
    default:
      break;
  }
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v.getTime());
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
  return String(v);
}

/** Every row of an Arrow table as a plain object, column by column (no per-row proxies). */
export function tableToRows(table: ArrowLikeTable): Row[] {
  const n = table.numRows;
  const rows: Row[] = Array.from({ length: n }, () => ({}));
  table.schema.fields.forEach((field, j) => {
    const vector = table.getChildAt(j);
    const name = field.name;
    if (!vector) { for (const row of rows) row[name] = null; return; }
    // Iterating walks the chunks in order; get(i) looks the chunk up again for every cell (~2x slower).
    let i = 0;
    for (const v of vector) rows[i++]![name] = toValue(v, field.type);
  });
  return rows;
}
