// An independent attacker for the disclosure tests: written from the published data dictionary (what each table
// means), not from src/pipeline/disclosure, and solved with another LP solver (GLPK) than the pipeline's (HiGHS).
// Given published tables (and optionally earlier snapshots with the cells the attacker can tell are unchanged), it
// computes the smallest and largest value of withheld cells consistent with everything published.

import GLPK from 'glpk.js/node';

/** A published row of a count table, as a reader downloads it. */
export interface PubRow {
  table: string;
  year: number;
  region_code: string;
  level: 'national' | 'province' | 'regency';
  category: string;
  cases: number | null;
  victims: number | null;
}

export interface Release {
  /** A name for the snapshot (variables of different snapshots are different unknowns unless linked). */
  id: string;
  rows: PubRow[];
}

type Glpk = Awaited<ReturnType<typeof GLPK>>;
let glpk: Glpk | undefined;

// What the data dictionary says about each table (README "Published tables", column descriptions).
const PARTITION = new Set(['violence_by_sex_age', 'violence_by_place', 'violence_by_perpetrator', 'violence_by_disability']);
const COVER = new Set(['violence_by_type']);
const SUBSETS = new Set(['violence_by_service']);
const SERVICE_UNIONS: Record<string, string[]> = {
  layanan_apa_pun: ['pengaduan', 'kesehatan', 'bantuan_hukum', 'penegakan_hukum', 'rehabilitasi_sosial', 'reintegrasi_sosial', 'pemulangan', 'pendampingan_psikologis', 'mediasi', 'pkh', 'pbi_jkn', 'pip'],
  rujukan_perlindungan_sosial: ['pkh', 'pbi_jkn', 'pip'],
};

interface Term { name: string; coef: number }
interface Cons { terms: Term[]; op: '=' | '<='; rhs: number }

export interface Bounds { lo: number; hi: number }

/**
 * The attacker: one linear programme over every withheld cell of the releases. `parentOf` maps a region code to its
 * parent ('00' for provinces, the province for kab/kota). `same` lists cells of different releases that the attacker
 * takes to be one unknown (unchanged between the snapshots): [releaseA, key, releaseB].
 */
export class Attacker {
  private readonly cons: Cons[] = [];
  private readonly vars = new Set<string>();
  private readonly published = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(releases: Release[], parentOf: Map<string, string>, same: Array<[string, string, string]> = []) {
    for (const rel of releases) this.addRelease(rel, parentOf);
    for (const [a, key, b] of same) {
      const x = this.term(`${a}|${key}`);
      const y = this.term(`${b}|${key}`);
      if (typeof x === 'number' && typeof y === 'number') continue;
      const terms: Term[] = [];
      let rhs = 0;
      if (typeof x === 'number') rhs -= x; else terms.push({ name: x, coef: 1 });
      if (typeof y === 'number') rhs += y; else terms.push({ name: y, coef: -1 });
      this.cons.push({ terms, op: '=', rhs });
    }
  }

  /** The value of a published cell, or the name of the unknown. */
  private term(key: string): number | string {
    const v = this.published.get(key);
    if (v !== undefined) return v;
    let name = this.names.get(key);
    if (name === undefined) {
      name = `x${this.names.size}`;
      this.names.set(key, name);
      this.vars.add(name);
    }
    return name;
  }

  private add(parts: Array<[string, number]>, op: '=' | '<=', rhs = 0): void {
    const terms: Term[] = [];
    let r = rhs;
    for (const [key, coef] of parts) {
      const t = this.term(key);
      if (typeof t === 'number') r -= coef * t;
      else terms.push({ name: t, coef });
    }
    if (terms.length > 0) this.cons.push({ terms, op, rhs: r });
  }

  private addRelease(rel: Release, parentOf: Map<string, string>): void {
    const key = (r: { table: string; year: number; region_code: string; category: string }, m: string): string =>
      `${rel.id}|${r.table}|${r.year}|${r.region_code}|${r.category}|${m}`;
    for (const r of rel.rows) {
      for (const m of ['cases', 'victims'] as const) if (r[m] !== null) this.published.set(key(r, m), r[m] as number);
    }
    const measures = (table: string): Array<'cases' | 'victims'> => (table === 'violence_totals' || table === 'violence_by_type' ? ['cases', 'victims'] : ['victims']);
    const has = new Set(rel.rows.map((r) => `${r.table}|${r.year}|${r.region_code}|${r.category}`));
    // Sums over sub-regions.
    const children = new Map<string, { parent: { table: string; year: number; region_code: string; category: string }; kids: PubRow[] }>();
    for (const r of rel.rows) {
      const p = parentOf.get(r.region_code);
      if (p === undefined || !has.has(`${r.table}|${r.year}|${p}|${r.category}`)) continue;
      const k = `${r.table}|${r.year}|${p}|${r.category}`;
      const entry = children.get(k) ?? { parent: { table: r.table, year: r.year, region_code: p, category: r.category }, kids: [] };
      entry.kids.push(r);
      children.set(k, entry);
    }
    for (const { parent, kids } of children.values()) {
      for (const m of measures(parent.table)) {
        this.add([[key(parent, m), 1], ...kids.map((c): [string, number] => [key(c, m), -1])], '=');
      }
    }
    // How each table relates to violence_totals, and unions; cases never exceed victims.
    const groups = new Map<string, PubRow[]>();
    for (const r of rel.rows) {
      if (r.table === 'violence_totals') continue;
      const k = `${r.table}\u0001${r.year}\u0001${r.region_code}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    for (const rows of groups.values()) {
      const { table, year, region_code: region } = rows[0] as PubRow;
      const total = (m: string): string => key({ table: 'violence_totals', year: Number(year), region_code: region, category: '' }, m);
      if (!has.has(`violence_totals|${year}|${region}|`)) continue;
      for (const m of measures(table)) {
        if (PARTITION.has(table)) this.add([[total(m), 1], ...rows.map((r): [string, number] => [key(r, m), -1])], '=');
        if (COVER.has(table) || SUBSETS.has(table)) for (const r of rows) this.add([[key(r, m), 1], [total(m), -1]], '<=');
        if (COVER.has(table)) this.add([[total(m), 1], ...rows.map((r): [string, number] => [key(r, m), -1])], '<=');
      }
      if (SUBSETS.has(table)) {
        const cell = (c: string): string => key({ table, year: Number(year), region_code: region, category: c }, 'victims');
        for (const [u, members] of Object.entries(SERVICE_UNIONS)) {
          for (const m of members) this.add([[cell(m), 1], [cell(u), -1]], '<=');
          this.add([[cell(u), 1], ...members.map((m): [string, number] => [cell(m), -1])], '<=');
        }
        this.add([[cell('rujukan_perlindungan_sosial'), 1], [cell('layanan_apa_pun'), -1]], '<=');
      }
    }
    for (const r of rel.rows) {
      if (measures(r.table).length === 2) this.add([[key(r, 'cases'), 1], [key(r, 'victims'), -1]], '<=');
    }
  }

  /** The interval of one cell of a release: [lo, hi] over everything the attacker knows (exact published value when published). */
  async bounds(release: string, r: { table: string; year: number; region_code: string; category: string }, measure: 'cases' | 'victims'): Promise<Bounds> {
    glpk ??= await GLPK();
    const t = this.term(`${release}|${r.table}|${r.year}|${r.region_code}|${r.category}|${measure}`);
    if (typeof t === 'number') return { lo: t, hi: t };
    const g = glpk;
    const solve = (direction: number): number => {
      const res = g.solve({
        name: 'attack',
        objective: { direction, name: 'obj', vars: [{ name: t, coef: 1 }] },
        subjectTo: this.cons.map((c, i) => ({
          name: `c${i}`, vars: c.terms,
          bnds: c.op === '=' ? { type: g.GLP_FX, lb: c.rhs, ub: c.rhs } : { type: g.GLP_UP, lb: 0, ub: c.rhs },
        })),
        bounds: [...this.vars].map((name) => ({ name, type: g.GLP_LO, lb: 0, ub: 0 })),
      }, { msglev: g.GLP_MSG_OFF, presol: false });
      if (res.result.status === g.GLP_UNBND) return direction === g.GLP_MAX ? Number.POSITIVE_INFINITY : 0;
      if (res.result.status !== g.GLP_OPT) throw new Error(`attacker: GLPK status ${res.result.status}`);
      return res.result.z;
    };
    return { lo: solve(g.GLP_MIN), hi: solve(g.GLP_MAX) };
  }
}
