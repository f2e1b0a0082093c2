import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Duck, Row } from '../../src/pipeline/duck.ts';
import { fixtureDuck } from '../helpers.ts';
import { readQuery } from '../../src/pipeline/sql-files.ts';
import { useDataset } from '../../src/pipeline/stages.ts';

// Every queries/pipeline/*.sql on the small fixture in test/fixtures/raw/valid, with values worked out by hand
// from that file (42 victims: 19 in 2023, 23 in 2024).

let duck: Duck;
beforeAll(async () => { duck = await fixtureDuck(); });
afterAll(() => duck.close());

const cube = (dim: string, where: string) =>
  duck.all(`SELECT year, region_code, category, cases, victims FROM violence_cube WHERE dim = '${dim}' AND ${where} ORDER BY year, region_code, category`);

describe('regions.sql', () => {
  it('has Indonesia, 38 provinces and 514 kab/kota with estimated children', async () => {
    const levels = await duck.all(`SELECT level, count(*)::INTEGER AS n FROM regions GROUP BY level ORDER BY level`);
    expect(levels).toEqual([{ level: 'national', n: 1 }, { level: 'province', n: 38 }, { level: 'regency', n: 514 }]);
    const [bandung] = await duck.all(`SELECT * FROM regions WHERE region_code = '32.73'`);
    // Kota Bandung: 2,591,763 people x Jawa Barat's SP2020 0-17 share 14,249,942 / 48,274,162.
    expect(bandung).toMatchObject({ name: 'Kota Bandung', level: 'regency', province_code: '32', regency_type: 'kota', population: 2591763,
      child_population: Math.round(2591763 * 14249942 / 48274162) });
    const [merauke] = await duck.all(`SELECT child_population FROM regions WHERE region_code = '93.01'`);
    // Papua Selatan (2022) takes the share of its parent province Papua (91): 1,364,684 / 4,303,707.
    expect(merauke?.child_population).toBe(Math.round(255168 * 1364684 / 4303707));
    const [sums] = await duck.all(`SELECT
      (SELECT population FROM regions WHERE region_code = '00') AS national,
      (SELECT sum(population)::INTEGER FROM regions WHERE level = 'regency') AS regencies,
      (SELECT child_population FROM regions WHERE region_code = '32') AS jabar_children,
      (SELECT sum(child_population)::INTEGER FROM regions WHERE province_code = '32' AND level = 'regency') AS jabar_regency_children`);
    expect(sums?.national).toBe(sums?.regencies);
    expect(sums?.jabar_children).toBe(sums?.jabar_regency_children);
  });
});

describe('clean_violence.sql', () => {
  it('types every victim row and harmonises regions', async () => {
    const rows = await duck.all(`SELECT region_code, year, count(*)::INTEGER AS n FROM violence_clean GROUP BY ALL ORDER BY ALL`);
    expect(rows).toEqual([
      { region_code: '11.01', year: 2024, n: 7 },
      { region_code: '11.09', year: 2023, n: 2 }, // "KAB. SIMEULUE"
      { region_code: '32.04', year: 2023, n: 6 }, // BPS 3204
      { region_code: '32.04', year: 2024, n: 5 }, // "Kabupaten Bandung"
      { region_code: '32.73', year: 2023, n: 8 },
      { region_code: '32.73', year: 2024, n: 10 },
      { region_code: '93.01', year: 2023, n: 3 }, // pre-2022 Papua code 91.01
      { region_code: '93.01', year: 2024, n: 1 },
    ]);
    const ages = await duck.all(`SELECT age_group, count(*)::INTEGER AS n FROM violence_clean GROUP BY ALL ORDER BY ALL`);
    // The fixture cycles ages 14, 9, 3, 16, 12, 6, 17, 0 over 42 rows: 5 full cycles + 14, 9.
    expect(ages).toEqual([{ age_group: '0-5', n: 10 }, { age_group: '13-17', n: 16 }, { age_group: '6-12', n: 16 }]);
    const [first] = await duck.all(`SELECT violence_types::VARCHAR AS t, services::VARCHAR AS s FROM violence_clean WHERE case_key = hash(lower('K-2023-0001')) AND sex = 'P' AND age_group = '6-12'`);
    expect(first).toEqual({ t: '[fisik, psikis]', s: '[pengaduan]' });
  });
});

describe('violence_cube.sql', () => {
  it('counts cases and victims at every level', async () => {
    const totals = await cube('violence_totals', `region_code IN ('00', '32', '32.73', '32.04', '93', '11.09')`);
    expect(totals).toEqual([
      { year: 2023, region_code: '00', category: '', cases: 16, victims: 19 },
      { year: 2023, region_code: '11.09', category: '', cases: 2, victims: 2 },
      { year: 2023, region_code: '32', category: '', cases: 12, victims: 14 },
      { year: 2023, region_code: '32.04', category: '', cases: 6, victims: 6 },
      { year: 2023, region_code: '32.73', category: '', cases: 6, victims: 8 },
      { year: 2023, region_code: '93', category: '', cases: 2, victims: 3 },
      { year: 2024, region_code: '00', category: '', cases: 19, victims: 23 },
      { year: 2024, region_code: '11.09', category: '', cases: 0, victims: 0 },
      { year: 2024, region_code: '32', category: '', cases: 12, victims: 15 },
      { year: 2024, region_code: '32.04', category: '', cases: 5, victims: 5 },
      { year: 2024, region_code: '32.73', category: '', cases: 7, victims: 10 },
      { year: 2024, region_code: '93', category: '', cases: 1, victims: 1 },
    ]);
  });

  it('is a complete cube with zeros', async () => {
    const counts = await duck.all(`SELECT dim, count(*)::INTEGER AS n FROM violence_cube GROUP BY dim ORDER BY dim`);
    const regions = 553;
    const years = 2;
    expect(Object.fromEntries(counts.map((r) => [r.dim, r.n]))).toEqual({
      violence_by_disability: regions * years * 2,
      violence_by_perpetrator: regions * years * 10,
      violence_by_place: regions * years * 7,
      violence_by_service: regions * years * 14,
      violence_by_sex_age: regions * years * 6,
      violence_by_type: regions * years * 7,
      violence_totals: regions * years,
    });
  });

  it('counts each type once per victim and cases per type', async () => {
    // Kota Bandung 2023: 8 victims, the first 8 of the cycle; case K-2023-0001 holds victims 1-3.
    const types = await cube('violence_by_type', `year = 2023 AND region_code = '32.73' AND victims > 0`);
    const byType = Object.fromEntries(types.map((r: Row) => [r.category, [r.cases, r.victims]]));
    expect(byType).toEqual({ seksual: [2, 3], fisik: [2, 2], psikis: [2, 3], penelantaran: [1, 1], eksploitasi: [1, 1], tppo: [1, 1] });
  });

  it('partitions victims by sex and age group, and summarises services', async () => {
    const [sum] = await duck.all(`SELECT sum(victims)::INTEGER AS v FROM violence_cube WHERE dim = 'violence_by_sex_age' AND region_code = '00'`);
    expect(sum?.v).toBe(42);
    const services = await cube('violence_by_service', `region_code = '00' AND year = 2023 AND category IN ('layanan_apa_pun', 'rujukan_perlindungan_sosial', 'pkh')`);
    // 2023 = rows 1-19 of the cycle: 2 full cycles (16) + rows 17-19 (service patterns 1-3).
    // No service: patterns 3 and 8 -> 2 x 2 + 1 = 5 of 19. Social protection: patterns 4, 5, 7 -> 6.
    expect(services.map((r: Row) => [r.category, r.victims])).toEqual([['layanan_apa_pun', 14], ['pkh', 4], ['rujukan_perlindungan_sosial', 6]]);
  });
});

describe('lksa_table.sql', () => {
  it('derives validity, inspection recency, findings and withholds small child counts', async () => {
    await useDataset(duck, 'lksa');
    const rows = await duck.all(readQuery('pipeline/lksa_table'), { reference_date: '2025-12-31', k: 5 });
    const by = Object.fromEntries(rows.map((r) => [r.lksa_id, r]));
    expect(rows).toHaveLength(6);
    expect(by['LKSA-T-001']).toMatchObject({ region_code: '32.73', licence_valid: true, inspected_12m: true, children_in_care: 40, children_suppressed: false, finding_count: 0 });
    expect(by['LKSA-T-002']).toMatchObject({ region_code: '32.73', licence_valid: false, inspected_12m: false, finding_caregiver_ratio: true });
    expect(by['LKSA-T-003']).toMatchObject({ region_code: '32.04', children_in_care: null, children_suppressed: true, finding_no_licence: true, finding_no_care_plan: true, finding_count: 2, lat: null });
    expect(by['LKSA-T-004']).toMatchObject({ region_code: '11.01', accreditation: 'belum', accreditation_year: null, finding_exploitation_risk: true, finding_trafficking_risk: true });
    expect(by['LKSA-T-005']).toMatchObject({ region_code: '93.01', children_in_care: 0, children_suppressed: false, inspected_12m: false });
    expect(by['LKSA-T-006']).toMatchObject({ region_code: '11.09', licence_expiry: '2028-12-31', licence_valid: true, last_inspection: '2025-01-15', inspected_12m: true });
  });
});

describe('kla_table.sql', () => {
  it('gives each score its category by the official thresholds', async () => {
    await useDataset(duck, 'kla');
    const rows = await duck.all(readQuery('pipeline/kla_table'));
    expect(rows.map((r) => [r.year, r.region_code, r.score, r.category])).toEqual([
      [2023, '11.01', 455.5, 'tidak_ada'],
      [2023, '32.04', 688, 'madya'],
      [2023, '32.73', 812.4, 'utama'],
      [2023, '93.01', 512, 'pratama'],
      [2025, '11.01', 600.5, 'madya'], // rounds to 601
      [2025, '32.04', 700.4, 'madya'], // rounds to 700
      [2025, '32.73', 905, 'kla'],
      [2025, '93.01', 498, 'tidak_ada'],
    ]);
  });
});
