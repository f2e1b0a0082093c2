// npm run bench:data [-- --sizes demo,1000000,10000000]
// Builds snapshots at demo size and from 1M and 10M victim rows and prints: build time, rows per second, the ratio
// to DuckDB's own CSV -> Parquet COPY of the same raw rows (same run), the ingest path (reference, read + validate,
// aggregate, write) apart from disclosure control (suppress + audit), peak memory, the disk the build's working
// folder took (DuckDB's spill files), and snapshot bytes against the same tables as CSV.gz. Figures, not pass/fail:
// these machines are shared and noisy (the load average is printed). For 100M rows: --sizes 100000000 (by hand).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { Command } from 'commander';
import { generateDemo } from '../src/pipeline/demo/index.ts';
import { Duck, sqlString } from '../src/pipeline/duck.ts';
import { REPO_ROOT } from '../src/pipeline/sql-files.ts';
import { PUBLISHED_TABLES } from '../src/domain/tables.ts';

const o = new Command().option('--sizes <list>', 'demo and/or victim row counts', 'demo,1000000,10000000')
  .option('--keep', 'keep generated files in bench-results/', false).parse().opts<{ sizes: string; keep: boolean }>();
const root = join(REPO_ROOT, 'bench-results');
mkdirSync(root, { recursive: true });

const runOne = (mode: 'build' | 'copy', raw: string, out: string) => JSON.parse(execFileSync(
  process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'bench-build-one.ts'), mode, raw, out],
  { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').at(-1)!) as { ms: number; timings: Record<string, number>; maxRssMb: number; maxWorkMb: number };

/** Build stages (src/pipeline/build.ts timings) of the ingest path and of disclosure control. */
const INGEST = ['reference', 'validate', 'aggregate', 'write'];
const DISCLOSURE = ['suppress', 'audit'];
const sumOf = (t: Record<string, number>, names: string[]) => names.reduce((n, k) => n + (t[k] ?? 0), 0);

const dirBytes = (dir: string, ext: string) => readdirSync(dir).filter((f) => f.endsWith(ext)).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

interface Result { size: string; rows: number; rawMb: number; genS: number; buildS: number; rowsPerS: number; copyS: number; ratio: number; rssMb: number;
  ingestS: number; ingestRatio: number; disclosureS: number; workMb: number; load: string;
  snapshotKb: number; csvGzKb: number; bytesRatio: number; stages: Record<string, number> }
const results: Result[] = [];
for (const size of o.sizes.split(',')) {
  const dir = join(root, `size-${size}`);
  rmSync(dir, { recursive: true, force: true });
  const raw = join(dir, 'raw');
  let t = performance.now();
  const summary = await generateDemo({ outDir: raw, ...(size === 'demo' ? {} : { scale: Number(size) }) });
  const genS = (performance.now() - t) / 1000;
  const rows = summary.violenceRows;
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  const build = runOne('build', raw, join(dir, 'out'));
  const copy = runOne('copy', raw, join(dir, 'copy'));
  const snap = join(dir, 'out', 'bench');
  const duck = await Duck.open();
  const gz = join(dir, 'csvgz');
  mkdirSync(gz);
  for (const tbl of PUBLISHED_TABLES) {
    await duck.run(`COPY (SELECT * FROM read_parquet(${sqlString(join(snap, `${tbl.name}.parquet`))})) TO ${sqlString(join(gz, `${tbl.name}.csv.gz`))} (FORMAT csv, HEADER, COMPRESSION gzip)`);
  }
  duck.close();
  const snapshotBytes = dirBytes(snap, '.parquet');
  const csvGzBytes = dirBytes(gz, '.csv.gz');
  t = performance.now();
  results.push({
    size, rows, rawMb: statSync(join(raw, 'kekerasan.csv')).size / 2 ** 20, genS,
    buildS: build.ms / 1000, rowsPerS: rows / (build.ms / 1000), copyS: copy.ms / 1000, ratio: build.ms / copy.ms, rssMb: build.maxRssMb,
    ingestS: sumOf(build.timings, INGEST) / 1000, ingestRatio: sumOf(build.timings, INGEST) / copy.ms, disclosureS: sumOf(build.timings, DISCLOSURE) / 1000,
    workMb: build.maxWorkMb, load,
    snapshotKb: snapshotBytes / 1024, csvGzKb: csvGzBytes / 1024, bytesRatio: snapshotBytes / csvGzBytes, stages: build.timings,
  });
  if (!o.keep) rmSync(dir, { recursive: true, force: true });
  const r = results.at(-1)!;
  // Each size as it finishes (a 100M run takes a while): build, ingest and disclosure against COPY.
  console.log(`bench:data ${size}: build ${r.buildS.toFixed(1)} s (${r.ratio.toFixed(2)}x COPY ${r.copyS.toFixed(1)} s), ingest ${r.ingestS.toFixed(1)} s `
    + `(${r.ingestRatio.toFixed(2)}x), disclosure ${r.disclosureS.toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB, work disk ${r.workMb.toFixed(0)} MB, load ${r.load}`);
}

const f = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const lines = [
  '| size | victim rows | raw CSV MB | build s | rows/s | DuckDB COPY s | build / COPY | ingest s | ingest / COPY | disclosure s | peak RSS MB | work disk MB | snapshot KB (Parquet) | same tables CSV.gz KB | Parquet / CSV.gz | load avg |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.size} | ${r.rows.toLocaleString('en-US')} | ${f(r.rawMb)} | ${f(r.buildS, 2)} | ${f(r.rowsPerS, 0)} | ${f(r.copyS, 2)} | ${f(r.ratio, 2)}x | ${f(r.ingestS, 2)} | ${f(r.ingestRatio, 2)}x | ${f(r.disclosureS, 2)} | ${f(r.rssMb, 0)} | ${f(r.workMb, 0)} | ${f(r.snapshotKb)} | ${f(r.csvGzKb)} | ${f(r.bytesRatio, 2)} | ${r.load} |`),
  '',
  'Stages (ms): ' + results.map((r) => `${r.size}: ${Object.entries(r.stages).map(([k, v]) => `${k} ${v}`).join(', ')}`).join(' | '),
];
console.log(`\n${lines.join('\n')}`);
writeFileSync(join(root, 'bench-data.json'), JSON.stringify(results, null, 2) + '\n');
