import type { DownloadColumn, Label, Row } from './types.ts';

// JSON download: { "meta": {...}, "dictionary": [...], "data": [ {...}, ... ] }. `data` holds one object per row
// with the columns in order; NULL is null; dates are 'YYYY-MM-DD' strings.

export interface JsonMeta {
  source: { id: string; title: Label };
  snapshot_id: string;
  reference_date: string;
  built_at: string;
  synthetic: boolean;
  synthetic_notice: Label | null;
  filters: Label | null;
  rows: number;
  disclosure: Label;
  licence: Label;
  citation: Label;
  sql: string;
}

export interface DictionaryEntry {
  name: string;
  type: string;
  unit: Label | null;
  description: Label | null;
}

export const dictionaryOf = (columns: readonly DownloadColumn[]): DictionaryEntry[] =>
  columns.map((c) => ({ name: c.name, type: c.type, unit: c.unit ?? null, description: c.description ?? null }));

/** The JSON text. */
export function toJsonText(meta: JsonMeta, columns: readonly DownloadColumn[], rows: readonly Row[]): string {
  const data = rows.map((r) => Object.fromEntries(columns.map((c) => {
    const v = r[c.name];
    return [c.name, v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v];
  })));
  return JSON.stringify({ meta, dictionary: dictionaryOf(columns), data }, null, 1) + '\n';
}

export const toJson = (meta: JsonMeta, columns: readonly DownloadColumn[], rows: readonly Row[]): Uint8Array =>
  new TextEncoder().encode(toJsonText(meta, columns, rows));
