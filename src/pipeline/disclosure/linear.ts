// Exact sparse Gauss-Jordan elimination, used to decide which unknown cells a system of
// published sums pins down. Rows are kept as integer vectors divided by their content gcd
// (fraction-free), so no rounding is ever involved: a tolerance could call a cell safe when it is not.

/** One equation sum(vals[j] * x[cols[j]]) = rhs, cols strictly increasing. */
export interface SparseRow {
  cols: number[];
  vals: number[];
  rhs: number;
}

/** An unknown that the equations determine, with the value they force. */
export interface Determined {
  col: number;
  value: number;
}

interface IntOps<T> {
  from(n: number): T;
  isZero(a: T): boolean;
  isNeg(a: T): boolean;
  neg(a: T): T;
  mul(a: T, b: T): T;
  sub(a: T, b: T): T;
  div(a: T, b: T): T;
  gcd(a: T, b: T): T;
  toNumber(a: T): number;
}

class CoefficientOverflow extends Error {}

const safe = (x: number): number => {
  if (!Number.isSafeInteger(x)) throw new CoefficientOverflow('coefficient overflow');
  return x;
};

// Plain numbers are fast and suffice for the near-unimodular systems of nested sums;
// any step leaving the safe-integer range aborts and the whole system is redone in bigint.
const NUMBER_OPS: IntOps<number> = {
  from: (n) => n,
  isZero: (a) => a === 0,
  isNeg: (a) => a < 0,
  neg: (a) => (a === 0 ? 0 : -a),
  mul: (a, b) => safe(a * b),
  sub: (a, b) => safe(a - b),
  div: (a, b) => a / b,
  gcd: (a, b) => {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) [x, y] = [y, x % y];
    return x;
  },
  toNumber: (a) => a,
};

const BIGINT_OPS: IntOps<bigint> = {
  from: (n) => BigInt(n),
  isZero: (a) => a === 0n,
  isNeg: (a) => a < 0n,
  neg: (a) => -a,
  mul: (a, b) => a * b,
  sub: (a, b) => a - b,
  div: (a, b) => a / b,
  gcd: (a, b) => {
    let x = a < 0n ? -a : a;
    let y = b < 0n ? -b : b;
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  },
  toNumber: (a) => Number(a),
};

interface Row<T> {
  cols: number[];
  vals: T[];
}

function coefficientAt<T>(row: Row<T>, col: number): T | undefined {
  let lo = 0;
  let hi = row.cols.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = row.cols[mid] as number;
    if (c === col) return row.vals[mid];
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** s * a - r * b, chosen so that column `col` cancels, then divided by the content gcd. */
function cancel<T>(ops: IntOps<T>, s: Row<T>, r: Row<T>, col: number): Row<T> {
  const sc = coefficientAt(s, col) as T;
  const rc = coefficientAt(r, col) as T;
  const g = ops.gcd(sc, rc);
  const a = ops.div(rc, g);
  const b = ops.div(sc, g);
  const cols: number[] = [];
  const vals: T[] = [];
  let i = 0;
  let j = 0;
  while (i < s.cols.length || j < r.cols.length) {
    const ci = i < s.cols.length ? (s.cols[i] as number) : Number.POSITIVE_INFINITY;
    const cj = j < r.cols.length ? (r.cols[j] as number) : Number.POSITIVE_INFINITY;
    let c: number;
    let v: T;
    if (ci === cj) {
      c = ci;
      v = ops.sub(ops.mul(s.vals[i] as T, a), ops.mul(r.vals[j] as T, b));
      i++;
      j++;
    } else if (ci < cj) {
      c = ci;
      v = ops.mul(s.vals[i] as T, a);
      i++;
    } else {
      c = cj;
      v = ops.neg(ops.mul(r.vals[j] as T, b));
      j++;
    }
    if (c !== col && !ops.isZero(v)) {
      cols.push(c);
      vals.push(v);
    }
  }
  let content: T | undefined;
  for (const v of vals) content = content === undefined ? ops.gcd(v, v) : ops.gcd(content, v);
  if (content !== undefined && !ops.isZero(content)) {
    for (let k = 0; k < vals.length; k++) vals[k] = ops.div(vals[k] as T, content);
  }
  return { cols, vals };
}

function eliminate<T>(ops: IntOps<T>, nCols: number, input: readonly SparseRow[]): Determined[] {
  // The right-hand side rides along as column nCols, the largest, so it is never chosen as a pivot.
  const pivots: Row<T>[] = [];
  const pivotCol: number[] = [];
  const rowOfPivot = new Int32Array(nCols).fill(-1);
  for (const eq of input) {
    let s: Row<T> = { cols: [...eq.cols], vals: eq.vals.map((v) => ops.from(v)) };
    if (eq.rhs !== 0) {
      s.cols.push(nCols);
      s.vals.push(ops.from(eq.rhs));
    }
    // Pivot rows are fully reduced, so cancelling one pivot column never brings in another.
    const hits = s.cols.filter((c) => c < nCols && (rowOfPivot[c] as number) >= 0);
    for (const c of hits) s = cancel(ops, s, pivots[rowOfPivot[c] as number] as Row<T>, c);
    const p = s.cols[0];
    if (p === undefined || p >= nCols) continue;
    if (ops.isNeg(s.vals[0] as T)) s.vals = s.vals.map((v) => ops.neg(v));
    for (let q = 0; q < pivots.length; q++) {
      const row = pivots[q] as Row<T>;
      if (coefficientAt(row, p) !== undefined) pivots[q] = cancel(ops, row, s, p);
    }
    rowOfPivot[p] = pivots.length;
    pivots.push(s);
    pivotCol.push(p);
  }
  const out: Determined[] = [];
  for (let q = 0; q < pivots.length; q++) {
    const row = pivots[q] as Row<T>;
    const unknownsInRow = row.cols[row.cols.length - 1] === nCols ? row.cols.length - 1 : row.cols.length;
    if (unknownsInRow !== 1) continue;
    const coef = ops.toNumber(row.vals[0] as T);
    const rhs = row.cols.length === 2 ? ops.toNumber(row.vals[1] as T) : 0;
    out.push({ col: pivotCol[q] as number, value: rhs / coef });
  }
  return out.sort((x, y) => x.col - y.col);
}

// After full reduction, e_col lies in the row space exactly when col is a pivot whose row has no other unknown.
/** Unknowns x[col] whose value the equations force, ascending, with that value. */
export function determinedColumns(nCols: number, rows: readonly SparseRow[]): Determined[] {
  try {
    return eliminate(NUMBER_OPS, nCols, rows);
  } catch (e) {
    if (e instanceof CoefficientOverflow) return eliminate(BIGINT_OPS, nCols, rows);
    throw e;
  }
}
