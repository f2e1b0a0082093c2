import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// Every queries/app/kla/*.sql on the snapshot built from the fixture, with values checked by hand against kla.csv:
//   2023: 32.73 812.4 utama, 32.04 688 madya, 11.01 455.5 tidak_ada, 93.01 512 pratama
//   2025: 32.73 905 kla, 32.04 700.4 madya, 11.01 600.5 madya (rounds to 601), 93.01 498 tidak_ada
// (2025 rows name regions as 3204, "Kabupaten Aceh Selatan" and the pre-2025 code 91.01: harmonised to the above).

const scratch = tempDir('pantau-kla-sql-');
let duck: Duck;
beforeAll(async () => {
  const { dir } = await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  duck = await Duck.open();
  await auditSnapshot(duck, dir, 5);
});
afterAll(() => { duck.close(); scratch.cleanup(); });

describe('KLA page queries', () => {
  it('categories.sql counts kab/kota per category and year, zeros included, labels from codes', async () => {
    const rows = await duck.query('app/kla/categories');
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.year === 2023).map((r) => [r.category, r.regencies])).toEqual([
      ['tidak_ada', 1], ['pratama', 1], ['madya', 1], ['nindya', 0], ['utama', 1], ['kla', 0],
    ]);
    expect(rows.filter((r) => r.year === 2025).map((r) => [r.category, r.regencies])).toEqual([
      ['tidak_ada', 1], ['pratama', 0], ['madya', 2], ['nindya', 0], ['utama', 0], ['kla', 1],
    ]);
    expect(rows[0]).toEqual({ year: 2023, category: 'tidak_ada', ord: 0, label_id: 'Belum berpredikat', label_en: 'No category', regencies: 1, evaluated: 4 });
    expect(rows.every((r) => r.evaluated === 4)).toBe(true);
  });

  it('movements.sql gives the flows between two evaluations', async () => {
    expect(await duck.query('app/kla/movements', { year_a: 2023, year_b: 2025 })).toEqual([
      { from_category: 'madya', to_category: 'madya', regencies: 1 },
      { from_category: 'pratama', to_category: 'tidak_ada', regencies: 1 },
      { from_category: 'tidak_ada', to_category: 'madya', regencies: 1 },
      { from_category: 'utama', to_category: 'kla', regencies: 1 },
    ]);
    // A kab/kota evaluated in only one of the years flows from or to NULL (no 2024 evaluation here).
    expect(await duck.query('app/kla/movements', { year_a: 2024, year_b: 2025 })).toEqual([
      { from_category: null, to_category: 'kla', regencies: 1 },
      { from_category: null, to_category: 'madya', regencies: 2 },
      { from_category: null, to_category: 'tidak_ada', regencies: 1 },
    ]);
  });

  it('clusters.sql averages the six components for Indonesia and each province', async () => {
    expect(await duck.query('app/kla/clusters', { year: 2023 })).toEqual([
      // Institutional (40 + 70 + 85 + 50) / 4 = 61.25 -> 61.3; cluster I (45 + 69 + 80 + 52) / 4 = 61.5;
      // II (47 + 68 + 82 + 51) / 4 = 62; III (44 + 67 + 79 + 50) / 4 = 60; IV (46 + 70 + 83 + 53) / 4 = 63;
      // V (45 + 69 + 81 + 52) / 4 = 61.75 -> 61.8.
      { region_code: '00', name: 'Indonesia', evaluated: 4, score_institutional: 61.3, score_cluster_1: 61.5, score_cluster_2: 62, score_cluster_3: 60, score_cluster_4: 63, score_cluster_5: 61.8 },
      { region_code: '11', name: 'Aceh', evaluated: 1, score_institutional: 40, score_cluster_1: 45, score_cluster_2: 47, score_cluster_3: 44, score_cluster_4: 46, score_cluster_5: 45 },
      // Jawa Barat: Kota Bandung and Kabupaten Bandung.
      { region_code: '32', name: 'Jawa Barat', evaluated: 2, score_institutional: 77.5, score_cluster_1: 74.5, score_cluster_2: 75, score_cluster_3: 73, score_cluster_4: 76.5, score_cluster_5: 75 },
      { region_code: '93', name: 'Papua Selatan', evaluated: 1, score_institutional: 50, score_cluster_1: 52, score_cluster_2: 51, score_cluster_3: 50, score_cluster_4: 53, score_cluster_5: 52 },
    ]);
    expect(await duck.query('app/kla/clusters', { year: 2019 })).toEqual([
      { region_code: '00', name: 'Indonesia', evaluated: 0, score_institutional: null, score_cluster_1: null, score_cluster_2: null, score_cluster_3: null, score_cluster_4: null, score_cluster_5: null },
    ]);
  });

  it('provinces.sql rolls up every province: evaluated, awarded, share, average score, counts per category', async () => {
    const rows = await duck.query('app/kla/provinces', { year: 2023 });
    expect(rows).toHaveLength(38);
    const by = Object.fromEntries(rows.map((r) => [r.region_code, r]));
    expect(by['32']).toEqual({ region_code: '32', name: 'Jawa Barat', evaluated: 2, awarded: 2, awarded_pct: 100, average_score: 750.2, tidak_ada: 0, pratama: 0, madya: 1, nindya: 0, utama: 1, kla: 0 });
    expect(by['11']).toMatchObject({ evaluated: 1, awarded: 0, awarded_pct: 0, average_score: 455.5, tidak_ada: 1 });
    expect(by['93']).toMatchObject({ evaluated: 1, awarded: 1, awarded_pct: 100, average_score: 512, pratama: 1 });
    // A province with no evaluated kab/kota: 0, and no share or average.
    expect(by['51']).toMatchObject({ name: 'Bali', evaluated: 0, awarded: 0, awarded_pct: null, average_score: null, kla: 0 });
    // 2025: Aceh Selatan 600.5 rounds to 601: Madya, not Pratama.
    const y2025 = Object.fromEntries((await duck.query('app/kla/provinces', { year: 2025 })).map((r) => [r.region_code, r]));
    expect(y2025['11']).toMatchObject({ evaluated: 1, awarded: 1, madya: 1, pratama: 0, average_score: 600.5 });
    expect(y2025['32']).toMatchObject({ evaluated: 2, awarded: 2, madya: 1, kla: 1, average_score: 802.7 });
    expect(y2025['93']).toMatchObject({ evaluated: 1, awarded: 0, awarded_pct: 0, tidak_ada: 1 });
  });

  it('summary.sql gives the national figures of one evaluation year', async () => {
    // 2023: 3 of 4 awarded; average (812.4 + 688 + 455.5 + 512) / 4 = 616.975 -> 617.0; 514 - 4 not evaluated.
    expect(await duck.query('app/kla/summary', { year: 2023 })).toEqual([
      { year: 2023, evaluated: 4, awarded: 3, awarded_pct: 75, average_score: 617, not_evaluated: 510 },
    ]);
    // 2025: (905 + 700.4 + 600.5 + 498) / 4 = 675.975 -> 676.0.
    expect(await duck.query('app/kla/summary', { year: 2025 })).toEqual([
      { year: 2025, evaluated: 4, awarded: 3, awarded_pct: 75, average_score: 676, not_evaluated: 510 },
    ]);
  });
});
