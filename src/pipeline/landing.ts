import type { Duck, Row } from './duck.ts';

/** The precomputed slice the app paints first, made by the app's own queries (queries/app/*.sql). */
export interface LandingSlice {
  year: number;
  level: 'province';
  violence_map: Row[];
  violence_headline: Row | null;
  lksa_headline: Row | null;
  kla_year: number | null;
  kla_headline: Row | null;
}

/** Runs the app's default-view queries against the published tables (views of the same names must exist). */
export async function buildLanding(duck: Duck): Promise<LandingSlice> {
  const [latest] = await duck.query('app/years');
  const year = Number(latest?.year);
  const [klaLatest] = await duck.query('app/kla_years');
  const klaYear = klaLatest ? Number(klaLatest.year) : null;
  return {
    year,
    level: 'province',
    violence_map: await duck.query('app/violence_map', { year, level: 'province' }),
    violence_headline: (await duck.query('app/violence_headline', { year, region: '00' }))[0] ?? null,
    lksa_headline: (await duck.query('app/lksa_headline', { region: '00' }))[0] ?? null,
    kla_year: klaYear,
    kla_headline: klaYear === null ? null : (await duck.query('app/kla_headline', { year: klaYear, region: '00' }))[0] ?? null,
  };
}
