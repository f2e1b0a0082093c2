// The interval audit: for every withheld cell, the smallest and largest values consistent with everything
// published, by linear programming over one component of withheld cells at a time (HiGHS, compiled to WebAssembly:
// a maintained, exact-pivoting simplex solver that keeps a model and its basis between solves, so the many small
// re-solves of one component are warm-started).
//
// A cell fails when its interval is a single value (recoverable) or ends below k (bounded: the attacker proves it
// holds at most k-1, so it is either a small count or part of a small group). Solving a max and a min for every cell
// would be thousands of programmes; instead every solution found is kept as a witness, since a feasible point proves
// its values possible for all cells at once: a witness with x >= k certifies the upper end, two witnesses that differ
// at a cell certify that it is not determined. One programme (maximise sum(min(x, k))) certifies most cells; only the
// rest get a programme of their own. Counts are whole numbers, and so is every witness: where a linear programme's
// optimum is fractional (possible where bounds and unions meet), the cell's extreme is the mixed-integer one.

import highsLoader from 'highs';
import type { CellSystem } from './system.ts';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
type Model = ReturnType<Highs['createModel']>;

let runtime: Promise<Highs> | undefined;

/** The solver runtime, loaded once per process. */
export const loadSolver = (): Promise<Highs> => (runtime ??= highsLoader());

const TOL = 1e-6;
const isWhole = (x: number): boolean => Math.abs(x - Math.round(x)) <= TOL * Math.max(1, Math.abs(x));
/** A point whose every value is a whole number: a possible table of counts, not only a relaxation's. */
const isWholePoint = (x: Float64Array): boolean => x.every(isWhole);
/** Equal within the solver's tolerance, relative to the size of the values. */
export const near = (a: number, b: number): boolean => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));

/** A withheld cell's interval that fails the rule, with its kind. */
export interface Failure {
  v: number;
  lo: number;
  hi: number;
  problem: 'recoverable' | 'bounded';
  /** Relations (constraint ids) that bind at the cell's largest value: where a partner helps. */
  binding?: number[];
}

/** The published data contradict themselves inside this component: no value of the withheld cells fits. */
export class InfeasibleComponent extends Error {
  constructor(readonly component: readonly number[]) {
    super('the published relations have no solution for these withheld cells');
  }
}

const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED = new Set([9, 10]);

/**
 * The linear programme of one component: columns x (the withheld cells, >= 0), then optional pool columns (published
 * cells, fixed at their values, that a trial may free: candidate partners), then s (0 <= s <= k, s <= x); rows the
 * relations touching the component or the pool, with the other published cells moved to the right-hand side.
 */
export class ComponentLp {
  private readonly model: Model;
  private readonly n: number;
  /** Columns in all: x, pool, s. */
  private readonly cols: number;
  private readonly poolCol = new Map<number, number>();
  private readonly poolValue: number[] = [];
  /** The relation (constraint id) of each LP row; -1 for the s <= x rows. */
  private readonly rowCons: number[] = [];
  solves = 0;

  constructor(
    private readonly highs: Highs, sys: CellSystem, unknown: Uint8Array, readonly component: readonly number[], k: number,
    pool: readonly number[] = [],
  ) {
    const n = component.length;
    this.n = n;
    const local = new Map<number, number>();
    component.forEach((v, i) => local.set(v, i));
    for (const v of pool) {
      if (local.has(v) || unknown[v]) continue;
      local.set(v, n + this.poolValue.length);
      this.poolCol.set(v, n + this.poolValue.length);
      this.poolValue.push(sys.value[v] as number);
    }
    const m = this.poolValue.length;
    this.cols = 2 * n + m;
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rowLower: number[] = [];
    const rowUpper: number[] = [];
    const seen = new Set<number>();
    for (const v of [...component, ...this.poolCol.keys()]) {
      for (let i = sys.varConsStart[v] as number; i < (sys.varConsStart[v + 1] as number); i++) {
        const c = sys.varCons[i] as number;
        if (seen.has(c)) continue;
        seen.add(c);
        const coef = new Map<number, number>();
        let rhs = sys.consRhs[c] as number;
        let outside = false;
        let inComponent = false;
        for (let j = sys.consStart[c] as number; j < (sys.consStart[c + 1] as number); j++) {
          const u = sys.consVars[j] as number;
          const a = sys.consCoef[j] as number;
          const col = local.get(u);
          if (col !== undefined) {
            coef.set(col, (coef.get(col) ?? 0) + a);
            if (col < n) inComponent = true;
          } else if (unknown[u]) outside = true;
          else rhs -= a * (sys.value[u] as number);
        }
        if (outside) {
          // A relation of the component proper is closed over it; a pool cell's relation reaching another component
          // is left out of the trial model (the trial is then optimistic; the next check is exact).
          if (inComponent) throw new Error('ComponentLp: component is not closed under its relations');
          continue;
        }
        const cols = [...coef.keys()].filter((col) => coef.get(col) !== 0).sort((a, b) => a - b);
        if (cols.length === 0) continue;
        for (const col of cols) {
          indices.push(col);
          values.push(coef.get(col) as number);
        }
        starts.push(indices.length);
        rowLower.push(sys.consSense[c] === 'eq' ? rhs : -highs.infinity);
        rowUpper.push(rhs);
        this.rowCons.push(c);
      }
    }
    // s_i - x_i <= 0
    for (let i = 0; i < n; i++) {
      indices.push(i, n + m + i);
      values.push(-1, 1);
      starts.push(indices.length);
      rowLower.push(-highs.infinity);
      rowUpper.push(0);
    }
    const numRows = rowLower.length;
    const colLower = new Float64Array(this.cols);
    const colUpper = new Float64Array(this.cols);
    for (let j = 0; j < this.cols; j++) colUpper[j] = j < n ? highs.infinity : j < n + m ? (this.poolValue[j - n] as number) : k;
    for (let j = n; j < n + m; j++) colLower[j] = this.poolValue[j - n] as number;
    this.model = highs.createModel({
      numCols: this.cols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: new Float64Array(this.cols),
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      matrix: { format: 'csr', numRows, numCols: this.cols, starts, indices, values },
    });
    this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 });
  }

  /** Frees pool cells (a trial withholding them) or fixes them again at their published values. */
  setFree(vars: readonly number[], free: boolean): void {
    for (const v of vars) {
      const col = this.poolCol.get(v);
      if (col === undefined) continue;
      const value = this.poolValue[col - this.n] as number;
      this.model.changeColBounds(col, free ? 0 : value, free ? this.highs.infinity : value);
    }
  }

  /** Whether every one of the vars is a pool column (so a trial can free it). */
  inPool(vars: readonly number[]): boolean {
    return vars.every((v) => this.poolCol.has(v));
  }

  private cost: Float64Array | undefined;

  private solve(cost: Float64Array): { status: 'optimal' | 'unbounded'; x: Float64Array; objective: number } {
    // Only the changed costs are sent, so the model keeps its basis and the next run starts from it.
    const prev = this.cost;
    if (!prev) this.model.changeColsCost({ kind: 'range', from: 0, to: this.cols - 1 }, cost);
    else for (let j = 0; j < cost.length; j++) if (cost[j] !== prev[j]) this.model.changeColCost(j, cost[j] as number);
    this.cost = cost;
    const status = this.model.run().modelStatus;
    this.solves++;
    if (status === INFEASIBLE) throw new InfeasibleComponent(this.component);
    if (UNBOUNDED.has(status)) return { status: 'unbounded', x: new Float64Array(0), objective: Number.POSITIVE_INFINITY };
    if (status !== OPTIMAL) throw new Error(`interval audit: the LP solver stopped with model status ${status}`);
    return { status: 'optimal', x: this.model.getSolution().colValue.slice(0, this.n), objective: this.model.getObjectiveValue() };
  }

  /** A point maximising the sum of min(x, k) over the chosen cells: as many of them as possible at k or more. */
  reachK(chosen?: ArrayLike<number>): Float64Array {
    const cost = new Float64Array(this.cols);
    const s0 = this.cols - this.n;
    if (chosen) for (let i = 0; i < chosen.length; i++) cost[s0 + (chosen[i] as number)] = 1;
    else cost.fill(1, s0);
    return this.solve(cost).x;
  }

  /** A point minimising the sum of the chosen cells. */
  lowPoint(chosen: ArrayLike<number>): Float64Array {
    const cost = new Float64Array(this.cols);
    for (let i = 0; i < chosen.length; i++) cost[chosen[i] as number] = -1;
    return this.solve(cost).x;
  }

  /** The largest (sign 1) or smallest (sign -1) value of cell i, with the point that attains it. */
  extreme(i: number, sign: 1 | -1): { value: number; x: Float64Array } {
    const cost = new Float64Array(this.cols);
    cost[i] = sign;
    const r = this.solve(cost);
    if (r.status === 'unbounded') return { value: sign * Number.POSITIVE_INFINITY, x: r.x };
    return { value: sign * r.objective + 0, x: r.x };
  }

  /**
   * The extreme of cell i over whole numbers of children: the linear programme's, when its optimum is a whole-number
   * point (as it is for sums over a hierarchy); else the mixed-integer programme's, which an attacker could also solve.
   */
  extremeInt(i: number, sign: 1 | -1, withBinding = false): { value: number; x: Float64Array; binding?: number[] } {
    const r = this.extreme(i, sign);
    // The duals of the linear programme tell where a partner helps (taken before a MIP run replaces the solution).
    const binding = withBinding && Number.isFinite(r.value) ? this.binding() : undefined;
    if (!Number.isFinite(r.value) || (isWhole(r.value) && isWholePoint(r.x))) return { ...r, ...(binding ? { binding } : {}) };
    const cols = { kind: 'range' as const, from: 0, to: this.n - 1 };
    this.model.changeColsIntegrality(cols, new Int32Array(this.n).fill(1));
    try {
      const status = this.model.run().modelStatus;
      this.solves++;
      if (status !== OPTIMAL) throw new Error(`interval audit: the MIP solver stopped with model status ${status}`);
      return { value: Math.round(sign * this.model.getObjectiveValue()) + 0, x: this.model.getSolution().colValue.slice(0, this.n), ...(binding ? { binding } : {}) };
    } finally {
      this.model.changeColsIntegrality(cols, new Int32Array(this.n));
    }
  }

  /** The relations with a non-zero dual in the last linear programme: those that hold its optimum where it is. */
  private binding(): number[] {
    const dual = this.model.getSolution().rowDual;
    const out: number[] = [];
    this.rowCons.forEach((c, r) => {
      if (c >= 0 && Math.abs(dual[r] as number) > 1e-9) out.push(c);
    });
    return out;
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * The failing cells of one component: every cell whose interval is a single value or ends below k. `witnesses` are
 * known feasible points over the component (the true counts, when the caller has them); `only` restricts the check to
 * some of the component's cells (indices into it), e.g. those withheld since the last check: withholding more cells
 * only widens the intervals of the others, so a cell that passed keeps passing.
 */
export function checkComponent(
  highs: Highs, sys: CellSystem, unknown: Uint8Array, component: readonly number[], k: number,
  witnesses: readonly Float64Array[] = [], only?: readonly number[], opts: { lowerBounds?: boolean } = {},
): { failures: Failure[]; solves: number } {
  // The suppressor needs to know which cells fail; the audit also reports each failing cell's lower end.
  const lowerBounds = opts.lowerBounds ?? true;
  const n = component.length;
  const lp = new ComponentLp(highs, sys, unknown, component, k);
  try {
    const lowSeen = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const highSeen = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    // Only whole-number points are witnesses: an attacker who knows counts are whole numbers is not fooled by a
    // fractional one (an interval [2, 2.5] is the single count 2).
    const see = (x: Float64Array): void => {
      if (x.length !== n || !isWholePoint(x)) return;
      for (let i = 0; i < n; i++) {
        const xi = x[i] as number;
        if (xi < (lowSeen[i] as number)) lowSeen[i] = xi;
        if (xi > (highSeen[i] as number)) highSeen[i] = xi;
      }
    };
    const reachesK = (i: number): boolean => (highSeen[i] as number) >= k - TOL;
    const varies = (i: number): boolean => !near(lowSeen[i] as number, highSeen[i] as number);
    const cells = only ?? Array.from({ length: n }, (_, i) => i);
    for (const w of witnesses) see(w);
    // Push the cells not yet at k towards it, as long as that certifies more of them.
    let open = cells.filter((i) => !reachesK(i));
    see(lp.reachK(open.length === 0 ? cells : open));
    for (;;) {
      const still = open.filter((i) => !reachesK(i));
      if (still.length === open.length || still.length < 2) break;
      open = still;
      see(lp.reachK(open));
    }
    // And a low point: most cells then differ from the high ones, which proves them not determined.
    const fixed = cells.filter((i) => !varies(i));
    if (fixed.length > 1) see(lp.lowPoint(fixed));

    const failures: Failure[] = [];
    for (const i of cells) {
      if (reachesK(i) && varies(i)) continue;
      const top = lp.extremeInt(i, 1, true);
      see(top.x);
      if (top.value >= k - TOL && varies(i)) continue;
      const binding = top.value < k - TOL ? top.binding : undefined;
      let lo = lowSeen[i] as number;
      if (top.value >= k - TOL || lowerBounds) {
        const bottom = lp.extremeInt(i, -1);
        see(bottom.x);
        lo = bottom.value;
      }
      const hi = top.value;
      if (hi >= k - TOL && !near(lo, hi)) continue;
      failures.push({ v: component[i] as number, lo, hi, problem: near(lo, hi) ? 'recoverable' : 'bounded', ...(binding ? { binding } : {}) });
    }
    return { failures, solves: lp.solves };
  } finally {
    lp.dispose();
  }
}
