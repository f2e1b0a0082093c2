import type { Rng } from './rng.ts';

/**
 * Splits `total` into whole parts proportional to `weights` (Hamilton's largest-remainder method):
 * floors first, then one more to the largest remainders; ties go to the lower index. Sum is exactly `total`.
 */
export function largestRemainder(total: number, weights: ArrayLike<number>): number[] {
  const n = weights.length;
  if (!Number.isInteger(total) || total < 0) throw new Error(`largestRemainder: total must be a whole number >= 0, got ${total}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`largestRemainder: weight ${i} is ${w}`);
    sum += w;
  }
  const out = new Array<number>(n).fill(0);
  if (total === 0) return out;
  if (!(sum > 0)) throw new Error('largestRemainder: all weights are zero');
  const remainders: Array<[number, number]> = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (total * weights[i]!) / sum;
    const floor = Math.floor(exact);
    out[i] = floor;
    given += floor;
    remainders.push([exact - floor, i]);
  }
  remainders.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; k < total - given; k++) out[remainders[k % n]![1]]! += 1;
  return out;
}

/**
 * Draws items without replacement from a multiset given by counts, in O(log n) per draw (a Fenwick tree).
 * Drawing every item yields exactly the counts, in a uniformly random order.
 */
export class CountSampler {
  private readonly tree: Float64Array;
  private readonly size: number;
  private remaining: number;
  private readonly topBit: number;

  constructor(counts: ArrayLike<number>) {
    this.size = counts.length;
    this.tree = new Float64Array(this.size + 1);
    this.remaining = 0;
    for (let i = 0; i < this.size; i++) {
      const c = counts[i]!;
      this.remaining += c;
      for (let j = i + 1; j <= this.size; j += j & -j) this.tree[j]! += c;
    }
    let bit = 1;
    while (bit * 2 <= this.size) bit *= 2;
    this.topBit = bit;
  }

  get left(): number {
    return this.remaining;
  }

  /** The index of the next item; throws when none are left. */
  draw(rng: Rng): number {
    if (this.remaining <= 0) throw new Error('CountSampler: nothing left to draw');
    let target = Math.floor(rng.float() * this.remaining);
    let pos = 0;
    for (let bit = this.topBit; bit > 0; bit >>= 1) {
      const next = pos + bit;
      if (next <= this.size && this.tree[next]! <= target) {
        pos = next;
        target -= this.tree[next]!;
      }
    }
    // pos is the 0-based index of the drawn item
    for (let j = pos + 1; j <= this.size; j += j & -j) this.tree[j]! -= 1;
    this.remaining -= 1;
    return pos;
  }
}

/** Like CountSampler, for a handful of categories (linear scan, no tree). */
export class SmallCountSampler {
  private readonly counts: number[];
  private remaining: number;

  constructor(counts: readonly number[]) {
    this.counts = [...counts];
    this.remaining = counts.reduce((s, c) => s + c, 0);
  }

  draw(rng: Rng): number {
    if (this.remaining <= 0) throw new Error('SmallCountSampler: nothing left to draw');
    let target = Math.floor(rng.float() * this.remaining);
    let i = 0;
    while (target >= this.counts[i]!) {
      target -= this.counts[i]!;
      i++;
    }
    this.counts[i]! -= 1;
    this.remaining -= 1;
    return i;
  }
}
