import { type Label, L } from './label.ts';
import { SERVICES, SOCIAL_PROTECTION_SERVICES, codes } from './vocab.ts';

/**
 * The published tables: the contract researchers rely on. The pipeline writes exactly these columns,
 * the manifest describes them from here, and the disclosure audit reads its equations from `disclosure`.
 */
export type SqlType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE';

export interface PublishedColumn {
  name: string;
  type: SqlType;
  unit: Label | null;
  description: Label;
}

/**
 * How a table of counts of children relates to violence_totals, the way the attacker's model in
 * src/pipeline/disclosure reads it: each relation below is a linear equation or inequality over the cells.
 * - partition: each victim is in exactly one category, so the categories add up to the total;
 * - cover: each victim is in at least one category, so every category is at most the total and the total at most
 *   their sum (bounds, not a partition); cases likewise;
 * - subsets: each victim is in any number of categories (none included): every category is at most the total.
 */
export type Membership = 'total' | 'partition' | 'cover' | 'subsets';

/** How small-cell suppression applies to a table of counts of children (and of cases). */
export interface DisclosureSpec {
  /** Counts under the threshold rule: NULL and `suppressed` when 1..k-1 (cases too: a case is a known group of children). */
  counts: string[];
  /** Category columns; empty for violence_totals. */
  categories: string[];
  membership: Membership;
  /**
   * Categories that are unions of other categories of the same table: a victim is counted in the union when in any
   * member. Each member is at most the union, the union at most the members' sum, and a union at most any union of
   * a superset of its members.
   */
  unions?: Readonly<Record<string, readonly string[]>>;
  /** 'auto' publishes kab/kota level only if few cells are suppressed there, else province level. */
  finestLevel: 'regency' | 'auto';
}

export interface PublishedTable {
  name: string;
  description: Label;
  columns: PublishedColumn[];
  /** Sort order of the file (also its natural key). */
  orderBy: string[];
  disclosure?: DisclosureSpec;
}

const U = {
  children: L('anak', 'children'),
  cases: L('kasus', 'cases'),
  people: L('jiwa', 'people'),
  institutions: L('lembaga', 'institutions'),
  year: L('tahun', 'year'),
  points: L('poin (0-1000)', 'points (0-1000)'),
  percent: L('persen', 'per cent'),
  degrees: L('derajat (WGS84)', 'degrees (WGS84)'),
  count: L('orang', 'persons'),
};

const col = (name: string, type: SqlType, unit: Label | null, id: string, en: string): PublishedColumn =>
  ({ name, type, unit, description: L(id, en) });

const yearCol = col('year', 'INTEGER', U.year, 'Tahun pencatatan laporan (SIMFONI-PPA menghitung menurut tanggal input).', 'Year the report was recorded (SIMFONI-PPA counts by date of input).');
const regionCol = col('region_code', 'VARCHAR', null, 'Kode wilayah Kemendagri 2025 ("00" = Indonesia, "32" = provinsi, "32.73" = kabupaten/kota).', 'Kemendagri 2025 region code ("00" = Indonesia, "32" = province, "32.73" = regency/city).');
const levelCol = col('level', 'VARCHAR', null, 'Tingkat wilayah: national, province, regency.', 'Region level: national, province, regency.');
const victimsCol = col('victims', 'INTEGER', U.children, 'Jumlah anak korban; NULL bila disembunyikan (lihat suppressed).', 'Number of child victims; NULL when suppressed (see suppressed).');
const casesCol = col('cases', 'INTEGER', U.cases, 'Jumlah kasus (satu kasus dapat memiliki beberapa korban); NULL bila disembunyikan.', 'Number of cases (one case can have several victims); NULL when suppressed.');
const suppressedCol = col('suppressed', 'BOOLEAN', null, 'Benar bila angka disembunyikan untuk melindungi identitas anak (sel kecil atau sekunder).', 'True when counts are withheld to protect children\'s identity (small cell or secondary).');

const violenceTable = (
  name: string, category: PublishedColumn[], description: Label, membership: Membership,
  opts: { withCases?: boolean; unions?: Readonly<Record<string, readonly string[]>> } = {},
): PublishedTable => ({
  name,
  description,
  columns: [yearCol, regionCol, levelCol, ...category, ...(opts.withCases ? [casesCol] : []), victimsCol, suppressedCol],
  orderBy: ['year', 'region_code', ...category.map((c) => c.name)],
  disclosure: {
    counts: opts.withCases ? ['cases', 'victims'] : ['victims'],
    categories: category.map((c) => c.name),
    membership,
    ...(opts.unions ? { unions: opts.unions } : {}),
    finestLevel: 'auto',
  },
});

export const REGIONS: PublishedTable = {
  name: 'regions',
  description: L('Wilayah Kemendagri 2025: Indonesia, 38 provinsi, 514 kabupaten/kota, dengan penduduk dan estimasi penduduk anak.', 'Kemendagri 2025 regions: Indonesia, 38 provinces, 514 regencies/cities, with population and estimated child population.'),
  columns: [
    regionCol,
    levelCol,
    col('name', 'VARCHAR', null, 'Nama wilayah.', 'Region name.'),
    col('province_code', 'VARCHAR', null, 'Kode provinsi (NULL untuk Indonesia).', 'Province code (NULL for Indonesia).'),
    col('regency_type', 'VARCHAR', null, 'kabupaten atau kota (NULL untuk provinsi dan Indonesia).', 'kabupaten (regency) or kota (city); NULL for provinces and Indonesia.'),
    col('population', 'INTEGER', U.people, 'Penduduk, Dukcapil Desember 2024.', 'Population, Dukcapil December 2024.'),
    col('child_population', 'INTEGER', U.children, 'ESTIMASI penduduk usia 0-17: penduduk x proporsi 0-17 provinsi (SP2020).', 'ESTIMATED population aged 0-17: population x the province\'s 0-17 share (SP2020).'),
    col('lat', 'DOUBLE', U.degrees, 'Lintang titik label.', 'Latitude of the label point.'),
    col('lng', 'DOUBLE', U.degrees, 'Bujur titik label.', 'Longitude of the label point.'),
  ],
  orderBy: ['region_code'],
};

export const CODES: PublishedTable = {
  name: 'codes',
  description: L('Daftar kode: setiap kode yang dipakai tabel lain, dengan labelnya dalam Bahasa Indonesia dan Inggris.', 'Code lists: every code the other tables use, with its label in Bahasa Indonesia and English.'),
  columns: [
    col('vocabulary', 'VARCHAR', null, 'Nama daftar kode (mis. violence_type, place).', 'Code list name (e.g. violence_type, place).'),
    col('code', 'VARCHAR', null, 'Kode sebagaimana tertulis di tabel lain.', 'The code as the other tables hold it.'),
    col('ord', 'INTEGER', null, 'Urutan tampilan.', 'Display order.'),
    col('label_id', 'VARCHAR', null, 'Label Bahasa Indonesia.', 'Label in Bahasa Indonesia.'),
    col('label_en', 'VARCHAR', null, 'Label bahasa Inggris.', 'Label in English.'),
  ],
  orderBy: ['vocabulary', 'ord'],
};

export const VIOLENCE_TOTALS: PublishedTable = {
  name: 'violence_totals',
  description: L('Kasus dan anak korban kekerasan per tahun dan wilayah (nasional, provinsi, kabupaten/kota).', 'Cases and child victims of violence by year and region (national, province, regency/city).'),
  columns: [yearCol, regionCol, levelCol, casesCol, victimsCol, suppressedCol],
  orderBy: ['year', 'region_code'],
  disclosure: { counts: ['cases', 'victims'], categories: [], membership: 'total', finestLevel: 'regency' },
};

export const VIOLENCE_BY_TYPE = violenceTable(
  'violence_by_type',
  [col('violence_type', 'VARCHAR', null, 'Jenis kekerasan (satu korban dapat mengalami beberapa jenis, jadi jumlah per jenis melebihi total).', 'Type of violence (a victim can suffer several types, so counts by type add up to more than the total).')],
  L('Anak korban dan kasus menurut jenis kekerasan.', 'Child victims and cases by type of violence.'),
  'cover', { withCases: true },
);

export const VIOLENCE_BY_SEX_AGE = violenceTable(
  'violence_by_sex_age',
  [
    col('sex', 'VARCHAR', null, 'Jenis kelamin korban: L, P.', 'Sex of the victim: L (male), P (female).'),
    col('age_group', 'VARCHAR', null, 'Kelompok umur: 0-5, 6-12, 13-17.', 'Age group: 0-5, 6-12, 13-17.'),
  ],
  L('Anak korban menurut jenis kelamin dan kelompok umur.', 'Child victims by sex and age group.'),
  'partition',
);

export const VIOLENCE_BY_PLACE = violenceTable(
  'violence_by_place',
  [col('place', 'VARCHAR', null, 'Tempat kejadian.', 'Place of occurrence.')],
  L('Anak korban menurut tempat kejadian.', 'Child victims by place of occurrence.'),
  'partition',
);

export const VIOLENCE_BY_PERPETRATOR = violenceTable(
  'violence_by_perpetrator',
  [col('perpetrator', 'VARCHAR', null, 'Hubungan pelaku (utama) dengan korban.', 'Relationship of the (main) perpetrator to the victim.')],
  L('Anak korban menurut hubungan pelaku.', 'Child victims by perpetrator relationship.'),
  'partition',
);

export const VIOLENCE_BY_DISABILITY = violenceTable(
  'violence_by_disability',
  [col('disability', 'VARCHAR', null, 'Korban penyandang disabilitas: ya, tidak.', 'Victim has a disability: ya (yes), tidak (no).')],
  L('Anak korban menurut status disabilitas.', 'Child victims by disability.'),
  'partition',
);

/** The pseudo-services of violence_by_service and the services they are unions of (see vocab SERVICE_SUMMARIES). */
const SERVICE_UNIONS = {
  layanan_apa_pun: codes(SERVICES),
  rujukan_perlindungan_sosial: SOCIAL_PROTECTION_SERVICES,
} as const;

export const VIOLENCE_BY_SERVICE = violenceTable(
  'violence_by_service',
  [col('service', 'VARCHAR', null, 'Layanan yang diterima (satu korban dapat menerima beberapa); layanan_apa_pun = minimal satu layanan; rujukan_perlindungan_sosial = minimal satu rujukan PKH, PBI-JKN atau PIP.', 'Service received (a victim can receive several); layanan_apa_pun = at least one service; rujukan_perlindungan_sosial = at least one referral to PKH, PBI-JKN or PIP.')],
  L('Anak korban menurut layanan yang diterima, termasuk rujukan ke perlindungan sosial.', 'Child victims by service received, including referral to social protection.'),
  'subsets', { unions: SERVICE_UNIONS },
);

export const LKSA_TABLE: PublishedTable = {
  name: 'lksa',
  description: L('Registri LKSA: satu baris per lembaga (lembaga, bukan anak).', 'LKSA registry: one row per institution (institutions, not children).'),
  columns: [
    col('lksa_id', 'VARCHAR', null, 'Nomor induk lembaga.', 'Institution id.'),
    col('name', 'VARCHAR', null, 'Nama lembaga.', 'Institution name.'),
    regionCol,
    col('province_code', 'VARCHAR', null, 'Kode provinsi.', 'Province code.'),
    col('licence_status', 'VARCHAR', null, 'Status izin: berlaku, kedaluwarsa, dalam_proses, tidak_ada.', 'Licence status: berlaku (valid), kedaluwarsa (expired), dalam_proses (in process), tidak_ada (none).'),
    col('licence_expiry', 'DATE', null, 'Tanggal izin berakhir.', 'Licence expiry date.'),
    col('licence_valid', 'BOOLEAN', null, 'Izin berlaku pada tanggal acuan snapshot (status berlaku dan belum lewat tanggal berakhir).', 'Licence valid on the snapshot reference date (status berlaku and not past its expiry).'),
    col('accreditation', 'VARCHAR', null, 'Akreditasi: A, B, C, belum.', 'Accreditation: A, B, C, belum (none).'),
    col('accreditation_year', 'INTEGER', U.year, 'Tahun akreditasi.', 'Year of accreditation.'),
    col('children_in_care', 'INTEGER', U.children, 'Anak dalam pengasuhan; NULL bila 1-4 (disembunyikan).', 'Children in care; NULL when 1-4 (suppressed).'),
    col('children_suppressed', 'BOOLEAN', null, 'Benar bila children_in_care disembunyikan.', 'True when children_in_care is withheld.'),
    col('caregivers', 'INTEGER', U.count, 'Jumlah pengasuh.', 'Number of caregivers.'),
    col('trained_social_workers', 'INTEGER', U.count, 'Jumlah pekerja sosial terlatih.', 'Number of trained social workers.'),
    col('last_inspection', 'DATE', null, 'Tanggal inspeksi terakhir.', 'Date of the last inspection.'),
    col('inspected_12m', 'BOOLEAN', null, 'Diinspeksi dalam 12 bulan sebelum tanggal acuan snapshot.', 'Inspected in the 12 months before the snapshot reference date.'),
    col('finding_count', 'INTEGER', null, 'Jumlah jenis temuan risiko.', 'Number of kinds of risk finding.'),
    col('finding_exploitation_risk', 'BOOLEAN', null, 'Temuan: risiko eksploitasi anak.', 'Finding: risk of child exploitation.'),
    col('finding_trafficking_risk', 'BOOLEAN', null, 'Temuan: risiko perdagangan orang.', 'Finding: risk of trafficking.'),
    col('finding_no_licence', 'BOOLEAN', null, 'Temuan: beroperasi tanpa izin.', 'Finding: operating without a licence.'),
    col('finding_no_care_plan', 'BOOLEAN', null, 'Temuan: rencana pengasuhan tidak ada.', 'Finding: no individual care plan.'),
    col('finding_caregiver_ratio', 'BOOLEAN', null, 'Temuan: rasio pengasuh tidak memadai.', 'Finding: too few caregivers.'),
    col('finding_documents_incomplete', 'BOOLEAN', null, 'Temuan: dokumen anak tidak lengkap.', 'Finding: children\'s documents incomplete.'),
    col('finding_violence', 'BOOLEAN', null, 'Temuan: dugaan kekerasan di lembaga.', 'Finding: suspected violence in the institution.'),
    col('lat', 'DOUBLE', U.degrees, 'Lintang, bila diketahui.', 'Latitude, if known.'),
    col('lng', 'DOUBLE', U.degrees, 'Bujur, bila diketahui.', 'Longitude, if known.'),
  ],
  orderBy: ['region_code', 'lksa_id'],
};

export const KLA_TABLE: PublishedTable = {
  name: 'kla',
  description: L('Hasil evaluasi KLA per kabupaten/kota per tahun evaluasi.', 'KLA evaluation results per regency/city per evaluation year.'),
  columns: [
    col('year', 'INTEGER', U.year, 'Tahun evaluasi (penghargaan).', 'Evaluation (award) year.'),
    regionCol,
    col('province_code', 'VARCHAR', null, 'Kode provinsi.', 'Province code.'),
    col('score', 'DOUBLE', U.points, 'Nilai total (0-1000).', 'Total score (0-1000).'),
    col('category', 'VARCHAR', null, 'Kategori menurut ambang nilai: tidak_ada, pratama, madya, nindya, utama, kla.', 'Category by score threshold: tidak_ada (none), pratama, madya, nindya, utama, kla.'),
    col('score_institutional', 'DOUBLE', U.percent, 'Nilai kelembagaan (0-100).', 'Institutional score (0-100).'),
    col('score_cluster_1', 'DOUBLE', U.percent, 'Nilai klaster I (0-100).', 'Cluster I score (0-100).'),
    col('score_cluster_2', 'DOUBLE', U.percent, 'Nilai klaster II (0-100).', 'Cluster II score (0-100).'),
    col('score_cluster_3', 'DOUBLE', U.percent, 'Nilai klaster III (0-100).', 'Cluster III score (0-100).'),
    col('score_cluster_4', 'DOUBLE', U.percent, 'Nilai klaster IV (0-100).', 'Cluster IV score (0-100).'),
    col('score_cluster_5', 'DOUBLE', U.percent, 'Nilai klaster V (0-100).', 'Cluster V score (0-100).'),
  ],
  orderBy: ['year', 'region_code'],
};

export const VIOLENCE_TABLES: readonly PublishedTable[] = [
  VIOLENCE_TOTALS, VIOLENCE_BY_TYPE, VIOLENCE_BY_SEX_AGE, VIOLENCE_BY_PLACE, VIOLENCE_BY_PERPETRATOR,
  VIOLENCE_BY_DISABILITY, VIOLENCE_BY_SERVICE,
];

export const PUBLISHED_TABLES: readonly PublishedTable[] = [REGIONS, CODES, ...VIOLENCE_TABLES, LKSA_TABLE, KLA_TABLE];

export const tableByName = (name: string): PublishedTable | undefined => PUBLISHED_TABLES.find((t) => t.name === name);
