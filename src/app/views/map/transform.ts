// Pure transforms of the map explorer: indicator rows -> map fill states, legend entries and table rows; the year
// and level to show. No DOM, no engine: tested in Node (test/app/map*.test.ts).
import type { Lang, MapLevel, ClassMethod } from '../../../state/url.ts';
import { ranksByValue } from '../../../domain/rank.ts';
import type { Label } from '../../../domain/label.ts';
import { INDICATORS, indicatorById, type Indicator } from '../../../domain/indicators.ts';
import { classify, classifyAroundZero, classOf } from '../../../domain/classify.ts';
import { MISSING_STYLE, SUPPRESSED_STYLE, paletteFor } from '../../../domain/palettes.ts';
import { formatChange, formatNumber, formatPercent } from '../../format.ts';
import { TEXT } from './text.ts';

/** One row of an indicator query (queries/app/indicators/*.sql). */
export interface IndicatorRow {
  year: number | null;
  region_code: string;
  level: string;
  value: number | null;
  suppressed: boolean;
  numerator: number | null;
  denominator: number | null;
}

type Cell = string | number | boolean | null | undefined;

const num = (v: Cell): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** Typed rows from the runner's plain rows (numbers may arrive as strings or BigInt-converted numbers). */
export function toIndicatorRows(rows: ReadonlyArray<Record<string, Cell>>): IndicatorRow[] {
  return rows.map((r) => ({
    year: num(r.year),
    region_code: String(r.region_code ?? ''),
    level: String(r.level ?? ''),
    value: num(r.value),
    suppressed: r.suppressed === true || r.suppressed === 'true',
    numerator: num(r.numerator),
    denominator: num(r.denominator),
  }));
}

/**
 * Rows of the default indicator (victims per 100,000 children, province level) from the snapshot's landing slice,
 * computed as queries/app/indicators/violence_victim_rate.sql does: the map and the table can show them before the
 * query engine has started. Withheld counts give no value.
 */
export function landingRows(landing: { year: number; violence_map: ReadonlyArray<Record<string, Cell>> }): IndicatorRow[] {
  return landing.violence_map.map((r) => {
    const suppressed = r.suppressed === true;
    const victims = num(r.victims);
    const children = num(r.child_population);
    return {
      year: landing.year,
      region_code: String(r.region_code ?? ''),
      level: 'province',
      value: suppressed || victims === null || !children ? null : (victims * 100000) / children,
      suppressed,
      numerator: victims,
      denominator: children,
    };
  });
}

// ---- Indicator ids in the URL ----

/** The default map indicator: child victims per 100,000 children. */
export const DEFAULT_INDICATOR_ID = 'violence-victim-rate';

/** The catalogue indicator for the state's `indicator` (a catalogue id); unknown ids fall back to the default. */
export function resolveIndicator(stateId: string): { indicator: Indicator; known: boolean } {
  const found = indicatorById(stateId);
  if (found) return { indicator: found, known: true };
  return { indicator: indicatorById(DEFAULT_INDICATOR_ID) ?? INDICATORS[0]!, known: false };
}

// ---- Years ----

/** The distinct years of the rows, ascending (none for indicators without a time axis). */
export function yearsOf(rows: readonly IndicatorRow[]): number[] {
  const set = new Set<number>();
  for (const r of rows) if (r.year !== null) set.add(r.year);
  return [...set].sort((a, b) => a - b);
}

/** The latest year in which at least one region of the level (any level when omitted) has a value; null if none. */
export function latestYearWithData(rows: readonly IndicatorRow[], level?: MapLevel): number | null {
  let best: number | null = null;
  for (const r of rows) {
    if (r.year === null || r.value === null) continue;
    if (level !== undefined && r.level !== level) continue;
    if (best === null || r.year > best) best = r.year;
  }
  if (best === null && level !== undefined) return latestYearWithData(rows);
  if (best === null) {
    const years = yearsOf(rows);
    return years.length > 0 ? years[years.length - 1]! : null;
  }
  return best;
}

/** The year to show: the requested one when the indicator has it, else the latest year with data; null without years. */
export function resolveYear(rows: readonly IndicatorRow[], requested: number | null, level?: MapLevel): number | null {
  const years = yearsOf(rows);
  if (years.length === 0) return null;
  if (requested !== null && years.includes(requested)) return requested;
  return latestYearWithData(rows, level);
}

// ---- Levels ----

export interface LevelOption {
  level: MapLevel;
  available: boolean;
  /** Why the level is disabled (null when available). */
  reason: Label | null;
}

/**
 * Which map levels the indicator has: from the rows when loaded (the SQL reads the levels from the data), else from
 * the catalogue. A disabled level carries the reason.
 */
export function levelOptions(indicator: Indicator, rows: readonly IndicatorRow[] | null): LevelOption[] {
  const present = new Set<string>();
  if (rows && rows.length > 0) for (const r of rows) present.add(r.level);
  else for (const l of indicator.levels) present.add(l);
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

/** The rows of one year (null: rows without a year) and level, optionally only the kab/kota of one province. */
export function rowsFor(rows: readonly IndicatorRow[], year: number | null, level: MapLevel, province: string | null = null): IndicatorRow[] {
  return rows.filter((r) => r.year === year && r.level === level
    && (province === null || level !== 'regency' || r.region_code.slice(0, 2) === province));
}

// ---- Classes ----

export type FillKind = 'value' | 'suppressed' | 'missing';

export interface Classification {
  kind: 'classes' | 'categories' | 'around-zero';
  /** Class bounds (classes: k + 1 or fewer; categories: []). */
  bounds: number[];
  /** One colour per class or category, lowest / first first. */
  colors: string[];
  /** Category labels (kind 'categories'). */
  categories: Label[];
}

export const CLASS_COUNT = 5;

/**
 * Classes for the values of the rows: fixed categories for a categorical indicator, symmetric classes around zero for
 * a change, else quantiles or natural breaks over the given rows (pass every region of the level: classes stay the
 * same when drilling down into one province).
 */
export function classifyRows(indicator: Indicator, rows: readonly IndicatorRow[], method: ClassMethod, k = CLASS_COUNT): Classification {
  if (indicator.format === 'category') {
    return { kind: 'categories', bounds: [], colors: paletteFor(indicator, k), categories: (indicator.categories ?? []).map((c) => c.label) };
  }
  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  if (indicator.format === 'change') {
    const bounds = classifyAroundZero(values, k);
    return { kind: 'around-zero', bounds, colors: bounds.length < 2 ? [] : paletteFor(indicator, bounds.length - 1), categories: [] };
  }
  const bounds = classify(values, method, k);
  return { kind: 'classes', bounds, colors: bounds.length < 2 ? [] : paletteFor(indicator, bounds.length - 1), categories: [] };
}

/** The class (or category) index of a value; -1 for none. */
export function classIndex(c: Classification, value: number | null): number {
  if (value === null) return -1;
  if (c.kind === 'categories') {
    const i = Math.round(value);
    return i >= 0 && i < c.colors.length ? i : -1;
  }
  return classOf(value, c.bounds);
}

export interface FillState {
  kind: FillKind;
  /** The fill colour (missing: white; withheld: the hatch's grey). */
  fill: string;
  cls: number;
}

/** The fill state of every code: coloured by class, withheld (hatched) or missing (white, outlined). */
export function fillStates(codes: readonly string[], rows: readonly IndicatorRow[], c: Classification): Map<string, FillState> {
  const byCode = new Map(rows.map((r) => [r.region_code, r]));
  const out = new Map<string, FillState>();
  for (const code of codes) {
    const r = byCode.get(code);
    if (r?.suppressed) { out.set(code, { kind: 'suppressed', fill: SUPPRESSED_STYLE.fill, cls: -1 }); continue; }
    const cls = classIndex(c, r?.value ?? null);
    if (cls < 0) out.set(code, { kind: 'missing', fill: MISSING_STYLE.fill, cls: -1 });
    else out.set(code, { kind: 'value', fill: c.colors[cls] ?? MISSING_STYLE.fill, cls });
  }
  return out;
}

// ---- Formatting ----

/** A value as text in the indicator's format, without the unit ('–' for null). */
export function formatValue(indicator: Indicator, value: number | null, lang: Lang): string {
  if (value === null) return '–';
  switch (indicator.format) {
    case 'percent': return formatPercent(lang, value, indicator.digits);
    case 'change': return formatChange(lang, value, indicator.digits);
    case 'category': {
      const c = indicator.categories?.[Math.round(value)];
      return c ? c.label[lang] : formatNumber(lang, value);
    }
    default: return formatNumber(lang, value, indicator.digits);
  }
}

/** A value with its unit for tooltips ("16,8 per 100.000 anak"); percentages and categories carry their own unit. */
export function formatValueWithUnit(indicator: Indicator, value: number | null, lang: Lang): string {
  const text = formatValue(indicator, value, lang);
  if (value === null || indicator.format === 'category' || indicator.format === 'percent' || indicator.format === 'change') return text;
  return `${text} ${indicator.unit[lang]}`;
}

// ---- Legend ----

export interface LegendEntry {
  kind: FillKind;
  color: string;
  label: string;
  /** Regions shown in this entry (of the rows passed). */
  count: number;
}

/** Bounds text of class i ("12,3 – 15,6"), in the indicator's format. */
function boundsLabel(indicator: Indicator, bounds: readonly number[], i: number, lang: Lang): string {
  const lo = formatValue(indicator, bounds[i]!, lang);
  const hi = formatValue(indicator, bounds[i + 1]!, lang);
  return lo === hi ? lo : `${lo} – ${hi}`;
}

/** Legend entries: one per class or category, then withheld and no data (always listed, even with a count of 0). */
export function legendEntries(indicator: Indicator, c: Classification, states: ReadonlyMap<string, FillState>, lang: Lang): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const s of states.values()) {
    const key = s.kind === 'value' ? `c${s.cls}` : s.kind;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const entries: LegendEntry[] = c.colors.map((color, i) => ({
    kind: 'value' as const,
    color,
    label: c.kind === 'categories' ? (c.categories[i]?.[lang] ?? String(i)) : boundsLabel(indicator, c.bounds, i, lang),
    count: counts.get(`c${i}`) ?? 0,
  }));
  entries.push({ kind: 'suppressed', color: SUPPRESSED_STYLE.fill, label: `${SUPPRESSED_STYLE.label[lang]} (${TEXT.disclosureControl[lang]})`, count: counts.get('suppressed') ?? 0 });
  entries.push({ kind: 'missing', color: MISSING_STYLE.fill, label: MISSING_STYLE.label[lang], count: counts.get('missing') ?? 0 });
  return entries;
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
