// Caveats and level lists shared by several indicators of the catalogue.
import { type Label, L } from '../label.ts';
import type { IndicatorLevel } from './types.ts';

export const ALL_LEVELS: IndicatorLevel[] = ['national', 'province', 'regency'];
/** violence_by_type and violence_by_service are published at province level on the demo (too many small cells below). */
export const BY_TABLE_LEVELS: IndicatorLevel[] = ['national', 'province'];


export const REPORTING = L(
  'Kasus yang tercatat menunjukkan pelaporan sama besarnya dengan kejadian: angka yang lebih tinggi dapat berarti pelaporan dan layanan yang lebih baik, bukan lebih banyak kekerasan.',
  'Recorded cases show reporting as much as prevalence: a higher number can mean better reporting and services, not more violence.',
);
export const RECORD_YEAR = L(
  'Tahun = tahun laporan dicatat di SIMFONI-PPA, bukan tahun kejadian.',
  'Year = the year the report was recorded in SIMFONI-PPA, not the year of the incident.',
);
export const WITHHELD = L(
  'Angka anak dan kasus yang kecil (1-4) dan sel lain yang dapat dipakai untuk menghitung atau membatasinya tidak dipublikasikan; angka turunan dari angka yang disembunyikan juga tidak ditampilkan.',
  'Small counts of children and of cases (1-4), and further cells that could reveal or bound them, are withheld; figures computed from a withheld count are not shown either.',
);
export const BY_TABLE_LEVEL = L(
  'Tersedia hanya pada tingkat wilayah tempat tabel rinciannya dipublikasikan (pada data demo: nasional dan provinsi), karena angka kabupaten/kota terlalu kecil untuk dipublikasikan.',
  'Available only at the levels where its breakdown table is published (on the demo data: national and province), because kab/kota counts are too small to publish.',
);
export const ESTIMATED_CHILDREN = L(
  'Penyebut (penduduk anak 0-17 tahun) adalah ESTIMASI: penduduk Dukcapil Desember 2024 x proporsi usia 0-17 provinsi menurut SP2020, dan sama untuk setiap tahun.',
  'The denominator (children aged 0-17) is an ESTIMATE: Dukcapil December 2024 population x the province\'s 0-17 share in the 2020 census (SP2020), the same for every year.',
);
export const LKSA_REGISTRY = L(
  'Registri lembaga pada tanggal acuan snapshot (lembaga, bukan anak), dihitung di wilayah lokasi lembaga. Kabupaten/kota tanpa LKSA terdaftar tidak memiliki nilai persentase.',
  'The registry of institutions on the snapshot reference date (institutions, not children), counted where each institution is located. A kab/kota with no registered LKSA has no share.',
);
export const LKSA_FINDINGS = L(
  'Temuan hanya dari inspeksi terakhir; lembaga yang belum pernah diinspeksi tidak memiliki temuan, sehingga persentase rendah dapat berarti inspeksi yang sedikit.',
  'Findings come from the last inspection only; an institution never inspected has no findings, so a low share can mean few inspections.',
);
export const KLA_THRESHOLDS = L(
  'Kategori dihitung dari nilai total menurut ambang resmi KemenPPPA (Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900, KLA 901-1000), bukan dari kategori yang dilaporkan.',
  'The category follows from the total score by the official KemenPPPA thresholds (Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900, KLA 901-1000), not from the category reported.',
);
export const KLA_YEARS = L(
  'Evaluasi KLA tidak dilakukan setiap tahun; hanya tahun evaluasi yang tersedia. Kabupaten/kota yang tidak dievaluasi pada suatu tahun tidak memiliki nilai.',
  'KLA evaluations are not held every year; only evaluation years are available. A kab/kota not evaluated in a year has no value.',
);

export const violenceCaveats = (...more: Label[]): Label[] => [REPORTING, RECORD_YEAR, WITHHELD, ...more];
