// The Data page's model, pure: which sources exist (published tables, the data behind each indicator), which
// filters apply to a source (a whitelist from the table contract; user values are only ever bound or quoted), the
// SQL the page runs (tables by name, $params) and the self-contained SQL that reproduces the result from the
// snapshot's Parquet files (literals inlined, read_parquet('<table>.parquet')).
import type { Label } from '../../../domain/label.ts';
import { INDICATORS, indicatorById, type Indicator } from '../../../domain/indicators.ts';
import { tableByName } from '../../../domain/tables.ts';
import type { Manifest } from '../../../db/snapshot.ts';
import { quoteIdent, quoteString, stripTrailingSemicolon, type Params, type Value } from '../../../db/sql.ts';
import type { DownloadColumn } from '../../download/types.ts';
import { INDICATOR_COLUMNS, TEXT, fill } from './text.ts';

export const PAGE_SIZE = 50;
export const INDICATOR_PREFIX = 'indicator:';

export interface DataSource {
  /** The URL value: a table name or `indicator:<id>`. */
  key: string;
  kind: 'table' | 'indicator';
  title: Label;
  description: Label;
  /** Published tables read. */
  tables: string[];
  columns: DownloadColumn[];
  /** The result's order (a unique key), so pages and files are stable. */
  orderBy: string[];
  /** Filterable category columns (VARCHAR), in display order. */
  dimensions: string[];
  hasRegion: boolean;
  hasYear: boolean;
  /** Indicators: queries/app/<sql>.sql. */
  indicator?: Indicator;
}

/** Category columns a user may filter on, per table (a whitelist: only these names ever reach SQL as identifiers). */
const DIMENSIONS: Record<string, string[]> = {
  regions: ['level', 'regency_type'],
  codes: ['vocabulary'],
  lksa: ['licence_status', 'accreditation'],
  kla: ['category'],
};

/** The code list (codes.vocabulary) that labels a dimension column. */
export const vocabularyOf = (column: string): string => (column === 'category' ? 'kla_category' : column);

/** The source a URL value names, or null when it names nothing the snapshot has. */
export function sourceOf(key: string | null, manifest: Pick<Manifest, 'tables'>): DataSource | null {
  if (!key) return null;
  if (key.startsWith(INDICATOR_PREFIX)) {
    const ind = indicatorById(key.slice(INDICATOR_PREFIX.length));
    if (!ind || !ind.tables.every((t) => Object.hasOwn(manifest.tables, t))) return null;
    return {
      key, kind: 'indicator',
      title: { id: `${TEXT.indicatorData.id}: ${ind.title.id}`, en: `${TEXT.indicatorData.en}: ${ind.title.en}` },
      description: ind.definition,
      tables: [...ind.tables],
      columns: INDICATOR_COLUMNS.map((c) => (c.name === 'value' ? { ...c, unit: ind.unit, description: ind.definition } : c)),
      orderBy: ['year', 'region_code'],
      dimensions: ['level'],
      hasRegion: true,
      hasYear: ind.timeAxis !== 'none',
      indicator: ind,
    };
  }
  const t = Object.hasOwn(manifest.tables, key) ? manifest.tables[key] : undefined;
  if (!t) return null;
  const spec = tableByName(key);
  const names = t.columns.map((c) => c.name);
  const dims = DIMENSIONS[key] ?? [...(names.includes('level') ? ['level'] : []), ...(spec?.disclosure?.categories ?? [])];
  return {
    key, kind: 'table',
    title: { id: `${TEXT.table.id} ${key}`, en: `${TEXT.table.en} ${key}` },
    description: t.description,
    tables: [key],
    columns: t.columns.map((c) => ({ name: c.name, type: c.type, unit: c.unit, description: c.description })),
    orderBy: (spec?.orderBy ?? names).filter((c) => names.includes(c)),
    dimensions: dims.filter((d) => names.includes(d) && t.columns.find((c) => c.name === d)?.type === 'VARCHAR'),
    hasRegion: names.includes('region_code'),
    hasYear: names.includes('year'),
  };
}

/** Every source the page offers: the snapshot's tables, then every indicator whose tables the snapshot has. */
export function sourceKeys(manifest: Pick<Manifest, 'tables'>): { tables: string[]; indicators: Indicator[] } {
  return {
    tables: Object.keys(manifest.tables),
    indicators: INDICATORS.filter((i) => i.tables.every((t) => Object.hasOwn(manifest.tables, t))),
  };
}

export interface Filters {
  /** null = all of Indonesia (no region filter); a province also takes its kab/kota. */
  region: string | null;
  year: number | null;
  /** Whitelisted dimension -> value. */
  dims: Array<[string, string]>;
}

const REGION = /^\d{2}(\.\d{2})?$/;

/** The filters that apply to a source, from the URL state: unknown columns and malformed values are dropped. */
export function filtersOf(source: DataSource, state: { region: string; year: number | null; filters: Record<string, string> }): Filters {
  return {
    region: source.hasRegion && REGION.test(state.region) && state.region !== '00' ? state.region : null,
    year: source.hasYear && state.year !== null && Number.isInteger(state.year) ? state.year : null,
    dims: source.dimensions.filter((d) => Object.hasOwn(state.filters, d)).map((d) => [d, state.filters[d]!]),
  };
}

/** A DuckDB literal for a value (for the reproducing SQL only; the page binds). */
export function literal(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quoteString(v);
}

/** WHERE conditions, each with its value either as a $param or inlined. */
function conditions(f: Filters, value: (name: string, v: Value) => string): string[] {
  const out: string[] = [];
  if (f.region !== null) {
    const r = value('region', f.region);
    out.push(`(region_code = ${r} OR starts_with(region_code, ${value('region_prefix', `${f.region}.`)}))`);
  }
  if (f.year !== null) out.push(`year = ${value('year', f.year)}`);
  for (const [d, v] of f.dims) out.push(`${quoteIdent(d)} = ${value(`f_${d}`, v)}`);
  return out;
}

/**
 * The ORDER BY terms of a source: its key, text columns in natural order (a leading number compared as a number, so
 * age groups read 0-5, 6-12, 13-17 and not 0-5, 13-17, 6-12), then as text, which keeps the order unique.
 */
function orderTerms(source: DataSource): string[] {
  return source.orderBy.flatMap((name) => {
    const q = quoteIdent(name);
    const text = source.columns.find((c) => c.name === name)?.type === 'VARCHAR';
    return text ? [`try_cast(regexp_extract(${q}, '^[0-9]+') AS INTEGER) NULLS LAST`, q] : [q];
  });
}

function compose(source: DataSource, from: string, where: string[], header: string): string {
  return [
    header,
    `SELECT * FROM ${from}`,
    ...(where.length > 0 ? [`WHERE ${where.join('\n  AND ')}`] : []),
    `ORDER BY ${orderTerms(source).join(', ')}`,
  ].join('\n');
}

/**
 * The query the page runs: published tables by name (loaded through the `-- Tables:` header), filters as bound
 * $params. `indicatorSql` is the text of the indicator's SQL file (indicators only).
 */
export function appQuery(source: DataSource, f: Filters, indicatorSql?: string): { sql: string; params: Params } {
  const params: Params = {};
  const where = conditions(f, (name, v) => { params[name] = v; return `$${name}`; });
  const from = source.kind === 'indicator' ? `(\n${stripTrailingSemicolon(requireSql(indicatorSql))}\n) AS q` : source.key;
  return { sql: compose(source, from, where, `-- Data page: ${source.key}, filtered.\n-- Tables: ${source.tables.join(', ')}.`), params };
}

/** The self-contained DuckDB SQL that reproduces the page's result from the snapshot folder's Parquet files. */
export function reproducingSql(source: DataSource, f: Filters, snapshotId: string, indicatorSql?: string): string {
  const where = conditions(f, (_name, v) => literal(v));
  const header = `-- Run in the folder of snapshot ${snapshotId} (the files ${source.tables.map((t) => `${t}.parquet`).join(', ')}).`;
  if (source.kind === 'table') return `${compose(source, `read_parquet(${quoteString(`${source.key}.parquet`)})`, where, header)};`;
  const ctes = source.tables.map((t) => `${quoteIdent(t)} AS (SELECT * FROM read_parquet(${quoteString(`${t}.parquet`)}))`);
  const body = compose(source, `(\n${stripTrailingSemicolon(requireSql(indicatorSql)).trim()}\n) AS q`, where, `WITH ${ctes.join(',\n')}`);
  return `${header}\n${body};`;
}

function requireSql(sql: string | undefined): string {
  if (sql === undefined) throw new Error('the indicator SQL text is needed');
  return sql;
}

/** The query listing the values each filter can take (years and every dimension), as `dim, value, n` rows. */
export function choicesQuery(source: DataSource, indicatorSql?: string): string | null {
  const from = source.kind === 'indicator' ? `(\n${stripTrailingSemicolon(requireSql(indicatorSql))}\n) AS q` : source.key;
  const parts = [
    ...(source.hasYear ? ['year'] : []),
    ...source.dimensions,
  ].map((d) => `SELECT ${quoteString(d)} AS dim, ${quoteIdent(d)}::VARCHAR AS value, count(*)::INTEGER AS n FROM src WHERE ${quoteIdent(d)} IS NOT NULL GROUP BY ALL`);
  if (parts.length === 0) return null;
  return [
    `-- Data page: the values of the filters of ${source.key}.`,
    `-- Tables: ${source.tables.join(', ')}.`,
    `WITH src AS (SELECT * FROM ${from})`,
    parts.join('\nUNION ALL\n'),
    'ORDER BY dim, value',
  ].join('\n');
}

/** The applied filters in words, both languages; null when none. */
export function filtersText(f: Filters, regionName: (code: string) => string | undefined): Label | null {
  const parts: Label[] = [];
  if (f.region !== null) {
    const name = regionName(f.region) ?? f.region;
    parts.push({ id: fill(TEXT.regionFilterText.id, { name, code: f.region }), en: fill(TEXT.regionFilterText.en, { name, code: f.region }) });
  }
  if (f.year !== null) parts.push({ id: `tahun = ${f.year}`, en: `year = ${f.year}` });
  for (const [d, v] of f.dims) parts.push({ id: `${d} = ${v}`, en: `${d} = ${v}` });
  if (parts.length === 0) return null;
  return { id: parts.map((p) => p.id).join('; '), en: parts.map((p) => p.en).join('; ') };
}

/** Rows [from, to) of page `page` (0-based) of `n` rows, and the number of pages. */
export function pageRange(n: number, page: number, size = PAGE_SIZE): { from: number; to: number; pages: number; page: number } {
  const pages = Math.max(1, Math.ceil(n / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { from: p * size, to: Math.min(n, (p + 1) * size), pages, page: p };
}

/** The column that says whether a withheld column is withheld (NULL in a suppressed cell). */
export function suppressionFlag(source: DataSource, column: string): string | null {
  const names = source.columns.map((c) => c.name);
  if (column === 'children_in_care' && names.includes('children_suppressed')) return 'children_suppressed';
  if (['victims', 'cases', 'value', 'numerator', 'denominator'].includes(column) && names.includes('suppressed')) return 'suppressed';
  return null;
}
