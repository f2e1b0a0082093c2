// Primary and secondary cell suppression over all published count tables at once. Tables are
// linked (partition tables add up to violence_totals), so suppression in one table can be undone
// through another; every decision here is therefore taken on the joint system of constraints.

import { MAX_SUPPRESSED_SHARE_AT_REGENCY } from '../../domain/disclosure.ts';
import { componentOf, constraintsTouching, recoverableIn, unknownComponents } from './recover.ts';
import { buildSystem, cellRef, type CellSystem } from './system.ts';
import type { CellRow, RegionNode, SuppressionResult, TableCells, TableStats } from './types.ts';

// How many candidate partners are tried against the exact test before settling for the best-ranked one.
const PARTNER_TRIALS = 8;

const isSmall = (v: number, k: number): boolean => v >= 1 && v < k;

function checkTrueCounts(t: TableCells): void {
  const spec = t.spec.disclosure;
  if (!spec) return;
  for (const row of t.rows) {
    for (const m of [...spec.childCounts, ...spec.companions]) {
      const v = row.counts[m];
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        throw new Error(`suppress: ${t.spec.name} ${row.year} ${row.region_code} [${row.categories.join(', ')}] ${m} = ${String(v)}; true counts must be non-negative integers`);
      }
    }
  }
}

const isPrimary = (t: TableCells, row: CellRow, k: number): boolean =>
  (t.spec.disclosure?.childCounts ?? []).some((m) => isSmall(row.counts[m] as number, k));

/** Drops regency rows of an 'auto' table when too many of its non-zero regency cells are small. */
function lowerIfNeeded(t: TableCells, k: number): { table: TableCells; lowered: boolean } {
  const spec = t.spec.disclosure;
  if (!spec || spec.finestLevel !== 'auto') return { table: t, lowered: false };
  let nonZero = 0;
  let small = 0;
  for (const row of t.rows) {
    if (row.level !== 'regency') continue;
    if (spec.childCounts.some((m) => (row.counts[m] as number) > 0)) nonZero++;
    if (isPrimary(t, row, k)) small++;
  }
  if (nonZero === 0 || small / nonZero <= MAX_SUPPRESSED_SHARE_AT_REGENCY) return { table: t, lowered: false };
  return { table: { spec: t.spec, rows: t.rows.filter((r) => r.level !== 'regency') }, lowered: true };
}

interface Candidate {
  /** Var id of the row's first measure: identifies the row. */
  rowVar: number;
  tier: number;
  net: number;
  value: number;
}

const better = (a: Candidate, b: Candidate): boolean =>
  a.tier !== b.tier ? a.tier < b.tier : a.net !== b.net ? a.net < b.net : a.value !== b.value ? a.value < b.value : a.rowVar < b.rowVar;

/** The suppression state of the joint system, with the bookkeeping the greedy pass needs. */
class Suppressor {
  readonly unknown: Uint8Array;
  private readonly consUnknown: Int32Array;
  private queue: number[] = [];
  readonly dirty: Uint8Array;

  constructor(private readonly sys: CellSystem) {
    this.unknown = new Uint8Array(sys.nVars);
    this.consUnknown = new Int32Array(sys.nCons);
    this.dirty = new Uint8Array(sys.nVars);
  }

  private rowVars(v: number): number[] {
    const t = this.sys.varTable[v] as number;
    const m = (this.sys.measures[t] as string[]).length;
    const first = v - (this.sys.varMeasure[v] as number);
    return Array.from({ length: m }, (_, i) => first + i);
  }

  isRowSuppressed(t: number, r: number): boolean {
    return this.unknown[(this.sys.base[t] as number) + r * (this.sys.measures[t] as string[]).length] === 1;
  }

  /** Withholds every count of the row holding var v. */
  suppressRowOf(v: number): void {
    for (const u of this.rowVars(v)) {
      if (this.unknown[u]) continue;
      this.unknown[u] = 1;
      this.dirty[u] = 1;
      for (let i = this.sys.varConsStart[u] as number; i < (this.sys.varConsStart[u + 1] as number); i++) {
        const c = this.sys.varCons[i] as number;
        this.consUnknown[c] = (this.consUnknown[c] as number) + 1;
        if (this.consUnknown[c] === 1) this.queue.push(c);
      }
    }
  }

  /** Constraints with exactly one unknown go first, partition ones before hierarchy ones, so a row gets its partner inside the row. */
  resetQueue(): void {
    const singles: number[] = [];
    for (let c = 0; c < this.sys.nCons; c++) if (this.consUnknown[c] === 1) singles.push(c);
    const rank = (c: number): number => (this.sys.consKind[c] === 'partition' ? 0 : 1);
    this.queue = singles.sort((a, b) => rank(a) - rank(b) || a - b);
  }

  /**
   * Published members of the constraints, best first: non-zero parts (then zero parts) before
   * totals, national cells last; among equals, the row that leaves the fewest constraints with a
   * single unknown, then the smallest count.
   */
  candidates(cons: readonly number[]): Candidate[] {
    const best = new Map<number, Candidate>();
    const netOf = new Map<number, number>();
    for (const c of cons) {
      const start = this.sys.consStart[c] as number;
      for (let j = start; j < (this.sys.consStart[c + 1] as number); j++) {
        const v = this.sys.consVars[j] as number;
        if (this.unknown[v]) continue;
        const t = this.sys.varTable[v] as number;
        const row = (this.sys.tables[t] as TableCells).rows[this.sys.varRow[v] as number] as CellRow;
        const value = this.sys.value[v] as number;
        const tier = row.level === 'national' ? 3 : j === start ? 2 : value === 0 ? 1 : 0;
        const rowVar = v - (this.sys.varMeasure[v] as number);
        let net = netOf.get(rowVar);
        if (net === undefined) {
          net = 0;
          for (const u of this.rowVars(v)) {
            for (let i = this.sys.varConsStart[u] as number; i < (this.sys.varConsStart[u + 1] as number); i++) {
              const n = this.consUnknown[this.sys.varCons[i] as number] as number;
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

  /** Gives every constraint 0 or at least 2 unknowns. */
  greedy(): void {
    while (this.queue.length > 0) {
      const pending = this.queue;
      this.queue = [];
      for (const c of pending) {
        if (this.consUnknown[c] !== 1) continue;
        const [best] = this.candidates([c]);
        if (!best) throw new Error('suppress: a constraint with one unknown has no published member');
        this.suppressRowOf(best.rowVar);
      }
    }
  }

  /** A partner for recoverable var v: the best-ranked candidate that makes v undetermined, else the best-ranked one. */
  partnerFor(v: number, component: readonly number[]): number {
    let cands = this.candidates(constraintsTouching(this.sys, [v]));
    if (cands.length === 0) cands = this.candidates(constraintsTouching(this.sys, component));
    const first = cands[0];
    if (!first) throw new Error(`suppress: no cell left to protect ${JSON.stringify(cellRef(this.sys, v))}`);
    for (const cand of cands.slice(0, PARTNER_TRIALS)) {
      const added = this.rowVars(cand.rowVar).filter((u) => !this.unknown[u]);
      for (const u of added) this.unknown[u] = 1;
      const comp = componentOf(this.sys, this.unknown, [v]);
      const stillRecoverable = recoverableIn(this.sys, this.unknown, comp).some((r) => r.v === v);
      for (const u of added) this.unknown[u] = 0;
      if (!stillRecoverable) return cand.rowVar;
    }
    return first.rowVar;
  }

  /** Secondary suppression until no withheld cell is determined by the published ones. */
  protect(): void {
    let firstRound = true;
    for (;;) {
      this.resetQueue();
      this.greedy();
      const fixes: { v: number; component: number[] }[] = [];
      for (const comp of unknownComponents(this.sys, this.unknown)) {
        // A component without a newly suppressed cell is unchanged since it was last found safe.
        if (!firstRound && !comp.some((v) => this.dirty[v])) continue;
        const rec = recoverableIn(this.sys, this.unknown, comp);
        if (rec[0]) fixes.push({ v: rec[0].v, component: comp });
      }
      this.dirty.fill(0);
      firstRound = false;
      if (fixes.length === 0) return;
      for (const { v, component } of fixes) this.suppressRowOf(this.partnerFor(v, component));
    }
  }
}

/** Applies primary and secondary suppression (threshold k) to the true counts of all tables jointly. */
export function suppress(tables: TableCells[], regions: RegionNode[], k: number): SuppressionResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`suppress: k must be a positive integer, got ${k}`);
  tables.forEach(checkTrueCounts);
  const lowered = tables.map((t) => lowerIfNeeded(t, k));
  const kept = lowered.map((l) => l.table);
  const sys = buildSystem(kept, regions);
  if (sys.nVars > sys.nReal) {
    throw new Error(`suppress: complete cubes expected; missing ${JSON.stringify(cellRef(sys, sys.nReal))}`);
  }
  const state = new Suppressor(sys);
  const primary = kept.map((t) => t.rows.map((row) => t.spec.disclosure !== undefined && isPrimary(t, row, k)));
  kept.forEach((t, ti) => {
    const width = (sys.measures[ti] as string[]).length;
    if (width === 0) return;
    t.rows.forEach((_, ri) => {
      if (primary[ti]?.[ri]) state.suppressRowOf((sys.base[ti] as number) + ri * width);
    });
  });
  state.protect();

  const stats: Record<string, TableStats> = {};
  const out = kept.map((t, ti): TableCells => {
    if (!t.spec.disclosure) return t;
    let nPrimary = 0;
    let nSecondary = 0;
    const rows = t.rows.map((row, ri): CellRow => {
      const hidden = state.isRowSuppressed(ti, ri);
      if (hidden && primary[ti]?.[ri]) nPrimary++;
      else if (hidden) nSecondary++;
      const counts: Record<string, number | null> = {};
      for (const [m, v] of Object.entries(row.counts)) counts[m] = hidden ? null : v;
      return { year: row.year, region_code: row.region_code, level: row.level, categories: [...row.categories], counts, suppressed: hidden };
    });
    stats[t.spec.name] = {
      finestLevel: lowered[ti]?.lowered ? 'province' : 'regency',
      cells: rows.length,
      primary: nPrimary,
      secondary: nSecondary,
    };
    return { spec: t.spec, rows };
  });
  return { tables: out, stats };
}
