import { join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { DEFAULT_K } from '../../domain/disclosure.ts';
import { REPO_ROOT } from '../sql-files.ts';
import { buildSnapshot } from '../build.ts';
import { readIndex, removeStaleWork } from '../snapshot-dir.ts';
import { checkBuildArgs, describeFailure } from './failure.ts';
import { pipelineFingerprint } from '../fingerprint.ts';
import { publishBoundaries } from '../boundaries.ts';
import { generateDemo } from '../demo/index.ts';

const DEMO_REFERENCE_DATE = '2025-12-31';

const program = new Command()
  .name('build-data')
  .description('Builds a Pantau Anak snapshot into public/data/<snapshot-id>/ (default: the synthetic demo).')
  .option('--raw <dir>', 'folder with kekerasan, lksa and kla as .csv or .xlsx (omit to build the synthetic demo)')
  .option('--snapshot-id <id>', 'snapshot folder name (default: demo, or snapshot-<reference date>)')
  .option('--reference-date <date>', 'the date the snapshot describes, YYYY-MM-DD (default: today; demo 2025-12-31)')
  .option('--k <n>', 'withhold counts of children from 1 to k-1', String(DEFAULT_K))
  .option('--synthetic', 'mark the snapshot as synthetic data (always on for the demo)', false)
  .option('--out <dir>', 'snapshots folder', join(REPO_ROOT, 'public', 'data'))
  .option('--ledger <dir>', 'ledger of published snapshots that a new one is protected against (default: data/ledger for real data; none for synthetic builds)')
  .option('--scale <rows>', 'demo only: number of victim rows to generate (benchmarks)')
  .option('--seed <n>', 'demo only: generator seed')
  .option('--if-missing', 'do nothing if the current snapshot was built by this same pipeline code', false)
  .parse();

const o = program.opts<{ raw?: string; ledger?: string; snapshotId?: string; referenceDate?: string; k: string; synthetic: boolean; out: string; scale?: string; seed?: string; ifMissing: boolean }>();

async function main(): Promise<number> {
  const demo = o.raw === undefined;
  const outDir = resolve(o.out);
  checkBuildArgs(o, o.raw === undefined ? undefined : resolve(o.raw));
  // A killed build's staging folder goes now, before `npm run build` could copy public/ into dist/.
  removeStaleWork(outDir);
  publishBoundaries();
  if (o.ifMissing && isCurrent(outDir)) {
    console.log(`build-data: snapshot in ${outDir} is up to date; skipped (run npm run build:data to rebuild).`);
    return 0;
  }
  const referenceDate = o.referenceDate ?? (demo ? DEMO_REFERENCE_DATE : new Date().toISOString().slice(0, 10));
  let rawDir = o.raw === undefined ? '' : resolve(o.raw);
  if (demo) {
    rawDir = join(REPO_ROOT, 'data', 'raw', 'demo');
    console.log(`build-data: generating synthetic demo raw files in ${rawDir} ...`);
    await generateDemo({ outDir: rawDir, referenceDate, ...(o.scale ? { scale: Number(o.scale) } : {}), ...(o.seed ? { seed: Number(o.seed) } : {}) });
  }
  const snapshotId = o.snapshotId ?? (demo ? 'demo' : `snapshot-${referenceDate}`);
  console.log(`build-data: building snapshot ${snapshotId} from ${rawDir} (k = ${o.k}, reference date ${referenceDate})`);
  const started = performance.now();
  try {
    const synthetic = demo || o.synthetic;
    // Real data are protected against every snapshot published before; a synthetic build starts a fresh history.
    const ledger = o.ledger !== undefined ? resolve(o.ledger) : synthetic ? undefined : join(REPO_ROOT, 'data', 'ledger');
    const result = await buildSnapshot({
      rawDir, outDir, snapshotId, referenceDate, k: Number(o.k), synthetic, ...(ledger ? { ledger } : {}),
      errorReport: join(rawDir, 'build-errors.csv'), log: (m) => console.log(m),
    });
    const t = result.manifest.tables;
    console.log(`build-data: wrote ${result.dir} in ${Math.round(performance.now() - started)} ms`);
    for (const [name, table] of Object.entries(t)) {
      const st = result.suppression[name];
      const s = st ? `, withheld ${st.primary} small + ${st.secondary} secondary, finest level ${st.finestLevel}` : '';
      console.log(`  ${name}: ${table.rows} rows, ${table.bytes} bytes${s}`);
    }
    const { suppress: sc, audit: ac } = result.disclosureCost;
    console.log(`  disclosure: suppression ${sc.ms} ms (${sc.solves} LPs), interval audit ${ac.ms} ms (${ac.components} components, ${ac.cells} withheld cells, ${ac.solves} LPs)` +
      (ledger ? `; protected against ${result.manifest.disclosure.audit.earlier_snapshots.length} earlier snapshot(s) in ${ledger}` : ''));
    return 0;
  } catch (e) {
    const failure = describeFailure(e, { report: join(rawDir, 'build-errors.csv'), outDir });
    console.error(failure.text);
    return failure.code;
  }
}

/** True when the current snapshot exists and was built by this pipeline code. */
function isCurrent(outDir: string): boolean {
  const index = readIndex(outDir);
  if (!index) return false;
  const manifestPath = join(outDir, index.current, 'manifest.json');
  if (!existsSync(manifestPath)) return false;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { pipeline_fingerprint?: string };
  return manifest.pipeline_fingerprint === pipelineFingerprint();
}

process.exitCode = await main().catch((e: unknown) => {
  const failure = describeFailure(e, { outDir: resolve(o.out) });
  console.error(failure.text);
  return failure.code;
});
