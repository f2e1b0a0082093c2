// Seeded pseudo-random numbers for the synthetic demo data. Nothing here is cryptographic:
// the only requirements are speed, a long enough period, and the same output for the same seed on any machine.

/** 32-bit finaliser (the avalanche step of MurmurHash3): spreads every input bit over the output. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of a string, 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small-fast-counting generator (SFC32) with 128 bits of state. Each named stream is seeded from
 * (seed, name), so adding a stream or drawing more numbers from one never shifts the values of another.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(seed: number, stream = '') {
    const s = mix32(seed >>> 0);
    const h = hashString(stream);
    this.a = mix32(s ^ 0x9e3779b9);
    this.b = mix32(h ^ 0x243f6a88);
    this.c = mix32((s + h) ^ 0xb7e15162);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal (Box-Muller, caching the second value). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u = this.float();
    while (u <= 1e-12) u = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * this.float();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Log-normal factor with median 1. */
  logNormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  /** An element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** In-place Fisher-Yates shuffle. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/** A categorical distribution over codes, sampled by a linear scan of the cumulative weights (lists here are short). */
export class Categorical<C extends string> {
  readonly codes: readonly C[];
  private readonly cumulative: Float64Array;

  constructor(weights: ReadonlyArray<readonly [C, number]>) {
    const total = weights.reduce((s, [, w]) => s + w, 0);
    if (!(total > 0)) throw new Error('categorical distribution with no weight');
    this.codes = weights.map(([c]) => c);
    this.cumulative = new Float64Array(weights.length);
    let acc = 0;
    weights.forEach(([, w], i) => {
      acc += w / total;
      this.cumulative[i] = acc;
    });
    this.cumulative[weights.length - 1] = 1;
  }

  /** The index of a draw. */
  index(rng: Rng): number {
    const u = rng.float();
    const cum = this.cumulative;
    let i = 0;
    while (u >= cum[i]!) i++;
    return i;
  }

  sample(rng: Rng): C {
    return this.codes[this.index(rng)]!;
  }

  /** The probability of each code, in order. */
  probabilities(): number[] {
    return Array.from(this.cumulative, (c, i) => c - (i === 0 ? 0 : this.cumulative[i - 1]!));
  }
}
