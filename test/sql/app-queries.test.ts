import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// Every queries/app/*.sql on the snapshot built from the fixture, with hand-checked values.

const scratch = tempDir('pantau-app-sql-');
let duck: Duck;
beforeAll(async () => {
  const { dir } = await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  duck = await Duck.open();
  await auditSnapshot(duck, dir, 5); // views named after the published tables
});
afterAll(() => { duck.close(); scratch.cleanup(); });

describe('app queries', () => {
  it('years.sql and kla_years.sql list the years newest first', async () => {
    expect(await duck.query('app/years')).toEqual([{ year: 2024 }, { year: 2023 }]);
    expect(await duck.query('app/kla_years')).toEqual([{ year: 2025 }, { year: 2023 }]);
  });

  it('violence_headline.sql gives counts, the change from the previous year and the share of sexual violence', async () => {
    // Jawa Barat: 15 victims in 12 cases in 2024 (Kota + Kabupaten Bandung); 2023 (14) is withheld, so no change.
    const [jabar] = await duck.query('app/violence_headline', { year: 2024, region: '32' });
    expect(jabar).toMatchObject({ year: 2024, region_code: '32', victims: 15, cases: 12, victims_previous: null, change_pct: null });
    // Indonesia: 23 in 2024 after 19 in 2023, +21.1%.
    expect((await duck.query('app/violence_headline', { year: 2024, region: '00' }))[0]).toMatchObject({ victims: 23, victims_previous: 19, change_pct: 21.1 });
    // Indonesia 2023: 19 victims; sexual violence in rows 1, 3, 6, 9, 11, 14, 17, 19 of the file: 8 (42.1%).
    const [national] = await duck.query('app/violence_headline', { year: 2023, region: '00' });
    expect(national).toMatchObject({ victims: 19, cases: 16, victims_previous: null, change_pct: null, sexual_victims: 8, sexual_share_pct: 42.1 });
  });

  it('a withheld count gives no rate and no change', async () => {
    // In this tiny fixture Aceh's 2024 total is withheld, as the partner of Papua's single victim.
    const [h] = await duck.query('app/violence_headline', { year: 2024, region: '11' });
    expect(h).toMatchObject({ victims: null, rate_per_100k: null, change_pct: null });
  });

  it('lksa_headline.sql counts institutions by accreditation, licence, inspection and findings', async () => {
    expect((await duck.query('app/lksa_headline', { region: '32' }))[0]).toEqual({
      institutions: 3, accredited: 3, accredited_pct: 100, grade_a: 1, grade_b: 1, grade_c: 1, not_accredited: 0,
      licence_valid_pct: 33.3, inspected_12m_pct: 33.3, with_risk_finding_pct: 66.7,
    });
    expect((await duck.query('app/lksa_headline', { region: '00' }))[0]).toMatchObject({ institutions: 6, accredited_pct: 66.7 });
  });

  it('kla_headline.sql counts categories in one evaluation year', async () => {
    expect((await duck.query('app/kla_headline', { year: 2023, region: '00' }))[0]).toEqual({
      year: 2023, evaluated: 4, awarded: 3, pratama: 1, madya: 1, nindya: 0, utama: 1, kla: 0, average_score: 617,
    });
    expect((await duck.query('app/kla_headline', { year: 2025, region: '32' }))[0]).toMatchObject({ evaluated: 2, madya: 1, kla: 1 });
  });
});
