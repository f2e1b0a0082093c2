import { indicatorSqlText } from '../../src/pipeline/indicators.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { tablesOf } from '../../src/db/sql.ts';
import { INDICATORS } from '../../src/domain/indicators.ts';
import { PUBLISHED_TABLES } from '../../src/domain/tables.ts';
import type { Manifest } from '../../src/db/snapshot.ts';
import { appQuery, choicesQuery, filtersOf, filtersText, literal, pageRange, reproducingSql, sourceKeys, sourceOf } from '../../src/app/views/data/model.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// The Data page's SQL (src/app/views/data/model.ts) on the snapshot built from the fixture: every table and every
// indicator runs unfiltered and filtered; the page's bound query and the self-contained reproducing SQL (run in
// another DuckDB from the snapshot folder) give the same rows; filters come only from the contract's whitelist.

const scratch = tempDir('pantau-data-sql-');
let duck: Duck;
let dir: string;
let manifest: Manifest;
beforeAll(async () => {
  dir = (await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true })).dir;
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  duck = await Duck.open();
  await auditSnapshot(duck, dir, 5);
}, 120_000);
afterAll(() => { duck?.close(); scratch.cleanup(); });

async function reproduce(sql: string) {
  const other = await Duck.open();
  try {
    await other.run(`SET file_search_path = ${sqlString(dir)}`);
    return await other.all(sql);
  } finally {
    other.close();
  }
}

const sqlOf = (key: string) => {
  const ind = INDICATORS.find((i) => `indicator:${i.id}` === key);
  return ind ? indicatorSqlText(ind) : undefined;
};

describe('Data page sources', () => {
  it('offers every table of the snapshot and every indicator', () => {
    const { tables, indicators } = sourceKeys(manifest);
    expect(tables.sort()).toEqual(PUBLISHED_TABLES.map((t) => t.name).sort());
    expect(indicators.map((i) => i.id)).toEqual(INDICATORS.map((i) => i.id));
    expect(sourceOf('nope', manifest)).toBeNull();
    expect(sourceOf('indicator:nope', manifest)).toBeNull();
    expect(sourceOf('violence_by_sex_age', manifest)).toMatchObject({ dimensions: ['level', 'sex', 'age_group'], hasRegion: true, hasYear: true, orderBy: ['year', 'region_code', 'sex', 'age_group'] });
    expect(sourceOf('codes', manifest)).toMatchObject({ dimensions: ['vocabulary'], hasRegion: false, hasYear: false });
    expect(sourceOf('lksa', manifest)).toMatchObject({ dimensions: ['licence_status', 'accreditation'], hasYear: false });
  });

  it('takes filters only on whitelisted columns; Indonesia is no region filter', () => {
    const s = sourceOf('violence_by_sex_age', manifest)!;
    expect(filtersOf(s, { region: '00', year: 2024, filters: { sex: 'P', victims: '3', 'x"; DROP': 'y', place: 'rumah' } }))
      .toEqual({ region: null, year: 2024, dims: [['sex', 'P']] });
    expect(filtersOf(sourceOf('codes', manifest)!, { region: '32', year: 2024, filters: {} })).toEqual({ region: null, year: null, dims: [] });
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal(2024)).toBe('2024');
    const f = filtersOf(s, { region: '32', year: 2024, filters: { sex: "P' OR 1=1 --" } });
    const q = appQuery(s, f);
    expect(q.sql).not.toContain('OR 1=1');
    expect(q.params).toEqual({ region: '32', region_prefix: '32.', year: 2024, f_sex: "P' OR 1=1 --" });
    expect(reproducingSql(s, f, 'fixture')).toContain(`"sex" = 'P'' OR 1=1 --'`);
    expect(tablesOf(q.sql)).toEqual(['violence_by_sex_age']);
    expect(filtersText(f, () => 'Jawa Barat')?.en).toBe(`region = Jawa Barat (32) and the regions within it; year = 2024; sex = P' OR 1=1 --`);
  });

  it('orders text key columns naturally: age groups 0-5, 6-12, 13-17, not as text', async () => {
    const s = sourceOf('violence_by_sex_age', manifest)!;
    const f = filtersOf(s, { region: '00', year: null, filters: {} });
    const rows = await duck.all(appQuery(s, f).sql);
    const first = rows.filter((r) => r.year === rows[0]!.year && r.region_code === rows[0]!.region_code && r.sex === rows[0]!.sex);
    const groups = first.map((r) => String(r.age_group));
    expect(groups.length).toBeGreaterThan(2);
    expect(groups).toEqual([...groups].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(groups).not.toEqual([...groups].sort());
  });

  it('pages 50 rows at a time', () => {
    expect(pageRange(0, 0)).toEqual({ from: 0, to: 0, pages: 1, page: 0 });
    expect(pageRange(120, 2)).toEqual({ from: 100, to: 120, pages: 3, page: 2 });
    expect(pageRange(120, 9)).toEqual({ from: 100, to: 120, pages: 3, page: 2 });
  });

  it.each([...PUBLISHED_TABLES.map((t) => t.name), ...INDICATORS.map((i) => `indicator:${i.id}`)])('%s: page query = reproducing SQL, filtered and not', async (key) => {
    const source = sourceOf(key, manifest)!;
    const text = sqlOf(key);
    const none = filtersOf(source, { region: '00', year: null, filters: {} });
    const all = await duck.all(appQuery(source, none, text).sql);
    if (source.kind === 'table') expect(all.length).toBe(manifest.tables[key]!.rows);
    expect(await reproduce(reproducingSql(source, none, 'fixture', text))).toEqual(all);

    const choices = await duck.all(choicesQuery(source, text) ?? 'SELECT NULL AS dim, NULL AS value WHERE false');
    const first = (dim: string) => choices.find((c) => c.dim === dim)?.value as string | undefined;
    const year = first('year');
    const dims: Record<string, string> = {};
    for (const d of source.dimensions) { const v = first(d); if (v !== undefined) dims[d] = v; }
    const f = filtersOf(source, { region: source.hasRegion ? '32' : '00', year: year === undefined ? null : Number(year), filters: dims });
    const q = appQuery(source, f, text);
    const filtered = await duck.all(q.sql, q.params as Record<string, string | number>);
    expect(await reproduce(reproducingSql(source, f, 'fixture', text))).toEqual(filtered);
    for (const r of filtered) {
      if (f.region) expect(String(r.region_code) === '32' || String(r.region_code).startsWith('32.')).toBe(true);
      if (f.year !== null) expect(r.year).toBe(f.year);
      for (const [d, v] of f.dims) expect(r[d]).toBe(v);
    }
  });
});
