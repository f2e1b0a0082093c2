import { type Label, L } from '../../../domain/label.ts';
import type { DownloadColumn } from '../../download/types.ts';

// Texts of the Data page. Shared texts (loading, withheld, no data...) are in src/app/i18n.ts; table and column
// descriptions come from the snapshot's manifest, indicator texts from src/domain/indicators.ts.


export { fill } from '../../i18n.ts';

export const TEXT = {
  heading: L('Data', 'Data'),
  intro: L(
    'Tabel terbitan snapshot ini dan data di balik setiap indikator: pilih sumber, saring menurut wilayah, tahun dan kategori, lihat pratinjau, salin SQL-nya, dan unduh hasil lengkapnya.',
    'The published tables of this snapshot and the data behind every indicator: pick a source, filter by region, year and category, preview it, copy its SQL and download the full result.',
  ),
  source: L('Sumber data', 'Data source'),
  chooseSource: L('— pilih tabel atau indikator —', '— choose a table or an indicator —'),
  publishedTables: L('Tabel terbitan', 'Published tables'),
  indicatorsGroup: L('Data di balik indikator', 'Data behind an indicator'),
  indicatorData: L('Data indikator', 'Indicator data'),
  table: L('Tabel', 'Table'),
  nothingChosen: L('Pilih tabel atau indikator untuk melihat datanya.', 'Choose a table or an indicator to see its data.'),
  tablesHeading: L('Tabel dalam snapshot {id}', 'Tables in snapshot {id}'),
  tableName: L('Tabel', 'Table'),
  rows: L('Baris', 'Rows'),
  description: L('Keterangan', 'Description'),
  open: L('Buka {name}', 'Open {name}'),
  filters: L('Filter', 'Filters'),
  region: L('Wilayah', 'Region'),
  allIndonesia: L('Seluruh Indonesia', 'All of Indonesia'),
  wholeProvince: L('Seluruh provinsi', 'Whole province'),
  regency: L('Kabupaten/kota', 'Regency/city'),
  year: L('Tahun', 'Year'),
  allYears: L('Semua tahun', 'All years'),
  all: L('Semua', 'All'),
  clearFilters: L('Hapus filter', 'Clear filters'),
  regionFilterText: L('wilayah = {name} ({code}) beserta wilayah di bawahnya', 'region = {name} ({code}) and the regions within it'),
  preview: L('Pratinjau', 'Preview'),
  previewCaption: L('{title}: baris {from}–{to} dari {n}', '{title}: rows {from}–{to} of {n}'),
  rowCount: L('{n} baris', '{n} rows'),
  noRows: L('Tidak ada baris untuk filter ini.', 'No rows match these filters.'),
  pagination: L('Halaman pratinjau', 'Preview pages'),
  first: L('Pertama', 'First'),
  previous: L('Sebelumnya', 'Previous'),
  next: L('Berikutnya', 'Next'),
  last: L('Terakhir', 'Last'),
  pageOf: L('Halaman {page} dari {pages}', 'Page {page} of {pages}'),
  sqlHeading: L('SQL yang menghasilkan data ini', 'The SQL that produces this data'),
  sqlNote: L(
    'Jalankan dengan DuckDB di folder snapshot (berkas Parquet dari public/data/{id}/) untuk mendapatkan baris yang sama.',
    'Run it with DuckDB in the snapshot folder (the Parquet files of public/data/{id}/) to get the same rows.',
  ),
  copy: L('Salin SQL', 'Copy SQL'),
  copied: L('SQL disalin.', 'SQL copied.'),
  copyFailed: L('Tidak dapat menyalin; pilih teks SQL dan salin secara manual.', 'Could not copy; select the SQL text and copy it by hand.'),
  dictionary: L('Kamus data', 'Data dictionary'),
  column: L('Kolom', 'Column'),
  type: L('Tipe', 'Type'),
  unit: L('Satuan', 'Unit'),
  definition: L('Definisi', 'Definition'),
  downloadHeading: L('Unduh hasil lengkap ({n} baris)', 'Download the full result ({n} rows)'),
  unknownSource: L('Sumber "{key}" tidak ada dalam snapshot ini.', 'The source "{key}" is not in this snapshot.'),
  withheldNote: L(
    '"disembunyikan" = angka anak yang kecil atau sel yang ikut disembunyikan (NULL di berkas, suppressed = true); "–" = tidak ada data.',
    '"withheld" = a small count of children or a cell withheld with it (NULL in the files, suppressed = true); "–" = no data.',
  ),
} as const satisfies Record<string, Label>;

/** The columns every indicator SQL file returns (value's unit and definition are the indicator's). */
export const INDICATOR_COLUMNS: DownloadColumn[] = [
  { name: 'year', type: 'INTEGER', unit: L('tahun', 'year'), description: L('Tahun (NULL untuk indikator LKSA: tanggal acuan snapshot).', 'Year (NULL for LKSA indicators: the snapshot reference date).') },
  { name: 'region_code', type: 'VARCHAR', unit: null, description: L('Kode wilayah Kemendagri 2025 ("00" = Indonesia).', 'Kemendagri 2025 region code ("00" = Indonesia).') },
  { name: 'level', type: 'VARCHAR', unit: null, description: L('Tingkat wilayah: national, province, regency.', 'Region level: national, province, regency.') },
  { name: 'value', type: 'DOUBLE', unit: null, description: null },
  { name: 'suppressed', type: 'BOOLEAN', unit: null, description: L('Benar bila nilai disembunyikan (kontrol pengungkapan) atau dihitung dari angka yang disembunyikan.', 'True when the value is withheld (disclosure control) or computed from a withheld count.') },
  { name: 'numerator', type: 'DOUBLE', unit: null, description: L('Pembilang nilai.', 'Numerator of the value.') },
  { name: 'denominator', type: 'DOUBLE', unit: null, description: L('Penyebut nilai.', 'Denominator of the value.') },
];
