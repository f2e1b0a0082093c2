import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_TABLES, VIOLENCE_TABLES } from '../domain/tables.ts';
import { sqlString, type Duck } from './duck.ts';
import { BuildError } from './issues.ts';
import { parquetSchema } from './publish.ts';
import { readPublishedCells, regionNodes } from './violence-cells.ts';
import { audit, type AuditFinding } from './disclosure/index.ts';
import { checkDatapackage, DATAPACKAGE_FILE } from './datapackage.ts';

/**
 * Checks a snapshot folder as a reader sees it: every contract table present with exactly the contract's
 * columns, and the disclosure audit on the published values alone. Leaves views named after the tables.
 * Throws BuildError on any failure.
 */
export async function auditSnapshot(duck: Duck, dir: string, k: number): Promise<{ tables_checked: number; cells_checked: number }> {
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
    const [existing] = await duck.all(`SELECT table_type FROM information_schema.tables WHERE table_name = $name`, { name: spec.name });
    if (existing?.table_type === 'BASE TABLE') await duck.run(`DROP TABLE ${spec.name}`);
    await duck.run(`CREATE OR REPLACE VIEW ${spec.name} AS SELECT * FROM read_parquet(${sqlString(path)})`);
  }
  const regions = regionNodes(await duck.all('SELECT region_code, level, province_code FROM regions'));
  const published = await readPublishedCells(duck, VIOLENCE_TABLES);
  const findings = audit(published, regions, k);
  if (findings.length > 0) throw new BuildError(describeFindings(findings));
  // datapackage.json (written after the manifest, so absent during a build's own audit) must agree with it and the
  // files; checked after the disclosure audit so that a disclosure finding is the one reported.
  if (files.includes(DATAPACKAGE_FILE)) await checkDatapackage(dir);
  return { tables_checked: published.length, cells_checked: published.reduce((n, t) => n + t.rows.length, 0) };
}

function describeFindings(findings: AuditFinding[]): string {
  const list = findings.slice(0, 50).map((f) =>
    `  ${f.table} ${f.year} ${f.region_code}${f.categories.length ? ` [${f.categories.join(', ')}]` : ''} ${f.column}: ${f.problem} (${f.detail})`);
  return `disclosure audit failed: ${findings.length} finding(s)\n${list.join('\n')}${findings.length > 50 ? '\n  ...' : ''}`;
}
