import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildSnapshot, type BuildOptions } from '../../src/pipeline/build.ts';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { InputError, BuildError } from '../../src/pipeline/issues.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { PUBLISHED_TABLES, VIOLENCE_TABLES } from '../../src/domain/tables.ts';
import { readIndex } from '../../src/pipeline/snapshot-dir.ts';
import { sha256File } from '../../src/pipeline/publish.ts';
import { nodeIndicatorSource } from '../../src/pipeline/indicators.ts';
import { indicator } from '../../src/domain/indicators.ts';
import { copyValidRaw, fixtureDuck, hashTree, REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

const scratch = tempDir('pantau-build-');
afterAll(() => scratch.cleanup());
const options = (outDir: string, over: Partial<BuildOptions> = {}): BuildOptions =>
  ({ rawDir: VALID_RAW, outDir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true, ...over });

const outDir = join(scratch.dir, 'out');
let snapshotDir: string;
beforeAll(async () => {
  snapshotDir = (await buildSnapshot(options(outDir))).dir;
});

describe('a built snapshot', () => {
  it('holds exactly the contract tables, the manifest and the landing slice', () => {
    const files = readdirSync(snapshotDir).sort();
    expect(files).toEqual([...PUBLISHED_TABLES.map((t) => `${t.name}.parquet`), 'datapackage.json', 'landing.json', 'manifest.json'].sort());
    expect(readIndex(outDir)).toMatchObject({ current: 'fixture', snapshots: [{ id: 'fixture', synthetic: true, reference_date: REFERENCE_DATE }] });
  });

  it('describes every table and column in both languages, with rows and checksums that match the files', async () => {
    const manifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ snapshot_id: 'fixture', synthetic: true, reference_date: REFERENCE_DATE, disclosure: { k: 5, audit: { passed: true } } });
    expect(manifest.synthetic_notice.id).toMatch(/SINTETIS/);
    expect(manifest.disclosure.rule.en).toMatch(/from 1 to 4/);
    expect(manifest.sources.length).toBeGreaterThanOrEqual(4);
    const duck = await Duck.open();
    try {
      for (const spec of PUBLISHED_TABLES) {
        const t = manifest.tables[spec.name];
        expect(t.file).toBe(`${spec.name}.parquet`);
        expect(t.sha256).toBe(await sha256File(join(snapshotDir, t.file)));
        const [n] = await duck.all(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(join(snapshotDir, t.file))})`);
        expect(t.rows).toBe(n?.n);
        expect(t.columns.map((c: { name: string }) => c.name)).toEqual(spec.columns.map((c) => c.name));
        for (const c of t.columns) {
          expect(c.description.id.length).toBeGreaterThan(3);
          expect(c.description.en.length).toBeGreaterThan(3);
          expect(c.type).toMatch(/^(VARCHAR|INTEGER|DOUBLE|BOOLEAN|DATE)$/);
        }
      }
    } finally {
      duck.close();
    }
  });

  it('publishes no row about an individual child: violence tables are aggregates with no identifying column', async () => {
    const duck = await Duck.open();
    try {
      for (const spec of VIOLENCE_TABLES) {
        const path = sqlString(join(snapshotDir, `${spec.name}.parquet`));
        const cols = (await duck.all(`DESCRIBE SELECT * FROM read_parquet(${path})`)).map((r) => String(r.column_name));
        expect(cols.filter((c) => /kasus|case_id|korban_id|usia|age$|tanggal|date|name/.test(c))).toEqual([]);
        // One row per (year, region, categories): an aggregate cell, never a person.
        const key = ['year', 'region_code', ...(spec.disclosure?.categories ?? [])].join(', ');
        const [dupes] = await duck.all(`SELECT count(*)::INTEGER AS n FROM (SELECT ${key} FROM read_parquet(${path}) GROUP BY ALL HAVING count(*) > 1)`);
        expect(dupes?.n).toBe(0);
        const [small] = await duck.all(`SELECT count(*)::INTEGER AS n FROM read_parquet(${path}) WHERE victims BETWEEN 1 AND 4`);
        expect(small?.n).toBe(0);
      }
    } finally {
      duck.close();
    }
  });

  it('its landing slice is what the app queries return on its tables', async () => {
    const landing = JSON.parse(readFileSync(join(snapshotDir, 'landing.json'), 'utf8'));
    const duck = await Duck.open();
    try {
      await auditSnapshot(duck, snapshotDir, 5); // creates views named after the tables
      expect(landing.year).toBe(2024);
      // The default map's rows, through the app's own indicator path: what the map shows for that year and level.
      const map = await nodeIndicatorSource(duck).rows(indicator('violence-victim-rate'), { year: null, level: 'province' });
      expect(landing).toMatchObject({ indicator: 'violence-victim-rate', level: 'province', year: map.year });
      expect(landing.map).toEqual(JSON.parse(JSON.stringify(map.rows)));
      expect(landing.map).toHaveLength(38);
      expect(landing.names['32']).toBe('Jawa Barat');
      expect(Object.keys(landing.names)).toHaveLength(38);
      expect(landing.kla_headline).toMatchObject({ year: 2025, evaluated: 4, awarded: 3, madya: 2, kla: 1 });
      expect(landing.lksa_headline).toMatchObject({ institutions: 6, accredited: 4, grade_a: 1, not_accredited: 2 });
      // Kota Bandung is the only source of 2024 victims in Jawa Barat besides Kabupaten Bandung: 10 + 5.
      expect(landing.map.find((r: { region_code: string }) => r.region_code === '32')).toMatchObject({ numerator: 15, suppressed: false });
    } finally {
      duck.close();
    }
  });
});

describe('disclosure control in a built snapshot', () => {
  it('fails the audit when one withheld partner cell is published back with its true value', async () => {
    const truth = await fixtureDuck();
    const duck = await Duck.open();
    const tampered = join(scratch.dir, 'tampered');
    try {
      const { cpSync } = await import('node:fs');
      cpSync(snapshotDir, tampered, { recursive: true });
      const path = join(tampered, 'violence_totals.parquet');
      const published = await duck.all(`SELECT year, region_code FROM read_parquet(${sqlString(path)}) WHERE suppressed ORDER BY year, region_code`);
      const cube = await truth.all(`SELECT year, region_code, cases, victims FROM violence_cube WHERE dim = 'violence_totals'`);
      const trueOf = (y: unknown, r: unknown) => cube.find((c) => c.year === y && c.region_code === r)!;
      // A secondary cell: withheld although its true count is at least k.
      const secondary = published.find((p) => Number(trueOf(p.year, p.region_code).victims) >= 5);
      expect(secondary).toBeDefined();
      const t = trueOf(secondary!.year, secondary!.region_code);
      await duck.run(`CREATE TABLE planted AS SELECT * REPLACE (
          CASE WHEN year = ${secondary!.year} AND region_code = '${secondary!.region_code}' THEN ${t.victims} ELSE victims END AS victims,
          CASE WHEN year = ${secondary!.year} AND region_code = '${secondary!.region_code}' THEN ${t.cases} ELSE cases END AS cases,
          CASE WHEN year = ${secondary!.year} AND region_code = '${secondary!.region_code}' THEN false ELSE suppressed END AS suppressed)
        FROM read_parquet(${sqlString(path)})`);
      await duck.run(`COPY planted TO ${sqlString(path)} (FORMAT parquet)`);
      await expect(auditSnapshot(duck, tampered, 5)).rejects.toThrow(/violence_totals \d{4} [\d.]+ victims: recoverable/);
      // The untouched snapshot passes.
      await expect(auditSnapshot(duck, snapshotDir, 5)).resolves.toMatchObject({ tables_checked: 7 });
    } finally {
      truth.close();
      duck.close();
    }
  });

  it('k is configurable and stated in the manifest', async () => {
    const out = join(scratch.dir, 'k');
    const small = await buildSnapshot(options(out, { snapshotId: 'k3', k: 3 }));
    const large = await buildSnapshot(options(out, { snapshotId: 'k10', k: 10 }));
    expect(small.manifest.disclosure.k).toBe(3);
    expect(large.manifest.disclosure.k).toBe(10);
    const suppressed = (m: typeof small.manifest) => m.tables.violence_totals!.withheld!;
    expect(suppressed(large.manifest)).toBeGreaterThan(suppressed(small.manifest));
    const duck = await Duck.open();
    try {
      const [v] = await duck.all(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(join(large.dir, 'violence_totals.parquet'))}) WHERE victims BETWEEN 1 AND 9`);
      expect(v?.n).toBe(0);
    } finally {
      duck.close();
    }
  });
});

describe('atomicity: a failed build leaves the previous snapshot byte-identical', () => {
  it('on bad input', async () => {
    const before = hashTree(outDir);
    const { dir, cleanup } = tempDir();
    try {
      const raw = copyValidRaw(dir);
      writeFileSync(join(raw, 'kla.csv'), readFileSync(join(raw, 'kla.csv'), 'utf8').replace('812.4', 'delapan ratus'));
      await expect(buildSnapshot(options(outDir, { rawDir: raw, errorReport: join(raw, 'build-errors.csv') }))).rejects.toBeInstanceOf(InputError);
      expect(readFileSync(join(raw, 'build-errors.csv'), 'utf8')).toMatch(/"kla.csv","2","nilai_total","delapan ratus","bukan angka/);
    } finally {
      cleanup();
    }
    expect(hashTree(outDir)).toEqual(before);
  });

  it.each([
    ['a header-only export', (raw: string) => writeFileSync(join(raw, 'kekerasan.csv'), readFileSync(join(raw, 'kekerasan.csv'), 'utf8').split('\n')[0] + '\n')],
    ['a UTF-16 file', (raw: string) => writeFileSync(join(raw, 'kla.csv'), Buffer.from(readFileSync(join(raw, 'kla.csv'), 'utf8'), 'utf16le'))],
    ['an age of 5.5', (raw: string) => writeFileSync(join(raw, 'kekerasan.csv'), readFileSync(join(raw, 'kekerasan.csv'), 'utf8').replace(',P,14,', ',P,5.5,'))],
    ['the export pasted twice', (raw: string) => {
      const text = readFileSync(join(raw, 'kekerasan.csv'), 'utf8');
      writeFileSync(join(raw, 'kekerasan.csv'), text + text.split('\n').slice(1).join('\n'));
    }],
  ])('on %s', async (_name, change) => {
    const before = hashTree(outDir);
    const { dir, cleanup } = tempDir();
    try {
      const raw = copyValidRaw(dir);
      change(raw);
      await expect(buildSnapshot(options(outDir, { rawDir: raw, errorReport: join(raw, 'build-errors.csv') }))).rejects.toBeInstanceOf(InputError);
      expect(existsSync(join(raw, 'build-errors.csv'))).toBe(true);
    } finally {
      cleanup();
    }
    expect(hashTree(outDir)).toEqual(before);
  });

  it('on a failure after everything was written, just before the commit', async () => {
    const before = hashTree(outDir);
    let staged = '';
    await expect(buildSnapshot(options(outDir, {
      beforeCommit: (dir) => { staged = dir; throw new BuildError('simulated failure'); },
    }))).rejects.toThrow('simulated failure');
    expect(staged).not.toBe('');
    expect(existsSync(staged)).toBe(false);
    expect(hashTree(outDir)).toEqual(before);
  });

  it('a successful rebuild replaces the snapshot and removes every temporary folder', async () => {
    await buildSnapshot(options(outDir));
    expect(readdirSync(outDir).sort()).toEqual(['fixture', 'index.json']);
  });
});

describe('XLSX input', () => {
  it('gives the same tables as the same rows in CSV', async () => {
    const { dir, cleanup } = tempDir();
    const duck = await Duck.open();
    try {
      const raw = copyValidRaw(dir);
      for (const name of ['kekerasan', 'lksa', 'kla']) {
        const [header, ...rows] = readFileSync(join(raw, `${name}.csv`), 'utf8').trimEnd().split('\n').map((l) => l.split(','));
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('data');
        ws.addRow(header);
        for (const r of rows) {
          // Dates as real Excel dates, numbers as numbers: what an office's spreadsheet holds.
          ws.addRow(r.map((v, i) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`)
            : /^-?\d+(\.\d+)?$/.test(v) && !/^(wilayah|id_)/.test(header![i]!) ? Number(v) : v)));
        }
        await wb.xlsx.writeFile(join(raw, `${name}.xlsx`));
        rmSync(join(raw, `${name}.csv`));
      }
      const fromXlsx = await buildSnapshot(options(join(dir, 'out'), { rawDir: raw, snapshotId: 'xlsx' }));
      // The converted rows must never land in the snapshot.
      expect(readdirSync(fromXlsx.dir).sort()).toEqual(readdirSync(snapshotDir).sort());
      for (const spec of PUBLISHED_TABLES) {
        const a = sqlString(join(snapshotDir, `${spec.name}.parquet`));
        const b = sqlString(join(fromXlsx.dir, `${spec.name}.parquet`));
        const [diff] = await duck.all(`SELECT (SELECT count(*) FROM (FROM read_parquet(${a}) EXCEPT ALL FROM read_parquet(${b})))::INTEGER
          + (SELECT count(*) FROM (FROM read_parquet(${b}) EXCEPT ALL FROM read_parquet(${a})))::INTEGER AS n`);
        expect({ table: spec.name, differing: diff?.n }).toEqual({ table: spec.name, differing: 0 });
      }
    } finally {
      duck.close();
      cleanup();
    }
  });
});
