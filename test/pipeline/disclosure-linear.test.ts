import { describe, expect, it } from 'vitest';
import { determinedColumns, type SparseRow } from '../../src/pipeline/disclosure/linear.ts';
import { seededUniform as uniform } from '../helpers.ts';

// The elimination decides what "recoverable" means for both suppress() and audit(), so it is
// checked here against a deliberately naive reference: e_i is in the row space of A iff
// appending e_i to A does not raise the rank (dense bigint elimination, no shortcuts).

function rank(rows: bigint[][]): number {
  const m = rows.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p] as bigint[], m[r] as bigint[]];
    const pivot = m[r] as bigint[];
    for (let i = 0; i < m.length; i++) {
      const row = m[i] as bigint[];
      if (i === r || row[c] === 0n) continue;
      const f = row[c] as bigint;
      const g = pivot[c] as bigint;
      m[i] = row.map((x, j) => x * g - (pivot[j] as bigint) * f);
    }
    r++;
  }
  return r;
}

function referenceDetermined(n: number, rows: SparseRow[]): number[] {
  const dense = rows.map((row) => {
    const d = Array.from({ length: n }, () => 0n);
    row.cols.forEach((c, j) => (d[c] = BigInt(row.vals[j] as number)));
    return d;
  });
  if (dense.length === 0) return [];
  const base = rank(dense);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = Array.from({ length: n }, (_, j) => (j === i ? 1n : 0n));
    if (rank([...dense, e]) === base) out.push(i);
  }
  return out;
}


function randomSystem(u: () => number, n: number, m: number, coef: () => number): SparseRow[] {
  const rows: SparseRow[] = [];
  for (let i = 0; i < m; i++) {
    const cols: number[] = [];
    const vals: number[] = [];
    for (let c = 0; c < n; c++) {
      if (u() < 0.3) {
        const v = coef();
        if (v !== 0) {
          cols.push(c);
          vals.push(v);
        }
      }
    }
    rows.push({ cols, vals, rhs: Math.floor(u() * 20) });
  }
  return rows;
}

describe('determinedColumns', () => {
  it('finds exactly the unknowns whose unit vector is in the row space (small coefficients)', () => {
    const u = uniform(1);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(u() * 9);
      const m = Math.floor(u() * 9);
      const rows = randomSystem(u, n, m, () => (u() < 0.5 ? 1 : -1));
      expect(determinedColumns(n, rows).map((d) => d.col)).toEqual(referenceDetermined(n, rows));
    }
  });

  it('stays exact when coefficients outgrow plain numbers', () => {
    const u = uniform(2);
    for (let trial = 0; trial < 100; trial++) {
      const n = 4 + Math.floor(u() * 6);
      const rows = randomSystem(u, n, n - 1, () => Math.floor(u() * 2_000_001) - 1_000_000);
      expect(determinedColumns(n, rows).map((d) => d.col)).toEqual(referenceDetermined(n, rows));
    }
  });

  it('returns the forced value', () => {
    // x0 - x1 = 4, x1 = 3  ->  x0 = 7, x1 = 3; x2 only in a sum with x3.
    const rows: SparseRow[] = [
      { cols: [0, 1], vals: [1, -1], rhs: 4 },
      { cols: [1], vals: [2], rhs: 6 },
      { cols: [2, 3], vals: [1, 1], rhs: 5 },
    ];
    expect(determinedColumns(4, rows)).toEqual([{ col: 0, value: 7 }, { col: 1, value: 3 }]);
  });
});
