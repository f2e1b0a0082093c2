import { type Label, L } from '../../../domain/label.ts';
import type { Lang } from '../../../state/url.ts';
import { fill } from '../../i18n.ts';

// Texts of the printable report. Shared texts (withheld, no data...) are in src/app/i18n.ts.


export const TEXT = {
  pageTitle: L('Laporan', 'Report'),
  controls: L('Pengaturan laporan', 'Report settings'),
  subject: L('Topik', 'Subject'),
  province: L('Wilayah (Indonesia atau provinsi)', 'Region (Indonesia or a province)'),
  regency: L('Kabupaten/kota', 'Kab/kota'),
  wholeProvince: L('Seluruh provinsi', 'The whole province'),
  print: L('Cetak / Print', 'Print / Cetak'),
  printHint: L(
    'Laporan disusun untuk kertas A4. Pilih "Simpan sebagai PDF" di dialog cetak untuk membuat PDF.',
    'The report is laid out for A4 paper. Choose "Save as PDF" in the print dialog to make a PDF.',
  ),
  preparing: L('Menyiapkan laporan…', 'Preparing the report…'),
  readyStatus: L('Laporan siap dicetak.', 'The report is ready to print.'),
  unknownRegion: L('Wilayah "{code}" tidak dikenal.', 'Unknown region "{code}".'),
  loading: L('Memuat…', 'Loading…'),

  subjectAll: L('Semua topik', 'All subjects'),
  subjectViolence: L('Kekerasan terhadap anak', 'Violence against children'),
  subjectLksa: L('LKSA (lembaga kesejahteraan sosial anak)', 'LKSA (child welfare institutions)'),
  subjectKla: L('Kabupaten/Kota Layak Anak (KLA)', 'Child-Friendly Regency/City (KLA)'),
  titleAll: L('Laporan perlindungan anak', 'Child-protection report'),
  titleViolence: L('Laporan kekerasan terhadap anak', 'Report on violence against children'),
  titleLksa: L('Laporan LKSA', 'LKSA report'),
  titleKla: L('Laporan Kabupaten/Kota Layak Anak', 'Child-Friendly Regency/City report'),

  national: L('Nasional', 'National'),
  provinceKind: L('Provinsi', 'Province'),
  kabupaten: L('Kabupaten', 'Regency (kabupaten)'),
  kota: L('Kota', 'City (kota)'),
  inProvince: L('{kind} di Provinsi {province}', '{kind} in {province} province'),
  snapshot: L('Snapshot', 'Snapshot'),
  referenceDate: L('Tanggal acuan', 'Reference date'),
  printedOn: L('Dicetak', 'Printed'),
  builtAt: L('Snapshot dibangun', 'Snapshot built'),
  population: L('Penduduk (Dukcapil 2024)', 'Population (Dukcapil 2024)'),
  childPopulation: L('Penduduk anak 0-17 (estimasi)', 'Children 0-17 (estimate)'),

  keyFigures: L('Angka kunci', 'Key figures'),
  keyFiguresNote: L(
    'Nilai wilayah ini dan nilai Indonesia pada tahun yang sama. Data kekerasan: tahun terbaru; LKSA: registri pada tanggal acuan; KLA: evaluasi terbaru.',
    'The region\'s value and Indonesia\'s value the same year. Violence: the latest year; LKSA: the registry on the reference date; KLA: the latest evaluation.',
  ),
  nationalValue: L('Indonesia: {value}', 'Indonesia: {value}'),
  registry: L('registri {date}', 'registry {date}'),
  registryRef: L('registri pada tanggal acuan', 'registry on the reference date'),

  mapHeading: L('Peta', 'Map'),
  mapCaption: L('{indicator}, {level}, {year}', '{indicator}, {level}, {year}'),
  mapLevelProvinces: L('menurut provinsi', 'by province'),
  mapLevelRegencies: L('kabupaten/kota di {province}', 'kab/kota in {province}'),
  mapHighlight: L('Garis tebal: {region}.', 'Thick outline: {region}.'),
  mapClassNote: L(
    'Kelas kuantil dihitung dari semua wilayah pada tingkat ini di seluruh Indonesia (sama dengan peta interaktif).',
    'Quantile classes computed from every region of this level in all of Indonesia (as on the interactive map).',
  ),
  mapLegend: L('Legenda peta', 'Map legend'),
  mapFailed: L('Peta tidak dapat dimuat: {error}', 'The map could not be loaded: {error}'),

  indicatorsOf: L('Indikator {subject}, {region}', 'Indicators: {subject}, {region}'),
  colRank: L('Peringkat', 'Rank'),
  colSpread: L('Sebaran provinsi (terendah / median / tertinggi)', 'Provinces (lowest / median / highest)'),

  trendHeading: L('Tren anak korban', 'Trend of child victims'),
  trendLabel: L('Anak korban kekerasan per tahun, {region} dan Indonesia, {from}-{to}', 'Child victims of violence per year, {region} and Indonesia, {from}-{to}'),
  trendLabelNational: L('Anak korban kekerasan per tahun, Indonesia, {from}-{to}', 'Child victims of violence per year, Indonesia, {from}-{to}'),
  rateTrendHeading: L('Tren anak korban per 100.000 anak', 'Trend of child victims per 100,000 children'),
  byTypeHeading: L('Anak korban menurut jenis kekerasan, {region}, {year}', 'Child victims by type of violence, {region}, {year}'),
  byTypeRegencyNote: L(
    'Rincian menurut jenis kekerasan dipublikasikan hanya per provinsi (angka kabupaten/kota terlalu kecil); tabel berikut untuk Provinsi {province}.',
    'The breakdown by type of violence is published by province only (kab/kota counts are too small); the table below is for {province} province.',
  ),
  colType: L('Jenis kekerasan', 'Type of violence'),
  colVictims: L('Anak korban', 'Child victims'),
  colCases: L('Kasus', 'Cases'),
  colShare: L('% anak korban', '% of child victims'),
  byTypeNote: L('Satu anak dapat mengalami beberapa jenis kekerasan: persentase berjumlah lebih dari 100%.', 'A child can suffer several types of violence: the shares add up to more than 100%.'),

  lksaCounts: L('LKSA menurut akreditasi dan status izin, {region}', 'LKSA by accreditation and licence status, {region}'),
  accreditation: L('Akreditasi', 'Accreditation'),
  licence: L('Status izin', 'Licence status'),
  institutions: L('Lembaga', 'Institutions'),
  share: L('%', '%'),
  lksaTotal: L('{n} LKSA terdaftar pada {date}.', '{n} registered LKSA on {date}.'),
  lksaChart: L('LKSA menurut akreditasi, {region}', 'LKSA by accreditation, {region}'),

  klaHistory: L('Riwayat evaluasi KLA, {region}', 'KLA evaluation history, {region}'),
  klaNever: L('Kabupaten/kota ini tidak dievaluasi pada tahun-tahun yang ada di snapshot.', 'This kab/kota was not evaluated in the years the snapshot holds.'),
  klaClusters: L('Nilai klaster evaluasi {year} (0-100), {region}', 'Cluster scores of the {year} evaluation (0-100), {region}'),
  klaCounts: L('Kabupaten/kota per kategori KLA dan tahun evaluasi, {region}', 'Kab/kota per KLA category and evaluation year, {region}'),

  subRegionsProvinces: L('Provinsi di Indonesia', 'Provinces of Indonesia'),
  subRegionsRegencies: L('Kabupaten/kota di {province}', 'Kab/kota in {province}'),
  subRegionsCaption: L('{title}: angka kunci', '{title}: key figures'),
  subRegionsMarked: L('Baris tebal: {region}.', 'Bold row: {region}.'),
  colRegion: L('Wilayah', 'Region'),
  colVictimsYear: L('Anak korban {year}', 'Child victims {year}'),
  colRateYear: L('Per 100.000 anak {year}', 'Per 100,000 children {year}'),
  colLksa: L('LKSA', 'LKSA'),
  colAccredited: L('% LKSA terakreditasi', '% LKSA accredited'),
  colKlaScore: L('Nilai KLA {year}', 'KLA score {year}'),
  colKlaCategory: L('Kategori KLA {year}', 'KLA category {year}'),
  colKlaAwarded: L('% kab/kota berpredikat {year}', '% kab/kota with a category {year}'),

  methodology: L('Metodologi dan catatan', 'Methodology and caveats'),
  methodViolence: L('Kekerasan terhadap anak (SIMFONI-PPA)', 'Violence against children (SIMFONI-PPA)'),
  methodDenominator: L('Penyebut anak', 'Child denominator'),
  methodDisclosure: L('Kontrol pengungkapan (k = {k})', 'Disclosure control (k = {k})'),
  methodLksa: L('LKSA', 'LKSA'),
  methodKla: L('KLA: ambang kategori', 'KLA: category thresholds'),
  klaThresholdRow: L('{label}: {min}-{max} poin', '{label}: {min}-{max} points'),
  klaBelow: L('{label}: di bawah 500 poin', '{label}: below 500 points'),
  methodRanks: L('Peringkat', 'Ranks'),

  sources: L('Sumber dan lisensi', 'Sources and licence'),
  boundaries: L('Batas wilayah: cahyadsn/wilayah_boundaries (MIT), disederhanakan.', 'Boundaries: cahyadsn/wilayah_boundaries (MIT), simplified.'),
  citation: L('Sitasi', 'Citation'),
  citationText: L(
    'Pantau Anak. {title}: {region}. Snapshot {snapshot}, tanggal acuan {reference}. Dicetak {printed}.',
    'Pantau Anak. {title}: {region}. Snapshot {snapshot}, reference date {reference}. Printed {printed}.',
  ),
  citationSynthetic: L('DATA SINTETIS: bukan untuk dikutip sebagai statistik resmi.', 'SYNTHETIC DATA: not to be cited as official statistics.'),
  /** The printed watermark: both languages whatever the report's language (id = first line, en = second). */
  watermark: L('DATA SINTETIS', 'SYNTHETIC DATA'),
  end: L('Akhir laporan', 'End of report'),
} as const satisfies Record<string, Label>;

export type TextKey = keyof typeof TEXT;

/** A text of the report in a language, with {placeholders} filled. */
export function tx(lang: Lang, key: TextKey, values: Record<string, string | number> = {}): string {
  return fill(TEXT[key][lang], values);
}
