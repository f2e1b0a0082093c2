import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { auditSnapshot } from '../../src/pipeline/audit-snapshot.ts';
import { buildDatapackage, checkDatapackage, type DataPackage } from '../../src/pipeline/datapackage.ts';
import { sha256File } from '../../src/pipeline/publish.ts';
import { BuildError } from '../../src/pipeline/issues.ts';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { PUBLISHED_TABLES } from '../../src/domain/tables.ts';
import { FRICTIONLESS_TYPES } from '../../src/domain/datapackage.ts';
import type { Manifest } from '../../src/pipeline/manifest.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';

// datapackage.json of a snapshot built from the fixture: valid against the essentials of the Frictionless Data
// Package / Tabular Data Resource / Table Schema specs (a zod schema written from the spec text), hashes and sizes
// that match the files, every column of every table described in both languages, primary keys that are unique in
// the data; the audit accepts it and refuses one that disagrees with the manifest. And CITATION.cff.

const NAME = /^[a-z0-9._-]+$/;
const label = z.object({ id: z.string().min(1), en: z.string().min(1) });
const field = z.object({
  name: z.string().min(1),
  type: z.enum(FRICTIONLESS_TYPES),
  description: z.string().min(3),
  description_en: z.string().min(3),
  unit: label.optional(),
});
const resource = z.object({
  name: z.string().regex(NAME),
  path: z.string().min(1).refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'path must be relative, inside the package'),
  profile: z.literal('tabular-data-resource'),
  format: z.literal('parquet'),
  mediatype: z.literal('application/vnd.apache.parquet'),
  bytes: z.number().int().positive(),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  schema: z.object({
    fields: z.array(field).min(1),
    primaryKey: z.array(z.string()).min(1).optional(),
  }).refine((s) => new Set(s.fields.map((f) => f.name)).size === s.fields.length, 'field names must be unique')
    .refine((s) => (s.primaryKey ?? []).every((k) => s.fields.some((f) => f.name === k)), 'primaryKey names fields of the schema'),
});
const dataPackage = z.object({
  profile: z.literal('tabular-data-package'),
  name: z.string().regex(NAME),
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  version: z.string().min(1),
  created: z.iso.datetime(),
  keywords: z.array(z.string().min(1)).min(1),
  licenses: z.array(z.object({ name: z.string().optional(), path: z.string().optional(), title: z.string().optional() })
    .refine((l) => l.name !== undefined || l.path !== undefined, 'a licence needs a name or a path')).min(1),
  sources: z.array(z.object({ title: z.string().min(1), path: z.string().optional() })),
  resources: z.array(resource).min(1).refine((rs) => new Set(rs.map((r) => r.name)).size === rs.length, 'resource names must be unique'),
  synthetic: z.boolean(),
  synthetic_notice: label.nullable(),
  disclosure: z.object({ k: z.number().int().min(2), rule: label }),
});

const scratch = tempDir('pantau-datapackage-');
let dir: string;
let pkg: DataPackage;
let manifest: Manifest;
let duck: Duck;
beforeAll(async () => {
  dir = (await buildSnapshot({ rawDir: VALID_RAW, outDir: scratch.dir, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true })).dir;
  pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as DataPackage;
  manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  duck = await Duck.open();
}, 120_000);
afterAll(() => { duck?.close(); scratch.cleanup(); });

describe('datapackage.json of a snapshot', () => {
  it('is a valid tabular data package (the spec essentials)', () => {
    const r = dataPackage.safeParse(pkg);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('is the manifest in Frictionless terms: version = snapshot id, created, licence, sources, synthetic notice', () => {
    expect(pkg).toEqual(buildDatapackage(manifest));
    expect(pkg.version).toBe('fixture');
    expect(pkg.name).toBe('pantau-anak-fixture');
    expect(pkg.created).toBe(manifest.built_at);
    expect(pkg.licenses[0]).toMatchObject({ name: 'CC-BY-4.0' });
    expect(pkg.sources.map((s) => s.title)).toEqual(manifest.sources.map((s) => s.name));
    expect(pkg.synthetic).toBe(true);
    expect(pkg.synthetic_notice).toEqual(manifest.synthetic_notice);
    expect(pkg.title).toMatch(/SINTETIS/);
    expect(pkg.description).toMatch(/^DATA SINTETIS/);
    expect(pkg.description_en).toMatch(/^SYNTHETIC DEMO DATA/);
    expect(pkg.disclosure.rule).toEqual(manifest.disclosure.rule);
    expect(pkg.citation.id).toMatch(/Snapshot fixture/);
  });

  it('has one resource per Parquet table, whose bytes and SHA-256 are the files\', and rows the data\'s', async () => {
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(PUBLISHED_TABLES.map((t) => `${t.name}.parquet`).sort());
    for (const r of pkg.resources) {
      expect(r.hash).toBe(`sha256:${await sha256File(join(dir, r.path))}`);
      expect(r.bytes).toBe(readFileSync(join(dir, r.path)).length);
      const [n] = await duck.all(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(join(dir, r.path))})`);
      expect(r.rows, r.path).toBe(n!.n);
    }
  });

  it('describes every column of every table, in order, with its Frictionless type, both languages and units', async () => {
    const typeOf: Record<string, string> = { VARCHAR: 'string', INTEGER: 'integer', DOUBLE: 'number', BOOLEAN: 'boolean', DATE: 'date' };
    for (const spec of PUBLISHED_TABLES) {
      const r = pkg.resources.find((x) => x.name === spec.name)!;
      const described = await duck.all(`DESCRIBE SELECT * FROM read_parquet(${sqlString(join(dir, r.path))})`);
      expect(r.schema.fields.map((f) => f.name)).toEqual(described.map((d) => d.column_name));
      for (const [i, c] of spec.columns.entries()) {
        const f = r.schema.fields[i]!;
        expect(f.type, `${spec.name}.${c.name}`).toBe(typeOf[c.type]);
        expect(f.description).toBe(c.description.id);
        expect(f.description_en).toBe(c.description.en);
        expect(f.unit ?? null).toEqual(c.unit);
      }
      expect(r.schema.primaryKey).toEqual(spec.orderBy);
    }
  });

  it('declares primary keys that are unique in the data', async () => {
    for (const r of pkg.resources) {
      const key = r.schema.primaryKey!.map((k) => `"${k}"`).join(', ');
      const [c] = await duck.all(`SELECT count(*)::INTEGER AS n, count(DISTINCT (${key}))::INTEGER AS d FROM read_parquet(${sqlString(join(dir, r.path))})`);
      expect(c!.d, r.name).toBe(c!.n);
    }
  });

  it('passes the snapshot audit, which refuses a datapackage.json that disagrees with the manifest', async () => {
    await expect(auditSnapshot(duck, dir, 5)).resolves.toBeDefined();
    const original = readFileSync(join(dir, 'datapackage.json'), 'utf8');
    try {
      const bad = JSON.parse(original) as DataPackage;
      bad.resources[0]!.hash = `sha256:${'0'.repeat(64)}`;
      bad.resources[1]!.rows += 1;
      writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(bad));
      const err = await checkDatapackage(dir).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(BuildError);
      expect((err as Error).message).toMatch(/hash sha256:0{64}/);
      expect((err as Error).message).toMatch(/rows \d+ != manifest/);
      await expect(auditSnapshot(duck, dir, 5)).rejects.toThrow(/disagrees with manifest\.json/);
    } finally {
      writeFileSync(join(dir, 'datapackage.json'), original);
    }
  });
});

describe('datapackage.json of the current snapshot in public/data (the demo)', () => {
  const root = join(REPO_ROOT, 'public', 'data');
  const current = existsSync(join(root, 'index.json')) ? (JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as { current: string }).current : null;
  const demo = current ? join(root, current) : null;
  it.runIf(demo !== null && existsSync(join(demo, 'datapackage.json')))('is valid and agrees with its manifest and files', async () => {
    const r = dataPackage.safeParse(JSON.parse(readFileSync(join(demo!, 'datapackage.json'), 'utf8')));
    expect(r.success ? [] : r.error.issues).toEqual([]);
    await expect(checkDatapackage(demo!)).resolves.toBeUndefined();
  });
});

describe('CITATION.cff', () => {
  const cff = parseYaml(readFileSync(join(REPO_ROOT, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;

  it('has the keys CFF 1.2.0 requires, as software under MIT', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    expect(typeof cff.message).toBe('string');
    expect(String(cff.title)).toMatch(/Pantau Anak/);
    expect(Array.isArray(cff.authors) && (cff.authors as unknown[]).length).toBeGreaterThan(0);
    for (const a of cff.authors as Array<Record<string, unknown>>) expect(typeof (a.name ?? a['family-names'])).toBe('string');
    expect(cff.type).toBe('software');
    expect(cff.license).toBe('MIT');
    expect(String(cff.abstract).length).toBeGreaterThan(100);
  });

  it('has no relative or placeholder URL', () => {
    for (const key of ['repository-code', 'url', 'repository', 'repository-artifact']) {
      if (cff[key] !== undefined) expect(String(cff[key])).toMatch(/^https:\/\/\S+$/);
    }
  });
});
