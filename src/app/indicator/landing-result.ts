// The landing slice (src/pipeline/landing.ts) read as the indicator path's answer: the map, its table and the first
// paint baked into index.html draw it before the engine has started.
import { indicatorById, type IndicatorLevel } from '../../domain/indicators.ts';
import { toIndicatorRows } from '../../domain/indicators/rows.ts';
import type { IndicatorResult, Landing } from '../../db/index.ts';

/**
 * The landing slice's default map as the indicator path's answer (the pipeline made it through the same path): the map
 * and the table draw it before the engine has started. Null when the slice names no known indicator.
 */
export function landingResult(landing: Pick<Landing, 'year' | 'level' | 'indicator' | 'map'>): IndicatorResult | null {
  const found = indicatorById(landing.indicator);
  if (!found || !Array.isArray(landing.map) || landing.map.length === 0) return null;
  const level = landing.level as IndicatorLevel;
  return {
    indicator: found, rows: toIndicatorRows(landing.map), year: landing.year, years: [landing.year],
    coverage: [], filter: { year: landing.year, level }, ms: 0,
  };
}
