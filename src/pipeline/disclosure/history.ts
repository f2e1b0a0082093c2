// Earlier snapshots in the attacker's model. What was published once cannot be taken back, so a new snapshot is
// protected against everything already published: every earlier published count, and every relation of an earlier
// snapshot with its published counts folded in (e.g. "in 2024, kab X and kab Y together had 10 victims").
//
// The attacker is assumed to know which of those earlier statements still hold for the new data (the worst case:
// late reports elsewhere leave most cells unchanged, and an attacker can guess which). So every earlier statement
// that the new true counts still satisfy joins the new snapshot's model; one that no longer holds (a late report
// changed a cell in it) is false for the new data and tells nothing about it. An earlier published count that
// still equals the new count makes that cell known: withholding it now protects nothing.

import type { RegionNode, TableCells } from './types.ts';
import { buildSystem, cellRef, type CellKey, type KeyedStatement } from './system.ts';

/** The published count tables of one earlier snapshot. */
export interface EarlierSnapshot {
  /** `<snapshot id>@<built_at>`: an id can be rebuilt, and each build that was published counts. */
  id: string;
  tables: TableCells[];
}

/** The key of a row of a count table: `table|year|region|categories`. */
export const rowKeyOf = (table: string, row: { year: number; region_code: string; categories: readonly string[] }): string =>
  [table, row.year, row.region_code, ...row.categories].join('|');

const cellKey = (c: CellKey): string => [c.table, c.year, c.region_code, ...c.categories, c.column].join('|');

/** True counts of the new snapshot by cell key. */
export function truthIndex(tables: readonly TableCells[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tables) {
    for (const row of t.rows) {
      for (const [column, v] of Object.entries(row.counts)) {
        if (typeof v === 'number') out.set(cellKey({ table: t.spec.name, year: row.year, region_code: row.region_code, categories: row.categories, column }), v);
      }
    }
  }
  return out;
}

export interface HistoryModel {
  /** Relations of earlier snapshots, over cells the new tables hold, that the new true counts still satisfy. */
  relations: KeyedStatement[];
  /** Earlier published counts that equal the new true count: `cell = value`, one term each. */
  known: KeyedStatement[];
  /** Keys `table|year|region|categories` of rows withheld in an earlier snapshot. */
  withheldBefore: Set<string>;
}

/**
 * The statements of earlier snapshots that hold for `truth` (the new snapshot's true counts, at the levels it will
 * publish). Statements naming a cell the new tables do not hold (a table published at another level) are left out.
 */
export function historyModel(earlier: readonly EarlierSnapshot[], truth: readonly TableCells[], regions: readonly RegionNode[]): HistoryModel {
  const value = truthIndex(truth);
  const relations: KeyedStatement[] = [];
  const known: KeyedStatement[] = [];
  const knownSeen = new Set<string>();
  const relationSeen = new Set<string>();
  const withheldBefore = new Set<string>();
  for (const snap of earlier) {
    for (const t of snap.tables) {
      for (const row of t.rows) if (row.suppressed) withheldBefore.add(rowKeyOf(t.spec.name, row));
    }
    const sys = buildSystem(snap.tables, regions);
    for (let v = 0; v < sys.nReal; v++) {
      const published = sys.value[v] as number;
      if (Number.isNaN(published)) continue;
      const cell = cellRef(sys, v);
      const key = cellKey(cell);
      if (value.get(key) !== published || knownSeen.has(key)) continue;
      knownSeen.add(key);
      known.push({ terms: [{ cell, coef: 1 }], sense: 'eq', rhs: published, kind: 'history', source: snap.id });
    }
    for (let c = 0; c < sys.nCons; c++) {
      let rhs = sys.consRhs[c] as number;
      const terms: KeyedStatement['terms'] = [];
      let lhs = 0;
      let holds = true;
      for (let j = sys.consStart[c] as number; j < (sys.consStart[c + 1] as number); j++) {
        const v = sys.consVars[j] as number;
        const a = sys.consCoef[j] as number;
        const published = sys.value[v] as number;
        if (!Number.isNaN(published)) {
          rhs -= a * published;
          continue;
        }
        if (v >= sys.nReal) {
          holds = false;
          break;
        }
        const cell = cellRef(sys, v);
        const now = value.get(cellKey(cell));
        if (now === undefined) {
          holds = false;
          break;
        }
        lhs += a * now;
        terms.push({ cell, coef: a });
      }
      if (!holds || terms.length === 0) continue;
      if (sys.consSense[c] === 'eq' ? lhs !== rhs : lhs > rhs) continue;
      const sense = sys.consSense[c] as 'eq' | 'le';
      const signature = `${sense}|${rhs}|${terms.map((t) => `${t.coef}*${cellKey(t.cell)}`).join('+')}`;
      if (relationSeen.has(signature)) continue;
      relationSeen.add(signature);
      relations.push({ terms, sense, rhs, kind: 'history', source: snap.id });
    }
  }
  return { relations, known, withheldBefore };
}
