import type { Label } from './label.ts';

/**
 * Frictionless Data Package pieces shared by the pipeline (datapackage.json of a snapshot) and the app (the
 * one-resource datapackage.json inside every download). Pure: no I/O.
 * Spec: https://specs.frictionlessdata.io/data-package/ and /table-schema/ (v1, with v2's `format`/`mediatype`).
 */

/** Table Schema field types (v1 list; v2 adds `list`). */
export const FRICTIONLESS_TYPES = [
  'string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth',
  'duration', 'geopoint', 'geojson', 'any', 'list',
] as const;
export type FrictionlessType = (typeof FRICTIONLESS_TYPES)[number];

/** The Table Schema type of a DuckDB column type. */
export function frictionlessType(sqlType: string): FrictionlessType {
  const t = sqlType.toUpperCase();
  if (t === 'VARCHAR' || t === 'TEXT' || t === 'STRING') return 'string';
  if (/^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(t)) return 'integer';
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL' || t.startsWith('DECIMAL')) return 'number';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'datetime';
  return 'any';
}

export interface FrictionlessField {
  name: string;
  type: FrictionlessType;
  /** Bahasa Indonesia. */
  description: string;
  /** Custom: the English description. */
  description_en: string;
  /** Custom: the DuckDB type as published. */
  sql_type: string;
  /** Custom: the unit, both languages, where known. */
  unit?: { id: string; en: string };
}

/** One Table Schema field from a described column. */
export function frictionlessField(c: { name: string; type: string; unit?: Label | null; description?: Label | null }): FrictionlessField {
  return {
    name: c.name,
    type: frictionlessType(c.type),
    description: c.description?.id ?? '',
    description_en: c.description?.en ?? '',
    sql_type: c.type,
    ...(c.unit ? { unit: { id: c.unit.id, en: c.unit.en } } : {}),
  };
}

/** The `licenses` entry for a licence text: a known SPDX id when the text names one. */
export function frictionlessLicenses(licence: Label): Array<{ name: string; path?: string; title: string }> {
  if (/CC BY 4\.0/.test(licence.en) || /CC BY 4\.0/.test(licence.id)) {
    return [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: licence.en }];
  }
  return [{ name: 'LicenseRef-pantau-anak', title: licence.en }];
}

/** A Data Package / resource name: lower-case letters, digits, '.', '_', '-'. */
export const RESOURCE_NAME = /^[a-z0-9._-]+$/;

/** Makes any id a valid package or resource name. */
export const frictionlessName = (s: string): string =>
  s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'data';
