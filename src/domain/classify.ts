import { ckmeans, quantile } from 'simple-statistics';

/**
 * Class breaks for choropleth maps. Bounds are ascending: bounds[0] = min, bounds[last] = max, and class i holds
 * the values v with bounds[i] < v <= bounds[i + 1] (the first class also holds bounds[0], and may hold only it:
 * bounds[1] = bounds[0]; all later bounds strictly increase). There are k + 1 bounds for k classes, or fewer when the
 * values have fewer distinct values than k, or quantiles coincide.
 */
export type ClassMethod = 'quantile' | 'jenks';

/**
 * Class bounds for `values` (non-finite values such as NaN are ignored):
 * - 'quantile': k classes with about the same number of values (simple-statistics `quantile`, linear interpolation);
 * - 'jenks': natural breaks (simple-statistics `ckmeans`, optimal 1-D k-means), each bound the largest value of a class.
 * Degenerate input: no values -> []; all values equal -> [v, v] (one class); fewer distinct values than k -> one class
 * per distinct value at most; bounds never repeat.
 */
export function classify(values: readonly number[], method: ClassMethod, k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number >= 1, got ${k}`);
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [min, max];
  const distinct = countDistinct(sorted);
  const classes = Math.min(k, distinct);
  let inner: number[];
  if (method === 'quantile') {
    inner = [];
    for (let i = 1; i < classes; i++) inner.push(quantile(sorted, i / classes));
  } else {
    // Upper bound of every class but the last (the last ends at max).
    inner = ckmeans(sorted, classes).slice(0, -1).map((cluster) => cluster[cluster.length - 1]!);
  }
  return strictlyIncreasing([min, ...inner, max]);
}

/**
 * Symmetric bounds around 0 for a diverging palette (e.g. a change in per cent): k equal classes from -m to m,
 * m = the largest absolute value. With k odd the middle class holds 0. No values -> []; all zero -> [0, 0].
 */
export function classifyAroundZero(values: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number >= 1, got ${k}`);
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [];
  const m = finite.reduce((acc, v) => Math.max(acc, Math.abs(v)), 0);
  if (m === 0) return [0, 0];
  return Array.from({ length: k + 1 }, (_, i) => (i === k ? m : -m + (2 * m * i) / k));
}

/**
 * The class of `value` for `bounds` from classify(): 0 .. bounds.length - 2. Values below the first bound fall in the
 * first class and above the last in the last class. -1 when value is not a finite number or there are no classes.
 */
export function classOf(value: number | null | undefined, bounds: readonly number[]): number {
  if (value === null || value === undefined || !Number.isFinite(value) || bounds.length < 2) return -1;
  const last = bounds.length - 2;
  for (let i = 0; i < last; i++) {
    if (value <= bounds[i + 1]!) return i;
  }
  return last;
}

function countDistinct(sorted: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Drops repeated bounds, except that the first class may end at the minimum (a class of the minimum alone). */
function strictlyIncreasing(bounds: readonly number[]): number[] {
  const out: number[] = [];
  for (const b of bounds) if (out.length <= 1 || b > out[out.length - 1]!) out.push(b);
  return out;
}
