import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { citationText } from '../domain/citation.ts';
import { frictionlessField, frictionlessLicenses, frictionlessName, type FrictionlessField } from '../domain/datapackage.ts';
import type { Label } from '../domain/label.ts';
import { tableByName } from '../domain/tables.ts';
import { BuildError } from './issues.ts';
import type { Manifest } from './manifest.ts';
import { sha256File } from './publish.ts';

/**
 * datapackage.json of a snapshot: a Frictionless Data Package (profile tabular-data-package) describing the
 * snapshot's Parquet tables, built from the manifest alone. Custom properties (allowed by the spec) carry what
 * Frictionless has no word for: the disclosure rule, the synthetic flag and notice, both languages.
 */

export const DATAPACKAGE_FILE = 'datapackage.json';
export const PARQUET_MEDIATYPE = 'application/vnd.apache.parquet';

export interface DataPackageResource {
  name: string;
  path: string;
  profile: 'tabular-data-resource';
  title: string;
  description: string;
  description_en: string;
  format: 'parquet';
  mediatype: typeof PARQUET_MEDIATYPE;
  bytes: number;
  hash: string;
  /** Custom: number of rows. */
  rows: number;
  schema: { fields: FrictionlessField[]; primaryKey?: string[] };
  /** Custom: the finest region level published and the rows withheld (violence tables). */
  finest_level: string | null;
  withheld: number | null;
}

export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  id: string;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  version: string;
  created: string;
  keywords: string[];
  licenses: Array<{ name: string; path?: string; title: string }>;
  sources: Array<{ title: string; path: string; licence: string; note: string }>;
  resources: DataPackageResource[];
  /** Custom properties. */
  reference_date: string;
  synthetic: boolean;
  synthetic_notice: Label | null;
  disclosure: { k: number; rule: Label };
  licence: Label;
  citation: Label;
}

const DESCRIPTION: Label = {
  id: 'Tabel agregat perlindungan anak di Indonesia (kekerasan terhadap anak, LKSA, KLA) dengan kontrol pengungkapan: angka anak yang kecil disembunyikan.',
  en: 'Aggregated child-protection tables for Indonesia (violence against children, LKSA, KLA) under disclosure control: small counts of children are withheld.',
};

const KEYWORDS = [
  'Indonesia', 'perlindungan anak', 'child protection', 'kekerasan terhadap anak', 'violence against children',
  'SIMFONI-PPA', 'LKSA', 'KLA', 'Kabupaten/Kota Layak Anak', 'statistical disclosure control',
];

/** The Data Package descriptor of a snapshot, from its manifest. */
export function buildDatapackage(m: Manifest): DataPackage {
  const synthetic = (l: Label): Label => (m.synthetic && m.synthetic_notice ? { id: `${m.synthetic_notice.id} ${l.id}`, en: `${m.synthetic_notice.en} ${l.en}` } : l);
  const description = synthetic(DESCRIPTION);
  return {
    profile: 'tabular-data-package',
    name: frictionlessName(`pantau-anak-${m.snapshot_id}`),
    id: `urn:pantau-anak:snapshot:${m.snapshot_id}:${m.built_at}`,
    title: `${m.title.id}${m.synthetic ? ' (DATA SINTETIS)' : ''}`,
    title_en: `${m.title.en}${m.synthetic ? ' (SYNTHETIC DATA)' : ''}`,
    description: description.id,
    description_en: description.en,
    version: m.snapshot_id,
    created: m.built_at,
    keywords: [...KEYWORDS, ...(m.synthetic ? ['synthetic data', 'data sintetis'] : [])],
    licenses: frictionlessLicenses(m.licence),
    sources: m.sources.map((s) => ({ title: s.name, path: s.url, licence: s.licence, note: s.note })),
    resources: Object.entries(m.tables).map(([name, t]) => {
      const key = tableByName(name)?.orderBy;
      return {
        name: frictionlessName(name),
        path: t.file,
        profile: 'tabular-data-resource',
        title: name,
        description: t.description.id,
        description_en: t.description.en,
        format: 'parquet',
        mediatype: PARQUET_MEDIATYPE,
        bytes: t.bytes,
        hash: `sha256:${t.sha256}`,
        rows: t.rows,
        schema: { fields: t.columns.map(frictionlessField), ...(key ? { primaryKey: [...key] } : {}) },
        finest_level: t.finest_level,
        withheld: t.withheld,
      };
    }),
    reference_date: m.reference_date,
    synthetic: m.synthetic,
    synthetic_notice: m.synthetic_notice,
    disclosure: { k: m.disclosure.k, rule: m.disclosure.rule },
    licence: m.licence,
    citation: { id: citationText(m, 'id'), en: citationText(m, 'en') },
  };
}

/** Writes <dir>/datapackage.json from the manifest. */
export function writeDatapackage(dir: string, m: Manifest): DataPackage {
  const pkg = buildDatapackage(m);
  writeFileSync(join(dir, DATAPACKAGE_FILE), JSON.stringify(pkg, null, 2) + '\n');
  return pkg;
}

/**
 * Checks that datapackage.json agrees with manifest.json and the files: one resource per table, same path, rows,
 * bytes and SHA-256 (recomputed from the file), same columns and types. Throws BuildError on any difference.
 */
export async function checkDatapackage(dir: string): Promise<void> {
  const where = join(dir, DATAPACKAGE_FILE);
  if (!existsSync(join(dir, 'manifest.json'))) throw new BuildError(`${where}: there is no manifest.json to check it against`);
  let pkg: DataPackage;
  let m: Manifest;
  try {
    pkg = JSON.parse(readFileSync(where, 'utf8')) as DataPackage;
    m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (e) {
    throw new BuildError(`${where}: unreadable (${e instanceof Error ? e.message : String(e)})`);
  }
  const problems: string[] = [];
  if (pkg.profile !== 'tabular-data-package') problems.push(`profile is ${JSON.stringify(pkg.profile)}`);
  if (pkg.version !== m.snapshot_id) problems.push(`version ${JSON.stringify(pkg.version)} is not the snapshot id ${m.snapshot_id}`);
  if (pkg.synthetic !== m.synthetic) problems.push(`synthetic ${String(pkg.synthetic)} differs from the manifest`);
  const resources = Array.isArray(pkg.resources) ? pkg.resources : [];
  const tables = Object.entries(m.tables);
  if (resources.length !== tables.length) problems.push(`${resources.length} resources for ${tables.length} tables`);
  for (const [name, t] of tables) {
    const r = resources.find((x) => x.path === t.file);
    if (!r) { problems.push(`no resource for ${t.file}`); continue; }
    if (r.rows !== t.rows) problems.push(`${t.file}: rows ${r.rows} != manifest ${t.rows}`);
    if (r.bytes !== t.bytes) problems.push(`${t.file}: bytes ${r.bytes} != manifest ${t.bytes}`);
    if (r.hash !== `sha256:${t.sha256}`) problems.push(`${t.file}: hash ${r.hash} != manifest sha256:${t.sha256}`);
    const path = join(dir, t.file);
    if (!existsSync(path)) { problems.push(`${t.file}: missing`); continue; }
    if (statSync(path).size !== r.bytes) problems.push(`${t.file}: file has ${statSync(path).size} bytes, datapackage says ${r.bytes}`);
    const actual = `sha256:${await sha256File(path)}`;
    if (actual !== r.hash) problems.push(`${t.file}: file hash ${actual} != datapackage ${r.hash}`);
    const fields = (r.schema?.fields ?? []).map((f) => `${f.name} ${f.sql_type}`).join(', ');
    const columns = t.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (fields !== columns) problems.push(`${name}: fields ${fields} differ from the manifest's columns ${columns}`);
  }
  if (problems.length > 0) throw new BuildError(`${where} disagrees with manifest.json:\n  ${problems.join('\n  ')}`);
}
