import { VIOLENCE, LIST_SEPARATOR } from '../../domain/raw-contract.ts';
import { SERVICES, VIOLENCE_TYPES, type ViolenceType } from '../../domain/vocab.ts';
import { CountSampler, SmallCountSampler, largestRemainder } from './alloc.ts';
import { dayToDmy, dayToIso, weekday, yearStart } from './dates.ts';
import type { DemoReference, DemoRegion, PublishedTargets } from './reference.ts';
import { Categorical, Rng } from './rng.ts';
import type { RegionSpeller } from './spelling.ts';
import { writeCsvAtomically } from './writer.ts';

/** The national figures one year of synthetic violence data is built to. */
export interface ViolenceYearTarget {
  year: number;
  cases: number;
  victims: number;
  /** Number of cases having each type (a case counts once per type). */
  typeCases: Record<ViolenceType, number>;
}

/** What was generated for one year (equals the target except where a tiny --scale forces a compromise). */
export interface ViolenceYearSummary {
  year: number;
  cases: number;
  victims: number;
  typeCases: Record<ViolenceType, number>;
}

const TYPE_CODES = VIOLENCE_TYPES.map((t) => t.code) as ViolenceType[];
const PUBLISHED_TYPES = TYPE_CODES.filter((t) => t !== 'lainnya') as Array<Exclude<ViolenceType, 'lainnya'>>;
/** Share of cases whose (only) type is 'lainnya'; SIMFONI publishes no figure for it. */
const OTHER_TYPE_SHARE = 0.03;
/** Among cases with more than one victim: share with 2, 3, 4 victims. */
const MULTI_VICTIM_SPLIT = [0.76, 0.17, 0.07] as const;
const DMY_SHARE = 0.05;

/** National targets per year. With `scale`, victims are `scale` rows split over the years in the published proportions. */
export function violenceTargets(pub: PublishedTargets, scale?: number): ViolenceYearTarget[] {
  const withVictims = pub.violenceYears.find((y) => y.victims !== null);
  if (!withVictims || withVictims.victims === null) throw new Error('no published victim count to calibrate victims per case');
  const ratio = withVictims.victims / withVictims.cases;
  const years = pub.violenceYears.filter((y) => y.year >= 2019 && y.year <= 2024).sort((a, b) => a.year - b.year);

  const share = (year: number, t: Exclude<ViolenceType, 'lainnya'>): number => {
    const s19 = pub.typeCases[2019][t] / casesOf(pub, 2019);
    const s23 = pub.typeCases[2023][t] / casesOf(pub, 2023);
    const f = Math.min(1, Math.max(0, (year - 2019) / 4));
    return s19 + f * (s23 - s19);
  };

  const full = years.map((y): ViolenceYearTarget => {
    const victims = y.victims ?? Math.round(y.cases * ratio);
    const typeCases = {} as Record<ViolenceType, number>;
    for (const t of PUBLISHED_TYPES) {
      typeCases[t] = y.year === 2019 || y.year === 2023 ? pub.typeCases[y.year][t] : Math.round(share(y.year, t) * y.cases);
    }
    typeCases.lainnya = Math.round(OTHER_TYPE_SHARE * y.cases);
    return { year: y.year, cases: y.cases, victims, typeCases };
  });
  if (scale === undefined) return full;

  const victimsPerYear = largestRemainder(scale, full.map((y) => y.victims));
  return full.map((y, i) => {
    const victims = victimsPerYear[i]!;
    const cases = victims === 0 ? 0 : Math.min(victims, Math.max(Math.ceil(victims / 4), Math.round((victims * y.cases) / y.victims)));
    const typeCases = {} as Record<ViolenceType, number>;
    for (const t of TYPE_CODES) typeCases[t] = Math.min(cases, Math.round((y.typeCases[t] * cases) / y.cases));
    return { year: y.year, cases, victims, typeCases };
  });
}

const casesOf = (pub: PublishedTargets, year: number): number => {
  const y = pub.violenceYears.find((v) => v.year === year);
  if (!y) throw new Error(`no published case count for ${year}`);
  return y.cases;
};

/** Reporting propensity: far more reports reach SIMFONI-PPA from Java and from cities than from Papua and the remote east. */
export function reportingFactor(r: DemoRegion): number {
  const p = Number(r.province);
  let f = 1;
  if (p >= 31 && p <= 36) f *= 1.7;
  if (r.kind === 'kota') f *= 1.5;
  if (p >= 91) f *= 0.35;
  else if (p === 53 || p === 81 || p === 82) f *= 0.6;
  return f;
}

/** Number of cases with 1, 2, 3, 4 victims so that cases and victims are exact. */
export function victimsPerCaseCounts(cases: number, victims: number): [number, number, number, number] {
  const extra = victims - cases;
  if (extra < 0 || extra > 3 * cases) throw new Error(`cannot spread ${victims} victims over ${cases} cases (1-4 each)`);
  const meanExtra = MULTI_VICTIM_SPLIT[0] + 2 * MULTI_VICTIM_SPLIT[1] + 3 * MULTI_VICTIM_SPLIT[2];
  const multi = extra / meanExtra;
  let n4 = Math.round(multi * MULTI_VICTIM_SPLIT[2]);
  let n3 = Math.round(multi * MULTI_VICTIM_SPLIT[1]);
  let n2 = extra - 2 * n3 - 3 * n4;
  if (n2 < 0 || n2 + n3 + n4 > cases) {
    n4 = Math.floor(extra / 3);
    const rest = extra - 3 * n4;
    n3 = rest === 2 ? 1 : 0;
    n2 = rest === 1 ? 1 : 0;
  }
  return [cases - n2 - n3 - n4, n2, n3, n4];
}

// ---- victim-level distributions -------------------------------------------------------------------------

const TYPE_BIT = Object.fromEntries(TYPE_CODES.map((t, i) => [t, 1 << i])) as Record<ViolenceType, number>;
const TYPE_LIST_BY_MASK: string[] = Array.from({ length: 1 << TYPE_CODES.length }, (_, mask) =>
  TYPE_CODES.filter((_t, i) => mask & (1 << i)).join(LIST_SEPARATOR));

const SERVICE_CODES = SERVICES.map((s) => s.code);
const SERVICE_BIT = Object.fromEntries(SERVICE_CODES.map((s, i) => [s, 1 << i])) as Record<(typeof SERVICE_CODES)[number], number>;

function serviceList(mask: number): string {
  let out = '';
  for (let i = 0; i < SERVICE_CODES.length; i++) {
    if (mask & (1 << i)) out = out === '' ? SERVICE_CODES[i]! : out + LIST_SEPARATOR + SERVICE_CODES[i]!;
  }
  return out;
}

/** Base place weights; placeFor() moves some teachers' cases to schools etc., giving about 55/15/11/9/6/3/1.5 overall. */
const PLACES = new Categorical([
  ['rumah_tangga', 0.59], ['fasilitas_umum', 0.15], ['sekolah', 0.085], ['lainnya', 0.10],
  ['daring', 0.035], ['tempat_kerja', 0.025], ['lembaga_pendidikan_kilat', 0.015],
] as const);

/** Age-group weights (0-5, 6-12, 13-17): sexual violence skews to adolescents; overall about 12/33/55. */
const AGE_GROUPS_SEXUAL = new Categorical([['0-5', 0.08], ['6-12', 0.29], ['13-17', 0.63]] as const);
const AGE_GROUPS_OTHER = new Categorical([['0-5', 0.175], ['6-12', 0.385], ['13-17', 0.44]] as const);
const TEEN_AGE = new Categorical([['13', 0.17], ['14', 0.21], ['15', 0.22], ['16', 0.22], ['17', 0.18]] as const);
const GIRL_SHARE_SEXUAL = 0.85;
const GIRL_SHARE_OTHER = 0.61;
const ADULT_CONTEXT_PERPETRATORS = new Set(['suami_istri', 'majikan', 'rekan_kerja']);

interface YearPlan {
  target: ViolenceYearTarget;
  regionCases: number[];
  dayCases: number[];
  firstDay: number;
  victimsPerCase: [number, number, number, number];
  primary: number[];
  secondary: number[];
}

function planYear(target: ViolenceYearTarget, regionWeights: readonly number[], yearNoise: readonly number[], lastDay: number): YearPlan {
  const { year, cases } = target;
  const regionCases = largestRemainder(cases, regionWeights.map((w, i) => w * yearNoise[i]!));
  const firstDay = yearStart(year);
  const nDays = Math.min(yearStart(year + 1), lastDay + 1) - firstDay;
  if (nDays <= 0) throw new Error(`reference date is before ${year}`);
  const dayWeights = Array.from({ length: nDays }, (_, d) => {
    const wd = weekday(firstDay + d);
    const week = wd === 0 ? 0.45 : wd === 6 ? 0.6 : wd === 5 ? 0.95 : 1.08;
    return week * (1 + 0.12 * Math.sin((2 * Math.PI * (d - 80)) / 365));
  });
  const dayCases = largestRemainder(cases, dayWeights);

  // Types: each case gets one primary type; 'lainnya' is only ever primary. Secondary memberships then bring
  // each type up to its exact number of cases.
  const other = target.typeCases.lainnya;
  const main = PUBLISHED_TYPES.map((t) => target.typeCases[t]);
  const mainPrimary = largestRemainder(Math.max(0, cases - other), main.some((m) => m > 0) ? main : main.map(() => 1));
  const primary = TYPE_CODES.map((t) => (t === 'lainnya' ? Math.min(other, cases) : mainPrimary[PUBLISHED_TYPES.indexOf(t)]!));
  const secondary = TYPE_CODES.map((t, i) => (t === 'lainnya' ? 0 : Math.max(0, Math.min(cases, target.typeCases[t]) - primary[i]!)));
  return { target, regionCases, dayCases, firstDay, victimsPerCase: victimsPerCaseCounts(cases, target.victims), primary, secondary };
}

export interface ViolenceOptions {
  seed: number;
  /** Last day a report may carry (the snapshot reference date), as days since 1970-01-01. */
  lastDay: number;
  targets: ViolenceYearTarget[];
  speller: RegionSpeller;
}

/** Writes kekerasan.csv (streamed, bounded memory) and returns what was written per year. */
export async function writeViolence(path: string, ref: DemoReference, opts: ViolenceOptions): Promise<ViolenceYearSummary[]> {
  const { regions } = ref;
  const stable = new Rng(opts.seed, 'violence/region-factor');
  const regionWeights = regions.map((r) => r.childPopulation * reportingFactor(r) * stable.logNormal(0.35));
  const perpetrators = new Categorical(ref.published.perpetrators);
  const summaries: ViolenceYearSummary[] = [];
  const header = VIOLENCE.columns.map((c) => c.name);

  await writeCsvAtomically(path, header, async (w) => {
    for (const target of opts.targets) {
      const noise = new Rng(opts.seed, `violence/year-noise/${target.year}`);
      const yearNoise = regions.map(() => noise.logNormal(0.1));
      const plan = planYear(target, regionWeights, yearNoise, opts.lastDay);
      const rng = new Rng(opts.seed, `violence/${target.year}`);
      const summary: ViolenceYearSummary = {
        year: target.year, cases: 0, victims: 0, typeCases: Object.fromEntries(TYPE_CODES.map((t) => [t, 0])) as Record<ViolenceType, number>,
      };
      const regionSampler = new CountSampler(plan.regionCases);
      const sizeSampler = new SmallCountSampler(plan.victimsPerCase);
      const primarySampler = new SmallCountSampler(plan.primary);
      const secondaryLeft = [...plan.secondary];
      const eligibleLeft = plan.primary.map((p) => target.cases - p);
      const prefix = `K-${target.year}-`;

      for (let d = 0; d < plan.dayCases.length; d++) {
        const day = plan.firstDay + d;
        const iso = dayToIso(day);
        const dmy = dayToDmy(day);
        for (let k = 0; k < plan.dayCases[d]!; k++) {
          summary.cases++;
          const id = prefix + String(summary.cases).padStart(6, '0');
          const regionIndex = regionSampler.draw(rng);
          const wilayah = opts.speller.spell(regionIndex, rng);
          const date = rng.float() < DMY_SHARE ? dmy : iso;
          const nVictims = sizeSampler.draw(rng) + 1;

          const primary = primarySampler.draw(rng);
          let mask = 1 << primary;
          for (let t = 0; t < TYPE_CODES.length; t++) {
            if (t === primary) continue;
            const eligible = eligibleLeft[t]!;
            if (eligible <= 0) continue;
            if (secondaryLeft[t]! > 0 && rng.float() * eligible < secondaryLeft[t]!) {
              mask |= 1 << t;
              secondaryLeft[t]!--;
            }
            eligibleLeft[t] = eligible - 1;
          }
          for (let t = 0; t < TYPE_CODES.length; t++) if (mask & (1 << t)) summary.typeCases[TYPE_CODES[t]!]++;

          const perpetrator = perpetrators.sample(rng);
          const place = placeFor(perpetrator, rng);
          const adultContext = ADULT_CONTEXT_PERPETRATORS.has(perpetrator);
          const caseFields = `${date},${wilayah},`;
          const incidentFields = `,${place},${perpetrator},`;

          for (let v = 0; v < nVictims; v++) {
            // The first victim carries every type of the case; others keep the primary type and most secondary ones.
            let vMask = mask;
            if (v > 0) {
              for (let t = 0; t < TYPE_CODES.length; t++) {
                if (t !== primary && (mask & (1 << t)) && rng.float() < 0.3) vMask &= ~(1 << t);
              }
            }
            const sexual = (vMask & TYPE_BIT.seksual) !== 0;
            const sex = rng.float() < (sexual ? GIRL_SHARE_SEXUAL : GIRL_SHARE_OTHER) ? 'P' : 'L';
            const group = adultContext ? '13-17' : (sexual ? AGE_GROUPS_SEXUAL : AGE_GROUPS_OTHER).sample(rng);
            const age = group === '0-5' ? rng.int(0, 5) : group === '6-12' ? rng.int(6, 12) : Number(TEEN_AGE.sample(rng));
            const disability = rng.float() < 0.03 ? 'ya' : 'tidak';
            const services = serviceList(drawServices(vMask, rng));
            // id_korban numbers the victims of a case: rows of one case may otherwise be identical (a group case).
            w.push(`${id},${v + 1},${caseFields}${sex},${age},${TYPE_LIST_BY_MASK[vMask]!}${incidentFields}${disability},${services}`);
            summary.victims++;
          }
          await w.maybeFlush();
        }
      }
      if (summary.cases !== target.cases || summary.victims !== target.victims) {
        throw new Error(`internal: ${target.year} generated ${summary.cases}/${summary.victims}, planned ${target.cases}/${target.victims}`);
      }
      summaries.push(summary);
    }
  });
  return summaries;
}

function placeFor(perpetrator: string, rng: Rng): string {
  const u = rng.float();
  if (perpetrator === 'guru' && u < 0.65) return 'sekolah';
  if ((perpetrator === 'majikan' || perpetrator === 'rekan_kerja') && u < 0.7) return 'tempat_kerja';
  if (perpetrator === 'pacar_teman' && u < 0.1) return 'daring';
  return PLACES.sample(rng);
}

const TRAFFICKING_OR_EXPLOITATION = TYPE_BIT.tppo | TYPE_BIT.eksploitasi;

/** Services for one victim as a bit mask over SERVICES; about 8% have none yet. */
function drawServices(typeMask: number, rng: Rng): number {
  if (rng.float() < 0.08) return 0;
  const sexual = (typeMask & TYPE_BIT.seksual) !== 0;
  const physical = (typeMask & TYPE_BIT.fisik) !== 0;
  const trafficked = (typeMask & TRAFFICKING_OR_EXPLOITATION) !== 0;
  let m = 0;
  if (rng.float() < 0.9) m |= SERVICE_BIT.pengaduan;
  if (rng.float() < (physical || sexual ? 0.5 : 0.35)) m |= SERVICE_BIT.kesehatan;
  if (rng.float() < 0.42) m |= SERVICE_BIT.pendampingan_psikologis;
  if (rng.float() < (sexual ? 0.45 : 0.25)) m |= SERVICE_BIT.penegakan_hukum;
  if (rng.float() < 0.28) m |= SERVICE_BIT.bantuan_hukum;
  if (rng.float() < 0.12) m |= SERVICE_BIT.rehabilitasi_sosial;
  if (rng.float() < 0.07) m |= SERVICE_BIT.mediasi;
  if (rng.float() < (trafficked ? 0.3 : 0.03)) m |= SERVICE_BIT.reintegrasi_sosial;
  if (rng.float() < ((typeMask & TYPE_BIT.tppo) !== 0 ? 0.4 : 0.01)) m |= SERVICE_BIT.pemulangan;
  if (m === 0) m = SERVICE_BIT.pengaduan;
  // Referral to social protection: about 13% of served victims come from households found eligible.
  if (rng.float() < 0.13) {
    if (rng.float() < 0.5) m |= SERVICE_BIT.pkh;
    if (rng.float() < 0.42) m |= SERVICE_BIT.pbi_jkn;
    if (rng.float() < 0.33) m |= SERVICE_BIT.pip;
  }
  return m;
}
