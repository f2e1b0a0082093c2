import { strToU8, zipSync } from 'fflate';
import { citationBibtex, citationText } from '../../domain/citation.ts';
import { frictionlessField, frictionlessLicenses, frictionlessName } from '../../domain/datapackage.ts';
import { toCsv } from './csv.ts';
import { toJson, type JsonMeta } from './json.ts';
import { toParquet } from './parquet.ts';
import { DATA_FILE, type DownloadColumn, type DownloadFormat, type DownloadSource, type Label, type Manifest, type Row } from './types.ts';

// Every download is one ZIP: the data file, a one-resource datapackage.json with the data dictionary, a README.txt
// in both languages (SYNTHETIC notice first when synthetic), CITATION.bib and query.sql (the DuckDB SQL that
// reproduces the data file from the snapshot's Parquet files). Pure: no DOM, runs in Node for the tests.

export interface BundleInput {
  format: DownloadFormat;
  manifest: Manifest;
  source: DownloadSource;
  columns: readonly DownloadColumn[];
  /** The full result, not a preview page. */
  rows: readonly Row[];
  /** Self-contained DuckDB SQL reproducing `rows` from the snapshot's Parquet files (read_parquet('<table>.parquet')). */
  sql: string;
  /** The filters applied, in words; null or absent = none. */
  filtersText?: Label | null;
}

export interface Bundle {
  name: string;
  bytes: Uint8Array;
  /** File name -> content, as zipped (for tests and for a caller that wants one file). */
  files: Record<string, Uint8Array>;
}

const MEDIATYPE: Record<DownloadFormat, string> = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet', json: 'application/json' };

/** `pantau-anak_<source>_<snapshot>[_SINTETIS].zip`, every part reduced to safe file-name characters. */
export function bundleName(sourceId: string, manifest: Pick<Manifest, 'snapshot_id' | 'synthetic'>): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'data';
  return `pantau-anak_${safe(sourceId)}_${safe(manifest.snapshot_id)}${manifest.synthetic ? '_SINTETIS' : ''}.zip`;
}

/** The Parquet key-value metadata of a download. */
export function parquetMetadata(input: BundleInput): Record<string, string> {
  const m = input.manifest;
  return {
    'pantau_anak.source': input.source.id,
    'pantau_anak.snapshot_id': m.snapshot_id,
    'pantau_anak.reference_date': m.reference_date,
    'pantau_anak.synthetic': String(m.synthetic),
    ...(m.synthetic && m.synthetic_notice ? { 'pantau_anak.synthetic_notice': `${m.synthetic_notice.id}\n${m.synthetic_notice.en}` } : {}),
    'pantau_anak.citation': citationText(m, 'en', input.source.title),
    'pantau_anak.licence': `${m.licence.id}\n${m.licence.en}`,
    'pantau_anak.disclosure': `${m.disclosure.rule.id}\n${m.disclosure.rule.en}`,
    'pantau_anak.filters': input.filtersText ? input.filtersText.en : 'none',
  };
}

/** The JSON download's meta block. */
export function jsonMeta(input: BundleInput): JsonMeta {
  const m = input.manifest;
  return {
    source: { id: input.source.id, title: input.source.title },
    snapshot_id: m.snapshot_id,
    reference_date: m.reference_date,
    built_at: m.built_at,
    synthetic: m.synthetic,
    synthetic_notice: m.synthetic ? m.synthetic_notice : null,
    filters: input.filtersText ?? null,
    rows: input.rows.length,
    disclosure: m.disclosure.rule,
    licence: m.licence,
    citation: { id: citationText(m, 'id', input.source.title), en: citationText(m, 'en', input.source.title) },
    sql: input.sql,
  };
}

/** The data file's bytes in the chosen format. */
export function dataFile(input: BundleInput): Uint8Array {
  if (input.format === 'csv') return toCsv(input.columns, input.rows);
  if (input.format === 'json') return toJson(jsonMeta(input), input.columns, input.rows);
  return toParquet(input.columns, input.rows, parquetMetadata(input));
}

/** The one-resource Data Package descriptor of a download. */
export function downloadDatapackage(input: BundleInput, data: Uint8Array, sha256: string | null): Record<string, unknown> {
  const m = input.manifest;
  const file = DATA_FILE[input.format];
  const tabular = input.format !== 'json';
  return {
    profile: tabular ? 'tabular-data-package' : 'data-package',
    name: frictionlessName(`pantau-anak-${input.source.id}-${m.snapshot_id}`),
    title: `${input.source.title.id}${m.synthetic ? ' (DATA SINTETIS)' : ''}`,
    title_en: `${input.source.title.en}${m.synthetic ? ' (SYNTHETIC DATA)' : ''}`,
    ...(m.synthetic && m.synthetic_notice ? { description: m.synthetic_notice.id, description_en: m.synthetic_notice.en } : {}),
    version: m.snapshot_id,
    created: m.built_at,
    licenses: frictionlessLicenses(m.licence),
    sources: m.sources.map((s) => ({ title: s.name, path: s.url, licence: s.licence, note: s.note })),
    resources: [{
      name: frictionlessName(input.source.id),
      path: file,
      profile: tabular ? 'tabular-data-resource' : 'data-resource',
      format: input.format,
      mediatype: MEDIATYPE[input.format],
      ...(input.format === 'parquet' ? {} : { encoding: 'utf-8' }),
      ...(input.format === 'csv' ? { dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } } : {}),
      ...(input.format === 'json' ? { description: 'Rows are the objects of "data"; "meta" and "dictionary" describe them.' } : {}),
      bytes: data.length,
      ...(sha256 ? { hash: `sha256:${sha256}` } : {}),
      rows: input.rows.length,
      schema: { fields: input.columns.map(frictionlessField), ...(input.format === 'csv' ? { missingValues: [''] } : {}) },
    }],
    reference_date: m.reference_date,
    synthetic: m.synthetic,
    synthetic_notice: m.synthetic ? m.synthetic_notice : null,
    filters: input.filtersText ?? null,
    disclosure: { k: m.disclosure.k, rule: m.disclosure.rule },
    licence: m.licence,
    citation: { id: citationText(m, 'id', input.source.title), en: citationText(m, 'en', input.source.title) },
  };
}

const rule = '='.repeat(78);

/** README.txt: Bahasa Indonesia, then English; the synthetic notice at the very top when synthetic. */
export function readmeText(input: BundleInput): string {
  const m = input.manifest;
  const file = DATA_FILE[input.format];
  const lines: string[] = [];
  if (m.synthetic) {
    const notice = m.synthetic_notice ?? { id: 'DATA SINTETIS.', en: 'SYNTHETIC DATA.' };
    lines.push(rule, '!! DATA SINTETIS / SYNTHETIC DATA !!', '', notice.id, '', notice.en, rule, '');
  }
  const part = (lang: 'id' | 'en') => {
    const id = lang === 'id';
    const out = [
      id ? '--- BAHASA INDONESIA ---' : '--- ENGLISH ---',
      '',
      `${id ? 'Isi' : 'What this is'}: ${input.source.title[lang]} (${input.source.id}), ${id ? 'dari' : 'from'} Pantau Anak.`,
      `${id ? 'Berkas data' : 'Data file'}: ${file} (${input.rows.length} ${id ? 'baris' : 'rows'}, ${input.columns.length} ${id ? 'kolom' : 'columns'}).`,
    ];
    if (input.format === 'csv') {
      out.push(id
        ? 'Format CSV: UTF-8 dengan BOM, pemisah KOMA (,), akhir baris CRLF, tanda desimal titik (.); NULL = sel kosong; teks kosong = "". Di Excel berbahasa Indonesia pilih Data > Dari Teks/CSV dengan pemisah koma, dan atur kolom kode (mis. region_code) sebagai Teks agar 32.10 tidak menjadi 32.1.'
        : 'CSV format: UTF-8 with a BOM, COMMA (,) separator, CRLF line ends, decimal point (.); NULL = an empty field; an empty text = "". If Excel shows everything in one column (a locale whose list separator is ";"), use Data > From Text/CSV with comma as the delimiter; set code columns (e.g. region_code) to Text so that 32.10 does not become 32.1.');
      out.push(id
        ? "Keamanan: teks yang diawali =, +, -, @, tab atau CR diberi awalan tanda kutip tunggal (') di CSV ini, agar spreadsheet tidak menjalankannya sebagai rumus (injeksi CSV, OWASP). Angka (termasuk angka negatif) tidak diubah. Unduhan Parquet dan JSON memuat nilai aslinya tanpa perubahan."
        : "Safety: in this CSV a text that starts with =, +, -, @, tab or CR has a single quote (') put in front, so that a spreadsheet does not run it as a formula (CSV injection, OWASP). Numbers (negative ones included) are unchanged. The Parquet and JSON downloads hold the exact values.");
    } else {
      out.push(id
        ? 'Nilai di berkas ini persis seperti di snapshot. Unduhan CSV memberi awalan tanda kutip tunggal (\') pada teks yang diawali =, +, -, @, tab atau CR (perlindungan injeksi CSV); berkas ini tidak.'
        : "The values in this file are exactly the snapshot's. The CSV download puts a single quote (') in front of a text that starts with =, +, -, @, tab or CR (CSV injection protection); this file does not.");
    }
    out.push(
      `Snapshot: ${m.snapshot_id}; ${id ? 'tanggal acuan' : 'reference date'} ${m.reference_date}; ${id ? 'dibangun' : 'built'} ${m.built_at}.`,
      `${id ? 'Filter' : 'Filters applied'}: ${input.filtersText ? input.filtersText[lang] : (id ? 'tidak ada (seluruh tabel)' : 'none (the whole table)')}.`,
      '',
      `${id ? 'Kontrol pengungkapan' : 'Disclosure control'}: ${m.disclosure.rule[lang]}`,
      '',
      `${id ? 'Lisensi' : 'Licence'}: ${m.licence[lang]}`,
      '',
      `${id ? 'Sumber' : 'Sources'}:`,
      ...m.sources.map((s) => `  - ${s.name} (${s.url}; ${s.licence})${s.note ? `: ${s.note}` : ''}`),
      '',
      `${id ? 'Kamus data' : 'Data dictionary'}:`,
      ...input.columns.map((c) => `  - ${c.name} (${c.type}${c.unit ? `, ${c.unit[lang]}` : ''})${c.description ? `: ${c.description[lang]}` : ''}`),
      '',
      `${id ? 'Cara mengutip' : 'How to cite'}: ${citationText(m, lang, input.source.title)}`,
      '',
      id
        ? `query.sql: SQL DuckDB yang menghasilkan ${file} dari berkas Parquet snapshot. Jalankan di folder snapshot (public/data/${m.snapshot_id}/), mis. duckdb -c ".read query.sql".`
        : `query.sql: the DuckDB SQL that produces ${file} from the snapshot's Parquet files. Run it in the snapshot folder (public/data/${m.snapshot_id}/), e.g. duckdb -c ".read query.sql".`,
      id ? 'datapackage.json: deskripsi Frictionless Data Package (kolom, tipe, satuan, definisi). CITATION.bib: BibTeX.'
        : 'datapackage.json: Frictionless Data Package descriptor (columns, types, units, definitions). CITATION.bib: BibTeX.',
      '',
    );
    return out;
  };
  lines.push(...part('id'), ...part('en'));
  return lines.join('\r\n');
}

/** query.sql: a header comment, then the self-contained SQL. */
export function querySql(input: BundleInput): string {
  const m = input.manifest;
  return [
    `-- Pantau Anak: ${input.source.title.en} (${input.source.id}), snapshot ${m.snapshot_id}${m.synthetic ? ' (SYNTHETIC DATA)' : ''}.`,
    `-- Reproduces ${DATA_FILE[input.format]} with DuckDB from the snapshot's Parquet files; run it in the snapshot folder.`,
    input.sql.trim().replace(/;?\s*$/, ';'),
    '',
  ].join('\n');
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of bytes, or null where WebCrypto is unavailable (a page served over plain http from another host). */
async function sha256(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  return hex(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** Builds the ZIP of a download. */
export async function makeBundle(input: BundleInput): Promise<Bundle> {
  const data = dataFile(input);
  const pkg = downloadDatapackage(input, data, await sha256(data));
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(readmeText(input)),
    [DATA_FILE[input.format]]: data,
    'datapackage.json': strToU8(JSON.stringify(pkg, null, 2) + '\n'),
    'CITATION.bib': strToU8(citationBibtex(input.manifest, input.source.title)),
    'query.sql': strToU8(querySql(input)),
  };
  // A fixed timestamp: the same download gives the same bytes.
  const mtime = new Date(`${input.manifest.built_at.slice(0, 10)}T00:00:00Z`);
  const bytes = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime }]])), { level: 6 });
  return { name: bundleName(input.source.id, input.manifest), bytes, files };
}
