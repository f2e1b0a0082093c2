import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { Duck } from '../duck.ts';
import { viewSnapshot } from '../audit-snapshot.ts';
import { REPO_ROOT } from '../sql-files.ts';
import { readIndex } from '../snapshot-dir.ts';
import { indicatorTable, toCsv, toJson, UnknownIndicatorError, type Provenance } from '../indicator-table.ts';
import type { IndicatorLevel } from '../../domain/indicators.ts';

// npm run indicator -- <id> [--year Y] [--level national|province|regency] [--province P] [--format csv|json]
// Prints the rows the app shows for an indicator, through the app's own indicator path, over a snapshot folder.

const year = (v: string): number => {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('a four-digit year');
  return Number(v);
};
const province = (v: string): string => {
  if (!/^\d{2}$/.test(v)) throw new InvalidArgumentError('a two-digit Kemendagri province code, e.g. 32');
  return v;
};

const program = new Command()
  .name('indicator')
  .description('Prints an indicator\'s rows as the app shows them (same SQL, filters, year rule and ranks), over a snapshot.')
  .argument('<id>', 'indicator id, e.g. violence-victim-rate')
  .option('--year <year>', 'year (default: the latest with data at the level)', year)
  .addOption(new Option('--level <level>', 'region level (default: every level)').choices(['national', 'province', 'regency']))
  .option('--province <code>', 'only this province and its kab/kota', province)
  .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
  .option('--snapshot <dir>', 'snapshot folder (default: the current snapshot in public/data)')
  .parse();

const opts = program.opts<{ year?: number; level?: IndicatorLevel; province?: string; format: 'csv' | 'json'; snapshot?: string }>();
const outDir = join(REPO_ROOT, 'public', 'data');
const dir = resolve(opts.snapshot ?? join(outDir, readIndex(outDir)?.current ?? 'demo'));
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`indicator: no snapshot in ${dir} (run npm run build:data first, or pass --snapshot)`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Provenance;
const provenance: Provenance = { snapshot_id: manifest.snapshot_id, synthetic: manifest.synthetic, synthetic_notice: manifest.synthetic ? manifest.synthetic_notice : null };
if (provenance.synthetic) console.error(`indicator: ${provenance.synthetic_notice?.en ?? 'SYNTHETIC data, not real figures.'}`);
const duck = await Duck.open();
try {
  await viewSnapshot(duck, dir);
  const id = program.args[0]!;
  const table = await indicatorTable(duck, id, opts);
  process.stdout.write(opts.format === 'json' ? toJson(id, table.year, table.rows, provenance) : toCsv(table.rows, provenance));
} catch (e) {
  if (!(e instanceof UnknownIndicatorError)) throw e;
  console.error(`indicator: ${e.message}`);
  process.exitCode = 1;
} finally {
  duck.close();
}
