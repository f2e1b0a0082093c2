import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { indicatorSqlText } from '../../src/pipeline/indicators.ts';
import { bundleName, makeBundle, type BundleInput } from '../../src/app/download/bundle.ts';
import { csvField, neutralise, toCsvText } from '../../src/app/download/csv.ts';
import type { DownloadColumn, DownloadFormat, Manifest, Row } from '../../src/app/download/types.ts';
import { appQuery, filtersOf, reproducingSql, sourceOf } from '../../src/app/views/data/model.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// Every download format read back by an independent reader equals the rows given: CSV and JSON with DuckDB
// (@duckdb/node-api: read_csv / read_json on the unzipped file, BOM and all), Parquet with DuckDB and with hyparquet;
// rows full of NULLs, unicode, quotes, commas and newlines, large integers, doubles and dates. The ZIP holds the
// five files, the README the snapshot id, synthetic notice, disclosure rule, licence and citation; and query.sql,
// run by DuckDB in a snapshot folder, gives exactly the rows of the data file.

const scratch = tempDir('pantau-download-');
let duck: Duck;
let snapshotDir: string;
let fixtureManifest: Manifest;
beforeAll(async () => {
  duck = await Duck.open();
  snapshotDir = (await buildSnapshot({ rawDir: VALID_RAW, outDir: join(scratch.dir, 'out'), snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true })).dir;
  fixtureManifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8')) as Manifest;
  await auditSnapshot(duck, snapshotDir, 5); // views named after the published tables
}, 120_000);
afterAll(() => { duck?.close(); scratch.cleanup(); });

const L = (id: string, en: string) => ({ id, en });
const MANIFEST: Manifest = {
  schema_version: 1, snapshot_id: 'demo', title: L('Pantau Anak: snapshot data perlindungan anak', 'Pantau Anak: child-protection data snapshot'),
  built_at: '2026-11-22T20:47:43.501Z', reference_date: '2025-12-31', synthetic: true,
  synthetic_notice: L('DATA SINTETIS UNTUK DEMONSTRASI: rekaan.', 'SYNTHETIC DEMO DATA: invented.'),
  licence: L('Tabel terbitan: CC BY 4.0.', 'Published tables: CC BY 4.0.'),
  disclosure: { k: 5, rule: L('Angka anak 1 sampai 4 tidak dipublikasikan.', 'Counts of children from 1 to 4 are not published.') },
  sources: [{ name: 'Kode wilayah Kemendagri 2025', url: 'https://github.com/cahyadsn/wilayah', licence: 'MIT', note: '' }],
  landing: 'landing.json', tables: {},
};

const COLUMNS: DownloadColumn[] = [
  { name: 'id', type: 'INTEGER', unit: null, description: L('Nomor', 'Number') },
  { name: 'name', type: 'VARCHAR', description: L('Nama', 'Name') },
  { name: 'big', type: 'BIGINT', unit: L('anak', 'children') },
  { name: 'wide', type: 'INTEGER' },
  { name: 'x', type: 'DOUBLE', unit: L('persen', 'per cent'), description: L('Nilai', 'Value') },
  { name: 'flag', type: 'BOOLEAN' },
  { name: 'day', type: 'DATE' },
];
const ROWS: Row[] = [
  { id: 1, name: 'Café Ñandú', big: 9007199254740991, wide: 2147483647, x: 0.1, flag: true, day: '2024-02-29' },
  { id: 2, name: '儿童保护 中文', big: -9007199254740991, wide: -2147483648, x: -1.5e-7, flag: false, day: '1970-01-01' },
  { id: 3, name: 'say "hi", then\nleave\r\nnow', big: 0, wide: 0, x: 12345.678901, flag: null, day: null },
  { id: 4, name: null, big: null, wide: null, x: null, flag: true, day: '2025-12-31' },
  { id: 5, name: '', big: 42, wide: 5000000000, x: 1e21, flag: false, day: '2000-01-01' },
  { id: 6, name: '  padded, with comma  ', big: 7, wide: 7, x: -0.5, flag: true, day: '1999-12-31' },
  { id: 7, name: '=1+2 \'single\' ; semicolon\ttab', big: 1, wide: 1, x: 3, flag: null, day: '2030-06-15' },
];
// wide holds 5000000000 on purpose: an INTEGER column whose values do not fit 32 bits must still round-trip.

const input = (format: DownloadFormat, over: Partial<BundleInput> = {}): BundleInput => ({
  format, manifest: MANIFEST, source: { id: 'test_rows', title: L('Baris uji', 'Test rows') }, columns: COLUMNS, rows: ROWS,
  sql: "SELECT 1 AS id", filtersText: L('tahun = 2024', 'year = 2024'), ...over,
});

function unzip(bytes: Uint8Array, into: string): Record<string, Uint8Array> {
  const files = unzipSync(bytes);
  mkdirSync(into, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(join(into, name), data);
  return files;
}

/** DuckDB types for read_csv's columns={...}. */
const duckColumns = (cols: DownloadColumn[]) => `{${cols.map((c) => `${sqlString(c.name)}: ${sqlString(c.type === 'INTEGER' ? 'BIGINT' : c.type)}`).join(', ')}}`;

/** Plain rows in the columns' order (Duck already turns BigInt into numbers and dates into 'YYYY-MM-DD'). */
const ordered = (rows: Row[], cols: DownloadColumn[]) => rows.map((r) => Object.fromEntries(cols.map((c) => [c.name, r[c.name] ?? null])));

describe('CSV', () => {
  it('quotes what needs quoting, writes NULL as empty and the empty string as ""', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(0.1)).toBe('0.1');
    expect(csvField(true)).toBe('true');
    const text = toCsvText(COLUMNS.slice(0, 2), ROWS.slice(0, 1));
    expect(text).toBe('\uFEFFid,name\r\n1,Café Ñandú\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula (OWASP CSV injection), and nothing else', () => {
    for (const formula of ['=1+2', '+41 22', '-5', '-', '@SUM(A1:A2)', '\tx', '\rx', '=HYPERLINK("http://x.invalid","a")']) {
      expect(neutralise(formula), JSON.stringify(formula)).toBe(`'${formula}`);
    }
    for (const plain of ['', 'Aceh', ' =1', "'=1", '1-2', 'a@b', 'KAB. SIMEULUE', '32.10']) expect(neutralise(plain), JSON.stringify(plain)).toBe(plain);
    // Always quoted once neutralised; quotes inside are doubled.
    expect(csvField('=1+2')).toBe(`"'=1+2"`);
    expect(csvField('@cmd')).toBe(`"'@cmd"`);
    expect(csvField('=HYPERLINK("http://x.invalid")')).toBe(`"'=HYPERLINK(""http://x.invalid"")"`);
    expect(csvField('\r\nx')).toBe(`"'\r\nx"`);
    // Numbers are not text: a negative number stays a number.
    expect(csvField(-5)).toBe('-5');
    expect(csvField(-1.5e-7)).toBe('-1.5e-7');
    // Header cells too (a console result's column may be named "=cmd").
    expect(toCsvText([{ name: '=cmd' }], [{ '=cmd': '-x' }])).toBe(`\uFEFF"'=cmd"\r\n"'-x"\r\n`);
  });

  it('reads back in DuckDB (read_csv, BOM and all) as the rows given, formula-like text neutralised', async () => {
    const b = await makeBundle(input('csv'));
    const dir = join(scratch.dir, 'csv');
    const files = unzip(b.bytes, dir);
    expect([...files['data.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await duck.all(`SELECT * FROM read_csv(${sqlString(join(dir, 'data.csv'))}, header = true, delim = ',', quote = '"', escape = '"',
      allow_quoted_nulls = false, columns = ${duckColumns(COLUMNS)})`);
    const neutralised: Row[] = ROWS.map((r) => ({ ...r, name: typeof r.name === 'string' ? neutralise(r.name) : r.name ?? null }));
    expect(rows).toEqual(ordered(neutralised, COLUMNS));
    expect(rows[6]!.name).toBe("'=1+2 'single' ; semicolon\ttab");
  });
});

describe('JSON', () => {
  it('reads back in DuckDB (read_json) as the rows given, with meta and dictionary', async () => {
    const b = await makeBundle(input('json'));
    const dir = join(scratch.dir, 'json');
    unzip(b.bytes, dir);
    const path = sqlString(join(dir, 'data.json'));
    const casts = COLUMNS.map((c) => `(r->>${sqlString(c.name)})::${c.type === 'INTEGER' ? 'BIGINT' : c.type} AS "${c.name}"`).join(', ');
    const rows = await duck.all(`SELECT ${casts} FROM (SELECT unnest(json_extract(j, '$.data[*]')) AS r FROM read_json_objects(${path}, format = 'auto') t(j))`);
    expect(rows).toEqual(ordered(ROWS, COLUMNS));
    // Doubles keep every digit (->> gives the JSON number text).
    const parsed = JSON.parse(strFromU8(readFileSync(join(dir, 'data.json')))) as { meta: Record<string, unknown>; dictionary: unknown[]; data: Row[] };
    expect(parsed.data).toEqual(ordered(ROWS, COLUMNS));
    expect(parsed.meta).toMatchObject({ snapshot_id: 'demo', synthetic: true, rows: ROWS.length, synthetic_notice: MANIFEST.synthetic_notice, sql: 'SELECT 1 AS id' });
    expect(parsed.dictionary).toEqual(COLUMNS.map((c) => ({ name: c.name, type: c.type, unit: c.unit ?? null, description: c.description ?? null })));
  });
});

describe('Parquet', () => {
  it('reads back in DuckDB and in hyparquet as the rows given, with typed columns and key-value metadata', async () => {
    const b = await makeBundle(input('parquet'));
    const dir = join(scratch.dir, 'parquet');
    const files = unzip(b.bytes, dir);
    const path = join(dir, 'data.parquet');
    expect(await duck.all(`SELECT * FROM read_parquet(${sqlString(path)})`)).toEqual(ordered(ROWS, COLUMNS));
    const types = await duck.all(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${sqlString(path)}))`);
    expect(types.map((t) => t.column_type)).toEqual(['INTEGER', 'VARCHAR', 'BIGINT', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE']);

    const data = files['data.parquet']!;
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const read = await parquetReadObjects({ file: buffer });
    const plain = read.map((r) => Object.fromEntries(Object.entries(r as Record<string, unknown>).map(([k, v]) =>
      [k, typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v])));
    expect(plain).toEqual(ordered(ROWS, COLUMNS));
    const kv = Object.fromEntries((parquetMetadata(buffer).key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(kv['pantau_anak.snapshot_id']).toBe('demo');
    expect(kv['pantau_anak.synthetic']).toBe('true');
    expect(kv['pantau_anak.synthetic_notice']).toContain('SYNTHETIC DEMO DATA');
    expect(kv['pantau_anak.citation']).toMatch(/^Pantau Anak \(2026\)\. .*Test rows/);
    expect(kv['pantau_anak.licence']).toContain('CC BY 4.0');
    expect(kv['pantau_anak.disclosure']).toContain('from 1 to 4');
  });

  it('writes a file with no rows', async () => {
    const b = await makeBundle(input('parquet', { rows: [] }));
    const dir = join(scratch.dir, 'parquet-empty');
    unzip(b.bytes, dir);
    expect(await duck.all(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(join(dir, 'data.parquet'))})`)).toEqual([{ n: 0 }]);
  });
});

describe('the ZIP', () => {
  it('is named after source and snapshot, _SINTETIS when synthetic, and holds the five files', async () => {
    expect(bundleName('indicator:violence-victim-rate', MANIFEST)).toBe('pantau-anak_indicator-violence-victim-rate_demo_SINTETIS.zip');
    expect(bundleName('lksa', { ...MANIFEST, synthetic: false })).toBe('pantau-anak_lksa_demo.zip');
    for (const f of ['csv', 'parquet', 'json'] as const) {
      const b = await makeBundle(input(f));
      expect(b.name).toBe('pantau-anak_test_rows_demo_SINTETIS.zip');
      expect(Object.keys(unzipSync(b.bytes)).sort()).toEqual(['CITATION.bib', 'README.txt', `data.${f}`, 'datapackage.json', 'query.sql'].sort());
    }
  });

  it('README.txt starts with the synthetic notice and gives snapshot, filters, disclosure, licence, sources, citation', async () => {
    const files = unzipSync((await makeBundle(input('csv'))).bytes);
    const readme = strFromU8(files['README.txt']!);
    expect(readme.split('\r\n').slice(0, 2)).toEqual(['='.repeat(78), '!! DATA SINTETIS / SYNTHETIC DATA !!']);
    for (const s of ['DATA SINTETIS UNTUK DEMONSTRASI', 'SYNTHETIC DEMO DATA', 'Snapshot: demo', '2025-12-31', 'tahun = 2024', 'year = 2024',
      'Counts of children from 1 to 4 are not published.', 'Angka anak 1 sampai 4', 'CC BY 4.0', 'https://github.com/cahyadsn/wilayah',
      'Pantau Anak (2026). Pantau Anak: snapshot data perlindungan anak — Baris uji', 'separator', 'KOMA', 'big (BIGINT, children)',
      'injeksi CSV, OWASP', 'CSV injection, OWASP', 'The Parquet and JSON downloads hold the exact values.']) expect(readme, s).toContain(s);
    for (const f of ['parquet', 'json'] as const) {
      const other = strFromU8(unzipSync((await makeBundle(input(f))).bytes)['README.txt']!);
      expect(other).toContain("The values in this file are exactly the snapshot's.");
      expect(other).toContain('Nilai di berkas ini persis seperti di snapshot.');
    }
    const realReadme = strFromU8(unzipSync((await makeBundle(input('csv', { manifest: { ...MANIFEST, synthetic: false, synthetic_notice: null } }))).bytes)['README.txt']!);
    expect(realReadme).not.toMatch(/SINTETIS|SYNTHETIC/);
    expect(strFromU8(files['CITATION.bib']!)).toMatch(/^@misc\{pantauanak_demo_2026,/);
  });

  it('datapackage.json describes the one data file: dictionary, bytes and hash', async () => {
    const files = unzipSync((await makeBundle(input('csv'))).bytes);
    const pkg = JSON.parse(strFromU8(files['datapackage.json']!)) as { synthetic: boolean; resources: Array<Record<string, unknown> & { schema: { fields: Array<Record<string, unknown>> } }> };
    expect(pkg.synthetic).toBe(true);
    expect(pkg.resources).toHaveLength(1);
    const r = pkg.resources[0]!;
    expect(r).toMatchObject({ path: 'data.csv', format: 'csv', mediatype: 'text/csv', bytes: files['data.csv']!.length, rows: ROWS.length });
    const { createHash } = await import('node:crypto');
    expect(r.hash).toBe(`sha256:${createHash('sha256').update(files['data.csv']!).digest('hex')}`);
    expect(r.schema.fields.map((f) => [f.name, f.type])).toEqual([['id', 'integer'], ['name', 'string'], ['big', 'integer'], ['wide', 'integer'], ['x', 'number'], ['flag', 'boolean'], ['day', 'date']]);
    expect(r.schema.fields[4]).toMatchObject({ description: 'Nilai', description_en: 'Value', unit: { id: 'persen', en: 'per cent' } });
  });
});

describe('query.sql reproduces the data file from the snapshot folder', () => {
  const cases: Array<{ key: string; state: { region: string; year: number | null; filters: Record<string, string> } }> = [
    { key: 'violence_by_sex_age', state: { region: '32', year: null, filters: { sex: 'P' } } },
    { key: 'violence_totals', state: { region: '00', year: 2024, filters: { level: 'regency' } } },
    { key: 'lksa', state: { region: '32.73', year: null, filters: {} } },
    { key: 'indicator:violence-victim-rate', state: { region: '32', year: 2024, filters: { level: 'province' } } },
    { key: 'indicator:lksa-licence-valid-share', state: { region: '00', year: null, filters: {} } },
  ];
  it.each(cases)('$key', async ({ key, state }) => {
    const source = sourceOf(key, fixtureManifest)!;
    expect(source).not.toBeNull();
    const indicatorSql = source.indicator ? indicatorSqlText(source.indicator) : undefined;
    const f = filtersOf(source, state);
    const q = appQuery(source, f, indicatorSql);
    const rows = await duck.all(q.sql, q.params as Record<string, string | number>);
    expect(rows.length).toBeGreaterThan(0);
    const sql = reproducingSql(source, f, 'fixture', indicatorSql);
    for (const format of ['csv', 'parquet', 'json'] as const) {
      const b = await makeBundle({ format, manifest: fixtureManifest, source: { id: source.key, title: source.title }, columns: source.columns, rows, sql });
      const dir = join(scratch.dir, `repro-${key.replace(':', '-')}-${format}`);
      const files = unzip(b.bytes, dir);
      // A fresh DuckDB whose relative paths resolve in the snapshot folder, as a researcher would run it.
      const other = await Duck.open();
      try {
        await other.run(`SET file_search_path = ${sqlString(snapshotDir)}`);
        const again = await other.all(strFromU8(files['query.sql']!));
        const path = sqlString(join(dir, `data.${format}`));
        const fromFile = format === 'parquet'
          ? await other.all(`SELECT * FROM read_parquet(${path})`)
          : format === 'csv'
            ? await other.all(`SELECT * FROM read_csv(${path}, header = true, allow_quoted_nulls = false, columns = ${duckColumns(source.columns)})`)
            : (JSON.parse(strFromU8(files['data.json']!)) as { data: Row[] }).data;
        expect(fromFile, format).toEqual(again);
        expect(again).toEqual(rows);
      } finally {
        other.close();
      }
    }
  });
});
