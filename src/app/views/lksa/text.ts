import { type Label, L } from '../../../domain/label.ts';

// Texts of the LKSA compliance page. Shared texts (withheld, no data, search...) are in src/app/i18n.ts; labels of
// codes (accreditation, licence status, findings) come from the snapshot's `codes` table.


export const TEXT = {
  heading: L('Kepatuhan LKSA', 'LKSA compliance'),
  intro: L(
    'Lembaga Kesejahteraan Sosial Anak (LKSA): izin, akreditasi, pengasuh, inspeksi dan temuan risiko, menurut registri pada tanggal acuan {date}. Angka di halaman ini menghitung lembaga, bukan anak.',
    'Child welfare institutions (LKSA): licence, accreditation, caregivers, inspections and risk findings, from the registry on the reference date {date}. The figures on this page count institutions, not children.',
  ),
  scope: L('Wilayah', 'Area'),
  allIndonesia: L('Seluruh Indonesia', 'All of Indonesia'),
  overview: L('Ringkasan kepatuhan: {scope}', 'Compliance overview: {scope}'),
  nationalComparison: L('Indonesia: {value}', 'Indonesia: {value}'),
  institutions: L('Lembaga terdaftar', 'Registered institutions'),
  accredited: L('Terakreditasi (A, B atau C)', 'Accredited (A, B or C)'),
  licenceValid: L('Izin berlaku', 'Valid licence'),
  licenceValidNote: L('Berlaku pada tanggal acuan: status "berlaku" dan belum lewat tanggal berakhir.', 'Valid on the reference date: status "berlaku" and not past its expiry date.'),
  licenceLapsed: L('{n} lembaga tercatat "berlaku" tetapi tanggal berakhirnya sudah lewat atau tidak ada; tidak dihitung berlaku.', '{n} institutions recorded as "berlaku" whose expiry date has passed or is missing are not counted as valid.'),
  lapsedStatus: L('Berlaku, tetapi lewat tanggal berakhir', 'Recorded valid, but past its expiry date'),
  lapsedShort: L('lewat tanggal berakhir', 'past its expiry date'),
  childrenPerCaregiver: L('Anak per pengasuh', 'Children per caregiver'),
  childrenPerCaregiverNote: L(
    'Jumlah anak dibagi jumlah pengasuh, dari {n} lembaga yang jumlah anak dan pengasuhnya dipublikasikan.',
    'Children divided by caregivers, over the {n} institutions whose numbers of children and caregivers are both published.',
  ),
  withheldLeftOut: L(
    '{w} lembaga tidak ikut dihitung karena jumlah anaknya disembunyikan (1-4 anak, untuk melindungi identitas anak).',
    'Institutions left out because their number of children is withheld (1-4 children, to protect the children\'s identity): {w}.',
  ),
  ratioDetail: L('dari {n} lembaga', 'over {n} institutions'),
  ratioDetailWithheld: L('dari {n} lembaga; {w} lembaga dengan jumlah anak disembunyikan tidak dihitung', 'over {n} institutions; {w} with a withheld number of children left out'),
  inspected: L('Diinspeksi dalam 12 bulan terakhir', 'Inspected in the last 12 months'),
  withFinding: L('Dengan temuan risiko', 'With a risk finding'),
  ofInstitutions: L('{n} dari {total} lembaga', '{n} of {total} institutions'),
  byGrade: L('Menurut akreditasi', 'By accreditation'),
  byLicence: L('Menurut status izin', 'By licence status'),
  byFinding: L('Menurut jenis temuan', 'By kind of finding'),
  category: L('Kategori', 'Category'),
  findingKind: L('Jenis temuan', 'Kind of finding'),
  share: L('Porsi', 'Share'),
  count: L('Lembaga', 'Institutions'),
  findingNote: L('Satu lembaga dapat memiliki beberapa temuan, jadi jumlah per jenis dapat melebihi total.', 'An institution can have several findings, so the counts by kind can add up to more than the total.'),
  noInstitutions: L('Tidak ada lembaga terdaftar di wilayah ini.', 'No institution is registered in this area.'),
  byProvince: L('Perbandingan provinsi', 'Provinces compared'),
  metric: L('Ukuran', 'Measure'),
  provinceChartLabel: L('Diagram batang: {metric} per provinsi, diurutkan; garis = Indonesia', 'Bar chart: {metric} by province, sorted; line = Indonesia'),
  provinceChartHelp: L('Klik batang untuk memilih provinsi. Provinsi tanpa lembaga tidak memiliki nilai.', 'Click a bar to choose the province. Provinces without institutions have no value.'),
  provinceTable: L('Tabel perbandingan provinsi', 'Table of provinces compared'),
  province: L('Provinsi', 'Province'),
  institutionsHeading: L('Daftar lembaga', 'Institutions'),
  filters: L('Saring lembaga (tabel dan peta)', 'Filter institutions (table and map)'),
  filterAll: L('Semua', 'All'),
  accreditation: L('Akreditasi', 'Accreditation'),
  licence: L('Status izin', 'Licence status'),
  finding: L('Temuan', 'Finding'),
  clearFilters: L('Hapus saringan', 'Clear filters'),
  searchNote: L('Pencarian mencocokkan nama lembaga.', 'The search matches institution names.'),
  matching: L('{n} lembaga sesuai saringan', '{n} institutions match the filters'),
  tableCaption: L('LKSA di {scope}, sesuai saringan. Klik kabupaten/kota untuk membuka profilnya.', 'LKSA in {scope}, filtered. Click a kab/kota to open its profile.'),
  regency: L('Kabupaten/kota', 'Kab/kota'),
  name: L('Nama LKSA', 'LKSA name'),
  licenceExpiry: L('Izin berlaku s.d.', 'Licence expires'),
  childrenInCare: L('Anak diasuh', 'Children in care'),
  caregivers: L('Pengasuh', 'Caregivers'),
  socialWorkers: L('Peksos terlatih', 'Trained social workers'),
  lastInspection: L('Inspeksi terakhir', 'Last inspection'),
  findings: L('Temuan', 'Findings'),
  none: L('tidak ada', 'none'),
  notRecorded: L('tidak tercatat', 'not recorded'),
  withheldNote: L(
    '"Disembunyikan": lembaga mengasuh 1-4 anak; angka sekecil ini tidak dipublikasikan untuk melindungi identitas anak.',
    '"Withheld": the institution cares for 1-4 children; numbers this small are not published, to protect the children\'s identity.',
  ),
  mapHeading: L('Peta lembaga', 'Map of institutions'),
  mapLabel: L('Peta LKSA sesuai saringan; warna titik = akreditasi', 'Map of the filtered LKSA; dot colour = accreditation'),
  mapHelp: L('Arahkan kursor ke titik untuk melihat nama lembaga. Tabel di bawah berisi lembaga yang sama.', 'Hover over a dot to see the institution\'s name. The table below lists the same institutions.'),
  mapOnMap: L('{n} lembaga di peta.', '{n} institutions on the map.'),
  mapNoCoordinates: L('{n} lembaga tanpa koordinat tidak ditampilkan di peta.', '{n} institutions without coordinates are not shown on the map.'),
  loadingMap: L('Memuat peta…', 'Loading the map…'),
  mapFailed: L('Peta tidak dapat dimuat; tabel tetap tersedia.', 'The map could not be loaded; the table is still available.'),
  legend: L('Akreditasi', 'Accreditation'),
} as const satisfies Record<string, Label>;

/** Metrics of the province comparison chart. */
export const METRICS = {
  accredited_pct: L('Terakreditasi (%)', 'Accredited (%)'),
  licence_valid_pct: L('Izin berlaku (%)', 'Valid licence (%)'),
  inspected_12m_pct: L('Diinspeksi 12 bulan terakhir (%)', 'Inspected in the last 12 months (%)'),
  with_finding_pct: L('Dengan temuan risiko (%)', 'With a risk finding (%)'),
  children_per_caregiver: L('Anak per pengasuh', 'Children per caregiver'),
  institutions: L('Lembaga terdaftar', 'Registered institutions'),
} as const satisfies Record<string, Label>;

export type MetricKey = keyof typeof METRICS;

/** A text with {placeholders} filled in. */
export { fill } from '../../i18n.ts';
