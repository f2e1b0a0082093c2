// Primary and secondary cell suppression over all published count tables at once, against the attacker's model of
// system.ts (sums, bounds, unions, cases <= victims, statements carried in from earlier snapshots). Tables are linked,
// so suppression in one table can be undone through another; every decision is therefore taken on the joint system.
//
// Rounds, until nothing fails:
// 1. every equation has 0 or at least 2 withheld cells (cheap, local);
// 2. exact pass: withheld cells that the equations determine (linear algebra, exact integers);
// 3. interval pass: withheld cells whose interval, by linear programming, is a single value or ends below k;
// each failure gets a partner: a published row whose withholding, tried on the linear programme, repairs it.
// Finally, withheld rows that are not small and whose every count is determined anyway are published: they protect
// nothing and hiding them would only fail the audit's rule that no withheld cell is determined.

import { MAX_SUPPRESSED_SHARE_AT_REGENCY } from '../../domain/disclosure.ts';
import { buildSystem, cellRef, countColumns, type CellSystem, type KeyedStatement } from './system.ts';
import { loadSolver } from './intervals.ts';
import { historyModel, rowKeyOf, type EarlierSnapshot } from './history.ts';
import { Suppressor } from './suppressor.ts';
import type { AuditCost, CellRow, RegionNode, SuppressionResult, TableCells, TableStats } from './types.ts';

const isSmall = (v: number, k: number): boolean => v >= 1 && v < k;

export interface SuppressOptions {
  /** Snapshots published before this one: the new one is protected against them too (history.ts). */
  earlier?: readonly EarlierSnapshot[];
}

function checkTrueCounts(t: TableCells): void {
  for (const row of t.rows) {
    for (const m of countColumns(t.spec)) {
      const v = row.counts[m];
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
        throw new Error(`suppress: ${t.spec.name} ${row.year} ${row.region_code} [${row.categories.join(', ')}] ${m} = ${String(v)}; true counts must be non-negative integers`);
      }
    }
  }
}

const isPrimary = (t: TableCells, row: CellRow, k: number): boolean => countColumns(t.spec).some((m) => isSmall(row.counts[m] as number, k));

/** Drops regency rows of an 'auto' table when too many of its non-zero regency cells are small. */
function lowerIfNeeded(t: TableCells, k: number): { table: TableCells; lowered: boolean } {
  const spec = t.spec.disclosure;
  if (!spec || spec.finestLevel !== 'auto') return { table: t, lowered: false };
  let nonZero = 0;
  let small = 0;
  for (const row of t.rows) {
    if (row.level !== 'regency') continue;
    if (spec.counts.some((m) => (row.counts[m] as number) > 0)) nonZero++;
    if (isPrimary(t, row, k)) small++;
  }
  if (nonZero === 0 || small / nonZero <= MAX_SUPPRESSED_SHARE_AT_REGENCY) return { table: t, lowered: false };
  return { table: { spec: t.spec, rows: t.rows.filter((r) => r.level !== 'regency') }, lowered: true };
}

/** The true counts must satisfy every relation of the model; if not, the model (or the data) is wrong. */
function checkModel(sys: CellSystem): void {
  for (let c = 0; c < sys.nCons; c++) {
    let lhs = 0;
    for (let j = sys.consStart[c] as number; j < (sys.consStart[c + 1] as number); j++) lhs += (sys.consCoef[j] as number) * (sys.value[sys.consVars[j] as number] as number);
    const rhs = sys.consRhs[c] as number;
    if (sys.consSense[c] === 'eq' ? lhs === rhs : lhs <= rhs) continue;
    const cells = [];
    for (let j = sys.consStart[c] as number; j < (sys.consStart[c + 1] as number); j++) {
      const ref = cellRef(sys, sys.consVars[j] as number);
      cells.push(`${sys.consCoef[j]} x ${ref.table} ${ref.year} ${ref.region_code} [${ref.categories.join(', ')}] ${ref.column} (${sys.value[sys.consVars[j] as number]})`);
    }
    throw new Error(`suppress: the true counts break a ${sys.consKind[c]} relation of the disclosure model (${sys.consSense[c]} ${rhs}): ${cells.join(' + ')}`);
  }
}

/**
 * Applies primary and secondary suppression (threshold k) to the true counts of all tables jointly, protected against
 * the earlier snapshots too. Returns the statements from those that the audit of the published tables must include.
 */
export async function suppress(tables: TableCells[], regions: RegionNode[], k: number, opts: SuppressOptions = {}): Promise<SuppressionResult & { statements: KeyedStatement[]; cost: AuditCost }> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`suppress: k must be a positive integer, got ${k}`);
  const started = performance.now();
  tables.forEach(checkTrueCounts);
  const lowered = tables.map((t) => lowerIfNeeded(t, k));
  const kept = lowered.map((l) => l.table);
  const history = historyModel(opts.earlier ?? [], kept, regions);
  const sys = buildSystem(kept, regions, history.relations);
  if (sys.nVars > sys.nReal) {
    throw new Error(`suppress: complete cubes expected; missing ${JSON.stringify(cellRef(sys, sys.nReal))}`);
  }
  checkModel(sys);
  const known = new Uint8Array(sys.nVars);
  const knownStatement = new Map<number, KeyedStatement>();
  for (const s of history.known) {
    const v = sys.varOfKey((s.terms[0] as KeyedStatement['terms'][number]).cell);
    if (v === undefined) continue;
    known[v] = 1;
    knownStatement.set(v, s);
  }
  const preferred = new Uint8Array(sys.nVars);
  if (history.withheldBefore.size > 0) {
    kept.forEach((t, ti) => {
      const width = (sys.measures[ti] as string[]).length;
      t.rows.forEach((row, ri) => {
        if (!history.withheldBefore.has(rowKeyOf(t.spec.name, row))) return;
        for (let m = 0; m < width; m++) preferred[(sys.base[ti] as number) + ri * width + m] = 1;
      });
    });
  }
  const state = new Suppressor(sys, k, await loadSolver(), known, preferred);
  const primary = kept.map((t) => t.rows.map((row) => t.spec.disclosure !== undefined && isPrimary(t, row, k)));
  kept.forEach((t, ti) => {
    const width = (sys.measures[ti] as string[]).length;
    if (width === 0) return;
    t.rows.forEach((_, ri) => {
      if (!primary[ti]?.[ri]) return;
      const v = (sys.base[ti] as number) + ri * width;
      state.primaryRow[v] = 1;
      state.withholdRowOf(v);
    });
  });
  state.protect();

  const stats: Record<string, TableStats> = {};
  const out = kept.map((t, ti): TableCells => {
    if (!t.spec.disclosure) return t;
    let nPrimary = 0;
    let nSecondary = 0;
    const rows = t.rows.map((row, ri): CellRow => {
      const hidden = state.isRowWithheld(ti, ri);
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
  const withheldCells = state.withheld.reduce((n, x) => n + x, 0);
  // What the audit must add to the published tables: the earlier relations, and the earlier counts of cells still withheld.
  const statements = [...history.relations, ...[...knownStatement].filter(([v]) => state.withheld[v]).map(([, s]) => s)];
  return {
    tables: out, stats, statements,
    cost: { components: state.components, cells: withheldCells, solves: state.solves, ms: Math.round(performance.now() - started) },
  };
}
