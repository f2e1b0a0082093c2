import { describe, expect, it } from 'vitest';
import { audit as auditTables, suppress, type AuditFinding, type CellRow, type RegionNode, type TableCells } from '../../src/pipeline/disclosure/index.ts';
import { DEFAULT_K } from '../../src/domain/disclosure.ts';
import {
  VIOLENCE_BY_DISABILITY, VIOLENCE_BY_PERPETRATOR, VIOLENCE_BY_PLACE, VIOLENCE_BY_SERVICE, VIOLENCE_BY_SEX_AGE,
  VIOLENCE_BY_TYPE, VIOLENCE_TOTALS, type PublishedTable,
} from '../../src/domain/tables.ts';
import { AGE_GROUPS, PERPETRATORS, PLACES, SERVICES, SERVICE_SUMMARIES, SEXES, VIOLENCE_TYPES, YES_NO, codes } from '../../src/domain/vocab.ts';
import { seededUniform as uniform } from '../helpers.ts';

// A synthetic input the size of the real release: 38 provinces, 514 kab/kota, 6 years, all
// seven violence tables, with many kab/kota reporting only a handful of children a year.


interface Rand {
  u: () => number;
  normal: () => number;
  poisson: (lambda: number) => number;
  binomial: (n: number, p: number) => number;
  pick: (cumulative: number[]) => number;
}

function rand(seed: number): Rand {
  const u = uniform(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const poisson = (lambda: number): number => {
    if (lambda > 60) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = u();
    while (p > limit) {
      k++;
      p *= u();
    }
    return k;
  };
  const binomial = (n: number, p: number): number => {
    let k = 0;
    for (let i = 0; i < n; i++) if (u() < p) k++;
    return k;
  };
  const pick = (cumulative: number[]): number => {
    const x = u() * (cumulative[cumulative.length - 1] as number);
    const i = cumulative.findIndex((c) => x < c);
    return i < 0 ? cumulative.length - 1 : i;
  };
  return { u, normal, poisson, binomial, pick };
}

const cumulate = (weights: number[]): number[] => {
  let s = 0;
  return weights.map((w) => (s += w));
};

function syntheticRegions(r: Rand): RegionNode[] {
  const out: RegionNode[] = [{ code: '00', level: 'national', parent: null }];
  const sizes = Array.from({ length: 38 }, () => 4);
  for (let extra = 514 - 4 * 38; extra > 0; extra--) sizes[Math.floor(Math.pow(r.u(), 1.6) * 38)]! += 1;
  sizes.forEach((n, i) => {
    const p = String(11 + i);
    out.push({ code: p, level: 'province', parent: '00' });
    for (let j = 1; j <= n; j++) out.push({ code: `${p}.${String(j).padStart(2, '0')}`, level: 'regency', parent: p });
  });
  return out;
}

interface Leaf {
  victims: number;
  cases: number;
  /** Per table name: victims (and cases) per category combination. */
  split: Map<string, { victims: number[]; cases: number[] }>;
}

interface TablePlan {
  spec: PublishedTable;
  combos: string[][];
  weights: number[];
}

const PLANS: TablePlan[] = [
  { spec: VIOLENCE_BY_TYPE, combos: codes(VIOLENCE_TYPES).map((c) => [c]), weights: [0.3, 0.25, 0.45, 0.05, 0.02, 0.08, 0.05] },
  {
    spec: VIOLENCE_BY_SEX_AGE,
    combos: codes(SEXES).flatMap((s) => AGE_GROUPS.map((a) => [s, a.code])),
    weights: [0.08, 0.14, 0.2, 0.1, 0.2, 0.28],
  },
  { spec: VIOLENCE_BY_PLACE, combos: codes(PLACES).map((c) => [c]), weights: [0.55, 0.12, 0.15, 0.02, 0.01, 0.05, 0.1] },
  { spec: VIOLENCE_BY_PERPETRATOR, combos: codes(PERPETRATORS).map((c) => [c]), weights: [0.15, 0.15, 0.25, 0.12, 0.06, 0.02, 0.01, 0.01, 0.13, 0.1] },
  { spec: VIOLENCE_BY_DISABILITY, combos: codes(YES_NO).map((c) => [c]), weights: [0.04, 0.96] },
  {
    spec: VIOLENCE_BY_SERVICE,
    combos: [...codes(SERVICES), ...codes(SERVICE_SUMMARIES)].map((c) => [c]),
    weights: [0.9, 0.4, 0.2, 0.25, 0.1, 0.03, 0.02, 0.35, 0.08, 0.04, 0.05, 0.03, 0.93, 0.1],
  },
];

/**
 * One kab/kota-year, simulated child by child so that every relation of the disclosure model holds: each child in
 * exactly one category of a partition table, in at least one type of violence, in any number of services (with the
 * two summary services the unions of the others), and every case with at least one child.
 */
function leafCounts(r: Rand, lambda: number): Leaf {
  const victims = r.poisson(lambda);
  const cases = victims === 0 ? 0 : victims - r.binomial(victims - 1, 0.15);
  const caseOf = Array.from({ length: victims }, (_, i) => (i < cases ? i : Math.floor(r.u() * cases)));
  const split = new Map<string, { victims: number[]; cases: number[] }>();
  for (const plan of PLANS) {
    const d = plan.spec.disclosure as NonNullable<PublishedTable['disclosure']>;
    const unions = Object.entries(d.unions ?? {});
    const categoryIndex = new Map(plan.combos.map((c, i) => [c[0] as string, i]));
    const members: Set<number>[] = [];
    for (let i = 0; i < victims; i++) {
      const set = new Set<number>();
      if (d.membership === 'partition') {
        set.add(r.pick(cumulate(plan.weights)));
      } else {
        plan.weights.forEach((p, j) => {
          if (!unions.some(([u]) => categoryIndex.get(u) === j) && r.u() < Math.min(1, p)) set.add(j);
        });
        if (d.membership === 'cover' && set.size === 0) set.add(r.pick(cumulate(plan.weights)));
        for (const [u, list] of unions) {
          if (list.some((m) => set.has(categoryIndex.get(m) as number))) set.add(categoryIndex.get(u) as number);
        }
      }
      members.push(set);
    }
    const v = plan.combos.map((_, j) => members.filter((m) => m.has(j)).length);
    const c = plan.combos.map((_, j) => new Set(members.flatMap((m, i) => (m.has(j) ? [caseOf[i]] : []))).size);
    split.set(plan.spec.name, { victims: v, cases: c });
  }
  return { victims, cases, split };
}

function syntheticInput(seed: number, years: number[], scale = 1): { regions: RegionNode[]; tables: TableCells[] } {
  const r = rand(seed);
  const regions = syntheticRegions(r);
  const regencies = regions.filter((x) => x.level === 'regency');
  // Log-normal rates: most kab/kota report a few children a year, a few report hundreds.
  const rate = new Map(regencies.map((x) => [x.code, scale * Math.exp(1.5 + 1.2 * r.normal())]));
  const rows = new Map<string, CellRow[]>([[VIOLENCE_TOTALS.name, []], ...PLANS.map((p): [string, CellRow[]] => [p.spec.name, []])]);
  for (const year of years) {
    const leaves = new Map(regencies.map((x) => [x.code, leafCounts(r, (rate.get(x.code) as number) * (0.8 + 0.1 * (year - years[0]!)))]));
    const sumOver = (node: RegionNode): Leaf => {
      const own = leaves.get(node.code);
      if (own) return own;
      const kids = regions.filter((x) => x.parent === node.code).map(sumOver);
      const split = new Map<string, { victims: number[]; cases: number[] }>();
      for (const plan of PLANS) {
        const add = (f: 'victims' | 'cases'): number[] =>
          plan.combos.map((_, i) => kids.reduce((s, k) => s + (k.split.get(plan.spec.name)?.[f][i] as number), 0));
        split.set(plan.spec.name, { victims: add('victims'), cases: add('cases') });
      }
      const sum: Leaf = { victims: kids.reduce((s, k) => s + k.victims, 0), cases: kids.reduce((s, k) => s + k.cases, 0), split };
      leaves.set(node.code, sum);
      return sum;
    };
    sumOver(regions[0] as RegionNode);
    for (const node of regions) {
      const leaf = leaves.get(node.code) as Leaf;
      const base = { year, region_code: node.code, level: node.level, suppressed: false };
      rows.get(VIOLENCE_TOTALS.name)!.push({ ...base, categories: [], counts: { cases: leaf.cases, victims: leaf.victims } });
      for (const plan of PLANS) {
        const s = leaf.split.get(plan.spec.name) as { victims: number[]; cases: number[] };
        const withCases = (plan.spec.disclosure?.counts ?? []).includes('cases');
        plan.combos.forEach((categories, i) => {
          const counts: Record<string, number | null> = { victims: s.victims[i] as number };
          if (withCases) counts.cases = s.cases[i] as number;
          rows.get(plan.spec.name)!.push({ ...base, categories, counts });
        });
      }
    }
  }
  const tables = [VIOLENCE_TOTALS, ...PLANS.map((p) => p.spec)].map((spec) => ({ spec, rows: rows.get(spec.name) as CellRow[] }));
  return { regions, tables };
}

/** The audit's findings alone. */
const audit = async (tables: TableCells[], regions: RegionNode[], k: number): Promise<AuditFinding[]> => (await auditTables(tables, regions, k)).findings;

describe('realistic size', () => {
  const years = [2019, 2020, 2021, 2022, 2023, 2024];
  const { regions, tables } = syntheticInput(20240917, years);

  it('suppresses all seven tables so that the audit finds nothing', async () => {
    const t0 = performance.now();
    const res = await suppress(tables, regions, DEFAULT_K);
    const t1 = performance.now();
    const findings = await audit(res.tables, regions, DEFAULT_K);
    const t2 = performance.now();
    const inputRows = tables.reduce((s, t) => s + t.rows.length, 0);
    console.log(
      `disclosure, realistic size (${inputRows} input rows, ${regions.length} regions, ${years.length} years): ` +
      `suppress ${(t1 - t0).toFixed(0)} ms, audit ${(t2 - t1).toFixed(0)} ms`,
    );
    console.log(Object.entries(res.stats).map(([name, s]) => `  ${name}: ${JSON.stringify(s)}`).join('\n'));
    expect(findings).toEqual([]);
    expect(res.stats.violence_totals?.finestLevel).toBe('regency');
    expect(res.stats.violence_totals!.secondary).toBeGreaterThan(0);
    // Every input table comes back, each row either published in full or withheld in full.
    expect(res.tables.map((t) => t.spec.name)).toEqual(tables.map((t) => t.spec.name));
    for (const t of res.tables) {
      for (const row of t.rows) {
        const nulls = Object.values(row.counts).filter((v) => v === null).length;
        expect(nulls).toBe(row.suppressed ? Object.keys(row.counts).length : 0);
      }
    }
    // The naive publication (primary suppression only, at the same levels) is not safe on this input.
    const key = (name: string, r: CellRow): string => [name, r.year, r.region_code, ...r.categories].join('|');
    const truth = new Map(tables.flatMap((t) => t.rows.map((r): [string, CellRow] => [key(t.spec.name, r), r])));
    const naive = res.tables.map((t) => ({
      spec: t.spec,
      rows: t.rows.map((row) => {
        const real = truth.get(key(t.spec.name, row)) as CellRow;
        const small = Object.values(real.counts).some((v) => (v as number) >= 1 && (v as number) < DEFAULT_K);
        return small ? row : { ...real, counts: { ...real.counts } };
      }),
    }));
    expect((await audit(naive, regions, DEFAULT_K)).some((f) => f.problem === 'recoverable')).toBe(true);
  });

  it('also holds when counts are large enough to keep partition tables at kab/kota level', async () => {
    const dense = syntheticInput(7, years, 30);
    const t0 = performance.now();
    const res = await suppress(dense.tables, dense.regions, DEFAULT_K);
    const findings = await audit(res.tables, dense.regions, DEFAULT_K);
    console.log(`disclosure, dense variant: suppress + audit ${(performance.now() - t0).toFixed(0)} ms`);
    expect(Object.values(res.stats).filter((s) => s.finestLevel === 'regency').length).toBeGreaterThan(2);
    expect(findings).toEqual([]);
  });

  it('is deterministic', async () => {
    const a = await suppress(tables, regions, DEFAULT_K);
    const b = await suppress(tables, regions, DEFAULT_K);
    expect({ ...b, cost: undefined }).toEqual({ ...a, cost: undefined });
  });
});
