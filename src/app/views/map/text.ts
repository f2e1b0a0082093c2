import { type Label, L } from '../../../domain/label.ts';

// Texts of the map explorer. Shared texts (withheld, no data, attribution...) are in src/app/i18n.ts.


export const TEXT = {
  heading: L('Peta indikator', 'Indicator map'),
  indicator: L('Indikator', 'Indicator'),
  subjectViolence: L('Kekerasan terhadap anak', 'Violence against children'),
  subjectLksa: L('LKSA (lembaga kesejahteraan sosial anak)', 'LKSA (child welfare institutions)'),
  subjectKla: L('Kabupaten/Kota Layak Anak (KLA)', 'Child-Friendly Regency/City (KLA)'),
  definition: L('Definisi', 'Definition'),
  unit: L('Satuan', 'Unit'),
  caveats: L('Catatan', 'Caveats'),
  year: L('Tahun', 'Year'),
  loadingYears: L('tahun lain dimuat…', 'loading the other years…'),
  noOtherYears: L('tahun tidak tersedia (lihat pesan di atas)', 'years not available (see the message above)'),
  noYear: L('Tanpa tahun: registri pada tanggal acuan snapshot', 'No year: the registry on the snapshot reference date'),
  level: L('Tingkat wilayah', 'Region level'),
  province: L('Provinsi (38)', 'Provinces (38)'),
  regency: L('Kabupaten/kota (514)', 'Regencies/cities (514)'),
  classes: L('Pengelompokan kelas', 'Classes'),
  quantile: L('Kuantil', 'Quantiles'),
  jenks: L('Jeda alami (Jenks)', 'Natural breaks (Jenks)'),
  classesCategorical: L('Kategori tetap (indikator berkategori)', 'Fixed categories (a categorical indicator)'),
  classesAroundZero: L('Kelas simetris di sekitar nol (perubahan)', 'Symmetric classes around zero (a change)'),
  breadcrumb: L('Lokasi peta', 'Map location'),
  zoomIn: L('Perbesar peta', 'Zoom in'),
  zoomOut: L('Perkecil peta', 'Zoom out'),
  backToIndonesia: L('Kembali ke seluruh Indonesia', 'Back to all of Indonesia'),
  mapLabel: L('Peta {indicator}, {level}, {year}', 'Map of {indicator}, {level}, {year}'),
  mapHelp: L(
    'Arahkan kursor ke wilayah untuk melihat nilainya. Klik provinsi untuk melihat kabupaten/kotanya; klik kabupaten/kota untuk membuka profilnya. Tabel di bawah berisi angka yang sama dan dapat digunakan dengan papan ketik.',
    'Hover over a region to see its value. Click a province to see its kab/kota; click a kab/kota to open its profile. The table below holds the same numbers and works with the keyboard.',
  ),
  /** The same help in an embed, where no table is below and a profile opens in the full app. */
  mapHelpEmbed: L(
    'Arahkan kursor ke wilayah untuk melihat nilainya. Klik provinsi untuk melihat kabupaten/kotanya; klik kabupaten/kota untuk membuka profilnya di Pantau Anak (tab baru), yang juga memuat tabel dengan angka yang sama.',
    'Hover over a region to see its value. Click a province to see its kab/kota; click a kab/kota to open its profile in Pantau Anak (a new tab), which also has a table of the same numbers.',
  ),
  legend: L('Legenda', 'Legend'),
  legendClassNote: L('Kelas dihitung dari semua wilayah pada tingkat ini di seluruh Indonesia.', 'Classes are computed from every region of this level in all of Indonesia.'),
  legendCount: L('{n} wilayah', '{n} regions'),
  legendCountOne: L('{n} wilayah', '{n} region'),
  table: L('Tabel: {indicator}, {level}, {year}', 'Table: {indicator}, {level}, {year}'),
  dataBehind: L('Data di balik peta ini: saring, lihat SQL-nya, unduh (CSV, Parquet, JSON)', 'The data behind this map: filter, see its SQL, download (CSV, Parquet, JSON)'),
  region: L('Wilayah', 'Region'),
  rank: L('Peringkat', 'Rank'),
  value: L('Nilai', 'Value'),
  numerator: L('Pembilang', 'Numerator'),
  denominator: L('Penyebut', 'Denominator'),
  openProfile: L('Profil', 'Profile'),
  openProfileOf: L('Buka profil {region}', 'Open the profile of {region}'),
  provincesLevel: L('provinsi', 'provinces'),
  regenciesLevel: L('kabupaten/kota', 'kab/kota'),
  allYears: L('tanpa tahun', 'no year'),
  loadingData: L('Memuat data indikator…', 'Loading indicator data…'),
  activateMap: L('Buka peta interaktif', 'Open the interactive map'),
  loadingMap: L('Memuat peta interaktif…', 'Loading the interactive map…'),
  mapFailed: L('Peta interaktif tidak dapat dimuat; tabel tetap tersedia.', 'The interactive map could not be loaded; the table is still available.'),
  unavailableRegency: L(
    'Tidak tersedia per kabupaten/kota: angkanya terlalu kecil untuk dipublikasikan, sehingga tabel rinciannya hanya dipublikasikan per provinsi.',
    'Not available by kab/kota: the counts are too small to publish, so the breakdown table is published by province only.',
  ),
  unavailableRegencyKla: L(
    'Tidak tersedia per kabupaten/kota: indikator ini merangkum kabupaten/kota per provinsi.',
    'Not available by kab/kota: this indicator summarises the kab/kota of each province.',
  ),
  unavailableProvince: L(
    'Tidak tersedia per provinsi: kategori KLA diberikan kepada kabupaten/kota, bukan provinsi.',
    'Not available by province: KLA categories are given to kab/kota, not provinces.',
  ),
  unavailableGeneric: L('Tidak tersedia pada tingkat ini untuk indikator ini.', 'Not available at this level for this indicator.'),
  levelSwitched: L('Indikator ini tidak tersedia pada tingkat yang dipilih; peta menampilkan {level}.', 'This indicator is not available at the chosen level; the map shows {level}.'),
  noDataForYear: L('Tidak ada nilai untuk tahun ini.', 'No values for this year.'),
  unknownIndicator: L('Indikator "{id}" tidak dikenal; menampilkan indikator bawaan.', 'Unknown indicator "{id}"; showing the default indicator.'),
} as const satisfies Record<string, Label>;

/** Numerator and denominator column names per indicator, where they mean something. */
export const FRACTION_LABELS: Readonly<Record<string, { numerator: Label; denominator: Label }>> = {
  'violence-victim-rate': { numerator: L('Anak korban', 'Child victims'), denominator: L('Penduduk anak 0-17 (estimasi)', 'Children 0-17 (estimate)') },
  'violence-sexual-share': { numerator: L('Korban kekerasan seksual', 'Victims of sexual violence'), denominator: L('Anak korban', 'Child victims') },
  'violence-victims-change': { numerator: L('Selisih anak korban', 'Difference in child victims'), denominator: L('Anak korban tahun sebelumnya', 'Child victims the year before') },
  'violence-any-service-share': { numerator: L('Korban yang menerima layanan', 'Victims who received a service'), denominator: L('Anak korban', 'Child victims') },
  'violence-social-protection-share': { numerator: L('Korban yang dirujuk', 'Victims referred'), denominator: L('Anak korban', 'Child victims') },
  'lksa-accredited-share': { numerator: L('LKSA terakreditasi', 'LKSA accredited'), denominator: L('LKSA terdaftar', 'Registered LKSA') },
  'lksa-accredited-a-share': { numerator: L('LKSA terakreditasi A', 'LKSA accredited A'), denominator: L('LKSA terdaftar', 'Registered LKSA') },
  'lksa-accredited-b-share': { numerator: L('LKSA terakreditasi B', 'LKSA accredited B'), denominator: L('LKSA terdaftar', 'Registered LKSA') },
  'lksa-accredited-c-share': { numerator: L('LKSA terakreditasi C', 'LKSA accredited C'), denominator: L('LKSA terdaftar', 'Registered LKSA') },
  'lksa-licence-valid-share': { numerator: L('LKSA dengan izin berlaku', 'LKSA with a valid licence'), denominator: L('LKSA terdaftar', 'Registered LKSA') },
  'lksa-children-per-caregiver': { numerator: L('Anak dalam pengasuhan', 'Children in care'), denominator: L('Pengasuh', 'Caregivers') },
  'lksa-inspected-12m-share': { numerator: L('LKSA diinspeksi', 'LKSA inspected'), denominator: L('LKSA terdaftar', 'Registered LKSA') },
  'lksa-risk-finding-share': { numerator: L('LKSA dengan temuan', 'LKSA with a finding'), denominator: L('LKSA terdaftar', 'Registered LKSA') },
  'lksa-exploitation-trafficking-share': { numerator: L('LKSA dengan temuan', 'LKSA with a finding'), denominator: L('LKSA terdaftar', 'Registered LKSA') },
  'kla-awarded-share': { numerator: L('Kab/kota berpredikat', 'Kab/kota with a category'), denominator: L('Semua kab/kota', 'All kab/kota') },
  'kla-average-score': { numerator: L('Jumlah nilai', 'Sum of scores'), denominator: L('Kab/kota dievaluasi', 'Kab/kota evaluated') },
};

/** Replaces {name} placeholders. */
export { fill } from '../../i18n.ts';
