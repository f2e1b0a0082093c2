import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PUBLISHED_TABLES, VIOLENCE_TABLES } from '../domain/tables.ts';
import { Duck, sqlString } from './duck.ts';
import { BuildError } from './issues.ts';
import { parquetSchema } from './publish.ts';
import { readPublishedCells, regionNodes } from './violence-cells.ts';
import { audit, type AuditCost, type AuditFinding, type KeyedStatement } from './disclosure/index.ts';
import { checkDatapackage, DATAPACKAGE_FILE } from './datapackage.ts';
import { manifestSchema } from './manifest.ts';
import { buildLanding } from './landing.ts';

export interface AuditSummary {
  tables_checked: number;
  cells_checked: number;
  cost: AuditCost;
}

/** Points views named after the published tables at a snapshot folder's Parquet files. */
export async function viewSnapshot(duck: Duck, dir: string): Promise<void> {
  for (const spec of PUBLISHED_TABLES) {
    const [existing] = await duck.all(`SELECT table_type FROM information_schema.tables WHERE table_name = $name`, { name: spec.name });
    if (existing?.table_type === 'BASE TABLE') await duck.run(`DROP TABLE ${spec.name}`);
    await duck.run(`CREATE OR REPLACE VIEW ${spec.name} AS SELECT * FROM read_parquet(${sqlString(join(dir, `${spec.name}.parquet`))})`);
  }
}

/** The landing slice computed from a snapshot folder's published tables alone, in a DuckDB that holds nothing else. */
export async function landingFromTables(dir: string): Promise<unknown> {
  const duck = await Duck.open();
  try {
    await viewSnapshot(duck, dir);
    return await buildLanding(duck);
  } finally {
    duck.close();
  }
}

/**
 * Checks a snapshot folder as a reader sees it: every contract table present with exactly the contract's columns,
 * the disclosure audit on the published values (with `statements` from earlier snapshots when the builder has them),
 * and every figure published beside the tables (manifest, landing slice, data package) derivable from the tables.
 * Throws BuildError on any failure.
 */
export async function auditSnapshot(duck: Duck, dir: string, k: number, opts: { statements?: readonly KeyedStatement[] } = {}): Promise<AuditSummary> {
  // Only the contract's tables and the three JSON files may ever be published: nothing else, raw or not.
  const allowed = new Set([...PUBLISHED_TABLES.map((t) => `${t.name}.parquet`), 'manifest.json', 'landing.json', DATAPACKAGE_FILE]);
  const files = readdirSync(dir);
  const stray = files.filter((f) => !allowed.has(f));
  if (stray.length > 0) throw new BuildError(`${dir}: files that are not part of the published contract: ${stray.join(', ')}`);
  for (const spec of PUBLISHED_TABLES) {
    const path = join(dir, `${spec.name}.parquet`);
    const schema = await parquetSchema(duck, path);
    const expected = spec.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    const actual = schema.map((c) => `${c.name} ${c.type}`).join(', ');
    if (expected !== actual) throw new BuildError(`${spec.name}.parquet: columns ${actual} differ from the contract ${expected}`);
  }
  await viewSnapshot(duck, dir);
  const regions = regionNodes(await duck.all('SELECT region_code, level, province_code FROM regions'));
  const published = await readPublishedCells(duck, VIOLENCE_TABLES);
  const { findings, cost } = await audit(published, regions, k, { statements: opts.statements ?? [] });
  if (findings.length > 0) throw new BuildError(describeFindings(findings));
  if (files.includes('manifest.json')) await checkManifestFigures(duck, dir, k);
  if (files.includes('landing.json')) await checkLanding(dir);
  // datapackage.json must agree with the manifest and the files; checked after the disclosure audit so that a
  // disclosure finding is the one reported.
  if (files.includes(DATAPACKAGE_FILE)) await checkDatapackage(dir);
  return { tables_checked: published.length, cells_checked: published.reduce((n, t) => n + t.rows.length, 0), cost };
}

/** Every figure in manifest.json is one of the schema's, and each equals what the published files give. */
async function checkManifestFigures(duck: Duck, dir: string, k: number): Promise<void> {
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  if (!parsed.success) {
    throw new BuildError(`manifest.json: not the published manifest schema (a field the disclosure model does not know about?): ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const m = parsed.data;
  const problems: string[] = [];
  if (m.disclosure.k !== k) problems.push(`disclosure.k ${m.disclosure.k} != ${k}`);
  let countTables = 0;
  let countRows = 0;
  for (const spec of PUBLISHED_TABLES) {
    const t = m.tables[spec.name];
    if (!t) {
      problems.push(`tables.${spec.name} missing`);
      continue;
    }
    const path = join(dir, t.file);
    if (t.file !== `${spec.name}.parquet` || !existsSync(path)) {
      problems.push(`tables.${spec.name}.file ${t.file} is not the table's file`);
      continue;
    }
    const [row] = await duck.all(`SELECT count(*)::INTEGER AS n${spec.disclosure ? ', count(*) FILTER (WHERE suppressed)::INTEGER AS withheld' : ''} FROM read_parquet(${sqlString(path)})`);
    if (t.rows !== Number(row?.n)) problems.push(`tables.${spec.name}.rows ${t.rows} != ${String(row?.n)} rows in the file`);
    if (t.bytes !== statSync(path).size) problems.push(`tables.${spec.name}.bytes ${t.bytes} != the file's size`);
    const withheld = spec.disclosure ? Number(row?.withheld) : null;
    if (t.withheld !== withheld) problems.push(`tables.${spec.name}.withheld ${String(t.withheld)} != ${String(withheld)} suppressed rows in the file`);
    if (spec.disclosure) {
      countTables++;
      countRows += Number(row?.n);
    }
  }
  for (const name of Object.keys(m.tables)) if (!PUBLISHED_TABLES.some((s) => s.name === name)) problems.push(`tables.${name} is not a published table`);
  if (m.disclosure.audit.tables_checked !== countTables) problems.push(`disclosure.audit.tables_checked ${m.disclosure.audit.tables_checked} != ${countTables}`);
  if (m.disclosure.audit.cells_checked !== countRows) problems.push(`disclosure.audit.cells_checked ${m.disclosure.audit.cells_checked} != ${countRows}`);
  if (problems.length > 0) throw new BuildError(`manifest.json: figures that the published tables do not give: ${problems.join('; ')}`);
}

/** landing.json must be exactly what the app's queries give on the published tables alone. */
async function checkLanding(dir: string): Promise<void> {
  const published = JSON.parse(readFileSync(join(dir, 'landing.json'), 'utf8')) as unknown;
  const derived = JSON.parse(JSON.stringify(await landingFromTables(dir))) as unknown;
  if (!isDeepStrictEqual(published, derived)) {
    throw new BuildError('landing.json: differs from what the app\'s queries compute from the published tables alone (a figure from outside the disclosure model?)');
  }
}

function describeFindings(findings: AuditFinding[]): string {
  const list = findings.slice(0, 50).map((f) =>
    `  ${f.table} ${f.year} ${f.region_code}${f.categories.length ? ` [${f.categories.join(', ')}]` : ''} ${f.column}: ${f.problem} (${f.detail})`);
  return `disclosure audit failed: ${findings.length} finding(s)\n${list.join('\n')}${findings.length > 50 ? '\n  ...' : ''}`;
}
