import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_REFERENCE_DATE, DEFAULT_SEED, generateDemo, type DemoSummary } from '../demo/index.ts';

// npx tsx src/pipeline/cli/generate-demo.ts --out data/raw/demo [--seed 20251] [--scale N] [--reference-date 2025-12-31]
// Writes SYNTHETIC raw files (kekerasan.csv, lksa.csv, kla.csv) following src/domain/raw-contract.ts.

const wholeNumber = (what: string) => (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${what} must be a whole number >= 0.`);
  return Number(value);
};

const program = new Command()
  .name('generate-demo')
  .description('Generate deterministic SYNTHETIC demo raw files (kekerasan.csv, lksa.csv, kla.csv), calibrated to published national figures.')
  .requiredOption('-o, --out <dir>', 'output folder, e.g. data/raw/demo')
  .option('-s, --seed <n>', 'random seed (same seed, same bytes)', wholeNumber('seed'), DEFAULT_SEED)
  .option('--scale <n>', 'write exactly n victim rows in kekerasan.csv (benchmarks); LKSA and KLA stay demo size', wholeNumber('scale'))
  .option('--reference-date <date>', 'snapshot reference date (YYYY-MM-DD)', DEFAULT_REFERENCE_DATE)
  .option('-q, --quiet', 'print nothing but errors');

program.parse();
const opts = program.opts<{ out: string; seed: number; scale?: number; referenceDate: string; quiet?: boolean }>();

const started = performance.now();
try {
  const summary = await generateDemo({ outDir: opts.out, seed: opts.seed, scale: opts.scale, referenceDate: opts.referenceDate });
  if (!opts.quiet) printSummary(summary, (performance.now() - started) / 1000);
} catch (e) {
  console.error(`generate-demo: ${(e as Error).message}`);
  process.exitCode = 1;
}

function printSummary(s: DemoSummary, seconds: number): void {
  const out: string[] = [];
  out.push(`SYNTHETIC demo data, seed ${s.seed}${s.scale === null ? '' : `, scale ${s.scale}`}, reference date ${s.referenceDate} (${seconds.toFixed(1)} s)`);
  out.push(`  ${s.files.violence}: ${s.violenceRows} victim rows`);
  out.push('    year   cases  victims  ' + Object.keys(s.violence[0]?.typeCases ?? {}).join(' '));
  for (const y of s.violence) {
    out.push(`    ${y.year} ${String(y.cases).padStart(7)} ${String(y.victims).padStart(8)}  ${Object.values(y.typeCases).join(' ')}`);
  }
  out.push(`  ${s.files.lksa}: ${s.lksa.total} institutions, A ${s.lksa.byGrade.A}, B ${s.lksa.byGrade.B}, C ${s.lksa.byGrade.C}, belum ${s.lksa.byGrade.belum}`);
  out.push(`  ${s.files.kla}:`);
  for (const y of s.kla) out.push(`    ${y.year} ${Object.entries(y.byCategory).map(([c, n]) => `${c} ${n}`).join(', ')}`);
  console.log(out.join('\n'));
}
