import { type Label, L } from '../../domain/label.ts';

// Texts of the download buttons.

export const DOWNLOAD_TEXT = {
  heading: L('Unduh', 'Download'),
  csv: L('CSV', 'CSV'),
  parquet: L('Parquet', 'Parquet'),
  json: L('JSON', 'JSON'),
  describe: L('Unduh {n} baris sebagai {format} (ZIP dengan README, kamus data, kutipan dan SQL)', 'Download {n} rows as {format} (ZIP with README, data dictionary, citation and SQL)'),
  preparing: L('Menyiapkan berkas…', 'Preparing the file…'),
  ready: L('Berkas {name} siap.', 'File {name} is ready.'),
  failed: L('Unduhan gagal', 'Download failed'),
  note: L('Setiap unduhan adalah ZIP berisi data, README.txt, datapackage.json, CITATION.bib dan query.sql.', 'Every download is a ZIP holding the data, README.txt, datapackage.json, CITATION.bib and query.sql.'),
  synthetic: L('Data sintetis: nama berkas diakhiri _SINTETIS.', 'Synthetic data: file names end in _SINTETIS.'),
} as const satisfies Record<string, Label>;
