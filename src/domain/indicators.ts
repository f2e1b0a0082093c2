import { type Label, L } from './label.ts';
import { KLA_CATEGORIES } from './kla.ts';

/**
 * The indicator catalogue: what the dashboard can map, chart and rank. An indicator is data, not a component: the
 * app reads its labels, format and palette direction from here and its values from one SQL file,
 * queries/app/<sql>.sql, which returns every year and level it supports with the columns
 *   year INTEGER (NULL for LKSA), region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN,
 *   numerator DOUBLE, denominator DOUBLE
 * and one row per region of `regions` for every (year, level) it returns. `value` is NULL when withheld
 * (`suppressed` = true: withheld by disclosure control or computed from a withheld count) or missing
 * (`suppressed` = false: no data, or a zero denominator). The app filters by wrapping:
 * `SELECT * FROM (<file>) WHERE year = ? AND level = ?` (LKSA: `WHERE level = ?`).
 */

/**
 * How `value` reads:
 * - count: a whole number (victims, cases, institutions);
 * - rate: per 100,000 (the unit says of what);
 * - percent: a share in per cent, 0-100 (value = 100 x numerator / denominator);
 * - ratio: numerator / denominator (e.g. children per caregiver);
 * - score: points on the indicator's own scale (KLA: 0-1000);
 * - category: an index into `categories` (0 = the first);
 * - change: a change in per cent, centred on 0 (value = 100 x numerator / denominator).
 */
export type IndicatorFormat = 'count' | 'rate' | 'percent' | 'ratio' | 'score' | 'category' | 'change';

export type IndicatorLevel = 'national' | 'province' | 'regency';

export interface Indicator {
  /** Stable, kebab-case: used in URLs. */
  id: string;
  subject: 'violence' | 'lksa' | 'kla';
  title: Label;
  definition: Label;
  unit: Label;
  format: IndicatorFormat;
  /** Decimal places to show. */
  digits: number;
  /**
   * Which direction is better: drives the palette (the worse end gets the strong warm colour). 'neutral' where a
   * higher value is not simply better or worse, e.g. recorded victims (more reporting is not more violence).
   */
  better: 'higher' | 'lower' | 'neutral';
  /** Published tables it reads (names in PUBLISHED_TABLES). */
  tables: string[];
  /** 'indicators/<file>' -> queries/app/indicators/<file>.sql */
  sql: string;
  /**
   * Levels with values on the demo snapshot. Indicators from violence_by_* tables follow the level those tables are
   * published at (the SQL reads it from the data): province and national on the demo, possibly regency elsewhere.
   */
  levels: IndicatorLevel[];
  /** Where its years come from: violence_totals, kla, or none (LKSA describe the snapshot reference date). */
  timeAxis: 'violence' | 'kla' | 'none';
  caveats: Label[];
  /** Its denominator is the child population estimate: its figures cite that source too. */
  childPopulation?: true;
  /** Only for format 'category': value = index into this list, ordered from worst to best. */
  categories?: ReadonlyArray<{ code: string; label: Label }>;
}


const ALL_LEVELS: IndicatorLevel[] = ['national', 'province', 'regency'];
/** violence_by_type and violence_by_service are published at province level on the demo (too many small cells below). */
const BY_TABLE_LEVELS: IndicatorLevel[] = ['national', 'province'];

// ---- Caveats shared by several indicators ----

const REPORTING = L(
  'Kasus yang tercatat menunjukkan pelaporan sama besarnya dengan kejadian: angka yang lebih tinggi dapat berarti pelaporan dan layanan yang lebih baik, bukan lebih banyak kekerasan.',
  'Recorded cases show reporting as much as prevalence: a higher number can mean better reporting and services, not more violence.',
);
const RECORD_YEAR = L(
  'Tahun = tahun laporan dicatat di SIMFONI-PPA, bukan tahun kejadian.',
  'Year = the year the report was recorded in SIMFONI-PPA, not the year of the incident.',
);
const WITHHELD = L(
  'Angka anak dan kasus yang kecil (1-4) dan sel lain yang dapat dipakai untuk menghitung atau membatasinya tidak dipublikasikan; angka turunan dari angka yang disembunyikan juga tidak ditampilkan.',
  'Small counts of children and of cases (1-4), and further cells that could reveal or bound them, are withheld; figures computed from a withheld count are not shown either.',
);
const BY_TABLE_LEVEL = L(
  'Tersedia hanya pada tingkat wilayah tempat tabel rinciannya dipublikasikan (pada data demo: nasional dan provinsi), karena angka kabupaten/kota terlalu kecil untuk dipublikasikan.',
  'Available only at the levels where its breakdown table is published (on the demo data: national and province), because kab/kota counts are too small to publish.',
);
const ESTIMATED_CHILDREN = L(
  'Penyebut (penduduk anak 0-17 tahun) adalah ESTIMASI: penduduk Dukcapil Desember 2024 x proporsi usia 0-17 provinsi menurut SP2020, dan sama untuk setiap tahun.',
  'The denominator (children aged 0-17) is an ESTIMATE: Dukcapil December 2024 population x the province\'s 0-17 share in the 2020 census (SP2020), the same for every year.',
);
const LKSA_REGISTRY = L(
  'Registri lembaga pada tanggal acuan snapshot (lembaga, bukan anak), dihitung di wilayah lokasi lembaga. Kabupaten/kota tanpa LKSA terdaftar tidak memiliki nilai persentase.',
  'The registry of institutions on the snapshot reference date (institutions, not children), counted where each institution is located. A kab/kota with no registered LKSA has no share.',
);
const LKSA_FINDINGS = L(
  'Temuan hanya dari inspeksi terakhir; lembaga yang belum pernah diinspeksi tidak memiliki temuan, sehingga persentase rendah dapat berarti inspeksi yang sedikit.',
  'Findings come from the last inspection only; an institution never inspected has no findings, so a low share can mean few inspections.',
);
const KLA_THRESHOLDS = L(
  'Kategori dihitung dari nilai total menurut ambang resmi KemenPPPA (Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900, KLA 901-1000), bukan dari kategori yang dilaporkan.',
  'The category follows from the total score by the official KemenPPPA thresholds (Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900, KLA 901-1000), not from the category reported.',
);
const KLA_YEARS = L(
  'Evaluasi KLA tidak dilakukan setiap tahun; hanya tahun evaluasi yang tersedia. Kabupaten/kota yang tidak dievaluasi pada suatu tahun tidak memiliki nilai.',
  'KLA evaluations are not held every year; only evaluation years are available. A kab/kota not evaluated in a year has no value.',
);

const violenceCaveats = (...more: Label[]): Label[] => [REPORTING, RECORD_YEAR, WITHHELD, ...more];

// ---- The catalogue ----

export const INDICATORS: readonly Indicator[] = [
  // Violence against children (SIMFONI-PPA)
  {
    id: 'violence-victims',
    subject: 'violence',
    title: L('Anak korban kekerasan', 'Child victims of violence'),
    definition: L(
      'Jumlah anak (0-17 tahun) korban kekerasan yang laporannya dicatat di SIMFONI-PPA pada tahun tersebut. Satu anak dihitung sekali per kejadian.',
      'Number of children (aged 0-17) who were victims of violence in reports recorded in SIMFONI-PPA that year. A child is counted once per incident.',
    ),
    unit: L('anak', 'children'),
    format: 'count', digits: 0, better: 'neutral',
    tables: ['violence_totals', 'regions'],
    sql: 'indicators/violence_victims',
    levels: ALL_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(),
  },
  {
    id: 'violence-victim-rate',
    subject: 'violence',
    title: L('Anak korban per 100.000 anak', 'Child victims per 100,000 children'),
    definition: L(
      'Anak korban kekerasan yang tercatat pada tahun tersebut dibagi estimasi penduduk usia 0-17 tahun wilayah, dikali 100.000.',
      'Child victims of violence recorded that year divided by the region\'s estimated population aged 0-17, times 100,000.',
    ),
    unit: L('per 100.000 anak', 'per 100,000 children'),
    format: 'rate', digits: 1, better: 'neutral',
    tables: ['violence_totals', 'regions'],
    sql: 'indicators/violence_victim_rate',
    levels: ALL_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(ESTIMATED_CHILDREN),
    childPopulation: true,
  },
  {
    id: 'violence-cases',
    subject: 'violence',
    title: L('Kasus kekerasan terhadap anak', 'Cases of violence against children'),
    definition: L(
      'Jumlah kasus kekerasan terhadap anak yang dicatat di SIMFONI-PPA pada tahun tersebut. Satu kasus dapat memiliki beberapa anak korban.',
      'Number of cases of violence against children recorded in SIMFONI-PPA that year. One case can have several child victims.',
    ),
    unit: L('kasus', 'cases'),
    format: 'count', digits: 0, better: 'neutral',
    tables: ['violence_totals', 'regions'],
    sql: 'indicators/violence_cases',
    levels: ALL_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(L(
      'Jumlah kasus disembunyikan bersama jumlah anak korban pada sel yang sama.',
      'Cases are withheld together with the child victims of the same cell.',
    )),
  },
  {
    id: 'violence-sexual-share',
    subject: 'violence',
    title: L('Persentase anak korban kekerasan seksual', 'Share of child victims of sexual violence'),
    definition: L(
      'Anak korban yang mengalami kekerasan seksual (sendiri atau bersama jenis lain) dibagi seluruh anak korban pada tahun tersebut, dalam persen.',
      'Child victims who suffered sexual violence (alone or with other types) divided by all child victims that year, in per cent.',
    ),
    unit: L('persen anak korban', 'per cent of child victims'),
    format: 'percent', digits: 1, better: 'neutral',
    tables: ['violence_by_type', 'violence_totals', 'regions'],
    sql: 'indicators/violence_sexual_share',
    levels: BY_TABLE_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(
      L('Satu anak dapat mengalami beberapa jenis kekerasan, sehingga persentase semua jenis berjumlah lebih dari 100%.',
        'A child can suffer several types of violence, so the shares of all types add up to more than 100%.'),
      BY_TABLE_LEVEL,
    ),
  },
  {
    id: 'violence-victims-change',
    subject: 'violence',
    title: L('Perubahan jumlah anak korban dari tahun sebelumnya', 'Change in child victims from the previous year'),
    definition: L(
      'Selisih anak korban tahun ini dan tahun sebelumnya dibagi anak korban tahun sebelumnya, dalam persen. Tidak ada nilai untuk tahun pertama data atau bila tahun sebelumnya nol.',
      'Child victims this year minus the previous year, divided by child victims the previous year, in per cent. No value for the first year of data or when the previous year is zero.',
    ),
    unit: L('persen', 'per cent'),
    format: 'change', digits: 1, better: 'neutral',
    tables: ['violence_totals', 'regions'],
    sql: 'indicators/violence_victims_change',
    levels: ALL_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(L(
      'Persentase besar dapat berasal dari angka kecil; kenaikan dapat mencerminkan pelaporan yang meningkat.',
      'Large percentages can come from small numbers; an increase can reflect more reporting.',
    )),
  },
  {
    id: 'violence-any-service-share',
    subject: 'violence',
    title: L('Persentase anak korban yang menerima layanan', 'Share of child victims who received a service'),
    definition: L(
      'Anak korban yang menerima minimal satu layanan (pengaduan, kesehatan, bantuan hukum, rehabilitasi sosial, dll.) dibagi seluruh anak korban pada tahun tersebut, dalam persen.',
      'Child victims who received at least one service (complaint handling, health care, legal aid, social rehabilitation, etc.) divided by all child victims that year, in per cent.',
    ),
    unit: L('persen anak korban', 'per cent of child victims'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['violence_by_service', 'violence_totals', 'regions'],
    sql: 'indicators/violence_any_service_share',
    levels: BY_TABLE_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(
      L('Layanan yang tercatat di SIMFONI-PPA sampai tanggal acuan snapshot; laporan akhir tahun mungkin belum menerima layanan.',
        'Services recorded in SIMFONI-PPA up to the snapshot reference date; reports from late in the year may not have received services yet.'),
      BY_TABLE_LEVEL,
    ),
  },
  {
    id: 'violence-social-protection-share',
    subject: 'violence',
    title: L('Persentase anak korban yang dirujuk ke perlindungan sosial', 'Share of child victims referred to social protection'),
    definition: L(
      'Anak korban yang dirujuk ke minimal satu program perlindungan sosial (PKH, PBI-JKN atau PIP) dibagi seluruh anak korban pada tahun tersebut, dalam persen.',
      'Child victims referred to at least one social protection programme (PKH, PBI-JKN or PIP) divided by all child victims that year, in per cent.',
    ),
    unit: L('persen anak korban', 'per cent of child victims'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['violence_by_service', 'violence_totals', 'regions'],
    sql: 'indicators/violence_social_protection_share',
    levels: BY_TABLE_LEVELS, timeAxis: 'violence',
    caveats: violenceCaveats(
      L('Rujukan yang tercatat di SIMFONI-PPA; tidak setiap anak korban membutuhkan atau memenuhi syarat program tersebut, sehingga 100% bukan target.',
        'Referrals recorded in SIMFONI-PPA; not every child victim needs or is eligible for these programmes, so 100% is not the target.'),
      BY_TABLE_LEVEL,
    ),
  },

  // LKSA (child welfare institutions)
  {
    id: 'lksa-institutions',
    subject: 'lksa',
    title: L('Jumlah LKSA', 'Number of LKSA'),
    definition: L(
      'Jumlah lembaga kesejahteraan sosial anak (LKSA) terdaftar yang berlokasi di wilayah tersebut.',
      'Number of registered child welfare institutions (LKSA) located in the region.',
    ),
    unit: L('lembaga', 'institutions'),
    format: 'count', digits: 0, better: 'neutral',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_institutions',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY],
  },
  {
    id: 'lksa-accredited-share',
    subject: 'lksa',
    title: L('Persentase LKSA terakreditasi', 'Share of LKSA accredited'),
    definition: L(
      'LKSA dengan akreditasi A, B atau C dibagi seluruh LKSA terdaftar, dalam persen.',
      'LKSA accredited A, B or C divided by all registered LKSA, in per cent.',
    ),
    unit: L('persen lembaga', 'per cent of institutions'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_accredited_share',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY],
  },
  {
    id: 'lksa-accredited-a-share',
    subject: 'lksa',
    title: L('Persentase LKSA terakreditasi A', 'Share of LKSA accredited A'),
    definition: L('LKSA dengan akreditasi A dibagi seluruh LKSA terdaftar, dalam persen.', 'LKSA accredited A divided by all registered LKSA, in per cent.'),
    unit: L('persen lembaga', 'per cent of institutions'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_accredited_a_share',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY],
  },
  {
    id: 'lksa-accredited-b-share',
    subject: 'lksa',
    title: L('Persentase LKSA terakreditasi B', 'Share of LKSA accredited B'),
    definition: L('LKSA dengan akreditasi B dibagi seluruh LKSA terdaftar, dalam persen.', 'LKSA accredited B divided by all registered LKSA, in per cent.'),
    unit: L('persen lembaga', 'per cent of institutions'),
    format: 'percent', digits: 1, better: 'neutral',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_accredited_b_share',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY, L(
      'Persentase B yang tinggi tidak selalu baik atau buruk: bandingkan dengan persentase A dan yang belum terakreditasi.',
      'A high share of B is neither simply good nor bad: compare it with the shares of A and of institutions not accredited.',
    )],
  },
  {
    id: 'lksa-accredited-c-share',
    subject: 'lksa',
    title: L('Persentase LKSA terakreditasi C', 'Share of LKSA accredited C'),
    definition: L('LKSA dengan akreditasi C dibagi seluruh LKSA terdaftar, dalam persen.', 'LKSA accredited C divided by all registered LKSA, in per cent.'),
    unit: L('persen lembaga', 'per cent of institutions'),
    format: 'percent', digits: 1, better: 'neutral',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_accredited_c_share',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY, L(
      'Persentase C yang tinggi tidak selalu baik atau buruk: bandingkan dengan persentase A dan yang belum terakreditasi.',
      'A high share of C is neither simply good nor bad: compare it with the shares of A and of institutions not accredited.',
    )],
  },
  {
    id: 'lksa-licence-valid-share',
    subject: 'lksa',
    title: L('Persentase LKSA dengan izin berlaku', 'Share of LKSA with a valid licence'),
    definition: L(
      'LKSA dengan izin operasional berstatus berlaku dan belum lewat tanggal berakhirnya pada tanggal acuan snapshot, dibagi seluruh LKSA terdaftar, dalam persen.',
      'LKSA whose operating licence has status valid (berlaku) and has not passed its expiry on the snapshot reference date, divided by all registered LKSA, in per cent.',
    ),
    unit: L('persen lembaga', 'per cent of institutions'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_licence_valid_share',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY],
  },
  {
    id: 'lksa-children-per-caregiver',
    subject: 'lksa',
    title: L('Anak per pengasuh di LKSA', 'Children per caregiver in LKSA'),
    definition: L(
      'Jumlah anak dalam pengasuhan dibagi jumlah pengasuh, dijumlahkan atas LKSA yang jumlah anak dan pengasuhnya dipublikasikan.',
      'Children in care divided by caregivers, both summed over the LKSA whose numbers of children and caregivers are published.',
    ),
    unit: L('anak per pengasuh', 'children per caregiver'),
    format: 'ratio', digits: 1, better: 'lower',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_children_per_caregiver',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY, L(
      'Jumlah anak 1-4 di suatu lembaga tidak dipublikasikan; lembaga tersebut dikeluarkan dari kedua jumlah, sehingga rasio dapat sedikit lebih tinggi dari rasio sebenarnya. Bila semua lembaga di wilayah itu dikeluarkan, tidak ada nilai (disembunyikan).',
      'Counts of 1-4 children in an institution are withheld; such institutions are left out of both sums, so the ratio can be slightly higher than the true one. Where every institution of a region is left out, there is no value (withheld).',
    )],
  },
  {
    id: 'lksa-inspected-12m-share',
    subject: 'lksa',
    title: L('Persentase LKSA yang diinspeksi dalam 12 bulan terakhir', 'Share of LKSA inspected in the last 12 months'),
    definition: L(
      'LKSA yang inspeksi terakhirnya dalam 12 bulan sebelum tanggal acuan snapshot, dibagi seluruh LKSA terdaftar, dalam persen.',
      'LKSA whose last inspection was in the 12 months before the snapshot reference date, divided by all registered LKSA, in per cent.',
    ),
    unit: L('persen lembaga', 'per cent of institutions'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_inspected_12m_share',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY],
  },
  {
    id: 'lksa-risk-finding-share',
    subject: 'lksa',
    title: L('Persentase LKSA dengan temuan risiko', 'Share of LKSA with a risk finding'),
    definition: L(
      'LKSA dengan minimal satu temuan risiko pada inspeksi terakhir, dibagi seluruh LKSA terdaftar, dalam persen.',
      'LKSA with at least one risk finding at their last inspection, divided by all registered LKSA, in per cent.',
    ),
    unit: L('persen lembaga', 'per cent of institutions'),
    format: 'percent', digits: 1, better: 'lower',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_risk_finding_share',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY, LKSA_FINDINGS],
  },
  {
    id: 'lksa-exploitation-trafficking-share',
    subject: 'lksa',
    title: L('Persentase LKSA dengan temuan risiko eksploitasi atau perdagangan orang', 'Share of LKSA with an exploitation or trafficking risk finding'),
    definition: L(
      'LKSA dengan temuan risiko eksploitasi anak atau risiko perdagangan orang pada inspeksi terakhir, dibagi seluruh LKSA terdaftar, dalam persen.',
      'LKSA with a finding of risk of child exploitation or of trafficking at their last inspection, divided by all registered LKSA, in per cent.',
    ),
    unit: L('persen lembaga', 'per cent of institutions'),
    format: 'percent', digits: 1, better: 'lower',
    tables: ['lksa', 'regions'],
    sql: 'indicators/lksa_exploitation_trafficking_share',
    levels: ALL_LEVELS, timeAxis: 'none',
    caveats: [LKSA_REGISTRY, LKSA_FINDINGS],
  },

  // KLA (Kabupaten/Kota Layak Anak)
  {
    id: 'kla-category',
    subject: 'kla',
    title: L('Kategori KLA', 'KLA category'),
    definition: L(
      'Kategori Kabupaten/Kota Layak Anak yang diraih kabupaten/kota pada tahun evaluasi: belum berpredikat, Pratama, Madya, Nindya, Utama atau KLA.',
      'The Child-Friendly Regency/City (KLA) category a kab/kota earned in the evaluation year: none, Pratama, Madya, Nindya, Utama or KLA.',
    ),
    unit: L('kategori', 'category'),
    format: 'category', digits: 0, better: 'higher',
    tables: ['kla', 'codes', 'regions'],
    sql: 'indicators/kla_category',
    levels: ['regency'], timeAxis: 'kla',
    caveats: [KLA_THRESHOLDS, KLA_YEARS],
    categories: KLA_CATEGORIES.map((c) => ({ code: c.code, label: c.label })),
  },
  {
    id: 'kla-awarded-share',
    subject: 'kla',
    title: L('Persentase kabupaten/kota berpredikat KLA', 'Share of kab/kota with a KLA category'),
    definition: L(
      'Kabupaten/kota yang meraih kategori KLA apa pun (Pratama atau lebih tinggi) pada tahun evaluasi, dibagi seluruh kabupaten/kota di wilayah tersebut, dalam persen.',
      'Kab/kota that earned any KLA category (Pratama or higher) in the evaluation year, divided by all kab/kota of the region, in per cent.',
    ),
    unit: L('persen kabupaten/kota', 'per cent of kab/kota'),
    format: 'percent', digits: 1, better: 'higher',
    tables: ['kla', 'regions'],
    sql: 'indicators/kla_awarded_share',
    levels: ['national', 'province'], timeAxis: 'kla',
    caveats: [KLA_THRESHOLDS, L(
      'Penyebut adalah semua kabupaten/kota (Kemendagri 2025), dievaluasi atau tidak: yang tidak dievaluasi dihitung belum berpredikat.',
      'The denominator is every kab/kota (Kemendagri 2025), evaluated or not: one not evaluated counts as without a category.',
    )],
  },
  {
    id: 'kla-average-score',
    subject: 'kla',
    title: L('Nilai KLA (rata-rata)', 'KLA score (average)'),
    definition: L(
      'Nilai total evaluasi KLA (0-1000) kabupaten/kota; untuk provinsi dan Indonesia, rata-rata nilai kabupaten/kota yang dievaluasi pada tahun tersebut.',
      'The total KLA evaluation score (0-1000) of a kab/kota; for a province and Indonesia, the average score of the kab/kota evaluated that year.',
    ),
    unit: L('poin (0-1000)', 'points (0-1000)'),
    format: 'score', digits: 1, better: 'higher',
    tables: ['kla', 'regions'],
    sql: 'indicators/kla_average_score',
    levels: ALL_LEVELS, timeAxis: 'kla',
    caveats: [KLA_YEARS, L(
      'Rata-rata sederhana kabupaten/kota yang dievaluasi, tidak dibobot penduduk.',
      'A simple average of the kab/kota evaluated, not weighted by population.',
    )],
  },
  {
    id: 'kla-movement',
    subject: 'kla',
    title: L('Perubahan kategori KLA sejak evaluasi sebelumnya', 'KLA category movement since the previous evaluation'),
    definition: L(
      'Apakah kategori KLA kabupaten/kota naik, tetap atau turun dibandingkan evaluasi sebelumnya (tahun evaluasi terakhir sebelum tahun ini yang ada di data).',
      'Whether the kab/kota\'s KLA category moved up, stayed the same or moved down compared with the previous evaluation (the latest earlier evaluation year in the data).',
    ),
    unit: L('arah perubahan', 'direction of change'),
    format: 'category', digits: 0, better: 'higher',
    tables: ['kla', 'codes', 'regions'],
    sql: 'indicators/kla_movement',
    levels: ['regency'], timeAxis: 'kla',
    caveats: [KLA_THRESHOLDS, L(
      'Evaluasi sebelumnya dapat lebih dari satu tahun sebelumnya. Tidak ada nilai untuk tahun evaluasi pertama atau bila kabupaten/kota tidak dievaluasi pada salah satu tahun. Naik atau turun berapa pun jumlah kategorinya.',
      'The previous evaluation can be more than a year earlier. No value for the first evaluation year or when the kab/kota was not evaluated in either year. Up or down by any number of categories.',
    )],
    categories: [
      { code: 'turun', label: L('Turun', 'Moved down') },
      { code: 'tetap', label: L('Tetap', 'Same category') },
      { code: 'naik', label: L('Naik', 'Moved up') },
    ],
  },
];

const BY_ID: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorById(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

/** The indicators of one subject, in catalogue order. */
export const indicatorsOf = (subject: Indicator['subject']): Indicator[] => INDICATORS.filter((i) => i.subject === subject);
