import type { PublishedTable } from '../../domain/tables.ts';
import type { Level } from '../../domain/vocab.ts';

/** One region of the hierarchy; national has parent null. */
export interface RegionNode {
  code: string;
  level: Level;
  parent: string | null;
}

/** One row of a count table: a cell of the cube (year x region x categories). */
export interface CellRow {
  year: number;
  region_code: string;
  level: Level;
  /** Values of spec.disclosure.categories, same order; [] for totals. */
  categories: string[];
  /** childCounts + companions; null when published suppressed. */
  counts: Record<string, number | null>;
  suppressed: boolean;
}

/** A table spec with its rows at national, province and regency level. */
export interface TableCells {
  spec: PublishedTable;
  rows: CellRow[];
}

export interface TableStats {
  finestLevel: 'regency' | 'province';
  /** Rows published (after any lowering of the level). */
  cells: number;
  /** Rows withheld because a child count is 1..k-1. */
  primary: number;
  /** Rows withheld only to protect other rows. */
  secondary: number;
}

export interface SuppressionResult {
  /** Same tables; suppressed cells have counts nulled and suppressed=true; regency rows dropped where the level was lowered. */
  tables: TableCells[];
  stats: Record<string, TableStats>;
}

export interface AuditFinding {
  table: string;
  year: number;
  region_code: string;
  categories: string[];
  column: string;
  problem: 'small-count' | 'recoverable' | 'inconsistent';
  detail: string;
}
