import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BuildError, InputError, UsageError } from '../issues.ts';
import { assertSnapshotId } from '../snapshot-dir.ts';

// The command line's own errors, each said as a sentence (a stack trace only with PANTAU_DEBUG=1).

export interface BuildArgs { raw?: string; snapshotId?: string; referenceDate?: string; k: string; scale?: string; seed?: string }

/** Checks the options before anything is read or written; throws UsageError naming the option. */
export function checkBuildArgs(o: BuildArgs, rawDir: string | undefined): void {
  if (rawDir !== undefined && (!existsSync(rawDir) || !statSync(rawDir).isDirectory())) {
    throw new UsageError(`folder not found: ${rawDir} (--raw); give the folder that holds kekerasan, lksa and kla`);
  }
  if (o.referenceDate !== undefined && !isIsoDate(o.referenceDate)) {
    throw new UsageError(`invalid reference date ${JSON.stringify(o.referenceDate)} (--reference-date); write a real date as YYYY-MM-DD, e.g. 2025-12-31`);
  }
  if (!/^\d+$/.test(o.k) || Number(o.k) < 2) throw new UsageError(`invalid --k ${JSON.stringify(o.k)}; give a whole number of at least 2 (default 5)`);
  for (const [name, v] of [['--scale', o.scale], ['--seed', o.seed]] as const) {
    if (v !== undefined && !/^\d+$/.test(v)) throw new UsageError(`invalid ${name} ${JSON.stringify(v)}; give a whole number`);
  }
  if (o.snapshotId !== undefined) assertSnapshotId(o.snapshotId);
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** What the command line prints for a failed build, and its exit code. */
export function describeFailure(e: unknown, ctx: { report?: string; outDir: string }): { text: string; code: number } {
  const untouched = 'The previous snapshot is untouched.';
  if (e instanceof InputError) {
    return { code: 1, text: `${e.message}\n\nbuild-data: FAILED on bad input${ctx.report ? `; full list in ${ctx.report}` : ''}. ${untouched}` };
  }
  if (e instanceof BuildError) return { code: 2, text: `build-data: FAILED: ${e.message}\n${untouched}` };
  if (e instanceof UsageError) return { code: 3, text: `build-data: ${e.message}.` };
  const err = e as NodeJS.ErrnoException;
  const message = String(err?.message ?? e);
  if (err?.code === 'ENOSPC' || /No space left on device|ENOSPC/i.test(message)) {
    return { code: 4, text: `build-data: FAILED: the disk is full (no space left on device); free space for ${ctx.outDir} and the temporary folder ${tmpdir()} `
      + `(a large build spills working data there) and run again. ${untouched}` };
  }
  if (/Out of Memory Error/.test(message)) {
    return { code: 4, text: `build-data: FAILED: DuckDB ran out of its memory budget (${process.env.PANTAU_MEMORY_LIMIT ?? '1GB'}) in a step that cannot spill to disk; `
      + `run again with more, e.g. PANTAU_MEMORY_LIMIT=4GB npm run build:data -- ... ${untouched}` };
  }
  if (err?.code === 'EACCES' || err?.code === 'EPERM' || err?.code === 'EROFS') {
    return { code: 4, text: `build-data: FAILED: no permission to write ${err.path ?? ctx.outDir} (${err.code}). ${untouched}` };
  }
  const first = message.split('\n')[0]!.replace(/\.$/, '');
  return { code: 4, text: `build-data: FAILED: ${first}. ${untouched}${process.env.PANTAU_DEBUG ? `\n${err?.stack ?? ''}` : ' (PANTAU_DEBUG=1 shows the details.)'}` };
}
