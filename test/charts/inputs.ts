// Small, fixed, hand-written inputs of the chart cases (cases.ts), shaped like the app's query rows. They do not come
// from the demo snapshot, so the snapshots change only when a chart's code (or ECharts) changes. Plain data only:
// every import of the app's option builders stays in cases.ts.
import type { Row } from '../../src/db/sql.ts';

// ---- Violence page (queries/app/violence/*.sql) ----

const cell = (code: string, labelId: string, labelEn: string, victims: number | null, cases: number | null, share: number | null): Row =>
  ({ code, label_id: labelId, label_en: labelEn, level: 'province', victims, cases, share_pct: share, suppressed: victims === null });

export const violenceTypeRows: Row[] = [
  cell('fisik', 'Kekerasan fisik', 'Physical violence', 412, 380, 31.2),
  cell('psikis', 'Kekerasan psikis', 'Psychological violence', 296, 270, 22.4),
  cell('seksual', 'Kekerasan seksual', 'Sexual violence', 518, 455, 39.2),
  cell('eksploitasi', 'Eksploitasi', 'Exploitation', 0, 0, 0),
  cell('tppo', 'Perdagangan orang (TPPO)', 'Trafficking in persons', null, null, null),
  cell('penelantaran', 'Penelantaran', 'Neglect', 95, 88, 7.2),
];

const sexAge = (sex: 'L' | 'P', age: string, victims: number | null): Row => ({
  sex, sex_label_id: sex === 'L' ? 'Laki-laki' : 'Perempuan', sex_label_en: sex === 'L' ? 'Male' : 'Female',
  age_group: age, age_label_id: `${age} tahun`, age_label_en: `${age} years`, level: 'province', victims, share_pct: null,
  suppressed: victims === null,
});

export const violenceSexAgeRows: Row[] = [
  sexAge('L', '0-5', 64), sexAge('L', '6-12', 181), sexAge('L', '13-17', 203),
  sexAge('P', '0-5', null), sexAge('P', '6-12', 296), sexAge('P', '13-17', 498),
];

export const violencePlaceRows: Row[] = [
  cell('rumah_tangga', 'Rumah tangga', 'Household', 610, null, 46.2),
  cell('sekolah', 'Sekolah', 'School', 148, null, 11.2),
  cell('fasilitas_umum', 'Fasilitas umum', 'Public facility', 203, null, 15.4),
  cell('daring', 'Daring', 'Online', null, null, null),
  cell('lainnya', 'Lainnya', 'Other', 359, null, 27.2),
];

export const violenceServiceRows: Row[] = [
  cell('pengaduan', 'Pengaduan', 'Complaint handling', 1180, null, 89.4),
  cell('kesehatan', 'Layanan kesehatan', 'Health care', 402, null, 30.5),
  cell('bantuan_hukum', 'Bantuan hukum', 'Legal aid', 211, null, null),
  cell('layanan_apa_pun', 'Layanan apa pun', 'Any service', 1254, null, 95),
  cell('pkh', 'PKH', 'PKH', null, null, null),
  cell('rujukan_perlindungan_sosial', 'Rujukan perlindungan sosial', 'Social protection referral', 96, null, 7.3),
  cell('pip', 'PIP', 'PIP', 12, null, 0.9),
];

const year = (y: number, victims: number | null, cases: number | null): Row =>
  ({ year: y, level: 'province', victims, cases, victims_per_case: victims !== null && cases ? victims / cases : null, suppressed: victims === null });

export const violenceTrendRows: Row[] = [
  year(2019, 930, 842), year(2020, 1104, 990), year(2021, null, null), year(2022, 1260, 1130), year(2023, 1321, 1193), year(2024, 1198, 1066),
];

export const violenceSingleYearRows: Row[] = [year(2024, 1198, 1066)];

// ---- Profile and report (profile/model.ts TrendPoint and TrendLine) ----

type Point = { year: number; value: number | null; suppressed: boolean };
const points = (from: number, values: ReadonlyArray<number | null | 'withheld'>): Point[] =>
  values.map((v, i) => ({ year: from + i, value: v === 'withheld' ? null : v, suppressed: v === 'withheld' }));

export const REGION = 'Kota Contoh';
export const NATIONAL = 'Indonesia';

/** Child victims per 100,000 children: a withheld year (2021) and a year without data (2019, national). */
export const rateRegion = points(2019, [21.4, 24.8, 'withheld', 27.1, 30.6, 28.2]);
export const rateNational = points(2019, [null, 18.2, 19.9, 22.3, 23.5, 24.1]);

/** Counts: a kab/kota and Indonesia differ by orders of magnitude (the national line gets its own axis). */
export const countRegion = points(2019, [118, 131, 'withheld', 142, 157, 149]);
export const countNational = points(2019, [11057, 11952, 14517, 16106, 18175, 17634]);

/** Year-on-year change in per cent: none for the first year, negative values. */
export const changeRegion = points(2020, [null, 12.4, -8.7, 3.1, -15.2]);

export const singleYearNational = points(2024, [24.1]);
export const allWithheld = points(2022, ['withheld', 'withheld', 'withheld']);

/** The six KLA component scores (0-100), in KLA_CLUSTERS order; one not scored. */
export const klaClusterScores: Array<number | null> = [88.5, 71.2, 64.9, null, 79.3, 52.6];

/** Kab/kota per KLA category and evaluation year, in KLA_CATEGORIES order (tidak_ada .. kla). */
export const klaYears = [2021, 2023, 2025];
export const klaCategoryCounts: Record<string, number[]> = {
  tidak_ada: [9, 6, 4], pratama: [7, 6, 5], madya: [5, 7, 7], nindya: [2, 3, 5], utama: [1, 2, 2], kla: [0, 0, 1],
};

/** LKSA by accreditation (the report's bars): a grade with no institution. */
export const accreditationBars = [
  { label: { id: 'Terakreditasi A', en: 'Accredited A' }, value: 14 },
  { label: { id: 'Terakreditasi B', en: 'Accredited B' }, value: 37 },
  { label: { id: 'Terakreditasi C', en: 'Accredited C' }, value: 0 },
  { label: { id: 'Belum terakreditasi', en: 'Not accredited' }, value: 52 },
];

// ---- KLA page (queries/app/kla/*.sql) ----

const KLA_LABELS: Record<string, [string, string]> = {
  tidak_ada: ['Belum berpredikat', 'No category'], pratama: ['Pratama', 'Pratama'], madya: ['Madya', 'Madya'],
  nindya: ['Nindya', 'Nindya'], utama: ['Utama', 'Utama'], kla: ['KLA', 'KLA'],
};

export const klaCategoryRows: Row[] = klaYears.flatMap((y, i) => Object.entries(KLA_LABELS).map(([category, [id, en]], ord) => ({
  year: y, category, ord, label_id: id, label_en: en, regencies: klaCategoryCounts[category]![i]!, evaluated: 24,
})));

export const klaSingleYearRows: Row[] = klaCategoryRows.filter((r) => r.year === 2025);

export const klaMovementRows: Row[] = [
  { from_category: 'tidak_ada', to_category: 'tidak_ada', regencies: 3 },
  { from_category: 'tidak_ada', to_category: 'pratama', regencies: 2 },
  { from_category: 'pratama', to_category: 'madya', regencies: 3 },
  { from_category: 'pratama', to_category: 'pratama', regencies: 3 },
  { from_category: 'madya', to_category: 'madya', regencies: 5 },
  { from_category: 'madya', to_category: 'nindya', regencies: 2 },
  { from_category: 'nindya', to_category: 'nindya', regencies: 3 },
  { from_category: 'utama', to_category: 'kla', regencies: 1 },
  { from_category: 'utama', to_category: 'utama', regencies: 1 },
  { from_category: null, to_category: 'tidak_ada', regencies: 1 },
  { from_category: 'tidak_ada', to_category: null, regencies: 1 },
];

const scores = (code: string, name: string, evaluated: number, s: Array<number | null>): Row => ({
  region_code: code, name, evaluated, score_institutional: s[0]!, score_cluster_1: s[1]!, score_cluster_2: s[2]!,
  score_cluster_3: s[3]!, score_cluster_4: s[4]!, score_cluster_5: s[5]!,
});

export const klaNationalRow = scores('00', 'Indonesia', 24, [81.2, 68.4, 61.9, 72.5, 75.0, 49.8]);
export const klaProvinceRows: Row[] = [
  scores('11', 'Aceh', 5, [78.1, 62.0, 55.4, 70.2, 71.9, 44.0]),
  scores('31', 'DKI Jakarta', 6, [92.4, 80.5, 74.1, 85.0, 88.2, 63.7]),
  scores('33', 'Jawa Tengah', 7, [84.0, 69.9, 60.3, null, 76.5, 51.2]),
  scores('53', 'Nusa Tenggara Timur', 4, [66.3, 51.8, 47.5, 58.9, 60.1, 35.4]),
  scores('94', 'Papua', 2, [58.0, 49.2, 41.0, 52.6, 55.7, 30.9]),
];

// ---- LKSA page (queries/app/lksa/provinces.sql) ----

const province = (code: string, name: string, institutions: number, accredited: number | null, valid: number | null): Row => ({
  region_code: code, name, institutions, accredited_pct: accredited, licence_valid_pct: valid, inspected_12m_pct: null,
  with_finding_pct: null, children_per_caregiver: null, ratio_withheld: 0,
});

export const lksaProvinceRows: Row[] = [
  province('11', 'Aceh', 41, 58.5, 71.2),
  province('31', 'DKI Jakarta', 63, 81.0, 90.5),
  province('33', 'Jawa Tengah', 118, 66.1, 79.7),
  province('53', 'Nusa Tenggara Timur', 22, 31.8, 45.5),
  province('65', 'Kalimantan Utara', 0, null, null),
  province('94', 'Papua', 9, 11.1, 22.2),
];
