import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duck } from '../../src/pipeline/duck.ts';
import { prepare } from '../../src/pipeline/stages.ts';
import type { InputIssue } from '../../src/pipeline/issues.ts';
import { copyValidRaw, inputIssuesAfter, tempDir } from '../helpers.ts';

// Each kind of bad input a data officer can send, with the problem the build must name: file, row, column, value.

type Files = Record<'kekerasan.csv' | 'lksa.csv' | 'kla.csv', string>;
interface Case {
  name: string;
  change: (dir: string, f: Files) => void;
  expect: Partial<Omit<InputIssue, 'message'>> & { message: RegExp };
}

const lines = (s: string) => s.trimEnd().split('\n');
/** Sets one cell of a simple (unquoted) fixture CSV: row as a spreadsheet numbers it, header = row 1. */
function setCell(csv: string, row: number, column: string, value: string): string {
  const ls = lines(csv);
  const header = ls[0]!.split(',');
  const i = header.indexOf(column);
  if (i < 0) throw new Error(`no column ${column}`);
  const cells = ls[row - 1]!.split(',');
  cells[i] = value;
  ls[row - 1] = cells.join(',');
  return ls.join('\n') + '\n';
}
const write = (dir: string, name: keyof Files, content: string) => writeFileSync(join(dir, name), content);
const edit = (name: keyof Files, row: number, column: string, value: string) =>
  (dir: string, f: Files) => write(dir, name, setCell(f[name], row, column, value));

const CASES: Case[] = [
  { name: 'missing file', change: (dir) => rmSync(join(dir, 'lksa.csv')),
    expect: { file: 'lksa.csv', row: null, message: /file not found in .*: LKSA registry/ } },
  { name: 'a CSV and an XLSX for the same data', change: (dir) => writeFileSync(join(dir, 'kla.xlsx'), 'x'),
    expect: { file: 'kla.csv + kla.xlsx', message: /two files for the same data/ } },
  { name: 'empty file', change: (dir) => write(dir, 'kla.csv', ''),
    expect: { file: 'kla.csv', message: /empty file/ } },
  { name: 'required column missing', change: (dir, f) => write(dir, 'kekerasan.csv', f['kekerasan.csv'].replace(',usia,', ',umur_korban,')),
    expect: { file: 'kekerasan.csv', row: 1, column: 'usia', message: /required column missing/ } },
  { name: 'unknown column', change: (dir, f) => write(dir, 'kekerasan.csv', f['kekerasan.csv'].replace(',usia,', ',umur_korban,')),
    expect: { file: 'kekerasan.csv', row: 1, column: 'umur_korban', message: /unknown column/ } },
  { name: 'duplicate column', change: (dir, f) => write(dir, 'kla.csv', f['kla.csv'].replace('nilai_klaster_5', 'nilai_klaster_4')),
    expect: { file: 'kla.csv', row: 1, column: 'nilai_klaster_4', message: /duplicate column/ } },
  { name: 'line with too many fields', change: (dir, f) => write(dir, 'kla.csv', f['kla.csv'] + '2025,32.71,700,70,70,70,70,70,70,madya,extra\n'),
    expect: { file: 'kla.csv', row: 10, message: /malformed line.*TOO MANY COLUMNS/ } },
  { name: 'unterminated quote', change: (dir, f) => write(dir, 'kla.csv', f['kla.csv'] + '2025,"32.71,700,70,70,70,70,70,70,madya\n'),
    expect: { file: 'kla.csv', row: 10, message: /malformed line/ } },
  { name: 'blank line inside the file', change: (dir, f) => write(dir, 'kla.csv', f['kla.csv'].replace('\n2023,32.04', '\n\n2023,32.04')),
    expect: { file: 'kla.csv', row: 3, message: /blank line/ } },
  { name: 'required cell empty', change: edit('kekerasan.csv', 4, 'jenis_kelamin', ''),
    expect: { file: 'kekerasan.csv', row: 4, column: 'jenis_kelamin', value: null, message: /required/ } },
  { name: 'age not a number', change: edit('kekerasan.csv', 5, 'usia', 'sepuluh'),
    expect: { file: 'kekerasan.csv', row: 5, column: 'usia', value: 'sepuluh', message: /not a whole number/ } },
  { name: 'age 18 is not a child', change: edit('kekerasan.csv', 6, 'usia', '18'),
    expect: { file: 'kekerasan.csv', row: 6, column: 'usia', value: '18', message: /out of range 0\.\.17/ } },
  { name: 'value outside its code list', change: edit('kekerasan.csv', 7, 'jenis_kelamin', 'Perempuan'),
    expect: { file: 'kekerasan.csv', row: 7, column: 'jenis_kelamin', value: 'Perempuan', message: /not one of: L, P/ } },
  { name: 'unknown item in a list', change: edit('kekerasan.csv', 8, 'jenis_kekerasan', 'seksual;pukul'),
    expect: { file: 'kekerasan.csv', row: 8, column: 'jenis_kekerasan', message: /unknown value\(s\) pukul/ } },
  { name: 'list with no items where one is required', change: edit('kekerasan.csv', 9, 'jenis_kekerasan', ';'),
    expect: { file: 'kekerasan.csv', row: 9, column: 'jenis_kekerasan', value: ';', message: /at least 1 value/ } },
  { name: 'impossible date', change: edit('kekerasan.csv', 10, 'tanggal_lapor', '2024-13-45'),
    expect: { file: 'kekerasan.csv', row: 10, column: 'tanggal_lapor', value: '2024-13-45', message: /not a date/ } },
  { name: 'date after the reference date', change: edit('kekerasan.csv', 11, 'tanggal_lapor', '2031-01-01'),
    expect: { file: 'kekerasan.csv', row: 11, column: 'tanggal_lapor', message: /after the reference date 2025-12-31/ } },
  { name: 'date before 2010', change: edit('lksa.csv', 2, 'tanggal_inspeksi_terakhir', '2009-12-31'),
    expect: { file: 'lksa.csv', row: 2, column: 'tanggal_inspeksi_terakhir', message: /date before 2010-01-01/ } },
  { name: 'unknown region name', change: edit('kekerasan.csv', 12, 'wilayah', 'Kabupaten Atlantis'),
    expect: { file: 'kekerasan.csv', row: 12, column: 'wilayah', value: 'Kabupaten Atlantis', message: /unknown region name or code; 1 baris\/rows: 12/ } },
  { name: 'unknown BPS code', change: edit('lksa.csv', 3, 'wilayah', '9999'),
    expect: { file: 'lksa.csv', row: 3, column: 'wilayah', value: '9999', message: /unknown BPS code/ } },
  { name: 'ambiguous name', change: edit('lksa.csv', 4, 'wilayah', 'Bogor'),
    expect: { file: 'lksa.csv', row: 4, column: 'wilayah', value: 'Bogor', message: /ambiguous name: 32\.01 Kabupaten Bogor; 32\.71 Kota Bogor/ } },
  { name: 'province instead of kab/kota', change: edit('kla.csv', 2, 'wilayah', '32'),
    expect: { file: 'kla.csv', row: 2, column: 'wilayah', value: '32', message: /province code/ } },
  { name: 'one case in two regencies', change: edit('kekerasan.csv', 3, 'wilayah', '32.71'),
    expect: { file: 'kekerasan.csv', row: 2, column: 'id_kasus', value: 'K-2023-0001', message: /one case recorded in several regencies/ } },
  { name: 'duplicate LKSA id', change: edit('lksa.csv', 3, 'id_lksa', 'LKSA-T-001'),
    expect: { file: 'lksa.csv', row: 3, column: 'id_lksa', message: /duplicate id_lksa/ } },
  { name: 'valid licence without expiry date', change: edit('lksa.csv', 2, 'izin_berlaku_sampai', ''),
    expect: { file: 'lksa.csv', row: 2, column: 'izin_berlaku_sampai', message: /required when status_izin = berlaku/ } },
  { name: 'accreditation grade without year', change: edit('lksa.csv', 3, 'tahun_akreditasi', ''),
    expect: { file: 'lksa.csv', row: 3, column: 'tahun_akreditasi', message: /required for accreditation A, B or C/ } },
  { name: 'accreditation year without grade', change: edit('lksa.csv', 5, 'tahun_akreditasi', '2020'),
    expect: { file: 'lksa.csv', row: 5, column: 'tahun_akreditasi', value: '2020', message: /must be empty when akreditasi = belum/ } },
  { name: 'latitude without longitude', change: edit('lksa.csv', 2, 'bujur', ''),
    expect: { file: 'lksa.csv', row: 2, column: 'bujur', message: /lintang and bujur together/ } },
  { name: 'coordinates outside Indonesia', change: edit('lksa.csv', 2, 'lintang', '48.85'),
    expect: { file: 'lksa.csv', row: 2, column: 'lintang', value: '48.85', message: /out of range -11\.5\.\.6\.5/ } },
  { name: 'name too long', change: edit('lksa.csv', 2, 'nama_lksa', 'X'.repeat(201)),
    expect: { file: 'lksa.csv', row: 2, column: 'nama_lksa', message: /longer than 200 characters/ } },
  { name: 'stated KLA category disagrees with the score', change: edit('kla.csv', 3, 'kategori', 'nindya'),
    expect: { file: 'kla.csv', row: 3, column: 'kategori', value: 'nindya', message: /does not match nilai_total 688 \(should be madya\)/ } },
  { name: 'same region twice in one KLA year', change: edit('kla.csv', 3, 'wilayah', '3273'),
    expect: { file: 'kla.csv', row: 2, column: 'wilayah', message: /more than once in year 2023/ } },
  { name: 'score above 1000', change: edit('kla.csv', 6, 'nilai_total', '1000.5'),
    expect: { file: 'kla.csv', row: 6, column: 'nilai_total', value: '1000.5', message: /out of range 0\.\.1000/ } },
  { name: 'score not a number', change: edit('kla.csv', 4, 'nilai_klaster_2', 'n/a'),
    expect: { file: 'kla.csv', row: 4, column: 'nilai_klaster_2', value: 'n/a', message: /not a number/ } },
  { name: 'corrupt XLSX', change: (dir) => { rmSync(join(dir, 'lksa.csv')); writeFileSync(join(dir, 'lksa.xlsx'), 'not a zip'); },
    expect: { file: 'lksa.xlsx', row: null, message: /not an XLSX file \(not a ZIP archive; perhaps a CSV named \.xlsx\)/ } },

  // Numbers are read strictly: never rounded, never a thousands separator read as a decimal point.
  { name: 'age with a fraction (was rounded to 6)', change: edit('kekerasan.csv', 5, 'usia', '5.5'),
    expect: { file: 'kekerasan.csv', row: 5, column: 'usia', value: '5.5', message: /not a whole number \(has a fraction; never rounded\)/ } },
  { name: 'children counted with a thousands separator (was read as 1)', change: edit('lksa.csv', 3, 'jumlah_anak', '1.200'),
    expect: { file: 'lksa.csv', row: 3, column: 'jumlah_anak', value: '1.200', message: /thousands separator not accepted; write 1200/ } },
  { name: 'hexadecimal count', change: edit('lksa.csv', 4, 'jumlah_pengasuh', '0x10'),
    expect: { file: 'lksa.csv', row: 4, column: 'jumlah_pengasuh', value: '0x10', message: /not a whole number \(digits 0-9 only\)/ } },
  { name: 'count with an underscore', change: edit('lksa.csv', 5, 'jumlah_anak', '1_0'),
    expect: { file: 'lksa.csv', row: 5, column: 'jumlah_anak', value: '1_0', message: /not a whole number \(digits 0-9 only\)/ } },
  { name: 'age in exponent form', change: edit('kekerasan.csv', 6, 'usia', '1e1'),
    expect: { file: 'kekerasan.csv', row: 6, column: 'usia', value: '1e1', message: /not a whole number \(digits 0-9 only\)/ } },
  { name: 'KLA score "1.000": one or a thousand?', change: edit('kla.csv', 5, 'nilai_total', '1.000'),
    expect: { file: 'kla.csv', row: 5, column: 'nilai_total', value: '1.000', message: /ambiguous: 1 or 1000\?/ } },
  { name: 'score with thousands groups and a decimal comma', change: edit('kla.csv', 5, 'nilai_kelembagaan', '"1.000,5"'),
    expect: { file: 'kla.csv', row: 5, column: 'nilai_kelembagaan', value: '1.000,5', message: /not a number \(digits 0-9 with one decimal point or comma\)/ } },
  { name: 'score in exponent form', change: edit('kla.csv', 6, 'nilai_klaster_1', '7e1'),
    expect: { file: 'kla.csv', row: 6, column: 'nilai_klaster_1', value: '7e1', message: /not a number/ } },
  { name: 'score "inf"', change: edit('kla.csv', 7, 'nilai_klaster_2', 'inf'),
    expect: { file: 'kla.csv', row: 7, column: 'nilai_klaster_2', value: 'inf', message: /not a number/ } },

  // An empty export never replaces a snapshot.
  { name: 'header only, no data rows', change: (dir, f) => write(dir, 'kla.csv', lines(f['kla.csv'])[0] + '\n'),
    expect: { file: 'kla.csv', row: null, message: /only a header row, no data rows/ } },
  { name: 'header and blank lines only', change: (dir, f) => write(dir, 'lksa.csv', lines(f['lksa.csv'])[0] + '\n\n  \n'),
    expect: { file: 'lksa.csv', row: null, message: /only a header row, no data rows/ } },

  // Doubled rows and ids that differ only in letter case.
  { name: 'the same victim row twice (export pasted twice)', change: (dir, f) => write(dir, 'kekerasan.csv', f['kekerasan.csv'] + lines(f['kekerasan.csv'])[1] + '\n'),
    expect: { file: 'kekerasan.csv', row: 44, column: 'id_kasus', value: 'K-2023-0001', message: /identical to row 2 \(the export pasted twice\?\); if these are different children, number them in id_korban/ } },
  { name: 'case id differing only in letter case', change: edit('kekerasan.csv', 4, 'id_kasus', 'k-2023-0001'),
    expect: { file: 'kekerasan.csv', row: 4, column: 'id_kasus', value: 'k-2023-0001', message: /differs from "K-2023-0001" \(row 2\) only in letter case/ } },
  { name: 'LKSA id differing only in letter case', change: edit('lksa.csv', 4, 'id_lksa', 'lksa-t-002'),
    expect: { file: 'lksa.csv', row: 4, column: 'id_lksa', value: 'lksa-t-002', message: /differs from "LKSA-T-002" \(row 3\) only in letter case/ } },
  { name: 'the same id_korban twice in one case', change: (dir, f) => {
    const ls = lines(f['kekerasan.csv']).map((l, i) => { const c = l.split(','); c.splice(1, 0, i === 0 ? 'id_korban' : i === 3 ? '1' : String(i)); return c.join(','); });
    write(dir, 'kekerasan.csv', ls.join('\n') + '\n');
  }, expect: { file: 'kekerasan.csv', row: 4, column: 'id_korban', value: '1', message: /the same id_korban already appears in this case \(row 2\)/ } },

  // Names: no direction overrides, controls or invisible-only values.
  { name: 'institution name with a right-to-left override', change: edit('lksa.csv', 2, 'nama_lksa', 'LKSA \u202Egnp.exe'),
    expect: { file: 'lksa.csv', row: 2, column: 'nama_lksa', value: 'LKSA \uFFFDgnp.exe', message: /forbidden character U\+202E RIGHT-TO-LEFT OVERRIDE at position 6/ } },
  { name: 'institution name of zero-width characters only', change: edit('lksa.csv', 3, 'nama_lksa', '\u200C\u200D'),
    expect: { file: 'lksa.csv', row: 3, column: 'nama_lksa', message: /holds only invisible characters/ } },
  { name: 'zero-width space in an id', change: edit('lksa.csv', 5, 'id_lksa', 'LKSA-T-005\u200B'),
    expect: { file: 'lksa.csv', row: 5, column: 'id_lksa', message: /forbidden character U\+200B ZERO WIDTH SPACE at position 11/ } },
  { name: 'control character in a case id', change: edit('kekerasan.csv', 7, 'id_kasus', 'K-2023-\u00070004'),
    expect: { file: 'kekerasan.csv', row: 7, column: 'id_kasus', value: 'K-2023-\uFFFD0004', message: /forbidden character U\+0007 karakter kontrol \/ control character at position 8/ } },
  { name: 'region name with a bidi isolate', change: edit('kla.csv', 2, 'wilayah', 'Kota \u2067Bandung'),
    expect: { file: 'kla.csv', row: 2, column: 'wilayah', message: /forbidden character U\+2067 RIGHT-TO-LEFT ISOLATE/ } },

  // What the file is: one sentence each, never its bytes.
  { name: 'UTF-16 ("Unicode Text") file', change: (dir, f) => writeFileSync(join(dir, 'kla.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(f['kla.csv'], 'utf16le')])),
    expect: { file: 'kla.csv', row: null, message: /UTF-16 \("Unicode Text"\) encoding; save it as "CSV UTF-8"/ } },
  { name: 'UTF-16 without a byte order mark', change: (dir, f) => writeFileSync(join(dir, 'kla.csv'), Buffer.from(f['kla.csv'], 'utf16le')),
    expect: { file: 'kla.csv', row: null, message: /UTF-16/ } },
  { name: 'Latin-1 (Windows-1252) file', change: (dir, f) => writeFileSync(join(dir, 'lksa.csv'), Buffer.from(setCell(f['lksa.csv'], 5, 'nama_lksa', 'Panti Asuhan Café'), 'latin1')),
    expect: { file: 'lksa.csv', row: 5, message: /not UTF-8 text \(probably Latin-1 \/ Windows-1252/ } },
  { name: 'CR-only line ends (old Mac CSV)', change: (dir, f) => write(dir, 'kla.csv', f['kla.csv'].replace(/\n/g, '\r')),
    expect: { file: 'kla.csv', row: 1, message: /lines end in CR only/ } },
  { name: 'a ZIP file named .csv', change: (dir) => writeFileSync(join(dir, 'kla.csv'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(60, 7)])),
    expect: { file: 'kla.csv', row: null, message: /a ZIP file \(perhaps an XLSX\) named \.csv/ } },
  { name: 'an image named .csv', change: (dir) => writeFileSync(join(dir, 'lksa.csv'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)])),
    expect: { file: 'lksa.csv', row: null, message: /an image file named \.csv/ } },
  { name: 'a PDF named .csv', change: (dir) => writeFileSync(join(dir, 'lksa.csv'), '%PDF-1.7\n%\xE2\xE3\n'),
    expect: { file: 'lksa.csv', row: null, message: /a PDF file named \.csv/ } },
  { name: 'an old .xls named .xlsx', change: (dir) => { rmSync(join(dir, 'kla.csv')); writeFileSync(join(dir, 'kla.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])); },
    expect: { file: 'kla.xlsx', row: null, message: /an Excel 97-2003 \(\.xls\) file named \.xlsx/ } },
  { name: 'a symbolic link instead of the file', change: (dir) => {
    renameSync(join(dir, 'kla.csv'), join(dir, '..', 'elsewhere.csv'));
    symlinkSync(join(dir, '..', 'elsewhere.csv'), join(dir, 'kla.csv'));
  }, expect: { file: 'kla.csv', row: null, message: /the file is a symbolic link; copy the real file into this folder/ } },
  { name: 'a folder named like the file', change: (dir) => { rmSync(join(dir, 'kla.csv')); mkdirSync(join(dir, 'kla.csv')); },
    expect: { file: 'kla.csv', row: null, message: /not a regular file/ } },
];

let duck: Duck;
let original: Files;
beforeAll(async () => {
  duck = await Duck.open();
  await prepare(duck);
  const { dir, cleanup } = tempDir();
  const raw = copyValidRaw(dir);
  original = Object.fromEntries((['kekerasan.csv', 'lksa.csv', 'kla.csv'] as const).map((f) => [f, readFileSync(join(raw, f), 'utf8')])) as Files;
  cleanup();
});
afterAll(() => duck.close());

const issuesFor = (change: Case['change']): Promise<InputIssue[]> => inputIssuesAfter(duck, (raw) => change(raw, original));

describe('bad input is named by file, row, column and value', () => {
  it('the valid fixture has no issue', async () => {
    expect(await issuesFor(() => undefined)).toEqual([]);
  });

  it.each(CASES)('$name', async ({ change, expect: wanted }) => {
    const issues = await issuesFor(change);
    expect(issues).toContainEqual(expect.objectContaining({ ...wanted, message: expect.stringMatching(wanted.message) }));
  });

  it('reports every problem of every file in one run', async () => {
    const issues = await issuesFor((dir, f) => {
      write(dir, 'kekerasan.csv', setCell(setCell(f['kekerasan.csv'], 5, 'usia', '30'), 9, 'jenis_kelamin', 'X'));
      write(dir, 'kla.csv', setCell(f['kla.csv'], 4, 'nilai_total', 'abc'));
    });
    expect(issues.map((i) => `${i.file}:${i.row}:${i.column}`)).toEqual(['kekerasan.csv:5:usia', 'kekerasan.csv:9:jenis_kelamin', 'kla.csv:4:nilai_total']);
  });

  it('never echoes the bytes of a file it cannot read', async () => {
    const issues = await issuesFor((dir, f) => writeFileSync(join(dir, 'lksa.csv'), Buffer.from(setCell(f['lksa.csv'], 5, 'nama_lksa', 'Panti Asuhan Café'), 'latin1')));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.value).toBeNull();
    expect(issues[0]!.message).not.toMatch(/Caf|Asuhan|\uFFFD/);
  });

  it('accepts an optional id_korban that tells apart children whose rows are otherwise identical', async () => {
    const issues = await issuesFor((dir, f) => {
      const ls = lines(f['kekerasan.csv'] + lines(f['kekerasan.csv'])[1] + '\n')
        .map((l, i) => { const c = l.split(','); c.splice(1, 0, i === 0 ? 'id_korban' : String(i)); return c.join(','); });
      write(dir, 'kekerasan.csv', ls.join('\n') + '\n');
    });
    expect(issues).toEqual([]);
  });

  it('reads semicolon-delimited CSV as Excel writes it in Indonesian locales', async () => {
    const issues = await issuesFor((dir, f) => write(dir, 'kla.csv', f['kla.csv'].replace(/,/g, ';')));
    expect(issues).toEqual([]);
  });
});
