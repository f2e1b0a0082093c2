// What `npm run indicator` prints: an indicator's rows for a year, level and province through the app's one indicator
// path (the same family SQL, filters and year rule as the map), named and ranked as the map's table ranks them.
import { indicatorById, INDICATORS, type IndicatorLevel } from '../domain/indicators.ts';
import { ranksByValue } from '../domain/rank.ts';
import type { Duck } from './duck.ts';
import { nodeIndicatorSource } from './indicators.ts';

export interface IndicatorTableOptions {
  /** A year (else the latest with data, by the app's rule); ignored by indicators without years. */
  year?: number | null;
  level?: IndicatorLevel;
  /** A province code: that province and its kab/kota. */
  province?: string | null;
}

export interface IndicatorTableRow {
  year: number | null;
  level: IndicatorLevel;
  region_code: string;
  name: string;
  value: number | null;
  suppressed: boolean;
  numerator: number | null;
  denominator: number | null;
  /** By the app's one rank rule (1 = the highest value; ties share; withheld and missing not ranked), among the rows. */
  rank: number | null;
}

export const COLUMNS = ['year', 'level', 'region_code', 'name', 'value', 'suppressed', 'numerator', 'denominator', 'rank'] as const;

/** An id that is not in the catalogue: the message lists those that are. */
export class UnknownIndicatorError extends Error {
  constructor(id: string) {
    super(`unknown indicator "${id}"; the catalogue has: ${INDICATORS.map((i) => i.id).join(', ')}`);
    this.name = 'UnknownIndicatorError';
  }
}

export async function indicatorTable(duck: Duck, id: string, opts: IndicatorTableOptions = {}): Promise<{ year: number | null; rows: IndicatorTableRow[] }> {
  const found = indicatorById(id);
  if (!found) throw new UnknownIndicatorError(id);
  const result = await nodeIndicatorSource(duck).rows(found, {
    year: opts.year ?? null, ...(opts.level ? { level: opts.level } : {}), province: opts.province ?? null,
  });
  const names = new Map((await duck.all('SELECT region_code, name FROM regions')).map((r) => [String(r.region_code), String(r.name)]));
  // Ranks within each (year, level): the map ranks the regions of one level in one year.
  const ranks = new Map<string, number | null>();
  const groups = new Map<string, typeof result.rows>();
  for (const r of result.rows) {
    const key = `${r.year}|${r.level}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  for (const rows of groups.values()) {
    const ranked = ranksByValue(rows.map((r) => ({ code: r.region_code, value: r.value })));
    for (const r of rows) ranks.set(`${r.year}|${r.level}|${r.region_code}`, ranked.get(r.region_code)?.rank ?? null);
  }
  return {
    year: result.year,
    rows: result.rows.map((r) => ({
      year: r.year, level: r.level, region_code: r.region_code, name: names.get(r.region_code) ?? r.region_code,
      value: r.value, suppressed: r.suppressed, numerator: r.numerator, denominator: r.denominator,
      rank: found.format === 'category' ? null : ranks.get(`${r.year}|${r.level}|${r.region_code}`) ?? null,
    })),
  };
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Where the rows come from: every row of the CSV and the JSON says which snapshot, and whether it is synthetic. */
export interface Provenance { snapshot_id: string; synthetic: boolean; synthetic_notice: { id: string; en: string } | null }

/**
 * RFC 4180 CSV with a header line; empty cells for NULL; numbers at full precision. Each row also names its snapshot
 * and says whether the data are synthetic (a CSV has no place for a notice that survives being cut or piped).
 */
export function toCsv(rows: readonly IndicatorTableRow[], p: Provenance): string {
  const head = [...COLUMNS, 'snapshot_id', 'synthetic'];
  return [head.join(','), ...rows.map((r) => [...COLUMNS.map((c) => csvCell(r[c])), csvCell(p.snapshot_id), String(p.synthetic)].join(','))].join('\n') + '\n';
}

/** JSON: the provenance, the indicator and its unit, the year shown, and the rows. */
export function toJson(id: string, year: number | null, rows: readonly IndicatorTableRow[], p: Provenance): string {
  const ind = indicatorById(id);
  if (!ind) throw new UnknownIndicatorError(id);
  return `${JSON.stringify({ ...p, indicator: id, title: ind.title, unit: ind.unit, year, rows }, null, 2)}\n`;
}
