// Which unknown cells the published equations pin down: the exact first pass before the interval audit. The
// system is split into connected components (unknowns sharing a relation, equation or inequality) because a
// component's unknowns only ever meet each other, so each can be reduced (and solved) on its own and small.

import { determinedColumns, type SparseRow } from './linear.ts';
import type { CellSystem } from './system.ts';

/** An unknown variable that the constraints determine, with the value they force. */
export interface Recovered {
  v: number;
  value: number;
}

function find(parent: Int32Array, x: number): number {
  let r = x;
  while (parent[r] !== r) r = parent[r] as number;
  let y = x;
  while (parent[y] !== r) {
    const next = parent[y] as number;
    parent[y] = r;
    y = next;
  }
  return r;
}

/** Groups the unknown variables into connected components, each sorted, ordered by smallest var. */
export function unknownComponents(sys: CellSystem, unknown: Uint8Array): number[][] {
  const parent = new Int32Array(sys.nVars);
  for (let v = 0; v < sys.nVars; v++) parent[v] = v;
  for (let c = 0; c < sys.nCons; c++) {
    let first = -1;
    for (let j = sys.consStart[c] as number; j < (sys.consStart[c + 1] as number); j++) {
      const v = sys.consVars[j] as number;
      if (!unknown[v]) continue;
      if (first < 0) {
        first = find(parent, v);
        continue;
      }
      const rv = find(parent, v);
      if (rv !== first) {
        // Keep the smaller id as root so the grouping does not depend on constraint order.
        if (rv < first) {
          parent[first] = rv;
          first = rv;
        } else parent[rv] = first;
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let v = 0; v < sys.nVars; v++) {
    if (!unknown[v]) continue;
    const r = find(parent, v);
    const g = groups.get(r);
    if (g) g.push(v);
    else groups.set(r, [v]);
  }
  return [...groups.values()];
}

/** The component of unknowns reachable from the seeds through shared constraints, sorted. */
export function componentOf(sys: CellSystem, unknown: Uint8Array, seeds: readonly number[]): number[] {
  const seen = new Set<number>();
  const seenCons = new Set<number>();
  const stack: number[] = [];
  for (const s of seeds) {
    if (unknown[s] && !seen.has(s)) {
      seen.add(s);
      stack.push(s);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop() as number;
    for (let i = sys.varConsStart[v] as number; i < (sys.varConsStart[v + 1] as number); i++) {
      const c = sys.varCons[i] as number;
      if (seenCons.has(c)) continue;
      seenCons.add(c);
      for (let j = sys.consStart[c] as number; j < (sys.consStart[c + 1] as number); j++) {
        const u = sys.consVars[j] as number;
        if (unknown[u] && !seen.has(u)) {
          seen.add(u);
          stack.push(u);
        }
      }
    }
  }
  return [...seen].sort((a, b) => a - b);
}

/** The constraints that contain at least one of the given variables, ascending. */
export function constraintsTouching(sys: CellSystem, vars: readonly number[]): number[] {
  const out = new Set<number>();
  for (const v of vars) {
    for (let i = sys.varConsStart[v] as number; i < (sys.varConsStart[v + 1] as number); i++) out.add(sys.varCons[i] as number);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The unknowns of one component (a closed set: see componentOf) that the equations alone determine. Inequalities
 * can pin cells too (a union at most its only non-zero member's value, and at least it); the interval audit
 * (intervals.ts) finds those.
 */
export function recoverableIn(sys: CellSystem, unknown: Uint8Array, component: readonly number[]): Recovered[] {
  const local = new Map<number, number>();
  component.forEach((v, i) => local.set(v, i));
  const rows: SparseRow[] = [];
  for (const c of constraintsTouching(sys, component)) {
    if (sys.consSense[c] !== 'eq') continue;
    const coef = new Map<number, number>();
    let rhs = sys.consRhs[c] as number;
    for (let j = sys.consStart[c] as number; j < (sys.consStart[c + 1] as number); j++) {
      const v = sys.consVars[j] as number;
      const a = sys.consCoef[j] as number;
      if (unknown[v]) {
        const col = local.get(v);
        if (col === undefined) throw new Error('recoverableIn: component is not closed under its constraints');
        coef.set(col, (coef.get(col) ?? 0) + a);
      } else {
        rhs -= a * (sys.value[v] as number);
      }
    }
    const cols = [...coef.keys()].filter((col) => coef.get(col) !== 0).sort((a, b) => a - b);
    if (cols.length === 0) continue;
    rows.push({ cols, vals: cols.map((col) => coef.get(col) as number), rhs });
  }
  return determinedColumns(component.length, rows).map((d) => ({ v: component[d.col] as number, value: d.value }));
}
