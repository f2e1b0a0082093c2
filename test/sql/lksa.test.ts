import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { parameterNames, paramsOf, tablesOf } from '../../src/db/sql.ts';
import { findingCode } from '../../src/app/views/lksa/findings.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// Every queries/app/lksa/*.sql on the snapshot built from the fixture (test/fixtures/raw/valid/lksa.csv), with
// hand-checked values. The six institutions on the reference date 2025-12-31:
//   T-001 32.73 A  berlaku to 2027-06-30 (valid)      40 children  8 caregivers  inspected 2025-03-01  -
//   T-002 32.73 B  berlaku to 2025-06-30 (lapsed)     25           3             2024-05-10            rasio_pengasuh
//   T-003 32.04 C  kedaluwarsa                         3 (withheld) 1             -                     tanpa_izin, rencana_pengasuhan; no coordinates
//   T-004 11.01 belum tidak_ada                       12           2             2025-11-20            risiko_eksploitasi, risiko_tppo
//   T-005 93.01 belum dalam_proses                     0           1             2020-02-02            -; no coordinates
//   T-006 11.09 C  berlaku to 2028-12-31 (valid)      18           4             2025-01-15            dokumen_anak

const scratch = tempDir('pantau-lksa-sql-');
let duck: Duck;
beforeAll(async () => {
  const { dir } = await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  duck = await Duck.open();
  await auditSnapshot(duck, dir, 5); // views named after the published tables
});
afterAll(() => { duck.close(); scratch.cleanup(); });

type Filter = { province: string; accreditation: string | null; licence: string | null; finding: string | null; search: string | null };
const NO_FILTER: Filter = { province: '00', accreditation: null, licence: null, finding: null, search: '' };
const ids = (rows: Array<Record<string, unknown>>) => rows.map((r) => String(r.lksa_id).replace('LKSA-', ''));

describe('queries/app/lksa', () => {
  it('every file declares the tables it reads and exactly the $params it uses', () => {
    const expected: Record<string, string[]> = {
      overview: ['lksa'], breakdown: ['lksa', 'codes'], by_province: ['lksa', 'regions'], institutions: ['lksa', 'regions'], codes: ['codes'],
    };
    for (const [name, tables] of Object.entries(expected)) {
      const sql = readFileSync(join(REPO_ROOT, 'queries', 'app', 'lksa', `${name}.sql`), 'utf8');
      expect(tablesOf(sql), name).toEqual(tables);
      expect(paramsOf(sql).map((p) => p.name).sort(), name).toEqual([...new Set(parameterNames(sql))].sort());
    }
  });

  it('lksa/overview.sql for Indonesia: one row with every figure', async () => {
    expect(await duck.query('app/lksa/overview', { province: '00' })).toEqual([{
      area: '00', institutions: 6,
      accredited: 4, accredited_pct: 66.7, grade_a: 1, grade_b: 1, grade_c: 2, not_accredited: 2,
      // T-001 and T-006 are valid; T-002 is recorded 'berlaku' but expired on 2025-06-30.
      licence_valid: 2, licence_valid_pct: 33.3, licence_lapsed: 1,
      // T-001 (2025-03-01), T-004 (2025-11-20), T-006 (2025-01-15) after 2024-12-31.
      inspected_12m: 3, inspected_12m_pct: 50,
      with_finding: 4, with_finding_pct: 66.7,
      // Without T-003 (3 children, withheld): (40 + 25 + 12 + 0 + 18) / (8 + 3 + 2 + 1 + 4) = 95 / 18 = 5.28 -> 5.3.
      ratio_institutions: 5, ratio_children: 95, ratio_caregivers: 18, children_per_caregiver: 5.3, ratio_withheld: 1,
    }]);
  });

  it('lksa/overview.sql for a province gives Indonesia first, then the province', async () => {
    const rows = await duck.query('app/lksa/overview', { province: '32' });
    expect(rows.map((r) => r.area)).toEqual(['00', '32']);
    expect(rows[1]).toEqual({
      area: '32', institutions: 3,
      accredited: 3, accredited_pct: 100, grade_a: 1, grade_b: 1, grade_c: 1, not_accredited: 0,
      licence_valid: 1, licence_valid_pct: 33.3, licence_lapsed: 1,
      inspected_12m: 1, inspected_12m_pct: 33.3,
      with_finding: 2, with_finding_pct: 66.7,
      // T-001 and T-002: 65 / 11 = 5.91 -> 5.9; T-003 withheld.
      ratio_institutions: 2, ratio_children: 65, ratio_caregivers: 11, children_per_caregiver: 5.9, ratio_withheld: 1,
    });
    // Aceh: T-004 and T-006, both inspected and both with a finding; 30 children / 6 caregivers.
    expect((await duck.query('app/lksa/overview', { province: '11' }))[1]).toMatchObject({
      institutions: 2, accredited_pct: 50, licence_valid_pct: 50, inspected_12m_pct: 100, with_finding_pct: 100, children_per_caregiver: 5, ratio_withheld: 0,
    });
  });

  it('lksa/overview.sql for a province without institutions: zeros and no shares', async () => {
    expect((await duck.query('app/lksa/overview', { province: '31' }))[1]).toMatchObject({
      area: '31', institutions: 0, accredited: 0, accredited_pct: null, licence_valid_pct: null, inspected_12m_pct: null,
      with_finding_pct: null, ratio_institutions: 0, ratio_children: null, children_per_caregiver: null,
    });
  });

  it('lksa/breakdown.sql counts grades and statuses from the codes table (zeros included) and every finding column', async () => {
    const rows = await duck.query('app/lksa/breakdown', { province: '32' });
    const pick = (area: string, dimension: string) => Object.fromEntries(
      rows.filter((r) => r.area === area && r.dimension === dimension).map((r) => [r.code, [r.institutions, r.share_pct]]));
    expect(pick('32', 'accreditation')).toEqual({ A: [1, 33.3], B: [1, 33.3], C: [1, 33.3], belum: [0, 0] });
    expect(pick('00', 'accreditation')).toEqual({ A: [1, 16.7], B: [1, 16.7], C: [2, 33.3], belum: [2, 33.3] });
    expect(pick('32', 'licence_status')).toEqual({ berlaku: [2, 66.7], kedaluwarsa: [1, 33.3], dalam_proses: [0, 0], tidak_ada: [0, 0] });
    expect(pick('00', 'licence_status')).toEqual({ berlaku: [3, 50], kedaluwarsa: [1, 16.7], dalam_proses: [1, 16.7], tidak_ada: [1, 16.7] });
    expect(pick('32', 'finding')).toEqual({
      finding_caregiver_ratio: [1, 33.3], finding_no_care_plan: [1, 33.3], finding_no_licence: [1, 33.3],
      finding_exploitation_risk: [0, 0], finding_trafficking_risk: [0, 0], finding_documents_incomplete: [0, 0], finding_violence: [0, 0],
    });
    expect(pick('00', 'finding')).toEqual({
      finding_caregiver_ratio: [1, 16.7], finding_no_care_plan: [1, 16.7], finding_no_licence: [1, 16.7], finding_exploitation_risk: [1, 16.7],
      finding_trafficking_risk: [1, 16.7], finding_documents_incomplete: [1, 16.7], finding_violence: [0, 0],
    });
    // Every finding column of the table has a code on the page (src/app/views/lksa/findings.ts).
    expect(rows.filter((r) => r.dimension === 'finding').map((r) => findingCode(String(r.code)))).not.toContain(null);
    // Indonesia only: no second area.
    expect(new Set((await duck.query('app/lksa/breakdown', { province: '00' })).map((r) => r.area))).toEqual(new Set(['00']));
  });

  it('lksa/by_province.sql gives all 38 provinces, no value where there is no institution', async () => {
    const rows = await duck.query('app/lksa/by_province');
    expect(rows).toHaveLength(38);
    const by = Object.fromEntries(rows.map((r) => [r.region_code, r]));
    expect(by['32']).toEqual({ region_code: '32', name: 'Jawa Barat', institutions: 3, accredited_pct: 100, licence_valid_pct: 33.3,
      inspected_12m_pct: 33.3, with_finding_pct: 66.7, children_per_caregiver: 5.9, ratio_withheld: 1 });
    expect(by['11']).toMatchObject({ name: 'Aceh', institutions: 2, accredited_pct: 50, children_per_caregiver: 5 });
    // Papua Selatan: T-005, 0 children and 1 caregiver: a published zero, so 0 children per caregiver.
    expect(by['93']).toMatchObject({ institutions: 1, accredited_pct: 0, licence_valid_pct: 0, children_per_caregiver: 0 });
    expect(by['31']).toMatchObject({ name: 'Daerah Khusus Ibukota Jakarta', institutions: 0, accredited_pct: null, with_finding_pct: null, children_per_caregiver: null });
    expect(rows.reduce((n, r) => n + Number(r.institutions), 0)).toBe(6);
  });

  it('lksa/institutions.sql lists every institution with its kab/kota name and findings', async () => {
    const rows = await duck.query('app/lksa/institutions', NO_FILTER);
    expect(ids(rows)).toEqual(['T-004', 'T-006', 'T-003', 'T-002', 'T-001', 'T-005']); // by kab/kota code, then name
    expect(rows.map((r) => r.regency_name)).toEqual(['Kabupaten Aceh Selatan', 'Kabupaten Simeulue', 'Kabupaten Bandung', 'Kota Bandung', 'Kota Bandung', 'Kabupaten Merauke']);
    expect(rows[2]).toEqual({
      lksa_id: 'LKSA-T-003', name: 'LKSA Uji Cempaka', region_code: '32.04', regency_name: 'Kabupaten Bandung', province_code: '32',
      accreditation: 'C', licence_status: 'kedaluwarsa', licence_expiry: '2023-01-31', licence_valid: false,
      children_in_care: null, children_suppressed: true, caregivers: 1, trained_social_workers: 0, last_inspection: null, inspected_12m: false,
      finding_count: 2, findings: 'finding_no_care_plan;finding_no_licence', lat: null, lng: null,
    });
    expect(rows[0]).toMatchObject({ lksa_id: 'LKSA-T-004', findings: 'finding_exploitation_risk;finding_trafficking_risk', lat: 3.16, lng: 97.44 });
    expect(rows[4]).toMatchObject({ lksa_id: 'LKSA-T-001', findings: '', children_in_care: 40, caregivers: 8, trained_social_workers: 2, last_inspection: '2025-03-01' });
    // The findings list agrees with finding_count everywhere.
    for (const r of rows) expect(String(r.findings).split(';').filter(Boolean)).toHaveLength(Number(r.finding_count));
  });

  it('lksa/institutions.sql filters by province, accreditation, licence status, finding and name', async () => {
    const q = (p: Partial<Filter>) => duck.query('app/lksa/institutions', { ...NO_FILTER, ...p }).then(ids);
    expect(await q({ province: '32' })).toEqual(['T-003', 'T-002', 'T-001']);
    expect(await q({ accreditation: 'belum' })).toEqual(['T-004', 'T-005']);
    expect(await q({ accreditation: 'C', province: '11' })).toEqual(['T-006']);
    expect(await q({ licence: 'berlaku' })).toEqual(['T-006', 'T-002', 'T-001']); // the recorded status, lapsed or not
    expect(await q({ licence: 'tidak_ada' })).toEqual(['T-004']);
    expect(await q({ finding: 'finding_trafficking_risk' })).toEqual(['T-004']);
    expect(await q({ finding: 'finding_no_licence', province: '32', accreditation: 'C' })).toEqual(['T-003']);
    expect(await q({ finding: 'finding_violence' })).toEqual([]);
    expect(await q({ search: 'KENANGA' })).toEqual(['T-002']);
    expect(await q({ search: '  uji  ' })).toHaveLength(6);
    expect(await q({ search: null })).toHaveLength(6);
    // The search is a substring, not a pattern: LIKE wildcards match themselves only.
    expect(await q({ search: '%' })).toEqual([]);
    expect(await q({ search: 'Uji_Melati' })).toEqual([]);
  });

  it('lksa/institutions.sql takes hostile text as a value', async () => {
    expect(await duck.query('app/lksa/institutions', { ...NO_FILTER, search: "'; DROP TABLE lksa; --" })).toEqual([]);
    expect(await duck.query('app/lksa/institutions', { ...NO_FILTER, accreditation: "A' OR '1'='1" })).toEqual([]);
    expect(await duck.query('app/lksa/institutions', NO_FILTER)).toHaveLength(6);
  });

  it('lksa/codes.sql gives the labels of grades, licence statuses and findings in display order', async () => {
    const rows = await duck.query('app/lksa/codes');
    expect(rows.filter((r) => r.vocabulary === 'accreditation').map((r) => r.code)).toEqual(['A', 'B', 'C', 'belum']);
    expect(rows.filter((r) => r.vocabulary === 'licence_status').map((r) => r.code)).toEqual(['berlaku', 'kedaluwarsa', 'dalam_proses', 'tidak_ada']);
    expect(rows.filter((r) => r.vocabulary === 'lksa_finding')).toHaveLength(7);
    expect(rows).toContainEqual({ vocabulary: 'lksa_finding', code: 'risiko_tppo', ord: 1, label_id: 'Risiko perdagangan orang', label_en: 'Risk of trafficking' });
  });
});
