// How an indicator's rows are shaded and written, the same on every map (the explorer, the report's map, the first
// paint baked into index.html): classes, fill states, value text and legend entries. Pure: no DOM, no engine.
import type { Lang, ClassMethod } from '../../state/url.ts';
import { L, type Label } from '../../domain/label.ts';
import type { Indicator } from '../../domain/indicators.ts';
import type { IndicatorRow } from '../../domain/indicators/rows.ts';
import { classify, classifyAroundZero, classOf } from '../../domain/classify.ts';
import { MISSING_STYLE, SUPPRESSED_STYLE, paletteFor } from '../../domain/palettes.ts';
import { formatChange, formatNumber, formatPercent } from '../format.ts';

export const DISCLOSURE_CONTROL = L('kontrol pengungkapan', 'disclosure control');

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
  entries.push({ kind: 'suppressed', color: SUPPRESSED_STYLE.fill, label: `${SUPPRESSED_STYLE.label[lang]} (${DISCLOSURE_CONTROL[lang]})`, count: counts.get('suppressed') ?? 0 });
  entries.push({ kind: 'missing', color: MISSING_STYLE.fill, label: MISSING_STYLE.label[lang], count: counts.get('missing') ?? 0 });
  return entries;
}
