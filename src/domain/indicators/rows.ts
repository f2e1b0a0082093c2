// An indicator's result rows, typed once, and the one rule for the year an indicator is shown for.
import type { IndicatorLevel } from './types.ts';

/** One row of an indicator: one region, one year (null without a time axis), one level. */
export interface IndicatorRow {
  year: number | null;
  region_code: string;
  level: IndicatorLevel;
  /** NULL when withheld (`suppressed`) or missing (no data, a zero denominator). */
  value: number | null;
  /** Withheld by disclosure control, or computed from a withheld count. */
  suppressed: boolean;
  numerator: number | null;
  denominator: number | null;
}

type Cell = string | number | boolean | null | undefined;

const num = (v: Cell): number | null => {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

const LEVELS: ReadonlySet<string> = new Set(['national', 'province', 'regency']);

/**
 * Typed rows from a runner's plain rows (the family SQL's columns). The one conversion: consumers read IndicatorRow and
 * never convert again. A row with a level that is not national/province/regency is a broken query: it throws.
 */
export function toIndicatorRows(rows: ReadonlyArray<Record<string, Cell>>): IndicatorRow[] {
  return rows.map((r) => {
    const level = String(r.level ?? '');
    if (!LEVELS.has(level)) throw new Error(`indicator row for ${String(r.region_code)} has level "${level}"`);
    return Object.freeze({
      year: num(r.year),
      region_code: String(r.region_code ?? ''),
      level: level as IndicatorLevel,
      value: num(r.value),
      suppressed: r.suppressed === true || r.suppressed === 'true',
      numerator: num(r.numerator),
      denominator: num(r.denominator),
    });
  });
}

/** For each year and level an indicator returns: how many regions have a value. What resolveYear decides on. */
export interface YearCoverage {
  year: number;
  level: IndicatorLevel;
  valued: number;
}

/** The distinct years of rows or of a coverage, ascending (none for indicators without a time axis). */
export function yearsOf(rows: ReadonlyArray<{ year: number | null }>): number[] {
  const set = new Set<number>();
  for (const r of rows) if (r.year !== null) set.add(r.year);
  return [...set].sort((a, b) => a - b);
}

/** Coverage computed from rows (when a consumer already holds every year's rows). */
export function coverageOf(rows: readonly IndicatorRow[]): YearCoverage[] {
  const by = new Map<string, YearCoverage>();
  for (const r of rows) {
    if (r.year === null) continue;
    const key = `${r.year}|${r.level}`;
    const c = by.get(key) ?? { year: r.year, level: r.level, valued: 0 };
    if (r.value !== null) c.valued++;
    by.set(key, c);
  }
  return [...by.values()];
}

/**
 * The year to show, the app's one rule: the requested year when the indicator has it; else the latest year in which a
 * region of the level (any level when omitted, or when none at that level) has a value; else the latest year; null
 * for an indicator without years.
 */
export function resolveYear(coverage: readonly YearCoverage[], requested: number | null, level?: IndicatorLevel): number | null {
  const years = yearsOf(coverage);
  if (years.length === 0) return null;
  if (requested !== null && years.includes(requested)) return requested;
  const latest = (ok: (c: YearCoverage) => boolean): number | null =>
    coverage.reduce<number | null>((best, c) => (c.valued > 0 && ok(c) && (best === null || c.year > best) ? c.year : best), null);
  return (level !== undefined ? latest((c) => c.level === level) : null) ?? latest(() => true) ?? years[years.length - 1]!;
}
