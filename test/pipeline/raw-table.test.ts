import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duck } from '../../src/pipeline/duck.ts';
import { aggregateViolence, prepare, validateInputs } from '../../src/pipeline/stages.ts';
import { DICTIONARY_LIMIT } from '../../src/pipeline/raw-table.ts';
import { InputError } from '../../src/pipeline/issues.ts';
import { copyValidRaw, inputIssuesAfter, REFERENCE_DATE, tempDir } from '../helpers.ts';

// The raw table (src/pipeline/raw-table.ts): columns but free text are stored as dictionaries of their values and read
// typed by the CSV reader where no value has spaces around it; the values the SQL sees are the same either way.

const scratch = tempDir('pantau-raw-table-');
let duck: Duck;
beforeAll(async () => {
  duck = await Duck.open();
  await prepare(duck);
});
afterAll(() => {
  duck.close();
  scratch.cleanup();
});

/** The fixture's violence file with `edit` applied to every data line's cells (header kept). */
function editViolence(raw: string, edit: (cells: string[], row: number, header: string[]) => string[]): void {
  const path = join(raw, 'kekerasan.csv');
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  writeFileSync(path, [header, ...rows.map((l, i) => edit(l.split(','), i + 2, names).join(','))].join('\n') + '\n');
}

const cubeOf = async (raw: string) => {
  const { dir, cleanup } = tempDir();
  try {
    await validateInputs(duck, { rawDir: raw, referenceDate: REFERENCE_DATE }, dir);
    await aggregateViolence(duck);
    return await duck.all('SELECT * FROM violence_cube ORDER BY ALL');
  } finally {
    cleanup();
  }
};

describe('the raw table', () => {
  it('stores the columns but free text as dictionaries, ids as text', async () => {
    const { dir, cleanup } = tempDir();
    try {
      await validateInputs(duck, { rawDir: copyValidRaw(dir), referenceDate: REFERENCE_DATE }, dir);
    } finally {
      cleanup();
    }
    const types = await duck.all(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'raw_violence_data'`);
    const kind = Object.fromEntries(types.map((t) => [String(t.column_name), String(t.data_type).startsWith('ENUM') ? 'dictionary' : String(t.data_type)]));
    expect(kind).toEqual({
      id_kasus: 'VARCHAR', tanggal_lapor: 'dictionary', wilayah: 'dictionary', jenis_kelamin: 'dictionary', usia: 'dictionary',
      jenis_kekerasan: 'dictionary', tempat_kejadian: 'dictionary', hubungan_pelaku: 'dictionary', disabilitas: 'dictionary', layanan: 'dictionary',
    });
  });

  it('reads values with spaces around them as the values themselves: the same cube as without the spaces', async () => {
    const clean = await cubeOf(copyValidRaw(join(scratch.dir, 'clean')));
    const raw = copyValidRaw(join(scratch.dir, 'spaced'));
    editViolence(raw, (cells, row) => cells.map((c, i) => (row + i) % 3 === 0 && c !== '' ? ` ${c}  ` : c));
    expect(readFileSync(join(raw, 'kekerasan.csv'), 'utf8')).toContain(', P  ,');
    expect(await cubeOf(raw)).toEqual(clean);
  });

  it('reads a cell of spaces alone as empty: a required value is reported missing at its row', async () => {
    const issues = await inputIssuesAfter(duck, (raw) => editViolence(raw, (cells, row, header) =>
      row === 5 ? cells.map((c, i) => header[i] === 'tempat_kejadian' ? '   ' : c) : cells));
    expect(issues).toEqual([{ file: 'kekerasan.csv', row: 5, column: 'tempat_kejadian', value: null, message: expect.stringMatching(/required/) }]);
  });

  it(`keeps a column of more than ${DICTIONARY_LIMIT} distinct values as text and reports every bad row`, async () => {
    const n = DICTIONARY_LIMIT + 10;
    const issues: string[] = [];
    const { dir, cleanup } = tempDir();
    try {
      const raw = copyValidRaw(dir);
      const path = join(raw, 'kekerasan.csv');
      const [header, first] = readFileSync(path, 'utf8').split('\n');
      const cells = first!.split(',');
      const usia = header!.split(',').indexOf('usia');
      const rows = Array.from({ length: n }, (_, i) => cells.map((c, j) => j === 0 ? `K-${i}` : j === usia ? `umur ${i}` : c).join(','));
      writeFileSync(path, [header, ...rows].join('\n') + '\n');
      const report = join(dir, 'errors.csv');
      await expect(validateInputs(duck, { rawDir: raw, referenceDate: REFERENCE_DATE, errorReport: report }, dir)).rejects.toThrow(/kekerasan\.csv/);
      issues.push(...readFileSync(report, 'utf8').trimEnd().split('\n').slice(1));
    } finally {
      cleanup();
    }
    const [type] = await duck.all(`SELECT data_type FROM duckdb_columns() WHERE table_name = 'raw_violence_data' AND column_name = 'usia'`);
    expect(type?.data_type).toBe('VARCHAR');
    expect(issues).toHaveLength(n);
    expect(issues[0]).toBe('"kekerasan.csv","2","usia","umur 0","bukan bilangan bulat (hanya angka 0-9) / not a whole number (digits 0-9 only)"');
    expect(issues.at(-1)).toBe(`"kekerasan.csv","${n + 1}","usia","umur ${n - 1}","bukan bilangan bulat (hanya angka 0-9) / not a whole number (digits 0-9 only)"`);
  }, 60_000);
});

describe('a build out of memory while reading', () => {
  it('fails with DuckDB\'s out-of-memory error, never as an unreadable file', async () => {
    const { dir, cleanup } = tempDir();
    const small = await Duck.open({ spillDir: join(dir, 'spill'), file: join(dir, 'build.duckdb') });
    try {
      await prepare(small);
      await small.run('CHECKPOINT');
      await small.run(`SET memory_limit = '1MB'`);
      const error = await validateInputs(small, { rawDir: copyValidRaw(dir), referenceDate: REFERENCE_DATE }, dir).catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/^Out of Memory Error/);
    } finally {
      small.close();
      cleanup();
    }
  });
});
