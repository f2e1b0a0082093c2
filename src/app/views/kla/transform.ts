// Pure transforms of the KLA page: query rows -> ECharts options and table texts. No DOM, no React: tested in Node.
// Every tooltip is built from escaped text (data text is never HTML).
import type { EChartsCoreOption } from 'echarts/core';
import { schemeYlGnBu } from 'd3-scale-chromatic';
import type { Row, Value } from '../../../db/sql.ts';
import type { Lang } from '../../../state/url.ts';
import { KLA_CATEGORIES, KLA_CLUSTERS } from '../../../domain/kla.ts';
import { categoryPalette, NEUTRAL_GREY } from '../../../domain/palettes.ts';
import { clipLabel, escapeHtml, formatNumber, formatPercent } from '../../format.ts';
import { TEXT } from './text.ts';
import { fill } from '../../i18n.ts';

const num = (v: Value | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: Value | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The code of the "no category" category. */
export const NONE = 'tidak_ada';
/** Stacking and legend order: the five awards from Pratama up, then "no category". */
export const SERIES_ORDER = ['pratama', 'madya', 'nindya', 'utama', 'kla', NONE] as const;
/** Node key of a kab/kota not evaluated in one of the two years. */
export const NOT_EVALUATED = 'tidak_dievaluasi';

/** Ordered palette: grey for "no category", then a colour-blind-safe YlGnBu ramp from Pratama to KLA. */
export function categoryColours(): Record<string, string> {
  const colours = categoryPalette({ better: 'higher', categories: KLA_CATEGORIES });
  return Object.fromEntries(KLA_CATEGORIES.map((c, i) => [c.code, colours[i]!]));
}

/** A KLA category as the page shows it: label from the codes table, thresholds from the domain. */
export interface CategoryInfo {
  code: string;
  ord: number;
  label: string;
  min: number;
  max: number;
}

/** The categories of categories.sql rows (labels from `codes`), in code order. */
export function categoriesFrom(rows: readonly Row[], lang: Lang): CategoryInfo[] {
  const out: CategoryInfo[] = [];
  for (const r of rows) {
    const code = str(r.category);
    if (!code || out.some((c) => c.code === code)) continue;
    const domain = KLA_CATEGORIES.find((c) => c.code === code);
    out.push({
      code,
      ord: num(r.ord) ?? out.length,
      label: str(lang === 'id' ? r.label_id : r.label_en) || code,
      min: domain?.min ?? 0,
      max: domain?.max ?? 0,
    });
  }
  return out.sort((a, b) => a.ord - b.ord);
}

/** "Pratama (500-600)"; "no category" reads "(below 500)". */
export function legendName(c: CategoryInfo, lang: Lang): string {
  if (c.code === NONE) {
    const lowest = Math.min(...KLA_CATEGORIES.filter((k) => k.code !== NONE).map((k) => k.min));
    return `${c.label} (${fill(TEXT.below[lang], { min: lowest })})`;
  }
  return `${c.label} (${c.min}-${c.max})`;
}

/** The thresholds sentence of the intro: "Pratama 500-600, Madya 601-700, ...". */
export function thresholdsText(lang: Lang, categories: readonly CategoryInfo[]): string {
  return categories.filter((c) => c.code !== NONE).map((c) => `${c.label} ${c.min}-${c.max}`).join(', ')
    || KLA_CATEGORIES.filter((c) => c.code !== NONE).map((c) => `${c.label[lang]} ${c.min}-${c.max}`).join(', ');
}

interface TooltipItem { dataIndex?: number; seriesIndex?: number; dataType?: string; name?: string; value?: unknown; data?: unknown }
const asList = (params: unknown): TooltipItem[] => (Array.isArray(params) ? params : [params]) as TooltipItem[];

/** Years of categories.sql rows, ascending. */
export const yearsOf = (rows: readonly Row[]): number[] =>
  [...new Set(rows.map((r) => num(r.year)).filter((y): y is number => y !== null))].sort((a, b) => a - b);

const textStyle = { fontFamily: 'system-ui, sans-serif', color: '#1c2430' };

/**
 * Stacked bars, one per evaluation year, one series per category in SERIES_ORDER (Pratama .. KLA, then no category
 * in grey), named with their thresholds. Values are counts of kab/kota.
 */
export function categoriesOption(rows: readonly Row[], lang: Lang): EChartsCoreOption {
  const cats = categoriesFrom(rows, lang);
  const years = yearsOf(rows);
  const colours = categoryColours();
  const ordered = SERIES_ORDER.map((code) => cats.find((c) => c.code === code)).filter((c): c is CategoryInfo => !!c);
  const count = (year: number, code: string) => num(rows.find((r) => r.year === year && r.category === code)?.regencies);
  const evaluated = (year: number) => num(rows.find((r) => r.year === year)?.evaluated);
  return {
    textStyle,
    color: ordered.map((c) => colours[c.code] ?? NEUTRAL_GREY),
    legend: { top: 0, left: 0, data: ordered.map((c) => legendName(c, lang)) },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = asList(params).filter((p) => typeof p.dataIndex === 'number');
        if (list.length === 0) return '';
        const year = years[list[0]!.dataIndex!]!;
        const total = evaluated(year);
        const lines = list.map((p) => {
          const c = ordered[p.seriesIndex ?? 0];
          if (!c) return '';
          const n = count(year, c.code);
          const share = n !== null && total ? ` (${formatPercent(lang, (100 * n) / total)})` : '';
          return `${escapeHtml(legendName(c, lang))}: ${escapeHtml(`${formatNumber(lang, n)}${share}`)}`;
        });
        return [`<strong>${escapeHtml(`${year}: ${fill(TEXT.regenciesUnit[lang], { n: formatNumber(lang, total) })}`)}</strong>`, ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: years.map(String), axisLabel: { color: '#1c2430' } },
    yAxis: { type: 'value', minInterval: 1, name: TEXT.regencies[lang], nameTextStyle: { align: 'left' }, axisLabel: { color: '#4a5563', formatter: (v: number) => formatNumber(lang, v) } },
    series: ordered.map((c) => ({
      type: 'bar',
      name: legendName(c, lang),
      stack: 'kla',
      emphasis: { focus: 'series' },
      data: years.map((y) => count(y, c.code) ?? 0),
    })),
  };
}

/** The table of categories per year: one row per year, one column per category, then the total evaluated. */
export function categoriesTable(rows: readonly Row[], lang: Lang) {
  const cats = categoriesFrom(rows, lang);
  const ordered = SERIES_ORDER.map((code) => cats.find((c) => c.code === code)).filter((c): c is CategoryInfo => !!c);
  return {
    head: [TEXT.year[lang], ...ordered.map((c) => legendName(c, lang)), TEXT.evaluated[lang]],
    rows: yearsOf(rows).map((y) => ({
      key: String(y),
      cells: [String(y), ...ordered.map((c) => formatNumber(lang, num(rows.find((r) => r.year === y && r.category === c.code)?.regencies))),
        formatNumber(lang, num(rows.find((r) => r.year === y)?.evaluated))],
    })),
  };
}

/** One flow between two evaluations. `from`/`to` null = not evaluated that year. */
export interface Movement { from: string | null; to: string | null; regencies: number }

export const toMovements = (rows: readonly Row[]): Movement[] => rows
  .map((r) => ({ from: r.from_category === null ? null : str(r.from_category), to: r.to_category === null ? null : str(r.to_category), regencies: num(r.regencies) ?? 0 }))
  .filter((m) => m.regencies > 0);

/** Consecutive pairs of evaluation years, oldest first. */
export const consecutivePairs = (years: readonly number[]): Array<[number, number]> => {
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.slice(1).map((y, i) => [sorted[i]!, y]);
};

/** The pair to show: the one ending at `to` if there is one, else the latest; null with fewer than two years. */
export function pickPair(years: readonly number[], to: number | null): [number, number] | null {
  const pairs = consecutivePairs(years);
  if (pairs.length === 0) return null;
  return pairs.find((p) => p[1] === to) ?? pairs[pairs.length - 1]!;
}

/** Counts moving up, staying and moving down (kab/kota evaluated in both years only). */
export function movementSummary(moves: readonly Movement[], cats: readonly CategoryInfo[]) {
  const ord = (code: string) => cats.find((c) => c.code === code)?.ord ?? KLA_CATEGORIES.findIndex((c) => c.code === code);
  let up = 0;
  let same = 0;
  let down = 0;
  for (const m of moves) {
    if (m.from === null || m.to === null) continue;
    const d = ord(m.to) - ord(m.from);
    if (d > 0) up += m.regencies;
    else if (d < 0) down += m.regencies;
    else same += m.regencies;
  }
  return { up, same, down };
}

/**
 * The Sankey of movements from the categories of year A (left) to those of year B (right). Node names carry their
 * year, so the two columns never share a node ("Madya 2023" -> "Madya 2025"); nodes are ordered from KLA at the top
 * to no category and not evaluated at the bottom, and only categories with kab/kota appear.
 */
export function sankeyOption(moves: readonly Movement[], cats: readonly CategoryInfo[], yearA: number, yearB: number, lang: Lang): EChartsCoreOption {
  const colours = categoryColours();
  const label = (code: string | null) => (code === null ? TEXT.notEvaluated[lang] : cats.find((c) => c.code === code)?.label ?? code);
  const nodeName = (code: string | null, year: number) => `${label(code)} ${year}`;
  const rank = (code: string | null) => (code === null ? -1 : cats.find((c) => c.code === code)?.ord ?? -1);
  const order = [...new Set([...moves.map((m) => m.from), ...moves.map((m) => m.to)])].sort((a, b) => rank(b) - rank(a));
  const total = (side: 'from' | 'to', code: string | null) => moves.filter((m) => m[side] === code).reduce((n, m) => n + m.regencies, 0);
  const nodes: Array<{ name: string; depth: number; itemStyle: { color: string }; label: { position: string }; count: number }> = [];
  for (const [side, year, depth, position] of [['from', yearA, 0, 'right'], ['to', yearB, 1, 'left']] as const) {
    for (const code of order) {
      const n = total(side, code);
      if (n === 0) continue;
      nodes.push({
        name: nodeName(code, year),
        depth,
        itemStyle: { color: code === null ? '#ffffff' : colours[code] ?? NEUTRAL_GREY },
        label: { position },
        count: n,
      });
    }
  }
  const counts = new Map(nodes.map((n) => [n.name, n.count]));
  const links = moves.map((m) => ({ source: nodeName(m.from, yearA), target: nodeName(m.to, yearB), value: m.regencies }));
  const unit = (n: number) => fill(TEXT.regenciesUnit[lang], { n: formatNumber(lang, n) });
  return {
    textStyle,
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = asList(params)[0];
        if (!p) return '';
        if (p.dataType === 'edge') {
          const d = p.data as { source: string; target: string; value: number };
          return `${escapeHtml(d.source)} → ${escapeHtml(d.target)}: ${escapeHtml(unit(d.value))}`;
        }
        const name = String(p.name ?? '');
        return `${escapeHtml(name)}: ${escapeHtml(unit(counts.get(name) ?? 0))}`;
      },
    },
    series: [{
      type: 'sankey',
      left: 8,
      right: 8,
      top: 8,
      bottom: 8,
      nodeWidth: 18,
      nodeGap: 10,
      nodeAlign: 'justify',
      layoutIterations: 0,
      draggable: false,
      emphasis: { focus: 'adjacency' },
      label: {
        color: '#1c2430',
        formatter: (p: { name?: string }) => `${p.name ?? ''}: ${formatNumber(lang, counts.get(p.name ?? '') ?? 0)}`,
      },
      itemStyle: { borderColor: '#5b6675', borderWidth: 1 },
      lineStyle: { color: 'source', opacity: 0.55, curveness: 0.5 },
      data: nodes.map(({ count: _count, ...n }) => n),
      links,
    }],
  };
}

/** The table of movements: from, to, kab/kota. */
export function movementsTable(moves: readonly Movement[], cats: readonly CategoryInfo[], yearA: number, yearB: number, lang: Lang) {
  const label = (code: string | null) => (code === null ? TEXT.notEvaluated[lang] : cats.find((c) => c.code === code)?.label ?? code);
  const rank = (code: string | null) => (code === null ? -1 : cats.find((c) => c.code === code)?.ord ?? -1);
  const sorted = [...moves].sort((a, b) => rank(b.from) - rank(a.from) || rank(b.to) - rank(a.to));
  return {
    head: [fill(TEXT.from[lang], { year: yearA }), fill(TEXT.to[lang], { year: yearB }), TEXT.regencies[lang]],
    numeric: [2],
    rows: sorted.map((m) => ({ key: `${m.from}>${m.to}`, cells: [label(m.from), label(m.to), formatNumber(lang, m.regencies)] })),
  };
}

/** Average cluster scores of one region (clusters.sql). */
export interface ClusterRow { regionCode: string; name: string; evaluated: number | null; scores: Array<number | null> }

export const toClusterRows = (rows: readonly Row[]): ClusterRow[] => rows.map((r) => ({
  regionCode: str(r.region_code),
  name: str(r.name),
  evaluated: num(r.evaluated),
  scores: KLA_CLUSTERS.map((c) => num(r[c.column])),
}));

/** "Kelembagaan", "Klaster I", ... (the part of the domain label before the colon). */
export const shortClusterName = (label: string): string => label.split(':')[0]!.trim();

/** National averages of the six components as horizontal bars, 0-100 (% of each cluster's maximum). */
export function clusterBarsOption(national: ClusterRow | undefined, lang: Lang): EChartsCoreOption {
  const names = KLA_CLUSTERS.map((c) => c.label[lang]);
  const values = national?.scores ?? KLA_CLUSTERS.map(() => null);
  return {
    textStyle,
    color: [schemeYlGnBu[9]![6]!],
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = asList(params).find((x) => typeof x.dataIndex === 'number');
        if (!p) return '';
        return `${escapeHtml(names[p.dataIndex!] ?? '')}: ${escapeHtml(formatPercent(lang, values[p.dataIndex!] ?? null))}`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#4a5563', formatter: (v: number) => `${formatNumber(lang, v)}%` } },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 230, overflow: 'break', lineHeight: 14, color: '#1c2430' } },
    series: [{
      type: 'bar',
      name: TEXT.average[lang],
      data: values,
      label: { show: true, position: 'right', color: '#1c2430', formatter: (p: { value?: unknown }) => formatNumber(lang, typeof p.value === 'number' ? p.value : null, 1) },
    }],
  };
}

/**
 * Provinces x components heatmap of average scores (% of maximum): provinces top to bottom in code order, the six
 * components left to right; colour from a sequential colour-blind-safe ramp (YlGnBu) over the data's range.
 */
export function clusterHeatmapOption(provinces: readonly ClusterRow[], lang: Lang): EChartsCoreOption {
  const xs = KLA_CLUSTERS.map((c) => shortClusterName(c.label[lang]));
  const full = KLA_CLUSTERS.map((c) => c.label[lang]);
  const values = provinces.flatMap((p) => p.scores).filter((v): v is number => v !== null);
  const min = values.length ? Math.floor(Math.min(...values)) : 0;
  const max = values.length ? Math.ceil(Math.max(...values)) : 100;
  const span = max - min || 1;
  const data = provinces.flatMap((p, y) => p.scores.map((v, x) => ({
    value: [x, y, v],
    label: { color: v !== null && (v - min) / span > 0.55 ? '#ffffff' : '#1c2430' },
  })));
  return {
    textStyle,
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = asList(params)[0];
        const v = (p?.value ?? []) as [number, number, number | null];
        const prov = provinces[v[1]];
        if (!prov) return '';
        return `<strong>${escapeHtml(prov.name)}</strong><br/>${escapeHtml(full[v[0]] ?? '')}: ${escapeHtml(formatPercent(lang, v[2]))}<br/>${escapeHtml(fill(TEXT.regenciesUnit[lang], { n: formatNumber(lang, prov.evaluated) }))}`;
      },
    },
    xAxis: { type: 'category', data: xs, position: 'top', axisLabel: { color: '#1c2430', interval: 0 }, splitArea: { show: false } },
    yAxis: { type: 'category', inverse: true, data: provinces.map((p) => p.name), axisLabel: { color: '#1c2430', fontSize: 11, formatter: (name: string) => clipLabel(name) } },
    visualMap: {
      type: 'continuous',
      min,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 200,
      text: [`${max}%`, `${min}%`],
      textStyle: { color: '#1c2430' },
      inRange: { color: [...schemeYlGnBu[9]!] },
    },
    series: [{
      type: 'heatmap',
      name: TEXT.clustersByProvince[lang],
      data,
      label: { show: true, fontSize: 10, formatter: (p: { value?: unknown }) => formatNumber(lang, (p.value as number[] | undefined)?.[2] ?? null, 0) },
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
    }],
  };
}

/** The cluster table: region, evaluated, then the six averages. */
export function clusterTable(rows: readonly ClusterRow[], lang: Lang, indonesia: string) {
  return {
    head: [TEXT.province[lang], TEXT.regencies[lang], ...KLA_CLUSTERS.map((c) => shortClusterName(c.label[lang]))],
    rows: rows.map((r) => ({
      key: r.regionCode,
      cells: [r.regionCode === '00' ? indonesia : r.name, formatNumber(lang, r.evaluated), ...r.scores.map((v) => formatNumber(lang, v, 1))],
    })),
  };
}

/** One province of provinces.sql. */
export interface ProvinceRow {
  regionCode: string;
  name: string;
  evaluated: number;
  awarded: number;
  awardedPct: number | null;
  averageScore: number | null;
  counts: Record<string, number>;
}

export const toProvinceRows = (rows: readonly Row[]): ProvinceRow[] => rows.map((r) => ({
  regionCode: str(r.region_code),
  name: str(r.name),
  evaluated: num(r.evaluated) ?? 0,
  awarded: num(r.awarded) ?? 0,
  awardedPct: num(r.awarded_pct),
  averageScore: num(r.average_score),
  counts: Object.fromEntries(KLA_CATEGORIES.map((c) => [c.code, num(r[c.code]) ?? 0])),
}));

/** The national averages as a table: component, average (% of maximum). */
export function clusterNationalTable(national: ClusterRow | undefined, lang: Lang) {
  return {
    head: [TEXT.component[lang], TEXT.average[lang]],
    rows: KLA_CLUSTERS.map((c, i) => ({ key: c.column, cells: [c.label[lang], formatNumber(lang, national?.scores[i] ?? null, 1)] })),
  };
}
