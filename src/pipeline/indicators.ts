// The app's indicator path (src/db/indicator-source.ts) over DuckDB in Node: the same family SQL, filters and row
// conversion as the browser, for the landing slice and `npm run indicator`.
import { createIndicatorSource, type IndicatorSource } from '../db/indicator-source.ts';
import type { Duck } from './duck.ts';
import { readQuery } from './sql-files.ts';
import type { Indicator } from '../domain/indicators.ts';
import { familyFile, indicatorSql } from '../domain/indicators/sql.ts';

/** The indicator path on a DuckDB whose views are named after the published tables. */
export function nodeIndicatorSource(duck: Duck): IndicatorSource {
  return createIndicatorSource({
    sqlFile: (name) => readQuery(`app/${name}`),
    run: async (sql, params) => {
      const t0 = performance.now();
      const rows = await duck.all(sql, params);
      return { rows, ms: performance.now() - t0 };
    },
  });
}

/** An indicator's SQL as the app runs it (its family template from queries/app filled from the catalogue). */
export const indicatorSqlText = (indicator: Indicator): string => indicatorSql(indicator, readQuery(`app/${familyFile(indicator.sql.family)}`));
