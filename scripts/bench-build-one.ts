// One measured run for bench-data.ts, in its own process so that its peak memory is its own.
// Usage: tsx scripts/bench-build-one.ts <build|copy> <rawDir> <outDir>
import { join } from 'node:path';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildSnapshot } from '../src/pipeline/build.ts';
import { Duck, sqlString } from '../src/pipeline/duck.ts';

const [mode, rawDir, outDir] = process.argv.slice(2) as [string, string, string];
mkdirSync(outDir, { recursive: true });
// The build's working folder (DuckDB's spill files) is measured every second: the disk a large build needs.
let maxWorkBytes = 0;
const sizeOf = (p: string): number => {
  try {
    const st = statSync(p);
    return st.isDirectory() ? readdirSync(p).reduce((n, f) => n + sizeOf(join(p, f)), 0) : st.size;
  } catch {
    return 0;
  }
};
const poll = setInterval(() => {
  const bytes = readdirSync(tmpdir()).filter((f) => f.startsWith('pantau-build-')).reduce((n, f) => n + sizeOf(join(tmpdir(), f)), 0);
  maxWorkBytes = Math.max(maxWorkBytes, bytes);
}, 1000);
const t0 = performance.now();
let timings: Record<string, number> = {};
if (mode === 'build') {
  // Stages as they finish, on stderr (stdout's last line is the result): a long run shows where it is.
  const r = await buildSnapshot({ rawDir, outDir, snapshotId: 'bench', k: 5, referenceDate: '2025-12-31', synthetic: true,
    log: (m) => console.error(`${new Date().toISOString().slice(11, 19)} ${m}`) });
  timings = r.timings;
} else {
  // DuckDB's own CSV -> Parquet COPY of the same victim rows: the floor for any pipeline that reads and writes them.
  const duck = await Duck.open();
  await duck.run(`COPY (SELECT * FROM read_csv(${sqlString(join(rawDir, 'kekerasan.csv'))})) TO ${sqlString(join(outDir, 'copy.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
  duck.close();
}
const ms = performance.now() - t0;
clearInterval(poll);
console.log(JSON.stringify({ ms, timings, maxRssMb: process.resourceUsage().maxRSS / 1024, maxWorkMb: maxWorkBytes / 2 ** 20 }));
