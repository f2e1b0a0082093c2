// Checks tables as they would be published, using only what a reader sees: small counts,
// withheld cells that the published sums pin down, and rows or sums that contradict themselves.

import { recoverableIn, unknownComponents } from './recover.ts';
import { buildSystem, cellRef, type CellRef } from './system.ts';
import type { AuditFinding, RegionNode, TableCells } from './types.ts';

const finding = (ref: CellRef, problem: AuditFinding['problem'], detail: string): AuditFinding => ({ ...ref, problem, detail });

function checkRows(t: TableCells, regionLevel: Map<string, string>, k: number, out: AuditFinding[]): void {
  const spec = t.spec.disclosure;
  if (!spec) return;
  for (const row of t.rows) {
    const at = (column: string): CellRef => ({ table: t.spec.name, year: row.year, region_code: row.region_code, categories: [...row.categories], column });
    const level = regionLevel.get(row.region_code);
    if (level !== row.level) {
      out.push(finding(at('level'), 'inconsistent', level === undefined ? 'region_code is not in the region list' : `region is a ${level}, row says ${row.level}`));
    }
    for (const m of [...spec.childCounts, ...spec.companions]) {
      const v = row.counts[m] ?? null;
      const child = spec.childCounts.includes(m);
      if (row.suppressed) {
        if (v !== null) out.push(finding(at(m), 'inconsistent', `suppressed row publishes ${m} = ${v}`));
      } else if (v === null) {
        if (child) out.push(finding(at(m), 'inconsistent', `${m} is NULL but the row is not marked suppressed`));
      } else if (!Number.isSafeInteger(v) || v < 0) {
        out.push(finding(at(m), 'inconsistent', `${m} = ${v} is not a non-negative integer`));
      } else if (child && v >= 1 && v < k) {
        out.push(finding(at(m), 'small-count', `${m} = ${v} is below k = ${k}`));
      }
    }
  }
}

const order = (a: AuditFinding, b: AuditFinding): number =>
  a.table.localeCompare(b.table) || a.year - b.year || a.region_code.localeCompare(b.region_code) ||
  a.categories.join('\u001f').localeCompare(b.categories.join('\u001f')) || a.column.localeCompare(b.column) ||
  a.problem.localeCompare(b.problem) || a.detail.localeCompare(b.detail);

/** Audits the published tables against threshold k; [] means they are safe to release. */
export function audit(tables: TableCells[], regions: RegionNode[], k: number): AuditFinding[] {
  const out: AuditFinding[] = [];
  const regionLevel = new Map(regions.map((r) => [r.code, r.level as string]));
  for (const t of tables) checkRows(t, regionLevel, k, out);

  const sys = buildSystem(tables, regions);
  for (const d of sys.duplicates) {
    const ref = cellRef(sys, (sys.base[d.table] as number) + d.row * (sys.measures[d.table] as string[]).length);
    out.push(finding({ ...ref, column: 'region_code' }, 'inconsistent', 'duplicate row for this year, region and categories'));
  }
  for (let v = sys.nReal; v < sys.nVars; v++) {
    out.push(finding(cellRef(sys, v), 'inconsistent', 'row missing from a table published at this level'));
  }

  const unknown = new Uint8Array(sys.nVars);
  for (let v = 0; v < sys.nVars; v++) unknown[v] = Number.isNaN(sys.value[v]) ? 1 : 0;

  for (let c = 0; c < sys.nCons; c++) {
    const start = sys.consStart[c] as number;
    const end = sys.consStart[c + 1] as number;
    let complete = true;
    let parts = 0;
    for (let j = start + 1; j < end; j++) {
      const v = sys.consVars[j] as number;
      if (unknown[v]) complete = false;
      else parts += sys.value[v] as number;
    }
    const total = sys.consVars[start] as number;
    if (!complete || unknown[total] || sys.value[total] === parts) continue;
    const what = sys.consKind[c] === 'partition' ? `the ${cellRef(sys, sys.consVars[start + 1] as number).table} cells` : 'its sub-regions';
    out.push(finding(cellRef(sys, total), 'inconsistent', `published ${sys.value[total]} but ${what} add up to ${parts}`));
  }

  for (const comp of unknownComponents(sys, unknown)) {
    for (const r of recoverableIn(sys, unknown, comp)) {
      out.push(finding(cellRef(sys, r.v), 'recoverable', `withheld but determined by published cells (= ${r.value})`));
    }
  }
  return out.sort(order);
}
