// Pure transforms of the violence page: query rows -> typed cells -> ECharts options and table texts.
// No DOM, no React: tested in Node. A withheld count stays NULL all the way: a gap in a chart, "withheld" in a table,
// never 0. Every tooltip is built from escaped text (data text is never HTML).
import type { EChartsCoreOption } from 'echarts/core';
import { schemeBlues, schemeDark2 } from 'd3-scale-chromatic';
import type { Row, Value } from '../../../db/sql.ts';
import type { Lang } from '../../../state/url.ts';
import { escapeHtml, formatNumber, formatPercent } from '../../format.ts';
import { t } from '../../i18n.ts';
import { TEXT } from './text.ts';

/**
 * Colour-blind-safe colours (ColorBrewer, marked colour-blind safe at these sizes): Dark2's first three for the two
 * measures and the two sexes; Blues for single-measure bars, the darkest for summary rows.
 */
export const COLOURS = {
  victims: schemeDark2[0]!,
  cases: schemeDark2[1]!,
  female: schemeDark2[2]!,
  male: schemeDark2[1]!,
  bar: schemeBlues[9]![6]!,
  summary: schemeBlues[9]![8]!,
} as const;

/** Services shown first, as summaries of the others. */
export const ANY_SERVICE = 'layanan_apa_pun';
export const SOCIAL_PROTECTION = 'rujukan_perlindungan_sosial';
const SOCIAL_PROTECTION_PARTS = ['pkh', 'pbi_jkn', 'pip'];

const num = (v: Value | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: Value | undefined): string => (v === null || v === undefined ? '' : String(v));

/** One category of a breakdown for one region and year. */
export interface Cell {
  code: string;
  label: string;
  level: string | null;
  victims: number | null;
  /** Only violence_by_type has cases. */
  cases: number | null;
  /** Per cent of all child victims. */
  share: number | null;
  suppressed: boolean;
}

/** Rows of by_type.sql / by_category.sql as cells, in the query's (code) order. */
export function toCells(rows: readonly Row[], lang: Lang): Cell[] {
  return rows.map((r) => ({
    code: str(r.code),
    label: str(lang === 'id' ? r.label_id : r.label_en) || str(r.code),
    level: r.level === null || r.level === undefined ? null : str(r.level),
    victims: num(r.victims),
    cases: num(r.cases),
    share: num(r.share_pct),
    suppressed: r.suppressed === true,
  }));
}

/** One sex x age group cell. */
export interface SexAgeCell {
  sex: string;
  sexLabel: string;
  age: string;
  ageLabel: string;
  victims: number | null;
  share: number | null;
  suppressed: boolean;
}

export function toSexAgeCells(rows: readonly Row[], lang: Lang): SexAgeCell[] {
  return rows.map((r) => ({
    sex: str(r.sex),
    sexLabel: str(lang === 'id' ? r.sex_label_id : r.sex_label_en) || str(r.sex),
    age: str(r.age_group),
    ageLabel: str(lang === 'id' ? r.age_label_id : r.age_label_en) || str(r.age_group),
    victims: num(r.victims),
    share: num(r.share_pct),
    suppressed: r.suppressed === true,
  }));
}

/** One year of the trend (and of the headline). */
export interface TrendPoint {
  year: number;
  level: string | null;
  victims: number | null;
  cases: number | null;
  victimsPerCase: number | null;
  suppressed: boolean;
}

export function toTrend(rows: readonly Row[]): TrendPoint[] {
  return rows
    .filter((r) => num(r.year) !== null)
    .map((r) => ({
      year: num(r.year)!,
      level: r.level === null || r.level === undefined ? null : str(r.level),
      victims: num(r.victims),
      cases: num(r.cases),
      victimsPerCase: num(r.victims_per_case),
      suppressed: r.suppressed === true,
    }));
}

/** A count as text: the number, "withheld" for a withheld cell, "–" for no data. Never 0 for a withheld cell. */
export function countText(lang: Lang, value: number | null, suppressed: boolean): string {
  if (value !== null) return formatNumber(lang, value);
  return suppressed ? t(lang, 'suppressed') : '–';
}

/** A share as text, like countText. */
export function shareText(lang: Lang, value: number | null, suppressed: boolean): string {
  if (value !== null) return formatPercent(lang, value);
  return suppressed ? t(lang, 'suppressed') : '–';
}

/** The note under a chart naming its withheld categories, or null when nothing is withheld. */
export function withheldNote(lang: Lang, labels: readonly string[]): string | null {
  if (labels.length === 0) return null;
  return TEXT.withheldNote[lang].replace('{list}', labels.join(', '));
}

/** An axis label: a withheld category is marked with an asterisk (its bar is a gap). */
const axisName = (label: string, withheld: boolean) => (withheld ? `${label} *` : label);

interface TooltipItem { dataIndex?: number; seriesIndex?: number; seriesName?: string; name?: string }
const asList = (params: unknown): TooltipItem[] => (Array.isArray(params) ? params : [params]) as TooltipItem[];

/**
 * An axis tooltip: a title line, then one "series: value" line per series; every piece of text escaped.
 * `line(seriesIndex, dataIndex)` gives the value text.
 */
export function axisTooltip(
  title: (dataIndex: number) => string,
  seriesNames: readonly string[],
  line: (seriesIndex: number, dataIndex: number) => string,
): (params: unknown) => string {
  return (params: unknown) => {
    const list = asList(params).filter((p) => typeof p.dataIndex === 'number');
    if (list.length === 0) return '';
    const i = list[0]!.dataIndex!;
    const lines = list.map((p) => {
      const s = p.seriesIndex ?? 0;
      return `${escapeHtml(seriesNames[s] ?? p.seriesName ?? '')}: ${escapeHtml(line(s, i))}`;
    });
    return [`<strong>${escapeHtml(title(i))}</strong>`, ...lines].join('<br/>');
  };
}

const baseGrid = { left: 8, right: 56, top: 36, bottom: 8, containLabel: true };

/**
 * Value labels on bars, so that a published 0 reads "0" while a withheld cell (null) stays an empty gap.
 */
export function barLabel(lang: Lang, position: 'right' | 'top', percent = false): Record<string, unknown> {
  return {
    show: true,
    position,
    color: '#1c2430',
    fontSize: 11,
    formatter: (p: { value?: unknown }) => {
      const v = typeof p.value === 'number' ? p.value : null;
      if (v === null) return '';
      return percent ? `${formatNumber(lang, v, 1)}%` : formatNumber(lang, v);
    },
  };
}
const textStyle = { fontFamily: 'system-ui, sans-serif', color: '#1c2430' };
const categoryLabel = { width: 200, overflow: 'break', lineHeight: 14, color: '#1c2430' };

/** A value axis whose labels are numbers in the page's language ("3.000" in Bahasa Indonesia). */
export function valueAxis(lang: Lang, percent = false): Record<string, unknown> {
  return percent
    ? { type: 'value', min: 0, max: 100, axisLabel: { color: '#4a5563', hideOverlap: true, formatter: (v: number) => `${formatNumber(lang, v)}%` } }
    : { type: 'value', minInterval: 1, splitNumber: 4, axisLabel: { color: '#4a5563', hideOverlap: true, formatter: (v: number) => formatNumber(lang, v) } };
}

/**
 * Type of violence: horizontal bars of child victims and cases per type (series order: victims, cases), in the
 * codes order. A withheld count is a gap (null), its category marked with an asterisk.
 */
export function typeOption(cells: readonly Cell[], lang: Lang): EChartsCoreOption {
  const names = [t(lang, 'victims'), t(lang, 'cases')];
  return {
    textStyle,
    color: [COLOURS.victims, COLOURS.cases],
    legend: { top: 0, left: 0, data: names },
    grid: baseGrid,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: axisTooltip(
        (i) => cells[i]?.label ?? '',
        names,
        (s, i) => {
          const c = cells[i];
          if (!c) return '';
          return s === 0
            ? `${countText(lang, c.victims, c.suppressed)}${c.share !== null ? ` (${formatPercent(lang, c.share)})` : ''}`
            : countText(lang, c.cases, c.suppressed);
        },
      ),
    },
    xAxis: valueAxis(lang),
    yAxis: { type: 'category', inverse: true, data: cells.map((c) => axisName(c.label, c.suppressed)), axisLabel: categoryLabel },
    series: [
      { type: 'bar', name: names[0], data: cells.map((c) => c.victims), label: barLabel(lang, 'right') },
      { type: 'bar', name: names[1], data: cells.map((c) => c.cases), label: barLabel(lang, 'right') },
    ],
  };
}

/** The sex and age group vocabularies in the query's order (sex_ord, age_ord). */
function axes(cells: readonly SexAgeCell[]) {
  const sexes: Array<{ code: string; label: string }> = [];
  const ages: Array<{ code: string; label: string }> = [];
  for (const c of cells) {
    if (!sexes.some((s) => s.code === c.sex)) sexes.push({ code: c.sex, label: c.sexLabel });
    if (!ages.some((a) => a.code === c.age)) ages.push({ code: c.age, label: c.ageLabel });
  }
  return { sexes, ages };
}

/** The sex x age grid: one row per age group, one column per sex. */
export function sexAgeGrid(cells: readonly SexAgeCell[]) {
  const { sexes, ages } = axes(cells);
  const at = (sex: string, age: string) => cells.find((c) => c.sex === sex && c.age === age);
  return { sexes, ages, at };
}

/**
 * Sex x age group: grouped vertical bars, age groups on the x axis, one series per sex (in code order: L, P).
 * Withheld cells are gaps; an age group with any withheld cell is marked with an asterisk.
 */
export function sexAgeOption(cells: readonly SexAgeCell[], lang: Lang): EChartsCoreOption {
  const { sexes, ages, at } = sexAgeGrid(cells);
  const colour = (code: string) => (code === 'P' ? COLOURS.female : code === 'L' ? COLOURS.male : COLOURS.bar);
  return {
    textStyle,
    color: sexes.map((s) => colour(s.code)),
    legend: { top: 0, left: 0, data: sexes.map((s) => s.label) },
    grid: baseGrid,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: axisTooltip(
        (i) => ages[i]?.label ?? '',
        sexes.map((s) => s.label),
        (s, i) => {
          const c = at(sexes[s]?.code ?? '', ages[i]?.code ?? '');
          if (!c) return '–';
          return `${countText(lang, c.victims, c.suppressed)}${c.share !== null ? ` (${formatPercent(lang, c.share)})` : ''}`;
        },
      ),
    },
    xAxis: {
      type: 'category',
      data: ages.map((a) => axisName(a.label, sexes.some((s) => at(s.code, a.code)?.suppressed === true))),
      axisLabel: { color: '#1c2430' },
    },
    yAxis: valueAxis(lang),
    series: sexes.map((s) => ({
      type: 'bar',
      name: s.label,
      label: barLabel(lang, 'top'),
      data: ages.map((a) => at(s.code, a.code)?.victims ?? null),
    })),
  };
}

/**
 * Cells of a partition (place, perpetrator) ordered for reading: largest first, withheld cells after the published
 * ones (their size is unknown), ties in code order.
 */
export function byValue(cells: readonly Cell[]): Cell[] {
  return cells
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const x = a.c.victims;
      const y = b.c.victims;
      if (x === null && y === null) return a.i - b.i;
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x || a.i - b.i;
    })
    .map(({ c }) => c);
}

/**
 * One measure per category as horizontal bars, in the given order: child victims (place, perpetrator) or the share
 * of child victims (services). Withheld values are gaps; summary categories get the darker colour.
 */
export function barsOption(
  cells: readonly Cell[],
  lang: Lang,
  measure: 'victims' | 'share',
  summaries: readonly string[] = [],
): EChartsCoreOption {
  const name = measure === 'victims' ? t(lang, 'victims') : TEXT.sharePct[lang];
  return {
    textStyle,
    color: [COLOURS.bar],
    grid: { ...baseGrid, top: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: axisTooltip(
        (i) => cells[i]?.label ?? '',
        [name],
        (_s, i) => {
          const c = cells[i];
          if (!c) return '';
          return measure === 'victims'
            ? `${countText(lang, c.victims, c.suppressed)}${c.share !== null ? ` (${formatPercent(lang, c.share)})` : ''}`
            : `${shareText(lang, c.share, c.suppressed)}${c.victims !== null ? ` (${formatNumber(lang, c.victims)})` : ''}`;
        },
      ),
    },
    xAxis: valueAxis(lang, measure === 'share'),
    yAxis: { type: 'category', inverse: true, data: cells.map((c) => axisName(c.label, c.suppressed || (measure === 'share' && c.share === null && c.victims !== null))), axisLabel: categoryLabel },
    series: [{
      type: 'bar',
      name,
      label: barLabel(lang, 'right', measure === 'share'),
      data: cells.map((c) => {
        const value = measure === 'victims' ? c.victims : c.share;
        return summaries.includes(c.code) ? { value, itemStyle: { color: COLOURS.summary } } : value;
      }),
    }],
  };
}

/**
 * Services in reading order: any service first, then the services, then the social-protection referral summary
 * followed by its three programmes; anything else last, each group in code order.
 */
export function orderServices(cells: readonly Cell[]): Cell[] {
  const rank = (code: string) =>
    code === ANY_SERVICE ? 0 : code === SOCIAL_PROTECTION ? 2 : SOCIAL_PROTECTION_PARTS.includes(code) ? 3 : 1;
  return cells.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c.code) - rank(b.c.code) || a.i - b.i).map(({ c }) => c);
}

/** Trend of child victims and cases by year (series order: victims, cases); withheld years are gaps in the lines. */
export function trendOption(points: readonly TrendPoint[], lang: Lang, selected: number | null): EChartsCoreOption {
  const names = [t(lang, 'victims'), t(lang, 'cases')];
  return {
    textStyle,
    color: [COLOURS.victims, COLOURS.cases],
    legend: { top: 0, left: 0, data: names },
    grid: baseGrid,
    tooltip: {
      trigger: 'axis',
      formatter: axisTooltip(
        (i) => String(points[i]?.year ?? ''),
        names,
        (s, i) => {
          const p = points[i];
          if (!p) return '';
          return countText(lang, s === 0 ? p.victims : p.cases, p.suppressed);
        },
      ),
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => axisName(String(p.year), p.suppressed)),
      axisLabel: {
        color: '#1c2430',
        formatter: (v: string) => (v.startsWith(String(selected)) ? `{b|${v}}` : v),
        rich: { b: { fontWeight: 'bold' } },
      },
    },
    yAxis: valueAxis(lang),
    series: [
      { type: 'line', name: names[0], data: points.map((p) => p.victims), connectNulls: false, symbol: 'circle', symbolSize: 7 },
      { type: 'line', name: names[1], data: points.map((p) => p.cases), connectNulls: false, symbol: 'circle', symbolSize: 7, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** A plain data table (the accessible alternative of a chart): header row and text cells. */
export interface Table {
  head: string[];
  rows: Array<{ key: string; cells: string[] }>;
}

/** The table of a breakdown: category, then the chosen measures; withheld cells read "withheld", never 0. */
export function cellsTable(lang: Lang, cells: readonly Cell[], first: string, measures: ReadonlyArray<'victims' | 'cases' | 'share'>): Table {
  const head = [first, ...measures.map((m) => (m === 'victims' ? t(lang, 'victims') : m === 'cases' ? t(lang, 'cases') : TEXT.share[lang]))];
  return {
    head,
    rows: cells.map((c) => ({
      key: c.code,
      cells: [c.label, ...measures.map((m) => (m === 'victims'
        ? countText(lang, c.victims, c.suppressed)
        : m === 'cases' ? countText(lang, c.cases, c.suppressed) : shareText(lang, c.share, c.suppressed || c.victims !== null)))],
    })),
  };
}

/** The sex x age table: one row per age group, child victims per sex. */
export function sexAgeTable(lang: Lang, cells: readonly SexAgeCell[]): Table {
  const { sexes, ages, at } = sexAgeGrid(cells);
  return {
    head: [TEXT.ageGroup[lang], ...sexes.map((s) => s.label)],
    rows: ages.map((a) => ({
      key: a.code,
      cells: [a.label, ...sexes.map((s) => {
        const c = at(s.code, a.code);
        return c ? countText(lang, c.victims, c.suppressed) : '–';
      })],
    })),
  };
}

/** The trend table: year, victims, cases, victims per case. */
export function trendTable(lang: Lang, points: readonly TrendPoint[]): Table {
  return {
    head: [TEXT.yearColumn[lang], t(lang, 'victims'), t(lang, 'cases'), TEXT.victimsPerCase[lang]],
    rows: points.map((p) => ({
      key: String(p.year),
      cells: [String(p.year), countText(lang, p.victims, p.suppressed), countText(lang, p.cases, p.suppressed),
        p.victimsPerCase === null ? (p.suppressed ? t(lang, 'suppressed') : '–') : formatNumber(lang, p.victimsPerCase, 2)],
    })),
  };
}

/** Labels of the withheld cells of a breakdown. */
export const withheldLabels = (cells: ReadonlyArray<{ label: string; suppressed: boolean }>): string[] =>
  cells.filter((c) => c.suppressed).map((c) => c.label);
