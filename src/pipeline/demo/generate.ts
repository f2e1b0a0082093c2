import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KLA, LKSA, VIOLENCE } from '../../domain/raw-contract.ts';
import { isoToDay } from './dates.ts';
import { writeKla, type KlaYearSummary } from './kla.ts';
import { writeLksa, type LksaSummary } from './lksa.ts';
import { loadDemoReference, type DemoReference, type DemoRegion } from './reference.ts';
import { Rng } from './rng.ts';
import { RegionSpeller } from './spelling.ts';
import { violenceTargets, writeViolence, type ViolenceYearSummary, type ViolenceYearTarget } from './violence.ts';

export const DEFAULT_SEED = 20251;
export const DEFAULT_REFERENCE_DATE = '2025-12-31';
/** The violence years end in 2024, so the reference date cannot be earlier than its last day. */
export const EARLIEST_REFERENCE_DATE = '2024-12-31';

export interface DemoOptions {
  outDir: string;
  seed?: number;
  /** Exact number of victim rows in kekerasan.csv (benchmarks); omitted = the calibrated demo size. */
  scale?: number;
  /** Snapshot reference date (ISO); no report, inspection or KLA year lies after it. Default 2025-12-31. */
  referenceDate?: string;
}

export interface DemoSummary {
  seed: number;
  scale: number | null;
  referenceDate: string;
  /** Absolute paths of the files written. */
  files: { violence: string; lksa: string; kla: string };
  /** Per year: distinct cases, victim rows, and cases having each type of violence. */
  violence: ViolenceYearSummary[];
  /** Total victim rows in kekerasan.csv. */
  violenceRows: number;
  lksa: LksaSummary;
  kla: KlaYearSummary[];
}

/**
 * Writes SYNTHETIC raw files kekerasan.csv, lksa.csv and kla.csv to `outDir`, following src/domain/raw-contract.ts,
 * calibrated to the published national figures in data/reference/published. Same seed and options, same bytes.
 * Each file is written under a temporary name and renamed into place when complete.
 */
export async function generateDemo(options: DemoOptions): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be a whole number 0..4294967295, got ${seed}`);
  const scale = options.scale;
  if (scale !== undefined && (!Number.isInteger(scale) || scale < 0)) throw new Error(`scale must be a whole number >= 0, got ${scale}`);
  const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const refDay = isoToDay(referenceDate);
  if (refDay < isoToDay(EARLIEST_REFERENCE_DATE)) {
    throw new Error(`referenceDate ${referenceDate} is before ${EARLIEST_REFERENCE_DATE}; the demo violence data covers 2019-2024`);
  }

  const ref = loadDemoReference();
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const files = {
    violence: join(outDir, `${VIOLENCE.file}.csv`),
    lksa: join(outDir, `${LKSA.file}.csv`),
    kla: join(outDir, `${KLA.file}.csv`),
  };
  const speller = new RegionSpeller(ref.regions);
  const regionQuality = regionQualities(ref, seed);
  const klaAwards = ref.published.klaAwards.filter((a) => a.year <= new Date(refDay * 86_400_000).getUTCFullYear());

  const targets: ViolenceYearTarget[] = violenceTargets(ref.published, scale);
  const violence = await writeViolence(files.violence, ref, { seed, lastDay: refDay, targets, speller });
  const lksa = await writeLksa(files.lksa, ref, { seed, refDay, grades: ref.published.lksaGrades, speller, regionQuality });
  const kla = await writeKla(files.kla, ref, { seed, awards: klaAwards, speller, regionQuality });

  return {
    seed, scale: scale ?? null, referenceDate, files, violence,
    violenceRows: violence.reduce((s, y) => s + y.victims, 0), lksa, kla,
  };
}

/** A persistent quality of each region's child-protection system: better on Java and in cities, weaker in Papua. */
function regionQualities(ref: DemoReference, seed: number): number[] {
  const rng = new Rng(seed, 'region-quality');
  return ref.regions.map((r: DemoRegion) => {
    const p = Number(r.province);
    let q = 0.8 * rng.normal();
    if (p >= 31 && p <= 36) q += 0.5;
    if (r.kind === 'kota') q += 0.3;
    if (p >= 91) q -= 0.6;
    else if (p === 53 || p === 81 || p === 82) q -= 0.3;
    return q;
  });
}
