// The state of secondary suppression over the joint system, and its rounds: see suppress.ts for the method.
// Every decision is taken on the attacker's model (system.ts): equations keep 0 or at least 2 withheld cells, failing
// cells (exact pass, then interval pass) get a partner tried on the linear programme.

import { BuildError } from '../issues.ts';
import { componentOf, constraintsTouching, recoverableIn, unknownComponents } from './recover.ts';
import { cellRef, rowVarsOf, type CellSystem } from './system.ts';
import { checkComponent, ComponentLp, loadSolver, near, type Failure } from './intervals.ts';
import type { CellRow, TableCells } from './types.ts';

type Highs = Awaited<ReturnType<typeof loadSolver>>;

// How many candidate partners are tried against the linear programme before settling for the heaviest one.
const PARTNER_TRIALS = 6;
/** The rank of national cells among candidate partners: after every sub-national one. */
const NATIONAL_TIER = 3;
/** Added to the rank of rows published again after being withheld: partners of last resort. */
const LAST_RESORT_TIER = 10;
/** How often a row may be published again after being withheld. */
const MAX_RELEASES = 2;


interface Candidate {
  /** Var id of the row's first count: identifies the row. */
  rowVar: number;
  tier: number;
  net: number;
  value: number;
}

const better = (a: Candidate, b: Candidate): boolean =>
  a.tier !== b.tier ? a.tier < b.tier : a.net !== b.net ? a.net < b.net : a.value !== b.value ? a.value < b.value : a.rowVar < b.rowVar;

/** The suppression state of the joint system, with the bookkeeping the rounds need. */
export class Suppressor {
  /** Withheld in the table. */
  readonly withheld: Uint8Array;
  /** Withheld and not known to the attacker from elsewhere: the variables of the linear programmes. */
  readonly unknown: Uint8Array;
  private readonly consUnknown: Int32Array;
  private queue: number[] = [];
  /** Withheld cells not yet found to pass (new ones, failing ones, and determined ones of rows that may be released). */
  readonly pending: Uint8Array;
  readonly primaryRow: Uint8Array;
  /** How often each row was published again after being withheld. */
  private readonly released: Uint8Array;
  solves = 0;
  components = 0;

  constructor(
    private readonly sys: CellSystem, private readonly k: number, private readonly highs: Highs,
    readonly known: Uint8Array, private readonly preferred: Uint8Array,
  ) {
    this.withheld = new Uint8Array(sys.nVars);
    this.unknown = new Uint8Array(sys.nVars);
    this.consUnknown = new Int32Array(sys.nCons);
    this.pending = new Uint8Array(sys.nVars);
    this.primaryRow = new Uint8Array(sys.nVars);
    this.released = new Uint8Array(sys.nVars);
  }

  isRowWithheld(t: number, r: number): boolean {
    return this.withheld[(this.sys.base[t] as number) + r * (this.sys.measures[t] as string[]).length] === 1;
  }

  /** Withholds every count of the row holding var v. */
  withholdRowOf(v: number): void {
    for (const u of rowVarsOf(this.sys, v)) {
      if (this.withheld[u]) continue;
      this.withheld[u] = 1;
      if (this.known[u]) continue;
      this.unknown[u] = 1;
      this.pending[u] = 1;
      for (let i = this.sys.varConsStart[u] as number; i < (this.sys.varConsStart[u + 1] as number); i++) {
        const c = this.sys.varCons[i] as number;
        this.consUnknown[c] = (this.consUnknown[c] as number) + 1;
        if (this.consUnknown[c] === 1) this.queue.push(c);
      }
    }
  }

  /**
   * Publishes again a row that turned out to protect nothing (all its counts determined). Such a row is a partner of
   * last resort afterwards, and is published again at most twice (so the rounds cannot cycle).
   */
  releaseRowOf(v: number): void {
    if ((this.released[v] as number) >= MAX_RELEASES) {
      for (const u of rowVarsOf(this.sys, v)) this.pending[u] = 0;
      return;
    }
    for (const u of rowVarsOf(this.sys, v)) {
      this.withheld[u] = 0;
      this.released[u] = (this.released[u] as number) + 1;
      if (!this.unknown[u]) continue;
      this.unknown[u] = 0;
      for (let i = this.sys.varConsStart[u] as number; i < (this.sys.varConsStart[u + 1] as number); i++) {
        const c = this.sys.varCons[i] as number;
        this.consUnknown[c] = (this.consUnknown[c] as number) - 1;
      }
    }
  }

  /** Equations with exactly one unknown go first, partition ones before hierarchy ones, so a row gets its partner inside the row. */
  resetQueue(): void {
    const singles: number[] = [];
    for (let c = 0; c < this.sys.nCons; c++) if (this.consUnknown[c] === 1) singles.push(c);
    const rank = (c: number): number => (this.sys.consKind[c] === 'partition' ? 0 : 1);
    this.queue = singles.sort((a, b) => rank(a) - rank(b) || a - b);
  }

  /**
   * Published members of the relations, best first: rows withheld in an earlier snapshot, then non-zero parts (then
   * zero parts) before totals, national cells last; among equals, the row that leaves the fewest equations with a
   * single unknown, then the smallest count.
   */
  candidates(cons: readonly number[]): Candidate[] {
    const best = new Map<number, Candidate>();
    const netOf = new Map<number, number>();
    for (const c of cons) {
      const start = this.sys.consStart[c] as number;
      for (let j = start; j < (this.sys.consStart[c + 1] as number); j++) {
        const v = this.sys.consVars[j] as number;
        if (this.withheld[v] || this.known[v] || (this.sys.varRow[v] as number) < 0) continue;
        const t = this.sys.varTable[v] as number;
        const row = (this.sys.tables[t] as TableCells).rows[this.sys.varRow[v] as number] as CellRow;
        const value = this.sys.value[v] as number;
        const isTotal = this.sys.consSense[c] === 'eq' && j === start && this.sys.consKind[c] !== 'history';
        const tier = (this.released[v] ? LAST_RESORT_TIER : 0) + (row.level === 'national' ? NATIONAL_TIER + (isTotal ? 1 : 0) : this.preferred[v] ? -1 : isTotal ? 2 : value === 0 ? 1 : 0);
        const rowVar = v - (this.sys.varMeasure[v] as number);
        let net = netOf.get(rowVar);
        if (net === undefined) {
          net = 0;
          for (const u of rowVarsOf(this.sys, v)) {
            for (let i = this.sys.varConsStart[u] as number; i < (this.sys.varConsStart[u + 1] as number); i++) {
              const cu = this.sys.varCons[i] as number;
              if (this.sys.consSense[cu] !== 'eq') continue;
              const n = this.consUnknown[cu] as number;
              if (n === 0) net++;
              else if (n === 1) net--;
            }
          }
          netOf.set(rowVar, net);
        }
        const cand: Candidate = { rowVar, tier, net, value };
        const prev = best.get(rowVar);
        if (!prev || better(cand, prev)) best.set(rowVar, cand);
      }
    }
    return [...best.values()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }

  /** Gives every equation 0 or at least 2 unknowns. */
  greedy(): void {
    while (this.queue.length > 0) {
      const pending = this.queue;
      this.queue = [];
      for (const c of pending) {
        if (this.consUnknown[c] !== 1 || this.sys.consSense[c] !== 'eq') continue;
        const [best] = this.candidates([c]);
        if (best) this.withholdRowOf(best.rowVar);
        // An equation with no published member left (a statement about a single cell) is the interval pass's to judge.
      }
    }
  }

  /** A row may be published again when it is not small and every count in it is determined (or known). */
  private releasable(v: number, exact: (u: number) => boolean): boolean {
    if (this.primaryRow[v - (this.sys.varMeasure[v] as number)]) return false;
    return rowVarsOf(this.sys, v).every((u) => this.known[u] || exact(u));
  }

  /**
   * The pending cells of one component that fail, first by the exact (equations only) pass, then by the interval pass.
   * Cells that pass leave the pending set. A row that is not small and whose every count is determined protects
   * nothing: it is published again (its values are known anyway, so this tells nothing new).
   */
  checkPending(component: readonly number[]): Failure[] {
    const only = component.flatMap((v, i) => (this.pending[v] ? [i] : []));
    const determined = new Map(recoverableIn(this.sys, this.unknown, component).map((r) => [r.v, r.value]));
    const exactFailures: Failure[] = [];
    for (const i of only) {
      const v = component[i] as number;
      const value = determined.get(v);
      if (value === undefined) continue;
      if (this.releasable(v, (u) => determined.has(u))) this.releaseRowOf(v);
      else exactFailures.push({ v, lo: value, hi: value, problem: 'recoverable' });
    }
    if (exactFailures.length > 0) return exactFailures;
    const still = only.filter((i) => this.unknown[component[i] as number]);
    if (still.length < only.length) return this.checkPending(component.filter((v) => this.unknown[v]));
    const truth = Float64Array.from(component, (v) => this.sys.value[v] as number);
    const r = checkComponent(this.highs, this.sys, this.unknown, component, this.k, [truth], only, { lowerBounds: false });
    this.solves += r.solves;
    this.components++;
    const exact = new Set(r.failures.filter((f) => f.problem === 'recoverable').map((f) => f.v));
    const failures: Failure[] = [];
    for (const f of r.failures) {
      if (f.problem === 'recoverable' && this.releasable(f.v, (u) => exact.has(u))) {
        if (this.withheld[f.v]) this.releaseRowOf(f.v);
      } else failures.push(f);
    }
    const failing = new Set(failures.map((f) => f.v));
    for (const i of only) {
      const v = component[i] as number;
      if (!failing.has(v)) this.pending[v] = 0;
    }
    return failures;
  }

  /** A trial model of the component with every published neighbour as a pool cell that a trial may free. */
  trialModel(component: readonly number[]): ComponentLp {
    const pool = new Set<number>();
    for (const c of constraintsTouching(this.sys, component)) {
      for (let j = this.sys.consStart[c] as number; j < (this.sys.consStart[c + 1] as number); j++) {
        const v = this.sys.consVars[j] as number;
        if (this.unknown[v] || this.known[v] || (this.sys.varRow[v] as number) < 0) continue;
        for (const u of rowVarsOf(this.sys, v)) if (!this.unknown[u] && !this.known[u]) pool.add(u);
      }
    }
    return new ComponentLp(this.highs, this.sys, this.unknown, component, this.k, [...pool]);
  }

  /** Whether cell v passes in the trial model with the row of `rowVar` withheld too. */
  private passes(lp: ComponentLp, v: number, rowVar: number): boolean {
    const vars = rowVarsOf(this.sys, rowVar).filter((u) => !this.unknown[u] && !this.known[u]);
    const i = lp.component.indexOf(v);
    if (i < 0 || !lp.inPool(vars)) return false;
    lp.setFree(vars, true);
    try {
      const hi = lp.extreme(i, 1).value;
      const lo = hi < this.k - 1e-6 ? hi : lp.extreme(i, -1).value;
      return hi >= this.k - 1e-6 && !near(lo, hi);
    } finally {
      lp.setFree(vars, false);
    }
  }

  /** Whether withholding the row of `rowVar` too leaves cell v undetermined by the equations (exact and fast). */
  private undetermines(v: number, rowVar: number): boolean {
    const added = rowVarsOf(this.sys, rowVar).filter((u) => !this.unknown[u] && !this.known[u]);
    for (const u of added) this.unknown[u] = 1;
    try {
      return !recoverableIn(this.sys, this.unknown, componentOf(this.sys, this.unknown, [v])).some((r) => r.v === v);
    } finally {
      for (const u of added) this.unknown[u] = 0;
    }
  }

  /**
   * A partner for failing cell v: the best-ranked candidate that repairs it, else the heaviest one. A cell bounded
   * below k looks in the relations that bind at its largest value (the LP's duals) and needs mass: partners that
   * bring at least the missing amount come first. A determined cell is tried on the exact equations.
   */
  partnerFor(f: Failure, component: readonly number[], trial: () => ComponentLp): number | BuildError | undefined {
    const bounded = f.problem === 'bounded';
    let cands = bounded && f.binding && f.binding.length > 0 ? this.candidates(f.binding) : [];
    if (cands.length === 0) cands = this.candidates(constraintsTouching(this.sys, [f.v]));
    if (cands.length === 0) cands = this.candidates(constraintsTouching(this.sys, component));
    if (cands.length === 0) return this.stillFails(f.v) ? this.unprotectable(f) : undefined;
    const need = bounded ? Math.max(1, this.k - Math.floor(f.hi + 1e-6)) : 0;
    const byMass = (list: Candidate[]): Candidate[] => (need > 0 ? [...list.filter((c) => c.value >= need), ...list.filter((c) => c.value < need)] : list);
    const exactOnly = f.lo === f.hi && f.binding === undefined;
    // National cells are the headline figures: withheld only when no sub-national cell is left to try; rows published
    // again come last. When no trial repairs the cell at once, the heaviest candidate is taken and the next round goes
    // on from there.
    const groups = [
      cands.filter((c) => c.tier < NATIONAL_TIER),
      cands.filter((c) => c.tier >= NATIONAL_TIER && c.tier < LAST_RESORT_TIER),
      cands.filter((c) => c.tier >= LAST_RESORT_TIER),
    ];
    for (const group of groups) {
      const ordered = byMass(group);
      for (const cand of ordered.slice(0, PARTNER_TRIALS)) {
        if (exactOnly ? this.undetermines(f.v, cand.rowVar) : this.passes(trial(), f.v, cand.rowVar)) return cand.rowVar;
      }
      if (ordered.length > 0) return ordered.slice(0, PARTNER_TRIALS * 2).reduce((a, b) => (b.value > a.value ? b : a)).rowVar;
    }
    return this.unprotectable(f);
  }

  /** Whether cell v fails now (a partner withheld for another failure this round may have repaired it). */
  private stillFails(v: number): boolean {
    const comp = componentOf(this.sys, this.unknown, [v]);
    const lp = new ComponentLp(this.highs, this.sys, this.unknown, comp, this.k);
    try {
      const i = comp.indexOf(v);
      const hi = lp.extreme(i, 1).value;
      const lo = lp.extreme(i, -1).value;
      this.solves += lp.solves;
      return hi < this.k - 1e-6 || near(lo, hi);
    } finally {
      lp.dispose();
    }
  }

  /** A failing cell with no published neighbour left to withhold: everything around it is known already. */
  private unprotectable(f: Failure): BuildError {
    const ref = cellRef(this.sys, f.v);
    const history = [...new Set(constraintsTouching(this.sys, [f.v]).map((c) => this.sys.consSource[c]).filter((x) => x !== ''))];
    return new BuildError(`disclosure: ${ref.table} ${ref.year} ${ref.region_code}${ref.categories.length ? ` [${ref.categories.join(', ')}]` : ''} ${ref.column} ` +
      `cannot be protected: every cell around it is published${history.length ? ` here or in an earlier snapshot (${history.join(', ')}), which together give it as ${f.lo === f.hi ? f.lo : `${f.lo}..${f.hi}`}` : ''}. ` +
      'What was published once cannot be taken back; publish this snapshot only after a data protection review.');
  }

  /** Secondary suppression until no withheld cell fails. */
  protect(): void {
    for (;;) {
      this.resetQueue();
      this.greedy();
      let fixed = 0;
      const done = new Uint8Array(this.sys.nVars);
      for (const listed of unknownComponents(this.sys, this.unknown)) {
        // Partners withheld (or rows published again) earlier in this round may have changed this component.
        const live = listed.filter((v) => this.unknown[v]);
        if (live.length === 0) continue;
        const comp = fixed > 0 || live.length < listed.length ? componentOf(this.sys, this.unknown, live) : listed;
        if (comp.some((v) => done[v]) || !comp.some((v) => this.pending[v])) continue;
        for (const v of comp) done[v] = 1;
        const touched = new Set<number>();
        const failures = this.checkPending(comp);
        const current = comp.filter((v) => this.unknown[v]);
        let lp: ComponentLp | undefined;
        const trial = (): ComponentLp => (lp ??= this.trialModel(componentOf(this.sys, this.unknown, current)));
        for (const f of failures) {
          // A partner withheld for an earlier failure nearby may have repaired this one: it waits for the next round.
          if (constraintsTouching(this.sys, [f.v]).some((c) => touched.has(c))) continue;
          const partner = this.partnerFor(f, current, trial);
          if (partner instanceof BuildError) throw partner;
          if (partner === undefined) continue;
          // The trial model keeps the partner free: later trials in this component see it withheld.
          lp?.setFree(rowVarsOf(this.sys, partner), true);
          this.withholdRowOf(partner);
          for (const c of constraintsTouching(this.sys, rowVarsOf(this.sys, partner))) touched.add(c);
          for (const c of constraintsTouching(this.sys, [f.v])) touched.add(c);
          fixed++;
        }
        lp?.dispose();
      }
      if (fixed === 0) return;
    }
  }
}
