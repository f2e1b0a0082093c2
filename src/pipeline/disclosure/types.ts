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
  /** spec.disclosure.counts; null when published suppressed. */
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
  /** Rows withheld because a count is 1..k-1. */
  primary: number;
  /** Rows withheld only to protect other rows. */
  secondary: number;
}

/** What the interval audit cost, for the build log and the benchmark. */
export interface AuditCost {
  /** Connected groups of withheld cells, each solved as one linear programme. */
  components: number;
  /** Withheld cells whose interval was checked. */
  cells: number;
  /** Linear programmes solved. */
  solves: number;
  ms: number;
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
  /**
   * small-count: a published count in 1..k-1; recoverable: a withheld count that everything published determines
   * exactly; bounded: a withheld count that everything published proves to be at most k-1 (and at least 1, or its
   * interval would still show a small group); inconsistent: rows or relations that contradict themselves.
   */
  problem: 'small-count' | 'recoverable' | 'bounded' | 'inconsistent';
  detail: string;
  /** For recoverable and bounded: the smallest and largest values consistent with everything published. */
  interval?: [number, number];
}
