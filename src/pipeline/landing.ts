import { indicator, type IndicatorId } from '../domain/indicators.ts';
import type { IndicatorRow } from '../domain/indicators/rows.ts';
import type { Duck, Row } from './duck.ts';
import { nodeIndicatorSource } from './indicators.ts';

/** The map's default indicator: what the first paint shows. */
export const LANDING_INDICATOR: IndicatorId = 'violence-victim-rate';

/**
 * The precomputed slice the app paints first: the default map's rows through the app's own indicator path (the same
 * SQL, filters and rows as the map), the province names, and the headline queries (queries/app/*.sql).
 */
export interface LandingSlice {
  /** The year of the default map (its latest year with data at province level). */
  year: number;
  level: 'province';
  indicator: IndicatorId;
  map: IndicatorRow[];
  /** Province names by code (the map's labels before the engine runs). */
  names: Record<string, string>;
  violence_headline: Row | null;
  lksa_headline: Row | null;
  kla_year: number | null;
  kla_headline: Row | null;
}

/** Runs the app's default-view queries against the published tables (views of the same names must exist). */
export async function buildLanding(duck: Duck): Promise<LandingSlice> {
  const source = nodeIndicatorSource(duck);
  const map = await source.rows(indicator(LANDING_INDICATOR), { year: null, level: 'province' });
  if (map.year === null) throw new Error(`landing: ${LANDING_INDICATOR} has no year with data`);
  const year = map.year;
  const names = Object.fromEntries((await duck.all("SELECT region_code, name FROM regions WHERE level = 'province' ORDER BY region_code"))
    .map((r) => [String(r.region_code), String(r.name)]));
  const [klaLatest] = await duck.query('app/kla_years');
  const klaYear = klaLatest ? Number(klaLatest.year) : null;
  return {
    year,
    level: 'province',
    indicator: LANDING_INDICATOR,
    map: map.rows,
    names,
    violence_headline: (await duck.query('app/violence_headline', { year, region: '00' }))[0] ?? null,
    lksa_headline: (await duck.query('app/lksa_headline', { region: '00' }))[0] ?? null,
    kla_year: klaYear,
    kla_headline: klaYear === null ? null : (await duck.query('app/kla_headline', { year: klaYear, region: '00' }))[0] ?? null,
  };
}
