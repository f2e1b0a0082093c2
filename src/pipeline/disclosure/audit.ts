// Checks tables as they would be published, using only what a reader sees (plus statements from earlier snapshots):
// small counts, rows and relations that contradict themselves, and, for every withheld cell, its interval: the
// smallest and largest values consistent with everything published, by linear programming (intervals.ts). A
// withheld cell fails when that interval is a single value or ends below k.

import { recoverableIn, unknownComponents } from './recover.ts';
import { buildSystem, cellRef, countColumns, type CellKey, type CellSystem, type KeyedStatement } from './system.ts';
import { checkComponent, InfeasibleComponent, loadSolver } from './intervals.ts';
import type { AuditCost, AuditFinding, RegionNode, TableCells } from './types.ts';

const finding = (ref: CellKey, problem: AuditFinding['problem'], detail: string, interval?: [number, number]): AuditFinding =>
  ({ ...ref, problem, detail, ...(interval ? { interval } : {}) });

function checkRows(t: TableCells, regionLevel: Map<string, string>, k: number, out: AuditFinding[]): void {
  if (!t.spec.disclosure) return;
  const counts = countColumns(t.spec);
  for (const row of t.rows) {
    const at = (column: string): CellKey => ({ table: t.spec.name, year: row.year, region_code: row.region_code, categories: [...row.categories], column });
    const level = regionLevel.get(row.region_code);
    if (level !== row.level) {
      out.push(finding(at('level'), 'inconsistent', level === undefined ? 'region_code is not in the region list' : `region is a ${level}, row says ${row.level}`));
    }
    for (const m of counts) {
      const v = row.counts[m] ?? null;
      if (row.suppressed) {
        if (v !== null) out.push(finding(at(m), 'inconsistent', `suppressed row publishes ${m} = ${v}`));
      } else if (v === null) {
        out.push(finding(at(m), 'inconsistent', `${m} is NULL but the row is not marked suppressed`));
      } else if (!Number.isSafeInteger(v) || v < 0) {
        out.push(finding(at(m), 'inconsistent', `${m} = ${v} is not a non-negative integer`));
      } else if (v >= 1 && v < k) {
        out.push(finding(at(m), 'small-count', `${m} = ${v} is below k = ${k}`));
      }
    }
  }
}

/** Relations whose cells are all published must hold. */
function checkPublishedRelations(sys: CellSystem, unknown: Uint8Array, out: AuditFinding[]): void {
  for (let c = 0; c < sys.nCons; c++) {
    const start = sys.consStart[c] as number;
    const end = sys.consStart[c + 1] as number;
    let lhs = 0;
    let complete = true;
    for (let j = start; j < end; j++) {
      const v = sys.consVars[j] as number;
      if (unknown[v]) {
        complete = false;
        break;
      }
      lhs += (sys.consCoef[j] as number) * (sys.value[v] as number);
    }
    const rhs = sys.consRhs[c] as number;
    if (!complete || (sys.consSense[c] === 'eq' ? lhs === rhs : lhs <= rhs)) continue;
    const first = sys.consVars[start] as number;
    const kind = sys.consKind[c];
    const what = kind === 'hierarchy' ? 'its sub-regions add up to a different count'
      : kind === 'partition' ? `the ${cellRef(sys, sys.consVars[start + 1] as number).table} cells add up to a different count`
        : kind === 'history' ? `a statement of ${sys.consSource[c]} no longer holds`
          : `a ${kind} relation is broken (${lhs} ${sys.consSense[c] === 'eq' ? '=' : '<='} ${rhs} does not hold)`;
    out.push(finding(cellRef(sys, first), 'inconsistent', `published ${sys.value[first]}, but ${what}`));
  }
}

const order = (a: AuditFinding, b: AuditFinding): number =>
  a.table.localeCompare(b.table) || a.year - b.year || a.region_code.localeCompare(b.region_code) ||
  a.categories.join('\u001f').localeCompare(b.categories.join('\u001f')) || a.column.localeCompare(b.column) ||
  a.problem.localeCompare(b.problem) || a.detail.localeCompare(b.detail);

/** ", with earlier snapshot X" when statements of earlier snapshots bear on the cell. */
function earlierSources(sys: CellSystem, v: number): string {
  const sources = new Set<string>();
  for (let i = sys.varConsStart[v] as number; i < (sys.varConsStart[v + 1] as number); i++) {
    const source = sys.consSource[sys.varCons[i] as number];
    if (source) sources.add(source);
  }
  return sources.size > 0 ? `, with earlier snapshot ${[...sources].join(', ')}` : '';
}

const fmt = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 1000) / 1000) : '∞');

export interface AuditOptions {
  /** Statements from earlier snapshots (history.ts) that the attacker may combine with these tables. */
  statements?: readonly KeyedStatement[];
}

/** Audits the published tables against threshold k; no findings means they are safe to release. */
export async function audit(tables: TableCells[], regions: RegionNode[], k: number, opts: AuditOptions = {}): Promise<{ findings: AuditFinding[]; cost: AuditCost }> {
  const started = performance.now();
  const out: AuditFinding[] = [];
  const regionLevel = new Map(regions.map((r) => [r.code, r.level as string]));
  for (const t of tables) checkRows(t, regionLevel, k, out);

  const sys = buildSystem(tables, regions, opts.statements ?? []);
  for (const d of sys.duplicates) {
    const ref = cellRef(sys, (sys.base[d.table] as number) + d.row * (sys.measures[d.table] as string[]).length);
    out.push(finding({ ...ref, column: 'region_code' }, 'inconsistent', 'duplicate row for this year, region and categories'));
  }
  for (let v = sys.nReal; v < sys.nVars; v++) {
    out.push(finding(cellRef(sys, v), 'inconsistent', 'row missing from a table published at this level'));
  }

  const unknown = new Uint8Array(sys.nVars);
  for (let v = 0; v < sys.nVars; v++) unknown[v] = Number.isNaN(sys.value[v]) ? 1 : 0;
  checkPublishedRelations(sys, unknown, out);

  const highs = await loadSolver();
  const cost: AuditCost = { components: 0, cells: 0, solves: 0, ms: 0 };
  for (const comp of unknownComponents(sys, unknown)) {
    cost.components++;
    cost.cells += comp.length;
    // The exact pass names the value an attacker gets; the interval pass finds the rest (and the bounds).
    const exact = recoverableIn(sys, unknown, comp);
    for (const r of exact) out.push(finding(cellRef(sys, r.v), 'recoverable', `withheld but determined by published cells${earlierSources(sys, r.v)} (= ${r.value})`, [r.value, r.value]));
    try {
      const r = checkComponent(highs, sys, unknown, comp, k);
      cost.solves += r.solves;
      const named = new Set(exact.map((e) => e.v));
      for (const f of r.failures) {
        if (named.has(f.v)) continue;
        const detail = f.problem === 'recoverable'
          ? `withheld but determined by published cells and relations${earlierSources(sys, f.v)} (= ${fmt(f.lo)})`
          : `withheld but everything published${earlierSources(sys, f.v)} bounds it to ${fmt(f.lo)}..${fmt(f.hi)}, below k = ${k}`;
        out.push(finding(cellRef(sys, f.v), f.problem, detail, [f.lo, f.hi]));
      }
    } catch (e) {
      if (!(e instanceof InfeasibleComponent)) throw e;
      out.push(finding(cellRef(sys, comp[0] as number), 'inconsistent', `no values of the ${comp.length} withheld cells linked to this one fit the published relations`));
    }
  }
  cost.ms = Math.round(performance.now() - started);
  return { findings: out.sort(order), cost };
}
