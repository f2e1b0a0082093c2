import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { Duck } from '../duck.ts';
import { auditSnapshot } from '../audit-snapshot.ts';
import { BuildError } from '../issues.ts';
import { REPO_ROOT } from '../sql-files.ts';
import { readIndex } from '../snapshot-dir.ts';

// Re-checks a published snapshot folder (contract columns and disclosure audit), e.g. before copying it to a host.
const program = new Command()
  .name('audit-data')
  .description('Audits a snapshot folder: contract columns and disclosure control. Exit 0 when safe.')
  .argument('[dir]', 'snapshot folder (default: the current snapshot in public/data)')
  .parse();

const outDir = join(REPO_ROOT, 'public', 'data');
const dir = resolve(program.args[0] ?? join(outDir, readIndex(outDir)?.current ?? 'demo'));
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { disclosure: { k: number } };
const duck = await Duck.open();
try {
  const summary = await auditSnapshot(duck, dir, manifest.disclosure.k);
  const c = summary.cost;
  console.log(`audit-data: ${dir}: passed (k = ${manifest.disclosure.k}, ${summary.tables_checked} tables, ${summary.cells_checked} cells; ` +
    `interval audit of ${c.cells} withheld cells in ${c.components} groups, ${c.solves} linear programmes, ${c.ms} ms)`);
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(`audit-data: ${dir}: ${e.message}`);
  process.exitCode = 1;
} finally {
  duck.close();
}
