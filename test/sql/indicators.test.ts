import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { generateDemo } from '../../src/pipeline/demo/index.ts';
import { Duck, sqlString, type Row } from '../../src/pipeline/duck.ts';
import { PUBLISHED_TABLES } from '../../src/domain/tables.ts';
import { INDICATORS, indicator, indicatorById, type Indicator } from '../../src/domain/indicators.ts';
import { indicatorSqlText, nodeIndicatorSource } from '../../src/pipeline/indicators.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// Every indicator's SQL (queries/app/indicators/*.sql) on the fixture snapshot, with hand-checked values, and on the
// demo snapshot: the column contract, one row per region for every (year, level), suppression, and national figures.

const scratch = tempDir('pantau-indicators-');
let fixture: Duck;
let demo: Duck;

/** A DuckDB with views named after the published tables of a snapshot folder. */
async function open(dir: string): Promise<Duck> {
  const duck = await Duck.open();
  for (const t of PUBLISHED_TABLES) {
    await duck.run(`CREATE VIEW ${t.name} AS SELECT * FROM read_parquet(${sqlString(join(dir, `${t.name}.parquet`))})`);
  }
  return duck;
}

beforeAll(async () => {
  const fx = await buildSnapshot({ rawDir: VALID_RAW, outDir: join(scratch.dir, 'fixture'), snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  fixture = await open(fx.dir);
  const raw = join(scratch.dir, 'demo-raw');
  await generateDemo({ outDir: raw, referenceDate: REFERENCE_DATE });
  const dm = await buildSnapshot({ rawDir: raw, outDir: join(scratch.dir, 'demo'), snapshotId: 'demo', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  demo = await open(dm.dir);
}, 120_000);
afterAll(() => { fixture?.close(); demo?.close(); scratch.cleanup(); });

/** The indicator's SQL as the app makes it (its family template filled from the catalogue), as a subquery. */
const wrapped = (ind: Indicator) => `(\n${indicatorSqlText(ind)}\n)`;

const CONTRACT = [
  { column_name: 'year', column_type: 'INTEGER' },
  { column_name: 'region_code', column_type: 'VARCHAR' },
  { column_name: 'level', column_type: 'VARCHAR' },
  { column_name: 'value', column_type: 'DOUBLE' },
  { column_name: 'suppressed', column_type: 'BOOLEAN' },
  { column_name: 'numerator', column_type: 'DOUBLE' },
  { column_name: 'denominator', column_type: 'DOUBLE' },
];

interface Expected {
  year: number | null;
  region: string;
  value: number | null;
  suppressed: boolean;
  numerator?: number | null;
  denominator?: number | null;
}

// Kota Bandung's estimated children 0-17 (as in app-queries.test.ts).
const BANDUNG_CHILDREN = Math.round(2591763 * 14249942 / 48274162);

/**
 * Hand-checked values on the fixture (test/fixtures/raw/valid), by query file. Violence: Kota Bandung 8 victims in 6
 * cases in 2023 and 10 in 7 in 2024; Kabupaten Bandung 6 (withheld with Jawa Barat, secondary suppression) then 5;
 * Jawa Barat 14 (withheld) then 15; Indonesia 19 in 2023 and 23 in 2024; Simeulue 2 in 2023 (withheld); Aceh Selatan
 * 0 then 7 (withheld in 2024 as the partner of 93.01's single victim). LKSA: T-001 Kota Bandung A, valid licence,
 * 40 children / 8 caregivers, inspected 2025-03; T-002 Kota Bandung B, licence expired 2025-06-30, 25 / 3, finding;
 * T-003 Kab. Bandung C, 3 children (withheld) / 1, two findings; T-004 Aceh Selatan not accredited, 12 / 2, exploitation
 * and trafficking risk, inspected; T-005 Papua (93.01) not accredited, 0 / 1; T-006 Simeulue C, valid, 18 / 4,
 * inspected, one finding. KLA 2023: Kota Bandung 812.4 utama, Kab. Bandung 688 madya, Aceh Selatan 455.5 none,
 * 93.01 512 pratama; 2025: 905 kla, 700.4 madya, 600.5 madya, 498 none.
 */
const EXPECTED: Record<string, Expected[]> = {
  'violence-victims': [
    { year: 2023, region: '32.73', value: 8, suppressed: false, numerator: null, denominator: null },
    { year: 2024, region: '32', value: 15, suppressed: false },
    { year: 2023, region: '00', value: 19, suppressed: false },
    { year: 2023, region: '11.09', value: null, suppressed: true },
    { year: 2024, region: '00', value: 23, suppressed: false },
    { year: 2023, region: '32', value: null, suppressed: true },
    { year: 2024, region: '11.01', value: null, suppressed: true },
    { year: 2024, region: '11.09', value: 0, suppressed: false },
  ],
  'violence-cases': [
    { year: 2023, region: '32.73', value: 6, suppressed: false },
    { year: 2024, region: '32', value: 12, suppressed: false },
    { year: 2023, region: '11.09', value: null, suppressed: true },
  ],
  'violence-victim-rate': [
    { year: 2023, region: '32.73', value: 8 * 100000 / BANDUNG_CHILDREN, suppressed: false, numerator: 8, denominator: BANDUNG_CHILDREN },
    { year: 2023, region: '00', value: 19 * 100000 / 84202596, suppressed: false, numerator: 19, denominator: 84202596 },
    { year: 2023, region: '11.09', value: null, suppressed: true, numerator: null },
    { year: 2024, region: '00', value: 23 * 100000 / 84202596, suppressed: false, numerator: 23, denominator: 84202596 },
    { year: 2024, region: '11.01', value: null, suppressed: true, numerator: null },
  ],
  'violence-victims-change': [
    { year: 2024, region: '32.73', value: 25, suppressed: false, numerator: 2, denominator: 8 },
    { year: 2024, region: '00', value: 400 / 19, suppressed: false, numerator: 4, denominator: 19 },
    // First year: no previous year, missing rather than withheld.
    { year: 2023, region: '32.73', value: null, suppressed: false, numerator: null, denominator: null },
    { year: 2023, region: '11.09', value: null, suppressed: false },
    // Previous year withheld (Simeulue and Jawa Barat 2023), or this year withheld (Aceh Selatan 2024).
    { year: 2024, region: '11.09', value: null, suppressed: true },
    { year: 2024, region: '32.04', value: null, suppressed: true },
    { year: 2024, region: '32', value: null, suppressed: true },
    { year: 2024, region: '11.01', value: null, suppressed: true },
    // Previous year 0 (Kota Bandung is never 0; Kabupaten Aceh Barat has no victims either year): no percentage.
    { year: 2024, region: '11.05', value: null, suppressed: false, numerator: 0, denominator: 0 },
  ],
  'violence-sexual-share': [
    // 8 of the 19 victims of 2023 suffered sexual violence.
    { year: 2023, region: '00', value: 800 / 19, suppressed: false, numerator: 8, denominator: 19 },
    { year: 2024, region: '00', value: 800 / 23, suppressed: false, numerator: 8, denominator: 23 },
    // The count and the total are withheld: never divided.
    { year: 2023, region: '32', value: null, suppressed: true, numerator: null, denominator: null },
    // No victims at all: missing.
    { year: 2023, region: '12', value: null, suppressed: false, numerator: 0, denominator: 0 },
  ],
  'violence-any-service-share': [
    { year: 2023, region: '00', value: 1400 / 19, suppressed: false, numerator: 14, denominator: 19 },
    { year: 2023, region: '32', value: null, suppressed: true, numerator: null, denominator: null },
    { year: 2024, region: '32', value: 80, suppressed: false, numerator: 12, denominator: 15 },
    { year: 2024, region: '00', value: 1800 / 23, suppressed: false, numerator: 18, denominator: 23 },
  ],
  'violence-social-protection-share': [
    { year: 2023, region: '00', value: 600 / 19, suppressed: false, numerator: 6, denominator: 19 },
    { year: 2023, region: '32', value: null, suppressed: true, numerator: null, denominator: null },
    { year: 2024, region: '00', value: 900 / 23, suppressed: false, numerator: 9, denominator: 23 },
    // Jawa Barat 2024: the total is published (15), the referral count is withheld.
    { year: 2024, region: '32', value: null, suppressed: true, numerator: null, denominator: 15 },
  ],
  'lksa-institutions': [
    { year: null, region: '00', value: 6, suppressed: false },
    { year: null, region: '32', value: 3, suppressed: false },
    { year: null, region: '32.73', value: 2, suppressed: false },
    { year: null, region: '11', value: 2, suppressed: false },
    { year: null, region: '31', value: 0, suppressed: false },
    { year: null, region: '32.01', value: 0, suppressed: false },
  ],
  'lksa-accredited-share': [
    { year: null, region: '32', value: 100, suppressed: false, numerator: 3, denominator: 3 },
    { year: null, region: '00', value: 400 / 6, suppressed: false, numerator: 4, denominator: 6 },
    { year: null, region: '11', value: 50, suppressed: false, numerator: 1, denominator: 2 },
    // No institution: missing, not withheld.
    { year: null, region: '31', value: null, suppressed: false, numerator: 0, denominator: 0 },
    { year: null, region: '32.01', value: null, suppressed: false, numerator: 0, denominator: 0 },
  ],
  'lksa-accredited-a-share': [
    { year: null, region: '32', value: 100 / 3, suppressed: false, numerator: 1, denominator: 3 },
    { year: null, region: '32.73', value: 50, suppressed: false },
    { year: null, region: '00', value: 100 / 6, suppressed: false },
  ],
  'lksa-accredited-b-share': [
    { year: null, region: '32.73', value: 50, suppressed: false, numerator: 1, denominator: 2 },
    { year: null, region: '11', value: 0, suppressed: false },
  ],
  'lksa-accredited-c-share': [
    { year: null, region: '32.04', value: 100, suppressed: false, numerator: 1, denominator: 1 },
    { year: null, region: '00', value: 200 / 6, suppressed: false, numerator: 2, denominator: 6 },
  ],
  'lksa-licence-valid-share': [
    // T-002's status is berlaku but it expired before the reference date.
    { year: null, region: '32.73', value: 50, suppressed: false, numerator: 1, denominator: 2 },
    { year: null, region: '32', value: 100 / 3, suppressed: false },
    { year: null, region: '00', value: 200 / 6, suppressed: false, numerator: 2, denominator: 6 },
  ],
  'lksa-children-per-caregiver': [
    // Jawa Barat: T-003's 3 children are withheld, so T-003 is left out: (40 + 25) / (8 + 3).
    { year: null, region: '32', value: 65 / 11, suppressed: false, numerator: 65, denominator: 11 },
    { year: null, region: '32.04', value: null, suppressed: true, numerator: null, denominator: null },
    { year: null, region: '00', value: 95 / 18, suppressed: false, numerator: 95, denominator: 18 },
    { year: null, region: '93.01', value: 0, suppressed: false, numerator: 0, denominator: 1 },
    { year: null, region: '32.01', value: null, suppressed: false },
  ],
  'lksa-inspected-12m-share': [
    { year: null, region: '32', value: 100 / 3, suppressed: false, numerator: 1, denominator: 3 },
    { year: null, region: '00', value: 50, suppressed: false, numerator: 3, denominator: 6 },
  ],
  'lksa-risk-finding-share': [
    { year: null, region: '32', value: 200 / 3, suppressed: false, numerator: 2, denominator: 3 },
    { year: null, region: '00', value: 400 / 6, suppressed: false },
    { year: null, region: '93.01', value: 0, suppressed: false },
  ],
  'lksa-exploitation-trafficking-share': [
    { year: null, region: '11.01', value: 100, suppressed: false, numerator: 1, denominator: 1 },
    { year: null, region: '11', value: 50, suppressed: false },
    { year: null, region: '00', value: 100 / 6, suppressed: false },
    { year: null, region: '32', value: 0, suppressed: false },
  ],
  'kla-category': [
    { year: 2023, region: '32.73', value: 4, suppressed: false }, // utama
    { year: 2025, region: '32.73', value: 5, suppressed: false }, // kla
    { year: 2023, region: '11.01', value: 0, suppressed: false }, // tidak_ada
    { year: 2025, region: '32.04', value: 2, suppressed: false }, // madya (700.4 rounds to 700)
    { year: 2025, region: '11.03', value: null, suppressed: false }, // not evaluated
  ],
  'kla-awarded-share': [
    { year: 2023, region: '00', value: 300 / 514, suppressed: false, numerator: 3, denominator: 514 },
    { year: 2023, region: '32', value: 200 / 27, suppressed: false, numerator: 2, denominator: 27 },
    { year: 2023, region: '11', value: 0, suppressed: false, numerator: 0, denominator: 23 },
    { year: 2025, region: '11', value: 100 / 23, suppressed: false, numerator: 1, denominator: 23 },
  ],
  'kla-average-score': [
    { year: 2023, region: '00', value: (812.4 + 688 + 455.5 + 512) / 4, suppressed: false, numerator: 812.4 + 688 + 455.5 + 512, denominator: 4 },
    { year: 2023, region: '32', value: (812.4 + 688) / 2, suppressed: false },
    { year: 2025, region: '32.04', value: 700.4, suppressed: false, numerator: 700.4, denominator: 1 },
    { year: 2023, region: '11.03', value: null, suppressed: false },
    { year: 2023, region: '31', value: null, suppressed: false },
  ],
  'kla-movement': [
    { year: 2025, region: '32.73', value: 2, suppressed: false, numerator: 5, denominator: 4 }, // utama -> kla: up
    { year: 2025, region: '32.04', value: 1, suppressed: false, numerator: 2, denominator: 2 }, // madya -> madya
    { year: 2025, region: '11.01', value: 2, suppressed: false, numerator: 2, denominator: 0 }, // none -> madya
    { year: 2025, region: '93.01', value: 0, suppressed: false, numerator: 0, denominator: 1 }, // pratama -> none: down
    { year: 2023, region: '32.73', value: null, suppressed: false }, // first evaluation year
    { year: 2025, region: '11.03', value: null, suppressed: false }, // not evaluated
  ],
};

async function rowOf(duck: Duck, ind: Indicator, year: number | null, region: string): Promise<Row[]> {
  return year === null
    ? duck.all(`SELECT * FROM ${wrapped(ind)} WHERE year IS NULL AND region_code = $region`, { region })
    : duck.all(`SELECT * FROM ${wrapped(ind)} WHERE year = $year AND region_code = $region`, { year, region });
}

const close = (got: unknown, want: number | null | undefined, what: string) => {
  if (want === undefined) return;
  if (want === null) expect(got, what).toBeNull();
  else expect(got as number, what).toBeCloseTo(want, 9);
};

describe('indicator SQL on the fixture snapshot', () => {
  it('every indicator has hand-checked values', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
  });

  it.each(INDICATORS.map((i) => [i.id, i] as const))('%s gives the hand-checked values', async (_id, ind) => {
    for (const e of EXPECTED[ind.id]!) {
      const what = `${ind.id} ${e.year} ${e.region}`;
      const rows = await rowOf(fixture, ind, e.year, e.region);
      expect(rows, what).toHaveLength(1);
      const row = rows[0]!;
      expect(row.suppressed, what).toBe(e.suppressed);
      close(row.value, e.value, `${what} value`);
      close(row.numerator, e.numerator, `${what} numerator`);
      close(row.denominator, e.denominator, `${what} denominator`);
    }
  });

  it('the indicator path pushes year, level and province into SQL with bound parameters', async () => {
    const source = nodeIndicatorSource(fixture);
    const victims = indicator('violence-victims');
    const regencies = await source.rows(victims, { year: 2023, level: 'regency' });
    expect(regencies.rows).toHaveLength(514);
    expect(regencies.year).toBe(2023);
    expect(new Set(regencies.rows.map((r) => `${r.year}|${r.level}`))).toEqual(new Set(['2023|regency']));
    expect(regencies.rows.find((r) => r.region_code === '32.73')).toMatchObject({ value: 8, suppressed: false });
    // A province: its kab/kota only (Jawa Barat has 27), in code order.
    const jabar = await source.rows(victims, { year: 2023, level: 'regency', province: '32' });
    expect(jabar.rows.map((r) => r.region_code)).toEqual(regencies.rows.filter((r) => r.region_code.startsWith('32.')).map((r) => r.region_code));
    expect(jabar.rows).toHaveLength(27);
    // A year the indicator lacks: the latest year with data (the one rule), and every year without a year filter.
    expect((await source.rows(victims, { year: 1999, level: 'province' })).year).toBe(2024);
    expect((await source.rows(victims, { year: null, level: 'province' })).year).toBe(2024);
    const all = await source.rows(victims, { level: 'national' });
    expect(all.rows.map((r) => [r.year, r.value])).toEqual([[2023, 19], [2024, 23]]);
    expect(all.years).toEqual([2023, 2024]);
    // LKSA have no year: a year asked for is ignored.
    const lksa = await source.rows(indicator('lksa-institutions'), { year: 2024, level: 'province' });
    expect(lksa.rows).toHaveLength(38);
    expect(lksa.year).toBeNull();
  });
});

/** The numerator cells of the shares computed from a breakdown table. */
const PARTS: Record<string, { table: string; column: string; code: string }> = {
  'violence-sexual-share': { table: 'violence_by_type', column: 'violence_type', code: 'seksual' },
  'violence-any-service-share': { table: 'violence_by_service', column: 'service', code: 'layanan_apa_pun' },
  'violence-social-protection-share': { table: 'violence_by_service', column: 'service', code: 'rujukan_perlindungan_sosial' },
};

/** The contract checks, for one indicator on one snapshot. */
async function checkContract(duck: Duck, ind: Indicator): Promise<void> {
  const sql = wrapped(ind);
  // Exactly the contract's columns, in order.
  const columns = await duck.all(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${sql})`);
  expect(columns, ind.id).toEqual(CONTRACT);

  // Years: LKSA none (NULL), the others every year of their time axis.
  const years = (await duck.all(`SELECT DISTINCT year FROM ${sql} ORDER BY year`)).map((r) => r.year);
  const axis = { violence: 'SELECT DISTINCT year FROM violence_totals ORDER BY year', kla: 'SELECT DISTINCT year FROM kla ORDER BY year' } as const;
  if (ind.timeAxis === 'none') expect(years, ind.id).toEqual([null]);
  else expect(years, ind.id).toEqual((await duck.all(axis[ind.timeAxis])).map((r) => r.year));

  // Every (year, level): one row per region of that level in `regions`, no duplicates, no gaps, only its levels.
  const grid = await duck.all(`
    SELECT q.year, q.level, count(*)::INTEGER AS n, count(DISTINCT q.region_code)::INTEGER AS distinct_regions,
      count(r.region_code)::INTEGER AS known, (SELECT count(*) FROM regions x WHERE x.level = q.level)::INTEGER AS expected
    FROM ${sql} q LEFT JOIN regions r ON r.region_code = q.region_code AND r.level = q.level
    GROUP BY ALL ORDER BY ALL`);
  expect(grid.length, ind.id).toBe(years.length * ind.levels.length);
  for (const g of grid) {
    expect(ind.levels, `${ind.id} ${g.year}`).toContain(g.level);
    expect({ ...g, n: g.expected, distinct_regions: g.expected, known: g.expected }, ind.id).toEqual(g);
  }

  // suppressed is never NULL, and a withheld value is never shown.
  const [s] = await duck.all(`SELECT count(*) FILTER (WHERE suppressed IS NULL)::INTEGER AS null_flag,
    count(*) FILTER (WHERE suppressed AND value IS NOT NULL)::INTEGER AS shown FROM ${sql}`);
  expect(s, ind.id).toEqual({ null_flag: 0, shown: 0 });

  // Values in range for their format.
  const [range] = await duck.all(`SELECT min(value) AS lo, max(value) AS hi,
    count(*) FILTER (WHERE value <> round(value))::INTEGER AS fractional, count(*) FILTER (WHERE isnan(value) OR isinf(value))::INTEGER AS bad FROM ${sql}`);
  expect(range!.bad, ind.id).toBe(0);
  if (range!.lo !== null) {
    if (ind.format !== 'change') expect(range!.lo as number, ind.id).toBeGreaterThanOrEqual(0);
    if (ind.format === 'percent') expect(range!.hi as number, ind.id).toBeLessThanOrEqual(100);
    if (ind.format === 'count' || ind.format === 'category') expect(range!.fractional, ind.id).toBe(0);
    if (ind.format === 'category') expect(range!.hi as number, ind.id).toBeLessThan(ind.categories!.length);
    if (ind.format === 'score') expect(range!.hi as number, ind.id).toBeLessThanOrEqual(1000);
  }

  // No published value is computed from a count that violence_totals or a breakdown table withholds.
  if (ind.tables.includes('violence_totals')) {
    const change = ind.id === 'violence-victims-change';
    const [leak] = await duck.all(`SELECT count(*)::INTEGER AS n FROM ${sql} q
      JOIN violence_totals t ON t.region_code = q.region_code AND (t.year = q.year ${change ? 'OR t.year = q.year - 1' : ''})
      WHERE t.suppressed AND (q.value IS NOT NULL OR NOT q.suppressed)
        ${change ? 'AND q.year > (SELECT min(year) FROM violence_totals)' : ''}`);
    expect(leak!.n, ind.id).toBe(0);
  }
  const part = PARTS[ind.id];
  if (part) {
    const [leak] = await duck.all(`SELECT count(*)::INTEGER AS withheld, count(*) FILTER (WHERE q.value IS NOT NULL OR NOT q.suppressed)::INTEGER AS shown
      FROM ${sql} q JOIN ${part.table} t ON t.year = q.year AND t.region_code = q.region_code AND t.${part.column} = ${sqlString(part.code)}
      WHERE t.suppressed`);
    expect(leak!.shown, ind.id).toBe(0);
  }
}

describe('indicator SQL contract', () => {
  it.each(INDICATORS.map((i) => [i.id, i] as const))('%s on the fixture snapshot', async (_id, ind) => {
    await checkContract(fixture, ind);
  });

  it.each(INDICATORS.map((i) => [i.id, i] as const))('%s on the demo snapshot', async (_id, ind) => {
    await checkContract(demo, ind);
    // On the demo every indicator has values at every one of its levels in its latest year.
    const missing = await demo.all(`SELECT level FROM ${wrapped(ind)} WHERE year IS NOT DISTINCT FROM (SELECT max(year) FROM ${wrapped(ind)})
      GROUP BY level HAVING count(value) = 0`);
    expect(missing, ind.id).toEqual([]);
  });
});

describe('indicator SQL on the demo snapshot: national figures', () => {
  it('violence counts are exactly what violence_totals publishes, at every level and year', async () => {
    for (const [id, column] of [['violence-victims', 'victims'], ['violence-cases', 'cases']] as const) {
      const [diff] = await demo.all(`SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE q.value IS DISTINCT FROM t.${column}
          OR q.suppressed IS DISTINCT FROM t.suppressed)::INTEGER AS differ
        FROM ${wrapped(indicatorById(id)!)} q JOIN violence_totals t USING (year, region_code)`);
      expect(diff, id).toEqual({ rows: 6 * 553, differ: 0 });
    }
    const [national] = await demo.all(`SELECT q.value, t.victims, r.child_population FROM ${wrapped(indicatorById('violence-victim-rate')!)} q
      JOIN violence_totals t USING (year, region_code) JOIN regions r USING (region_code) WHERE q.year = 2024 AND q.region_code = '00'`);
    expect(national!.value as number).toBeCloseTo((national!.victims as number) * 1e5 / (national!.child_population as number), 9);
    expect(national!.victims as number).toBeGreaterThan(20000);
  });

  it('national shares equal the national published counts', async () => {
    const [share] = await demo.all(`SELECT q.value, s.victims AS part, t.victims AS total
      FROM ${wrapped(indicatorById('violence-sexual-share')!)} q
      JOIN violence_by_type s ON s.year = q.year AND s.region_code = q.region_code AND s.violence_type = 'seksual'
      JOIN violence_totals t ON t.year = q.year AND t.region_code = q.region_code
      WHERE q.year = 2024 AND q.region_code = '00'`);
    expect(share!.value as number).toBeCloseTo(100 * (share!.part as number) / (share!.total as number), 9);
  });

  it('LKSA: 14,445 institutions, (871 + 4,439 + 6,897) / 14,445 accredited', async () => {
    const national = async (id: string) => (await demo.all(`SELECT * FROM ${wrapped(indicatorById(id)!)} WHERE region_code = '00'`))[0]!;
    expect((await national('lksa-institutions')).value).toBe(14445);
    const accredited = await national('lksa-accredited-share');
    expect(accredited).toMatchObject({ numerator: 871 + 4439 + 6897, denominator: 14445, suppressed: false });
    expect(accredited.value as number).toBeCloseTo(100 * (871 + 4439 + 6897) / 14445, 9);
    expect((await national('lksa-accredited-a-share')).numerator).toBe(871);
    expect((await national('lksa-accredited-b-share')).numerator).toBe(4439);
    expect((await national('lksa-accredited-c-share')).numerator).toBe(6897);
    // Provinces and kab/kota add up to Indonesia.
    const [sums] = await demo.all(`SELECT sum(value) FILTER (WHERE level = 'province') AS provinces, sum(value) FILTER (WHERE level = 'regency') AS regencies
      FROM ${wrapped(indicatorById('lksa-institutions')!)}`);
    expect(sums).toEqual({ provinces: 14445, regencies: 14445 });
  });

  it('KLA 2025: 355 of 514 kab/kota hold a category', async () => {
    const [row] = await demo.all(`SELECT * FROM ${wrapped(indicatorById('kla-awarded-share')!)} WHERE year = 2025 AND region_code = '00'`);
    expect(row).toMatchObject({ numerator: 355, denominator: 514, suppressed: false });
    expect(row!.value as number).toBeCloseTo(100 * 355 / 514, 9);
    const [cat] = await demo.all(`SELECT count(*) FILTER (WHERE value > 0)::INTEGER AS awarded FROM ${wrapped(indicatorById('kla-category')!)} WHERE year = 2025`);
    expect(cat!.awarded).toBe(355);
  });
});
