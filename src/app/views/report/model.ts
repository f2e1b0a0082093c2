// Pure transforms of the printable report: which subjects, figures, map and columns a report holds, the rows of its
// tables and the texts of its title and citation. No React, no engine, no DOM (tested in test/app/report.test.ts).
import { indicator as indicatorOf, indicatorsOf, type Indicator, type IndicatorId, type IndicatorLevel } from '../../../domain/indicators.ts';
import { KLA_CATEGORIES } from '../../../domain/kla.ts';
import type { Label } from '../../../domain/label.ts';
import type { Lang, Subject } from '../../../state/url.ts';
import { indicatorYear, summarise, type Cell, type IndicatorRow, type IndicatorSummary, type RegionInfo } from '../../region/model.ts';
import { cellText } from '../../region/present.ts';
import { tx, type TextKey } from './text.ts';

export type ReportSubject = Indicator['subject'];

/** The subjects a report covers, in the report's order. */
export const subjectsOf = (subject: Subject): ReportSubject[] => (subject === 'all' ? ['violence', 'lksa', 'kla'] : [subject]);

const TITLE: Record<Subject, TextKey> = { all: 'titleAll', violence: 'titleViolence', lksa: 'titleLksa', kla: 'titleKla' };
export const SUBJECT_NAME: Record<ReportSubject, TextKey> = { violence: 'subjectViolence', lksa: 'subjectLksa', kla: 'subjectKla' };

/** "Laporan kekerasan terhadap anak: Jawa Barat". */
export const reportTitle = (lang: Lang, subject: Subject, regionName: string): string => `${tx(lang, TITLE[subject])}: ${regionName}`;

/** The title of the report without the region. */
export const subjectTitle = (lang: Lang, subject: Subject): string => tx(lang, TITLE[subject]);

// ---- Key figures ----

/** The headline figures of a subject for a region of a level (catalogue ids), in display order. */
export function keyFigureIds(subject: ReportSubject, level: IndicatorLevel): IndicatorId[] {
  if (subject === 'violence') return ['violence-victims', 'violence-cases', 'violence-victim-rate'];
  if (subject === 'lksa') return ['lksa-institutions', 'lksa-accredited-share', 'lksa-licence-valid-share'];
  return level === 'regency' ? ['kla-category', 'kla-average-score'] : ['kla-average-score', 'kla-awarded-share'];
}

/** Every catalogue indicator the report needs: its subjects' indicators (tables, figures, the map, sub-regions). */
export const indicatorIdsOf = (subject: Subject): IndicatorId[] => subjectsOf(subject).flatMap((s) => indicatorsOf(s).map((i) => i.id));

export interface KeyFigure {
  id: string;
  title: string;
  /** The year shown (null: the LKSA registry, which has no year). */
  year: number | null;
  value: string;
  /** Indonesia's value the same year, as text; null on Indonesia's own report. */
  national: string | null;
  withheld: boolean;
}

/** One headline figure: the region's value and Indonesia's; null when the indicator has no value at that level. */
export function keyFigure(lang: Lang, indicator: Indicator, rows: readonly IndicatorRow[], region: RegionInfo, regions: readonly RegionInfo[]): KeyFigure | null {
  const s = summarise(indicator, rows, region, regions, null);
  if (!s) return null;
  return {
    id: indicator.id,
    title: indicator.title[lang],
    year: s.year,
    value: cellText(lang, indicator, s.own),
    national: s.national ? cellText(lang, indicator, s.national) : null,
    withheld: s.own.value === null && s.own.suppressed,
  };
}

/** The summary of every indicator of a subject at the region's level (indicators without that level left out). */
export function subjectSummaries(
  subject: ReportSubject,
  rowsOf: (id: string) => readonly IndicatorRow[] | undefined,
  region: RegionInfo,
  regions: readonly RegionInfo[],
): Array<{ indicator: Indicator; summary: IndicatorSummary }> {
  return indicatorsOf(subject).flatMap((indicator) => {
    const rows = rowsOf(indicator.id);
    const summary = rows ? summarise(indicator, rows, region, regions, null) : null;
    return summary ? [{ indicator, summary }] : [];
  });
}

// ---- The map ----

/** The indicator the report maps for a subject ('all': the violence rate). */
export function mapIndicatorId(subject: Subject, level: IndicatorLevel): IndicatorId {
  if (subject === 'lksa') return 'lksa-accredited-share';
  if (subject === 'kla') return level === 'national' ? 'kla-awarded-share' : 'kla-category';
  return 'violence-victim-rate';
}

export interface MapScope {
  /** The boundaries drawn: provinces (Indonesia's report) or kab/kota (one province's). */
  level: 'province' | 'regency';
  /** The province whose kab/kota are drawn. */
  province: string | null;
  /** The region outlined (a kab/kota on its own report). */
  highlight: string | null;
}

/** Indonesia: every province; a province: its kab/kota; a kab/kota: its province's kab/kota, itself outlined. */
export function mapScope(region: Pick<RegionInfo, 'code' | 'level' | 'provinceCode'>): MapScope {
  if (region.level === 'national') return { level: 'province', province: null, highlight: null };
  if (region.level === 'province') return { level: 'regency', province: region.code, highlight: null };
  return { level: 'regency', province: region.provinceCode, highlight: region.code };
}

// ---- Sub-regions ----

export interface SubColumn {
  id: IndicatorId;
  header: TextKey;
}

/** The columns of the sub-region table for a subject: (indicator, header) pairs; the header takes {year}. */
export function subRegionColumns(subject: Subject, childLevel: IndicatorLevel): SubColumn[] {
  const cols: SubColumn[] = [];
  const subjects = subjectsOf(subject);
  if (subjects.includes('violence')) cols.push({ id: 'violence-victims', header: 'colVictimsYear' }, { id: 'violence-victim-rate', header: 'colRateYear' });
  if (subjects.includes('lksa')) cols.push({ id: 'lksa-institutions', header: 'colLksa' }, { id: 'lksa-accredited-share', header: 'colAccredited' });
  if (subjects.includes('kla')) {
    if (childLevel === 'regency') {
      if (subject === 'kla') cols.push({ id: 'kla-category', header: 'colKlaCategory' });
      cols.push({ id: 'kla-average-score', header: 'colKlaScore' });
    } else {
      cols.push({ id: 'kla-average-score', header: 'colKlaScore' });
      if (subject === 'kla') cols.push({ id: 'kla-awarded-share', header: 'colKlaAwarded' });
    }
  }
  return cols;
}

/** The regions one level down (Indonesia: provinces; a province: its kab/kota; a kab/kota: its province's kab/kota). */
export function subRegionsOf(region: RegionInfo, regions: readonly RegionInfo[]): RegionInfo[] {
  if (region.level === 'national') return regions.filter((r) => r.level === 'province');
  const province = region.level === 'province' ? region.code : region.provinceCode;
  return regions.filter((r) => r.level === 'regency' && r.provinceCode === province);
}

export interface SubTable {
  headers: string[];
  rows: Array<{ code: string; name: string; cells: string[]; marked: boolean }>;
}

/** The sub-region table: a row per region, a cell per column (each indicator at its latest year, as on the map). */
export function subRegionTable(
  lang: Lang,
  region: RegionInfo,
  children: readonly RegionInfo[],
  columns: readonly SubColumn[],
  rowsOf: (id: string) => readonly IndicatorRow[] | undefined,
): SubTable {
  const prepared = columns.map((c) => {
    const indicator = indicatorOf(c.id);
    const rows = rowsOf(c.id) ?? [];
    const year = indicatorYear(indicator, rows, null, children[0]?.level);
    const byCode = new Map(rows.filter((r) => r.year === year).map((r) => [r.region_code, r]));
    return { indicator, year, byCode, header: tx(lang, c.header, { year: year ?? '' }).trim() };
  });
  return {
    headers: prepared.map((p) => p.header),
    rows: children.map((child) => ({
      code: child.code,
      name: child.name,
      marked: child.code === region.code,
      cells: prepared.map((p) => {
        const r = p.byCode.get(child.code);
        const cell: Cell = { value: r?.value ?? null, suppressed: r?.suppressed ?? false };
        return cellText(lang, p.indicator, cell);
      }),
    })),
  };
}

// ---- Methodology ----

/** The KLA thresholds as lines ("Pratama: 500-600 poin"), from the domain's categories. */
export const klaThresholdLines = (lang: Lang): string[] => KLA_CATEGORIES.map((c) => (c.code === 'tidak_ada'
  ? tx(lang, 'klaBelow', { label: c.label[lang] })
  : tx(lang, 'klaThresholdRow', { label: c.label[lang], min: c.min, max: c.max })));

/**
 * The caveats of a subject every one of its indicators or the given ones carry, deduplicated by text, in catalogue
 * order (the reporting caveat, the record year, the withheld rule...).
 */
export function caveatsOf(subject: ReportSubject, ids?: readonly string[]): Label[] {
  const seen = new Set<string>();
  const out: Label[] = [];
  for (const i of indicatorsOf(subject)) {
    if (ids && !ids.includes(i.id)) continue;
    for (const c of i.caveats) if (!seen.has(c.en)) { seen.add(c.en); out.push(c); }
  }
  return out;
}

// ---- Citation ----

export interface CitationInput {
  title: string;
  region: string;
  snapshot: string;
  reference: string;
  printed: string;
  synthetic: boolean;
}

/** The citation line of the report. */
export function citation(lang: Lang, c: CitationInput): string {
  const text = tx(lang, 'citationText', { title: c.title, region: c.region, snapshot: c.snapshot, reference: c.reference, printed: c.printed });
  return c.synthetic ? `${text} ${tx(lang, 'citationSynthetic')}` : text;
}

// ---- Readiness ----

/** True when every part registered is done (and at least one registered): the report may be printed. */
export const allDone = (parts: ReadonlyMap<string, boolean>): boolean => parts.size > 0 && [...parts.values()].every(Boolean);

/** The kind of a region in words: Nasional, Provinsi, Kabupaten, Kota. */
export function kindOf(lang: Lang, region: Pick<RegionInfo, 'level' | 'regencyType'>): string {
  if (region.level === 'national') return tx(lang, 'national');
  if (region.level === 'province') return tx(lang, 'provinceKind');
  return tx(lang, region.regencyType === 'kota' ? 'kota' : 'kabupaten');
}
