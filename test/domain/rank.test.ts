import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ranksByValue } from '../../src/domain/rank.ts';
import { Duck } from '../../src/pipeline/duck.ts';

// The one rank rule, checked against DuckDB's own rank() window (standard competition ranking, computed
// independently of the app's code) on random values with many ties and missing values.

let duck: Duck;
beforeAll(async () => { duck = await Duck.open(); });
afterAll(() => duck?.close());

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ranksByValue: 1 = the highest value', () => {
  it.each([1, 2, 3, 4, 5])('equals DuckDB rank() OVER (ORDER BY value DESC), seed %i', async (seed) => {
    const next = random(seed);
    const rows = Array.from({ length: 60 }, (_, i) => ({
      code: `r${String(i).padStart(2, '0')}`,
      value: next() < 0.15 ? null : Math.floor(next() * 12) / 4 - 1, // few distinct values: many ties, some negative
    }));
    const mine = ranksByValue(rows);
    const values = rows.map((r) => `(${JSON.stringify(r.code).replace(/"/g, "'")}, ${r.value === null ? 'NULL' : r.value})`).join(', ');
    const reference = await duck.all(`WITH t(code, value) AS (VALUES ${values}), ranked AS (
        SELECT code, value, rank() OVER (ORDER BY value DESC) AS rank, count(*) OVER () AS n,
               count(*) OVER (PARTITION BY value) - 1 AS tied
        FROM t WHERE value IS NOT NULL)
      SELECT code, rank::INTEGER AS rank, n::INTEGER AS n, tied::INTEGER AS tied FROM ranked ORDER BY code`);
    expect([...mine.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, r]) => ({ code, rank: r.rank, n: r.of, tied: r.tied })))
      .toEqual(reference.map((r) => ({ code: r.code, rank: r.rank, n: r.n, tied: r.tied })));
    expect(rows.filter((r) => r.value === null).every((r) => !mine.has(r.code))).toBe(true);
  });

  it('the lowest value ranks last; equal shares computed differently tie', () => {
    const r = ranksByValue([{ code: 'a', value: 1 }, { code: 'b', value: 100 / 3 }, { code: 'c', value: ((0.1 + 0.2) * 100) / 0.9 }]);
    expect(r.get('a')).toEqual({ rank: 3, of: 3, tied: 0 });
    expect(r.get('b')).toEqual({ rank: 1, of: 3, tied: 1 });
    expect(r.get('c')).toEqual({ rank: 1, of: 3, tied: 1 });
  });
});
