import { DATE_FORMATS, LIST_SEPARATOR, MIN_DATE, RAW_DATASETS, type ColumnType, type RawDataset } from '../domain/raw-contract.ts';
import { CODE_LISTS } from '../domain/codes.ts';

// docs/input-contract.md is generated from src/domain/raw-contract.ts (npm run docs); a test keeps it in step.

const typeText = (t: ColumnType): string => {
  switch (t.kind) {
    case 'text': return `teks / text${t.maxLength ? ` (≤ ${t.maxLength})` : ''}`;
    case 'integer': return `bilangan bulat / integer ${t.min}..${t.max}`;
    case 'decimal': return `angka / number ${t.min}..${t.max} (titik atau koma desimal / decimal point or comma)`;
    case 'date': return `tanggal / date (${DATE_FORMATS.map((f) => f.replace('%Y', 'YYYY').replace('%m', 'MM').replace('%d', 'DD')).join(' atau/or ')})${t.allowFuture ? '' : ', ≤ tanggal acuan / reference date'}`;
    case 'enum': return `kode / code: ${t.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'enum_list': return `daftar kode dipisah \`${LIST_SEPARATOR}\` / codes separated by \`${LIST_SEPARATOR}\` (min ${t.minItems}): ${t.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'region': return 'wilayah / region (lihat di bawah / see below)';
  }
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function datasetSection(d: RawDataset): string {
  const rows = d.columns.map((c) =>
    `| \`${c.name}\` | ${c.required ? 'ya / yes' : 'tidak / no'} | ${cell(typeText(c.type))} | ${cell(c.description.id)}<br>*${cell(c.description.en)}* | \`${cell(c.example)}\` |`);
  const header = d.columns.map((c) => c.name).join(',');
  const example = d.columns.map((c) => (c.example.includes(',') ? `"${c.example}"` : c.example)).join(',');
  return [
    `## \`${d.file}.csv\` / \`${d.file}.xlsx\` — ${d.title.id}`,
    '',
    `*${d.title.en}.* ${d.rowMeaning.id} *${d.rowMeaning.en}*`,
    '',
    '| kolom / column | wajib / required | tipe dan nilai / type and values | arti / meaning | contoh / example |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Aturan lain / further rules:',
    ...d.rules.map((r) => `- ${r.id} *${r.en}*`),
    '',
    'Contoh / example:',
    '```csv',
    header,
    example,
    '```',
    '',
  ].join('\n');
}

/** The whole input contract as Markdown. */
export function inputContractMarkdown(): string {
  const labels = Object.entries(CODE_LISTS)
    .filter(([name]) => ['violence_type', 'place', 'perpetrator', 'service', 'licence_status', 'accreditation', 'lksa_finding', 'kla_category'].includes(name))
    .map(([name, terms]) => `- **${name}**: ${terms.map((t) => `\`${t.code}\` ${t.label.id} (*${t.label.en}*)`).join('; ')}`);
  return [
    '# Kontrak data masukan / Input contract',
    '',
    '<!-- Generated from src/domain/raw-contract.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Berkas yang disiapkan petugas data untuk membangun snapshot. *The files a data officer provides to build a snapshot.*',
    '',
    '- Satu folder berisi tiga berkas: `kekerasan`, `lksa`, `kla`, masing-masing `.csv` (UTF-8) **atau** `.xlsx` (lembar',
    '  pertama yang terlihat). Berkas asli, bukan tautan simbolik; berkas dengan judul saja (tanpa baris data) ditolak.',
    '  *One folder with three files, each `.csv` (UTF-8) **or** `.xlsx` (the first visible sheet). Real files, not symbolic',
    '  links; a file with a header and no data rows is refused.*',
    '- CSV: UTF-8 (Excel: "CSV UTF-8"), akhir baris LF atau CRLF. Ditolak dengan satu pesan: UTF-16 ("Unicode Text"), Latin-1/',
    '  Windows-1252 (dengan nomor baris byte pertama yang salah), akhir baris CR saja (Mac lama), ZIP/XLSX, XLS, gambar atau PDF',
    '  yang dinamai `.csv`. *CSV is UTF-8 with LF or CRLF line ends; UTF-16, Latin-1 (with the line of the first bad byte),',
    '  CR-only line ends and other formats renamed `.csv` are each refused with one message.*',
    '- XLSX: baris tersembunyi (filter), sel digabung, rumus tanpa hasil tersimpan, sel galat (`#REF!`) dan data di kanan tabel',
    '  ditolak dengan baris dan kolomnya. *XLSX: hidden rows (filters), merged cells, formulas with no stored result, error',
    '  cells and data right of the table are refused with their row and column.*',
    '- Angka dibaca ketat: hanya angka 0-9 dengan tanda minus; bilangan bulat tanpa pecahan (`5.5` tidak dibulatkan), tanpa',
    '  pemisah ribuan (`1.200` ditolak, tulis `1200`), tanpa `0x10`, `1_0`, `1e3`. Desimal dengan satu titik atau koma; `1.000`',
    '  untuk nilai yang bisa 1 atau 1000 ditolak sebagai ambigu. *Numbers are read strictly: digits with an optional minus;',
    '  integers have no fraction (never rounded) and no thousands separator; decimals have one point or comma; a value such',
    '  as `1.000` that reads as 1 or 1000 within range is refused as ambiguous.*',
    '- Teks (id, nama, wilayah) tidak boleh berisi karakter kontrol, penanda arah (mis. U+202E RIGHT-TO-LEFT OVERRIDE) atau spasi',
    '  lebar-nol, dan tidak boleh hanya berisi karakter tak terlihat; pesan menyebut karakter dan posisinya. *Text (ids, names,',
    '  regions) may not hold control characters, direction overrides or zero-width spaces, nor only invisible characters;',
    '  the message names the character and its position.*',
    '- Baris 1 adalah judul kolom (nama persis seperti di bawah, huruf kecil); satu baris data per baris berkas, tanpa baris kosong',
    '  dan tanpa ganti baris di dalam sel. Pemisah CSV: koma, titik koma (Excel berbahasa Indonesia) atau tab.',
    '  *Row 1 holds the column names exactly as below; one record per line, no blank lines, no line breaks inside cells.*',
    '  *CSV delimiter: comma, semicolon (Excel in Indonesian locales) or tab.*',
    `- Sel kosong = tidak ada nilai. Tanggal: \`YYYY-MM-DD\` atau \`DD/MM/YYYY\`, tidak sebelum ${MIN_DATE}. Kode ditulis persis (huruf besar/kecil).`,
    `  *Empty cell = no value. Dates \`YYYY-MM-DD\` or \`DD/MM/YYYY\`, not before ${MIN_DATE}. Codes are written exactly (case matters).*`,
    '- Build menolak berkas bila ada kesalahan dan menyebut setiap kesalahan (berkas, baris, kolom, nilai); daftar lengkap',
    '  ditulis ke `build-errors.csv` di folder masukan (layar menampilkan 200 pertama per berkas dan jumlahnya), dan dihapus',
    '  setelah build berhasil. Snapshot sebelumnya tidak berubah.',
    '  *A build refuses bad files and names every problem (file, row, column, value); the full list goes to',
    '  `build-errors.csv` in the input folder (the console shows the first 200 per file and a count), removed after a',
    '  successful build. The previous snapshot stays as it was.*',
    '',
    '## Wilayah / regions',
    '',
    'Kolom `wilayah` menerima kabupaten/kota dalam salah satu bentuk berikut; semuanya diselaraskan ke kode Kemendagri 2025',
    '(Kepmendagri 300.2.2-2138/2025). *The `wilayah` column takes a regency/city in any of these forms; all are harmonised to*',
    '*Kemendagri 2025 codes.*',
    '',
    '| bentuk / form | contoh / example | catatan / note |',
    '|---|---|---|',
    '| kode Kemendagri 2025 | `11.09` | selalu dengan titik / always with the dot |',
    '| kode BPS 4 digit | `1101` | lewat crosswalk BPS, bukan dengan membuang titik (BPS 1101 = Simeulue = Kemendagri 11.09) / through the BPS crosswalk |',
    '| kode Papua sebelum 2025 | `91.01` | Permendagri 58/2021 dan Kepmendagri 2022 (91.01 Merauke -> 93.01) |',
    '| nama | `KAB. SIMEULUE`, `Kabupaten Simeulue`, `Simeulue`, `Kota Bandung` | huruf besar/kecil dan tanda baca bebas; nama tanpa "Kabupaten/Kota" harus tidak ambigu (`Bogor` ditolak) / names without the kind must be unambiguous |',
    '',
    'Kode provinsi (`32`) ditolak: data dicatat per kabupaten/kota. *Province codes are refused: records are per regency/city.*',
    '',
    ...RAW_DATASETS.map(datasetSection),
    '## Daftar kode / code lists',
    '',
    ...labels,
    '',
    'Templat CSV kosong dengan contoh ada di `data/templates/`. *Empty CSV templates with an example row are in `data/templates/`.*',
    '',
  ].join('\n');
}

/** A CSV template per dataset: the header and one example row. */
export function templateCsv(d: RawDataset): string {
  return `${d.columns.map((c) => c.name).join(',')}\n${d.columns.map((c) => (c.example.includes(',') ? `"${c.example}"` : c.example)).join(',')}\n`;
}
