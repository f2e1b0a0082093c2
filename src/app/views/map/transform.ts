// Pure transforms of the map explorer: which indicator, level and drill-down to show, and the table's rows. Shading
// (classes, fills, legend) is shared with every map (src/app/indicator/shading.ts). No DOM, no engine: tested in Node
// (test/app/map*.test.ts).
import type { Lang, MapLevel } from '../../../state/url.ts';
import { ranksByValue } from '../../../domain/rank.ts';
import type { Label } from '../../../domain/label.ts';
import { INDICATORS, indicator as indicatorOf, indicatorById, type Indicator, type IndicatorId } from '../../../domain/indicators.ts';
import type { IndicatorRow } from '../../../domain/indicators/rows.ts';
import { formatValue } from '../../indicator/shading.ts';
import { TEXT } from './text.ts';

// ---- Indicator ids in the URL ----

/** The default map indicator: child victims per 100,000 children. */
export const DEFAULT_INDICATOR_ID: IndicatorId = 'violence-victim-rate';

/** The catalogue indicator for the state's `indicator` (a catalogue id); unknown ids fall back to the default. */
export function resolveIndicator(stateId: string): { indicator: Indicator; known: boolean } {
  const found = indicatorById(stateId);
  if (found) return { indicator: found, known: true };
  return { indicator: indicatorOf(DEFAULT_INDICATOR_ID), known: false };
}

// ---- Levels ----

export interface LevelOption {
  level: MapLevel;
  available: boolean;
  /** Why the level is disabled (null when available). */
  reason: Label | null;
}

/**
 * Which map levels the indicator has: the levels found in its data when known (the SQL reads them from the data),
 * else the catalogue's. A disabled level carries the reason.
 */
export function levelOptions(indicator: Indicator, levels: ReadonlySet<string> | null): LevelOption[] {
  const present: ReadonlySet<string> = levels && levels.size > 0 ? levels : new Set(indicator.levels);
  return (['province', 'regency'] as const).map((level) => {
    const available = present.has(level);
    let reason: Label | null = null;
    if (!available) {
      if (level === 'province') reason = indicator.subject === 'kla' ? TEXT.unavailableProvince : TEXT.unavailableGeneric;
      else if (indicator.subject === 'violence') reason = TEXT.unavailableRegency;
      else if (indicator.subject === 'kla') reason = TEXT.unavailableRegencyKla;
      else reason = TEXT.unavailableGeneric;
    }
    return { level, available, reason };
  });
}

/** The level and drill-down province the map can show for the chosen ones; `switched` when the level had to change. */
export function effectiveView(level: MapLevel, province: string | null, options: readonly LevelOption[]):
{ level: MapLevel; province: string | null; switched: boolean } {
  const ok = (l: MapLevel) => options.find((o) => o.level === l)?.available ?? false;
  if (ok(level)) return { level, province: level === 'regency' ? province : null, switched: false };
  const other: MapLevel = level === 'province' ? 'regency' : 'province';
  if (ok(other)) return { level: other, province: other === 'regency' ? province : null, switched: true };
  return { level, province: null, switched: false };
}

// ---- Table ----

export interface TableRow {
  code: string;
  name: string;
  /** 1 = highest value; ties share a rank; null without a value. */
  rank: number | null;
  value: number | null;
  suppressed: boolean;
  numerator: number | null;
  denominator: number | null;
}

/** Table rows for the shown regions, in code order, ranked by the app's one rule (src/domain/rank.ts: 1 = highest). */
export function tableRows(rows: readonly IndicatorRow[], names: ReadonlyMap<string, string>): TableRow[] {
  const ranks = ranksByValue(rows.map((r) => ({ code: r.region_code, value: r.value })));
  return [...rows]
    .sort((a, b) => (a.region_code < b.region_code ? -1 : a.region_code > b.region_code ? 1 : 0))
    .map((r) => ({
      code: r.region_code,
      name: names.get(r.region_code) ?? r.region_code,
      rank: ranks.get(r.region_code)?.rank ?? null,
      value: r.value,
      suppressed: r.suppressed,
      numerator: r.numerator,
      denominator: r.denominator,
    }));
}

/** Whether numerator and denominator mean something for the indicator (and the rows carry them). */
export function showsFraction(indicator: Indicator, rows: readonly IndicatorRow[]): boolean {
  if (indicator.format === 'count' || indicator.format === 'category') return false;
  return rows.some((r) => r.numerator !== null || r.denominator !== null);
}

/** The value cell text: the formatted value, or "withheld" / "no data" in words. */
export function valueText(indicator: Indicator, r: Pick<TableRow, 'value' | 'suppressed'>, lang: Lang, words: { suppressed: string; missing: string }): string {
  if (r.suppressed) return words.suppressed;
  if (r.value === null) return words.missing;
  return formatValue(indicator, r.value, lang);
}

// ---- Geometry ----

type Position = number[];
type AnyGeometry = { type: string; coordinates?: unknown; geometries?: AnyGeometry[] };

/** [west, south, east, north] of the geometries (null when empty). */
export function bboxOf(geometries: ReadonlyArray<AnyGeometry | null>): [number, number, number, number] | null {
  let w = Infinity; let s = Infinity; let e = -Infinity; let n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as Position;
      if (x! < w) w = x!; if (x! > e) e = x!; if (y! < s) s = y!; if (y! > n) n = y!;
      return;
    }
    for (const child of c) visit(child);
  };
  const walk = (g: AnyGeometry | null): void => {
    if (!g) return;
    if (g.geometries) g.geometries.forEach(walk);
    else visit(g.coordinates);
  };
  geometries.forEach(walk);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

let groups: Array<{ subject: Indicator['subject']; indicators: Indicator[] }> | null = null;

/** The indicators grouped by subject, in catalogue order (computed once: the picker renders on every change). */
export function indicatorGroups(): Array<{ subject: Indicator['subject']; indicators: Indicator[] }> {
  const subjects: Array<Indicator['subject']> = ['violence', 'lksa', 'kla'];
  groups ??= subjects.map((subject) => ({ subject, indicators: INDICATORS.filter((i) => i.subject === subject) }));
  return groups;
}
