import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';
import { indicatorById } from '../../src/domain/indicators.ts';
import { summarise, toRegions, type RegionInfo } from '../../src/app/region/model.ts';
import { nodeIndicatorSource } from '../../src/pipeline/indicators.ts';

// Every queries/app/profile/*.sql on the snapshot built from the fixture (test/fixtures/raw/valid), hand-checked.

const scratch = tempDir('pantau-profile-sql-');
let duck: Duck;
beforeAll(async () => {
  const { dir } = await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  duck = await Duck.open();
  await auditSnapshot(duck, dir, 5); // views named after the published tables
});
afterAll(() => { duck.close(); scratch.cleanup(); });

describe('profile queries', () => {
  it('profile/regions.sql lists every region with its province and kind', async () => {
    const rows = await duck.query('app/profile/regions');
    expect(rows).toHaveLength(553);
    expect(rows.filter((r) => r.level === 'province')).toHaveLength(38);
    expect(rows[0]).toMatchObject({ region_code: '00', level: 'national', name: 'Indonesia', province_code: null, province_name: null, regency_type: null });
    expect(rows.find((r) => r.region_code === '32')).toMatchObject({ level: 'province', name: 'Jawa Barat', province_code: '32', province_name: 'Jawa Barat', regency_type: null });
    expect(rows.find((r) => r.region_code === '32.73')).toMatchObject({
      level: 'regency', name: 'Kota Bandung', province_code: '32', province_name: 'Jawa Barat', regency_type: 'kota', population: 2591763,
      // the estimate the rate uses: population x Jawa Barat's 0-17 share (as in app-queries.test.ts)
      child_population: Math.round(2591763 * 14249942 / 48274162),
    });
    expect(rows.find((r) => r.region_code === '32.04')).toMatchObject({ name: 'Kabupaten Bandung', regency_type: 'kabupaten' });
    // Jawa Barat has 18 kabupaten and 9 kota.
    const jabar = rows.filter((r) => r.level === 'regency' && r.province_code === '32');
    expect([jabar.length, jabar.filter((r) => r.regency_type === 'kota').length]).toEqual([27, 9]);
  });

  it('profile/kla_history.sql gives every evaluation of a kab/kota with its component scores', async () => {
    expect(await duck.query('app/profile/kla_history', { region: '32.73' })).toEqual([
      { year: 2023, score: 812.4, category: 'utama', score_institutional: 85, score_cluster_1: 80, score_cluster_2: 82, score_cluster_3: 79, score_cluster_4: 83, score_cluster_5: 81 },
      { year: 2025, score: 905, category: 'kla', score_institutional: 92, score_cluster_1: 90, score_cluster_2: 91, score_cluster_3: 89, score_cluster_4: 90, score_cluster_5: 91 },
    ]);
    expect(await duck.query('app/profile/kla_history', { region: '32.01' })).toEqual([]);
  });

  it('profile/kla_categories.sql counts kab/kota per category per year, zeros and the not evaluated included', async () => {
    const byYear = (rows: Awaited<ReturnType<Duck['query']>>, year: number) =>
      Object.fromEntries(rows.filter((r) => r.year === year).map((r) => [r.category, r.regencies]));
    // Jawa Barat (27 kab/kota): 2023 Kota Bandung utama, Kab. Bandung madya; 2025 Kota Bandung kla, Kab. Bandung madya.
    const jabar = await duck.query('app/profile/kla_categories', { region: '32' });
    expect(jabar.map((r) => r.category).slice(0, 7)).toEqual(['tidak_ada', 'pratama', 'madya', 'nindya', 'utama', 'kla', 'not_evaluated']);
    expect(byYear(jabar, 2023)).toEqual({ tidak_ada: 0, pratama: 0, madya: 1, nindya: 0, utama: 1, kla: 0, not_evaluated: 25 });
    expect(byYear(jabar, 2025)).toEqual({ tidak_ada: 0, pratama: 0, madya: 1, nindya: 0, utama: 0, kla: 1, not_evaluated: 25 });
    // Indonesia (514 kab/kota): 2023 utama, madya, no category (455.5), pratama (93.01); 2025 kla, madya x2, tidak_ada.
    const national = await duck.query('app/profile/kla_categories', { region: '00' });
    expect(byYear(national, 2023)).toEqual({ tidak_ada: 1, pratama: 1, madya: 1, nindya: 0, utama: 1, kla: 0, not_evaluated: 510 });
    expect(byYear(national, 2025)).toEqual({ tidak_ada: 1, pratama: 0, madya: 2, nindya: 0, utama: 0, kla: 1, not_evaluated: 510 });
  });

  it('profile/lksa_summary.sql counts institutions by accreditation and licence status', async () => {
    const summary = async (region: string) =>
      Object.fromEntries((await duck.query('app/profile/lksa_summary', { region })).map((r) => [`${r.dimension}:${r.code}`, r.institutions]));
    // Kota Bandung: T-001 (A, berlaku) and T-002 (B, berlaku but expired on 2025-06-30: the status is as recorded).
    expect(await summary('32.73')).toEqual({
      'accreditation:A': 1, 'accreditation:B': 1, 'accreditation:C': 0, 'accreditation:belum': 0,
      'licence_status:berlaku': 2, 'licence_status:kedaluwarsa': 0, 'licence_status:dalam_proses': 0, 'licence_status:tidak_ada': 0,
    });
    expect(await summary('00')).toEqual({
      'accreditation:A': 1, 'accreditation:B': 1, 'accreditation:C': 2, 'accreditation:belum': 2,
      'licence_status:berlaku': 3, 'licence_status:kedaluwarsa': 1, 'licence_status:dalam_proses': 1, 'licence_status:tidak_ada': 1,
    });
    expect((await duck.query('app/profile/lksa_summary', { region: '32' })).map((r) => r.dimension))
      .toEqual(['accreditation', 'accreditation', 'accreditation', 'accreditation', 'licence_status', 'licence_status', 'licence_status', 'licence_status']);
  });

  it('profile/lksa_institutions.sql lists the institutions of a region, withheld children as NULL', async () => {
    expect(await duck.query('app/profile/lksa_institutions', { region: '32.73' })).toEqual([
      { lksa_id: 'LKSA-T-001', name: 'LKSA Uji Melati', region_code: '32.73', regency_name: 'Kota Bandung', accreditation: 'A', licence_status: 'berlaku',
        licence_valid: true, children_in_care: 40, children_suppressed: false, caregivers: 8, last_inspection: '2025-03-01', finding_count: 0, findings: '' },
      { lksa_id: 'LKSA-T-002', name: 'LKSA Uji Kenanga', region_code: '32.73', regency_name: 'Kota Bandung', accreditation: 'B', licence_status: 'berlaku',
        licence_valid: false, children_in_care: 25, children_suppressed: false, caregivers: 3, last_inspection: '2024-05-10', finding_count: 1,
        findings: 'rasio_pengasuh_tidak_memadai' },
    ]);
    const jabar = await duck.query('app/profile/lksa_institutions', { region: '32' });
    expect(jabar.map((r) => r.lksa_id)).toEqual(['LKSA-T-003', 'LKSA-T-001', 'LKSA-T-002']);
    // T-003 has 3 children: withheld; never inspected; two findings.
    expect(jabar[0]).toMatchObject({ regency_name: 'Kabupaten Bandung', children_in_care: null, children_suppressed: true, caregivers: 1,
      last_inspection: null, findings: 'tanpa_izin;rencana_pengasuhan_tidak_ada' });
    expect(await duck.query('app/profile/lksa_institutions', { region: '00' })).toHaveLength(6);
    // T-004 in Aceh Besar: both trafficking-related findings
    expect((await duck.query('app/profile/lksa_institutions', { region: '11.01' }))[0]).toMatchObject({ findings: 'risiko_eksploitasi;risiko_tppo' });
  });

  it("ranks from the indicator queries: Kota Bandung among Jawa Barat's kab/kota and the kota, Jawa Barat among provinces", async () => {
    const regions = toRegions(await duck.query('app/profile/regions'));
    const get = (code: string) => regions.find((r) => r.code === code)!;
    const kota = regions.filter((r) => r.regencyType === 'kota').length;
    const on = async (id: string, region: RegionInfo, year: number | null) => {
      const indicator = indicatorById(id)!;
      return summarise(indicator, (await nodeIndicatorSource(duck).rows(indicator)).rows, region, regions, year)!;
    };
    // Victims (rank 1 = the highest value, as for every indicator). 2024: Kota Bandung 10, Kab. Bandung 5, the other 25 kab/kota 0 (published);
    // Indonesia 23.
    const v2024 = await on('violence-victims', get('32.73'), null);
    expect(v2024.year).toBe(2024);
    expect(v2024.own).toEqual({ value: 10, suppressed: false });
    expect(v2024.national).toEqual({ value: 23, suppressed: false });
    expect(v2024.standings.map((s) => s.standing)).toEqual([
      { kind: 'ranked', rank: 1, of: 27, tied: 0, unranked: 0 },
      { kind: 'ranked', rank: 1, of: kota, tied: 0, unranked: 0 },
    ]);
    // 2023 picked: 8 victims, Indonesia 19.
    const v2023 = await on('violence-victims', get('32.73'), 2023);
    expect([v2023.year, v2023.own.value, v2023.national?.value]).toEqual([2023, 8, 19]);
    // Kabupaten Bandung, 5 in 2024: second in its province; its 6 of 2023 and Simeulue's 2 are withheld and not ranked.
    expect((await on('violence-victims', get('32.04'), 2024)).standings[0]!.standing).toMatchObject({ rank: 2, of: 27 });
    expect((await on('violence-victims', get('32.04'), 2023)).standings[0]!.standing).toEqual({ kind: 'withheld' });
    expect((await on('violence-victims', get('11.09'), 2023)).standings[0]!.standing).toEqual({ kind: 'withheld' });

    // KLA score (higher is better), latest evaluation 2025: Kota Bandung 905 vs Kab. Bandung 700.4; the only kota evaluated.
    const kla = await on('kla-average-score', get('32.73'), 2023);
    expect([kla.year, kla.own.value, kla.national?.value]).toEqual([2025, 905, 675.975]);
    expect(kla.standings.map((s) => s.standing)).toEqual([
      { kind: 'ranked', rank: 1, of: 2, tied: 0, unranked: 25 },
      { kind: 'ranked', rank: 1, of: 1, tied: 0, unranked: kota - 1 },
    ]);

    // LKSA accredited (higher is better): Jawa Barat 100% (3 of 3), Aceh 50%, Papua Selatan 0%; 35 provinces without LKSA.
    const lksa = await on('lksa-accredited-share', get('32'), null);
    expect([lksa.year, lksa.own.value, lksa.national?.value]).toEqual([null, 100, 200 / 3]);
    expect(lksa.standings[0]!.standing).toEqual({ kind: 'ranked', rank: 1, of: 3, tied: 0, unranked: 35 });
    // Indonesia's page: the provinces' spread.
    const national = await on('lksa-accredited-share', get('00'), null);
    expect(national.spread).toEqual({ min: { value: 0, code: '93', ties: 0 }, median: 50, max: { value: 100, code: '32', ties: 0 }, n: 3, without: 35 });
  });
});
