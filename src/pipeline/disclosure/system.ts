// The linear constraints an attacker knows about the published count tables. Built from the
// rows alone (whatever values they hold), so suppress() feeds it true counts and audit() feeds it
// published counts: one builder, one definition of what "recoverable" means.

import type { Level } from '../../domain/vocab.ts';
import type { CellRow, RegionNode, TableCells } from './types.ts';

/** The table whose cells partition tables must add up to. */
export const TOTALS_TABLE = 'violence_totals';

const SEP = '\u001f';

/** A cell of the cube that the table should hold but does not (possible only in published input). */
export interface MissingCell {
  table: number;
  year: number;
  region_code: string;
  categories: string[];
}

/**
 * Variables are (table, row, measure) cells; constraint c reads
 * x[consVars[consStart[c]]] = sum of x[consVars[consStart[c]+1 .. consStart[c+1]-1]].
 */
export interface CellSystem {
  tables: readonly TableCells[];
  /** Per table: childCounts then companions ([] for tables without a disclosure spec). */
  measures: string[][];
  /** Per table: var id of (row 0, measure 0); row r measure m is base + r * measures.length + m. */
  base: number[];
  /** Vars below nReal belong to rows; the rest stand for missing cells. */
  nReal: number;
  nVars: number;
  varTable: Int32Array;
  /** Row index, or -1 for a missing cell. */
  varRow: Int32Array;
  varMeasure: Int32Array;
  /** For var v >= nReal: missing[v - nReal]. */
  missing: MissingCell[];
  /** The count held by the row; NaN when null or not a safe integer. */
  value: Float64Array;
  nCons: number;
  consStart: Int32Array;
  consVars: Int32Array;
  consKind: ('hierarchy' | 'partition')[];
  varConsStart: Int32Array;
  varCons: Int32Array;
  /** Rows that repeat the key (year, region, categories) of an earlier row of the same table. */
  duplicates: { table: number; row: number }[];
}

/** Where a variable sits, for reports. */
export interface CellRef {
  table: string;
  year: number;
  region_code: string;
  categories: string[];
  column: string;
}

interface RegionTree {
  byLevel: Record<Level, string[]>;
  children: Map<string, string[]>;
}

function regionTree(regions: readonly RegionNode[]): RegionTree {
  const byLevel: Record<Level, string[]> = { national: [], province: [], regency: [] };
  const children = new Map<string, string[]>();
  for (const r of regions) {
    byLevel[r.level].push(r.code);
    if (r.parent !== null) {
      const list = children.get(r.parent);
      if (list) list.push(r.code);
      else children.set(r.parent, [r.code]);
    }
  }
  for (const list of Object.values(byLevel)) list.sort();
  for (const list of children.values()) list.sort();
  return { byLevel, children };
}

const rowKey = (year: number, region: string, combo: string): string => `${year}${SEP}${region}${SEP}${combo}`;
const comboKey = (row: CellRow): string => row.categories.join(SEP);

interface TableIndex {
  rowOf: Map<string, number>;
  years: number[];
  combos: string[];
  comboCategories: Map<string, string[]>;
  levels: Set<Level>;
}

function indexTable(t: TableCells, tableNo: number, duplicates: CellSystem['duplicates']): TableIndex {
  const rowOf = new Map<string, number>();
  const years = new Set<number>();
  const comboCategories = new Map<string, string[]>();
  const levels = new Set<Level>();
  t.rows.forEach((row, i) => {
    const combo = comboKey(row);
    const key = rowKey(row.year, row.region_code, combo);
    if (rowOf.has(key)) duplicates.push({ table: tableNo, row: i });
    else rowOf.set(key, i);
    years.add(row.year);
    levels.add(row.level);
    if (!comboCategories.has(combo)) comboCategories.set(combo, row.categories);
  });
  return {
    rowOf,
    years: [...years].sort((a, b) => a - b),
    combos: [...comboCategories.keys()].sort(),
    comboCategories,
    levels,
  };
}

const usable = (v: number | null | undefined): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : NaN);

/** Builds the hierarchy and partition constraints over every cell of the tables that have a disclosure spec. */
export function buildSystem(tables: readonly TableCells[], regions: readonly RegionNode[]): CellSystem {
  const tree = regionTree(regions);
  const duplicates: CellSystem['duplicates'] = [];
  const measures = tables.map((t) => (t.spec.disclosure ? [...t.spec.disclosure.childCounts, ...t.spec.disclosure.companions] : []));
  const index = tables.map((t, i) => indexTable(t, i, duplicates));
  const base: number[] = [];
  let nReal = 0;
  tables.forEach((t, i) => {
    base.push(nReal);
    nReal += t.rows.length * (measures[i] as string[]).length;
  });

  const varTable: number[] = [];
  const varRow: number[] = [];
  const varMeasure: number[] = [];
  const value: number[] = [];
  tables.forEach((t, ti) => {
    const ms = measures[ti] as string[];
    t.rows.forEach((row, ri) => {
      ms.forEach((m, mi) => {
        varTable.push(ti);
        varRow.push(ri);
        varMeasure.push(mi);
        value.push(usable(row.counts[m]));
      });
    });
  });

  const missing: MissingCell[] = [];
  const missingVar = new Map<string, number>();
  const varOf = (ti: number, year: number, region: string, combo: string, mi: number): number => {
    const idx = index[ti] as TableIndex;
    const key = rowKey(year, region, combo);
    const r = idx.rowOf.get(key);
    const ms = measures[ti] as string[];
    if (r !== undefined) return (base[ti] as number) + r * ms.length + mi;
    // A missing cell is unknown to the attacker; it still links the sums it belongs to.
    const mkey = `${ti}${SEP}${key}${SEP}${mi}`;
    const known = missingVar.get(mkey);
    if (known !== undefined) return known;
    const v = varTable.length;
    varTable.push(ti);
    varRow.push(-1);
    varMeasure.push(mi);
    value.push(NaN);
    missing.push({ table: ti, year, region_code: region, categories: idx.comboCategories.get(combo) ?? (combo === '' ? [] : combo.split(SEP)) });
    missingVar.set(mkey, v);
    return v;
  };

  const consStart: number[] = [0];
  const consVars: number[] = [];
  const consKind: CellSystem['consKind'] = [];
  const addConstraint = (kind: 'hierarchy' | 'partition', members: number[]): void => {
    consVars.push(...members);
    consStart.push(consVars.length);
    consKind.push(kind);
  };

  const totalsNo = tables.findIndex((t) => t.spec.name === TOTALS_TABLE && t.spec.disclosure !== undefined);
  tables.forEach((t, ti) => {
    const spec = t.spec.disclosure;
    if (!spec) return;
    const idx = index[ti] as TableIndex;
    const ms = measures[ti] as string[];
    const national = idx.levels.has('national') && idx.levels.has('province');
    const province = idx.levels.has('province') && idx.levels.has('regency');
    for (const year of idx.years) {
      for (const combo of idx.combos) {
        ms.forEach((_, mi) => {
          const parents = [...(national ? tree.byLevel.national : []), ...(province ? tree.byLevel.province : [])];
          for (const p of parents) {
            const kids = tree.children.get(p);
            if (!kids || kids.length === 0) continue;
            addConstraint('hierarchy', [varOf(ti, year, p, combo, mi), ...kids.map((c) => varOf(ti, year, c, combo, mi))]);
          }
        });
      }
    }
    if (!spec.partition || totalsNo < 0 || totalsNo === ti) return;
    const totalsMeasures = measures[totalsNo] as string[];
    for (const m of spec.childCounts) {
      const mi = ms.indexOf(m);
      const tmi = totalsMeasures.indexOf(m);
      if (tmi < 0) continue;
      for (const year of idx.years) {
        for (const level of ['national', 'province', 'regency'] as const) {
          if (!idx.levels.has(level)) continue;
          for (const region of tree.byLevel[level]) {
            addConstraint('partition', [
              varOf(totalsNo, year, region, '', tmi),
              ...idx.combos.map((c) => varOf(ti, year, region, c, mi)),
            ]);
          }
        }
      }
    }
  });

  const nVars = varTable.length;
  const nCons = consKind.length;
  const varConsStart = new Int32Array(nVars + 1);
  for (const v of consVars) (varConsStart[v + 1] as number)++;
  for (let v = 0; v < nVars; v++) varConsStart[v + 1] = (varConsStart[v + 1] as number) + (varConsStart[v] as number);
  const fill = varConsStart.slice(0, nVars);
  const varCons = new Int32Array(consVars.length);
  for (let c = 0; c < nCons; c++) {
    for (let j = consStart[c] as number; j < (consStart[c + 1] as number); j++) {
      const v = consVars[j] as number;
      varCons[fill[v] as number] = c;
      fill[v] = (fill[v] as number) + 1;
    }
  }

  return {
    tables,
    measures,
    base,
    nReal,
    nVars,
    varTable: Int32Array.from(varTable),
    varRow: Int32Array.from(varRow),
    varMeasure: Int32Array.from(varMeasure),
    missing,
    value: Float64Array.from(value),
    nCons,
    consStart: Int32Array.from(consStart),
    consVars: Int32Array.from(consVars),
    consKind,
    varConsStart,
    varCons,
    duplicates,
  };
}

/** The table, row key and column of a variable, for reports and error messages. */
export function cellRef(sys: CellSystem, v: number): CellRef {
  const t = sys.tables[sys.varTable[v] as number] as TableCells;
  const column = (sys.measures[sys.varTable[v] as number] as string[])[sys.varMeasure[v] as number] as string;
  const r = sys.varRow[v] as number;
  if (r >= 0) {
    const row = t.rows[r] as CellRow;
    return { table: t.spec.name, year: row.year, region_code: row.region_code, categories: [...row.categories], column };
  }
  const m = sys.missing[v - sys.nReal] as MissingCell;
  return { table: t.spec.name, year: m.year, region_code: m.region_code, categories: [...m.categories], column };
}
