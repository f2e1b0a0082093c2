// The linear relations an attacker knows between the published count tables: the attacker's model. Built from
// the rows alone (whatever values they hold), so suppress() feeds it true counts and audit() feeds it published
// counts: one builder, one definition of what an attacker can deduce.
//
// Every relation is a row  sum(coef * x) (= or <=) rhs  over cells (table, row, count column):
// - hierarchy: a region's cell is the sum of its sub-regions' cells (victims and cases alike: a case is recorded in
//   one kab/kota);
// - membership (DisclosureSpec.membership): a partition table's categories add up to violence_totals; a cover table's
//   categories are each at most the total and the total at most their sum; a subsets table's categories are each at
//   most the total;
// - unions (DisclosureSpec.unions): each member at most the union, the union at most the members' sum, and a union at
//   most any union of a superset of its members;
// - cases <= victims in every row that has both;
// - statements carried in from elsewhere (earlier snapshots, see history.ts), with their own right-hand side.

import type { PublishedTable } from '../../domain/tables.ts';
import type { Level } from '../../domain/vocab.ts';
import type { CellRow, RegionNode, TableCells } from './types.ts';

/** The table whose cells the other tables relate to. */
export const TOTALS_TABLE = 'violence_totals';

const SEP = '\u001f';

export type ConstraintKind = 'hierarchy' | 'partition' | 'cover' | 'subset' | 'union' | 'cases' | 'history';

/** `eq`: sum = rhs; `le`: sum <= rhs. */
export type Sense = 'eq' | 'le';

/** A cell addressed by its key, as statements from outside the tables name it. */
export interface CellKey {
  table: string;
  year: number;
  region_code: string;
  categories: string[];
  column: string;
}

/** A linear statement over cells named by key: sum(coef * cell) (= or <=) rhs. */
export interface KeyedStatement {
  terms: Array<{ cell: CellKey; coef: number }>;
  sense: Sense;
  rhs: number;
  kind: ConstraintKind;
  /** Where the statement comes from, for messages (e.g. the earlier snapshot's id). */
  source: string;
}

/** A cell of the cube that the table should hold but does not (possible only in published input). */
export interface MissingCell {
  table: number;
  year: number;
  region_code: string;
  categories: string[];
}

/**
 * Variables are (table, row, count column) cells. Constraint c is
 * sum over j in consStart[c]..consStart[c+1]-1 of consCoef[j] * x[consVars[j]]  (consSense[c])  consRhs[c].
 * For structural equations the first member is the total (coefficient +1) and the rest its parts (-1).
 */
export interface CellSystem {
  tables: readonly TableCells[];
  /** Per table: its count columns ([] for tables without a disclosure spec). */
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
  consCoef: Int32Array;
  consSense: Sense[];
  consRhs: Float64Array;
  consKind: ConstraintKind[];
  /** For history statements: where they come from; '' otherwise. */
  consSource: string[];
  varConsStart: Int32Array;
  varCons: Int32Array;
  /** Rows that repeat the key (year, region, categories) of an earlier row of the same table. */
  duplicates: { table: number; row: number }[];
  /** The var of a cell named by key, if the tables hold it. */
  varOfKey(cell: CellKey): number | undefined;
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
const comboKey = (categories: readonly string[]): string => categories.join(SEP);

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
    const combo = comboKey(row.categories);
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

/** The count columns of a table under disclosure control. */
export const countColumns = (spec: PublishedTable): string[] => spec.disclosure?.counts ?? [];

/** Builds every relation of the attacker's model over the cells of the tables that have a disclosure spec. */
export function buildSystem(tables: readonly TableCells[], regions: readonly RegionNode[], statements: readonly KeyedStatement[] = []): CellSystem {
  const tree = regionTree(regions);
  const duplicates: CellSystem['duplicates'] = [];
  const measures = tables.map((t) => countColumns(t.spec));
  const index = tables.map((t, i) => indexTable(t, i, duplicates));
  const tableNo = new Map(tables.map((t, i) => [t.spec.name, i]));
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
    // A missing cell is unknown to the attacker; it still links the relations it belongs to.
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
  const consCoef: number[] = [];
  const consSense: Sense[] = [];
  const consRhs: number[] = [];
  const consKind: ConstraintKind[] = [];
  const consSource: string[] = [];
  const add = (kind: ConstraintKind, sense: Sense, terms: ReadonlyArray<readonly [number, number]>, rhs = 0, source = ''): void => {
    for (const [v, c] of terms) {
      consVars.push(v);
      consCoef.push(c);
    }
    consStart.push(consVars.length);
    consSense.push(sense);
    consRhs.push(rhs);
    consKind.push(kind);
    consSource.push(source);
  };
  /** total = sum(parts) */
  const sumOf = (kind: ConstraintKind, total: number, parts: readonly number[]): void =>
    add(kind, 'eq', [[total, 1], ...parts.map((p) => [p, -1] as const)]);
  /** a <= b */
  const atMost = (kind: ConstraintKind, a: number, b: number): void => add(kind, 'le', [[a, 1], [b, -1]]);
  /** total <= sum(parts) */
  const atMostSum = (kind: ConstraintKind, total: number, parts: readonly number[]): void =>
    add(kind, 'le', [[total, 1], ...parts.map((p) => [p, -1] as const)]);

  const totalsNo = tables.findIndex((t) => t.spec.name === TOTALS_TABLE && t.spec.disclosure !== undefined);
  tables.forEach((t, ti) => {
    const spec = t.spec.disclosure;
    if (!spec) return;
    const idx = index[ti] as TableIndex;
    const ms = measures[ti] as string[];
    const levels = (['national', 'province', 'regency'] as const).filter((l) => idx.levels.has(l));
    const national = idx.levels.has('national') && idx.levels.has('province');
    const province = idx.levels.has('province') && idx.levels.has('regency');
    const parents = [...(national ? tree.byLevel.national : []), ...(province ? tree.byLevel.province : [])];

    for (const year of idx.years) {
      // Hierarchy: each count of a region is the sum over its sub-regions.
      for (const combo of idx.combos) {
        ms.forEach((_, mi) => {
          for (const p of parents) {
            const kids = tree.children.get(p);
            if (!kids || kids.length === 0) continue;
            sumOf('hierarchy', varOf(ti, year, p, combo, mi), kids.map((c) => varOf(ti, year, c, combo, mi)));
          }
        });
      }
      for (const level of levels) {
        for (const region of tree.byLevel[level]) {
          const cell = (combo: string, mi: number): number => varOf(ti, year, region, combo, mi);
          // Cases <= victims in every row: a case counted in a cell has at least one victim in it.
          const ci = ms.indexOf('cases');
          const vi = ms.indexOf('victims');
          if (ci >= 0 && vi >= 0) for (const combo of idx.combos) atMost('cases', cell(combo, ci), cell(combo, vi));
          // Unions of categories within the table.
          const unions = Object.entries(spec.unions ?? {});
          for (const [union, members] of unions) {
            const u = comboKey([union]);
            const parts = members.map((m) => comboKey([m])).filter((m) => idx.comboCategories.has(m));
            ms.forEach((_, mi) => {
              for (const p of parts) atMost('union', cell(p, mi), cell(u, mi));
              atMostSum('union', cell(u, mi), parts.map((p) => cell(p, mi)));
              for (const [other, otherMembers] of unions) {
                if (other !== union && members.every((m) => otherMembers.includes(m))) atMost('union', cell(u, mi), cell(comboKey([other]), mi));
              }
            });
          }
          // Membership: how the categories relate to violence_totals.
          if (spec.membership === 'total' || totalsNo < 0 || totalsNo === ti) continue;
          const totalsMeasures = measures[totalsNo] as string[];
          const plain = idx.combos.filter((c) => !(c in (spec.unions ?? {})));
          ms.forEach((m, mi) => {
            const tmi = totalsMeasures.indexOf(m);
            if (tmi < 0) return;
            const total = varOf(totalsNo, year, region, '', tmi);
            if (spec.membership === 'partition') {
              sumOf('partition', total, idx.combos.map((c) => cell(c, mi)));
              return;
            }
            for (const c of idx.combos) atMost(spec.membership === 'cover' ? 'cover' : 'subset', cell(c, mi), total);
            if (spec.membership === 'cover') atMostSum('cover', total, plain.map((c) => cell(c, mi)));
          });
        }
      }
    }
  });

  const varOfKey = (cell: CellKey): number | undefined => {
    const ti = tableNo.get(cell.table);
    if (ti === undefined) return undefined;
    const mi = (measures[ti] as string[]).indexOf(cell.column);
    const r = (index[ti] as TableIndex).rowOf.get(rowKey(cell.year, cell.region_code, comboKey(cell.categories)));
    return mi < 0 || r === undefined ? undefined : (base[ti] as number) + r * (measures[ti] as string[]).length + mi;
  };
  for (const s of statements) {
    const terms = s.terms.map((term): [number, number] => {
      const v = varOfKey(term.cell);
      if (v === undefined) throw new Error(`buildSystem: statement from ${s.source} names a cell the tables do not hold: ${JSON.stringify(term.cell)}`);
      return [v, term.coef];
    });
    add(s.kind, s.sense, terms, s.rhs, s.source);
  }

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
    consCoef: Int32Array.from(consCoef),
    consSense,
    consRhs: Float64Array.from(consRhs),
    consKind,
    consSource,
    varConsStart,
    varCons,
    duplicates,
    varOfKey,
  };
}

/** The table, row key and column of a variable, for reports and error messages. */
export function cellRef(sys: CellSystem, v: number): CellKey {
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

/** The vars of the row that holds var v (all its count columns). */
export function rowVarsOf(sys: CellSystem, v: number): number[] {
  const width = (sys.measures[sys.varTable[v] as number] as string[]).length;
  const first = v - (sys.varMeasure[v] as number);
  return Array.from({ length: width }, (_, i) => first + i);
}
