import { LKSA, LIST_SEPARATOR } from '../../domain/raw-contract.ts';
import { LKSA_FINDINGS } from '../../domain/vocab.ts';
import { largestRemainder } from './alloc.ts';
import { dayToDmy, dayToIso, isoToDay, yearOfDay } from './dates.ts';
import type { DemoReference } from './reference.ts';
import { Categorical, Rng } from './rng.ts';
import { csvSafe, type RegionSpeller } from './spelling.ts';
import { writeCsvAtomically } from './writer.ts';

export type Grade = 'A' | 'B' | 'C' | 'belum';

export interface LksaSummary {
  total: number;
  byGrade: Record<Grade, number>;
  byLicence: Record<string, number>;
  withFindings: number;
}

/**
 * Flowers and trees for the invented institution names ("LKSA Demo Cempaka 0421"). The word "Demo" and the
 * number make the names unmistakably synthetic; they are not, and must never be, names of real institutions.
 */
const PLANTS = [
  'Melati', 'Mawar', 'Cempaka', 'Kenanga', 'Anggrek', 'Teratai', 'Kamboja', 'Seroja', 'Dahlia', 'Flamboyan',
  'Bugenvil', 'Asoka', 'Kemuning', 'Soka', 'Alamanda', 'Sedap Malam', 'Kana', 'Krisan', 'Lili', 'Tanjung',
  'Beringin', 'Cemara', 'Mahoni', 'Jati', 'Trembesi', 'Ketapang', 'Meranti', 'Akasia', 'Pinus', 'Cendana',
  'Gaharu', 'Kenari', 'Bambu', 'Randu', 'Sawo', 'Mangga', 'Rambutan', 'Kelapa', 'Pandan', 'Waru',
] as const;

const GRADES: readonly Grade[] = ['A', 'B', 'C', 'belum'];

/** Licence status by grade: accredited institutions mostly hold a valid licence. */
const LICENCE_BY_GRADE: Record<Grade, Categorical<string>> = {
  A: new Categorical([['berlaku', 0.95], ['kedaluwarsa', 0.04], ['dalam_proses', 0.01]] as const),
  B: new Categorical([['berlaku', 0.9], ['kedaluwarsa', 0.07], ['dalam_proses', 0.02], ['tidak_ada', 0.01]] as const),
  C: new Categorical([['berlaku', 0.8], ['kedaluwarsa', 0.1], ['dalam_proses', 0.06], ['tidak_ada', 0.04]] as const),
  belum: new Categorical([['berlaku', 0.45], ['kedaluwarsa', 0.15], ['dalam_proses', 0.2], ['tidak_ada', 0.2]] as const),
};
/** Probability of any finding, for an inspected institution, by grade (about 25% of all institutions overall). */
const FINDINGS_BY_GRADE: Record<Grade, number> = { A: 0.09, B: 0.17, C: 0.29, belum: 0.62 };
const NOT_INSPECTED_BY_GRADE: Record<Grade, number> = { A: 0.05, B: 0.1, C: 0.15, belum: 0.3 };

export interface LksaOptions {
  seed: number;
  /** The snapshot reference date, days since 1970-01-01. */
  refDay: number;
  grades: Record<Grade, number>;
  speller: RegionSpeller;
  /** Persistent per-region quality (shared with KLA), one per region. */
  regionQuality: readonly number[];
}

export async function writeLksa(path: string, ref: DemoReference, opts: LksaOptions): Promise<LksaSummary> {
  const rng = new Rng(opts.seed, 'lksa');
  const { regions } = ref;
  const total = GRADES.reduce((s, g) => s + opts.grades[g], 0);

  // Institutions per region: one in almost every regency, the rest in proportion to child population (Java higher).
  const base = regions.map((): number => (rng.float() < 0.04 ? 0 : 1));
  const baseTotal = base.reduce((s, b) => s + b, 0);
  const weights = regions.map((r) => {
    const p = Number(r.province);
    return r.childPopulation * (p >= 31 && p <= 36 ? 1.4 : p >= 91 ? 0.6 : 1) * rng.logNormal(0.4);
  });
  const extra = largestRemainder(total - baseTotal, weights);
  const perRegion = regions.map((_, i) => base[i]! + extra[i]!);

  // Grades by rank of a latent score (regional quality plus individual noise), so counts are exact.
  const owners: number[] = [];
  perRegion.forEach((n, i) => { for (let k = 0; k < n; k++) owners.push(i); });
  const latent = owners.map((i) => 0.6 * opts.regionQuality[i]! + rng.normal());
  const order = owners.map((_, k) => k).sort((x, y) => latent[y]! - latent[x]! || x - y);
  const grade = new Array<Grade>(owners.length);
  let rank = 0;
  for (const g of GRADES) for (let k = 0; k < opts.grades[g]; k++) grade[order[rank++]!] = g;

  const refYear = yearOfDay(opts.refDay);
  const firstInspection = isoToDay('2021-01-01');
  const usedNames = new Set<string>();
  const summary: LksaSummary = {
    total: 0, byGrade: { A: 0, B: 0, C: 0, belum: 0 }, byLicence: {}, withFindings: 0,
  };

  await writeCsvAtomically(path, LKSA.columns.map((c) => c.name), async (w) => {
    let k = 0;
    for (let i = 0; i < regions.length; i++) {
      const r = regions[i]!;
      for (let n = 1; n <= perRegion[i]!; n++, k++) {
        const g = grade[k]!;
        const id = `LKSA-${r.code.replace('.', '')}-${String(n).padStart(4, '0')}`;
        let name: string;
        do name = `LKSA Demo ${rng.pick(PLANTS)} ${String(rng.int(0, 9999)).padStart(4, '0')}`; while (usedNames.has(name));
        usedNames.add(name);

        const status = LICENCE_BY_GRADE[g].sample(rng);
        let expiry = '';
        if (status === 'berlaku') {
          // Mostly valid beyond the reference date; a few already lapsed although still recorded as berlaku.
          const lo = isoToDay('2025-01-01');
          const hi = isoToDay('2030-12-31');
          const day = rng.float() < 0.08 || opts.refDay >= hi ? rng.int(lo, Math.min(opts.refDay, hi)) : rng.int(Math.max(lo, opts.refDay + 1), hi);
          expiry = formatDate(day, rng);
        } else if (status === 'kedaluwarsa') {
          expiry = formatDate(rng.int(isoToDay('2019-01-01'), opts.refDay - 1), rng);
        }
        const accreditationYear = g === 'belum' ? '' : String(rng.int(2015, Math.min(2025, refYear)));

        const children = drawChildren(rng);
        const caregivers = Math.max(1, Math.min(15, Math.round(children / 8 + rng.normal() * 1.5 + (g === 'A' ? 1.5 : g === 'belum' ? -0.5 : 0))));
        const socialWorkers = Math.max(0, Math.min(4, Math.round((g === 'A' ? 2 : g === 'B' ? 1.4 : g === 'C' ? 0.9 : 0.4) + rng.normal() * 0.8)));

        const inspected = rng.float() >= NOT_INSPECTED_BY_GRADE[g];
        const inspection = inspected ? formatDate(opts.refDay - Math.floor(Math.pow(rng.float(), 1.4) * (opts.refDay - firstInspection + 1)), rng) : '';
        const findings = inspected && rng.float() < FINDINGS_BY_GRADE[g]
          ? drawFindings(rng, status, children / caregivers) : [];

        let lat = '';
        let lng = '';
        if (rng.float() >= 0.1) {
          lat = clamp(r.lat + (rng.float() * 2 - 1) * 0.08, -11.5, 6.5).toFixed(4);
          lng = clamp(r.lng + (rng.float() * 2 - 1) * 0.08, 94.5, 141.5).toFixed(4);
        }
        const wilayah = opts.speller.spell(i, rng);
        await w.line([id, csvSafe(name), wilayah, status, expiry, g, accreditationYear, children, caregivers, socialWorkers,
          inspection, findings.join(LIST_SEPARATOR), lat, lng].join(','));

        summary.total++;
        summary.byGrade[g]++;
        summary.byLicence[status] = (summary.byLicence[status] ?? 0) + 1;
        if (findings.length > 0) summary.withFindings++;
      }
    }
  });
  return summary;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** ISO mostly; some day-first dates as Indonesian spreadsheets write them. */
const formatDate = (day: number, rng: Rng): string => (rng.float() < 0.05 ? dayToDmy(day) : dayToIso(day));

/** Children in care: mostly 10-80, a few under 5 (which the published table withholds), a few large homes. */
function drawChildren(rng: Rng): number {
  const u = rng.float();
  if (u < 0.02) return rng.int(1, 4);
  if (u < 0.06) return rng.int(5, 9);
  if (u < 0.95) return Math.round(10 + 70 * Math.pow(rng.float(), 1.3));
  return rng.int(81, 180);
}

/** At least one finding; risks of exploitation and trafficking are rare, no licence only where there is none. */
function drawFindings(rng: Rng, status: string, childrenPerCaregiver: number): string[] {
  const out: string[] = [];
  if (rng.float() < 0.08) out.push('risiko_eksploitasi');
  if (rng.float() < 0.04) out.push('risiko_tppo');
  if ((status === 'tidak_ada' || status === 'kedaluwarsa') && rng.float() < 0.7) out.push('tanpa_izin');
  if (rng.float() < 0.45) out.push('rencana_pengasuhan_tidak_ada');
  if (rng.float() < (childrenPerCaregiver > 10 ? 0.6 : 0.2)) out.push('rasio_pengasuh_tidak_memadai');
  if (rng.float() < 0.4) out.push('dokumen_anak_tidak_lengkap');
  if (rng.float() < 0.04) out.push('kekerasan_di_lembaga');
  if (out.length === 0) out.push(rng.float() < 0.5 ? 'dokumen_anak_tidak_lengkap' : 'rencana_pengasuhan_tidak_ada');
  return LKSA_FINDINGS.map((f) => f.code).filter((c) => out.includes(c));
}
