// The one indicator path: catalogue -> family SQL -> year, level and province pushed into SQL by wrapping -> the
// coordinator's queue and the runner's cache -> IndicatorRow, converted once. The browser (src/db/runner.ts), the
// landing slice and `npm run indicator` build it with their own engine; every consumer gets the same rows.
import type { FamilyName, Indicator, IndicatorLevel } from '../domain/indicators.ts';
import { familyFile, indicatorSql } from '../domain/indicators/sql.ts';
import { resolveYear, toIndicatorRows, yearsOf, type IndicatorRow, type YearCoverage } from '../domain/indicators/rows.ts';
import type { RequestOptions } from './coordinator.ts';
import { wrap, type Filter, type Params, type Row } from './sql.ts';

/**
 * Which rows: `year` a year (the requested one when the indicator has it, else the latest with data, by the one rule
 * resolveYear), null for the latest with data, 'all' (the default) for every year; `level` one level or all;
 * `province` a province code: that province and its kab/kota only.
 */
export interface IndicatorFilter {
  year?: number | null | 'all';
  level?: IndicatorLevel;
  province?: string | null;
}

export interface IndicatorResult {
  indicator: Indicator;
  rows: IndicatorRow[];
  /** The year the rows are for: null for every year, or for an indicator without a time axis. */
  year: number | null;
  /** Every year the indicator has (any level), ascending. */
  years: number[];
  coverage: YearCoverage[];
  /** The filter as given (what the rows answer). */
  filter: IndicatorFilter;
  /** Engine milliseconds of the rows query (0 when cached). */
  ms: number;
}

export interface IndicatorSourceDeps {
  /** The text of queries/app/<name>.sql. */
  sqlFile: (name: string) => string;
  /** Runs SQL with bound $name parameters; plain rows. */
  run: (sql: string, params: Params, opts: RequestOptions) => Promise<{ rows: Row[]; ms: number }>;
}

export interface IndicatorSource {
  /** The indicator's SQL (every year, level and region). */
  sql(indicator: Indicator): string;
  /** The SQL and parameters of a filtered request, as run (for tests, the data page and the CLI's --sql). */
  query(indicator: Indicator, filter: { year: number | null; level?: IndicatorLevel; province?: string | null }): { sql: string; params: Params };
  /** For each year and level: how many regions have a value. */
  coverage(indicator: Indicator, opts?: RequestOptions): Promise<YearCoverage[]>;
  rows(indicator: Indicator, filter?: IndicatorFilter, opts?: RequestOptions): Promise<IndicatorResult>;
}

const ORDER = ['year', 'level', 'region_code'];

export function createIndicatorSource(deps: IndicatorSourceDeps): IndicatorSource {
  const sql = (indicator: Indicator) => indicatorSql(indicator, deps.sqlFile(familyFile(indicator.sql.family as FamilyName)));

  const query: IndicatorSource['query'] = (indicator, f) => {
    const filters: Record<string, Filter> = {};
    if (f.year !== null && indicator.timeAxis !== 'none') filters.year = f.year;
    if (f.level) filters.level = f.level;
    if (f.province) filters.region_code = { prefix: f.province };
    return wrap(sql(indicator), filters, {}, ORDER);
  };

  const coverage: IndicatorSource['coverage'] = async (indicator, opts = {}) => {
    if (indicator.timeAxis === 'none') return [];
    const q = `SELECT year, level, count(value)::INTEGER AS valued FROM (\n${sql(indicator)}\n) AS q GROUP BY year, level ORDER BY year, level`;
    const { rows } = await deps.run(q, {}, { ...opts, channel: opts.channel && `${opts.channel}:coverage` });
    return rows.map((r) => ({ year: Number(r.year), level: String(r.level) as IndicatorLevel, valued: Number(r.valued) }));
  };

  return {
    sql,
    query,
    coverage,
    async rows(indicator, filter = {}, opts = {}) {
      const cover = await coverage(indicator, opts);
      const wanted = filter.year ?? null;
      const year = wanted === 'all' || filter.year === undefined ? null : resolveYear(cover, wanted, filter.level);
      const q = query(indicator, { year, level: filter.level, province: filter.province });
      const { rows, ms } = await deps.run(q.sql, q.params, opts);
      return { indicator, rows: toIndicatorRows(rows), year, years: yearsOf(cover), coverage: cover, filter, ms };
    },
  };
}
