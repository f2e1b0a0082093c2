// Pure transforms of the LKSA page: query rows -> typed rows, filter parameters, overview figures, breakdown bars,
// the province chart's ECharts option, table columns and the map's GeoJSON. No DOM, no engine: tested in Node
// (test/app/lksa*.test.ts).
import type { EChartsCoreOption } from 'echarts/core';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Lang } from '../../../state/url.ts';
import { ACCREDITATIONS, LICENCE_STATUSES } from '../../../domain/vocab.ts';
import { escapeHtml, formatDateMedium, formatNumber, formatPercent } from '../../format.ts';
import { t } from '../../i18n.ts';
import type { Column } from '../../components/DataTable.tsx';
import { FINDING_CODES, FINDING_COLUMNS, findingCodesOf, findingColumn, findingCode, type FindingCode } from './findings.ts';
import { METRICS, TEXT, fill, type MetricKey } from './text.ts';

type Cell = string | number | boolean | null | undefined;
type PlainRow = Readonly<Record<string, Cell>>;

const num = (v: Cell): number | null => {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};
const int = (v: Cell): number => num(v) ?? 0;
const str = (v: Cell): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: Cell): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const bool = (v: Cell): boolean => v === true || v === 'true';

// ---- Scope and filters ----

/** The area code the queries take: '00' for Indonesia, else the province code. */
export const scopeCode = (province: string | null): string => (province && /^\d{2}$/.test(province) ? province : '00');

export const ACCREDITATION_CODES: readonly string[] = ACCREDITATIONS.map((a) => a.code);
export const LICENCE_CODES: readonly string[] = LICENCE_STATUSES.map((s) => s.code);

export interface FilterState {
  province: string | null;
  accreditation: string | null;
  licence: string | null;
  finding: string | null;
  search: string;
}

/** The filters that apply: unknown codes from a hand-edited URL are ignored rather than matching nothing. */
export function activeFilters(s: FilterState): { accreditation: string | null; licence: string | null; finding: FindingCode | null } {
  return {
    accreditation: s.accreditation !== null && ACCREDITATION_CODES.includes(s.accreditation) ? s.accreditation : null,
    licence: s.licence !== null && LICENCE_CODES.includes(s.licence) ? s.licence : null,
    finding: findingColumn(s.finding) !== null ? (s.finding as FindingCode) : null,
  };
}

/** The bound parameters of queries/app/lksa/institutions.sql for the user's choices. */
export function institutionParams(s: FilterState): { province: string; accreditation: string | null; licence: string | null; finding: string | null; search: string } {
  const f = activeFilters(s);
  return { province: scopeCode(s.province), accreditation: f.accreditation, licence: f.licence, finding: findingColumn(f.finding), search: s.search.trim() };
}

// ---- Codes ----

export interface CodeRow { vocabulary: string; code: string; ord: number; label_id: string; label_en: string }

export const toCodeRows = (rows: readonly PlainRow[]): CodeRow[] =>
  rows.map((r) => ({ vocabulary: str(r.vocabulary), code: str(r.code), ord: int(r.ord), label_id: str(r.label_id), label_en: str(r.label_en) }));

/** Labels of codes in a language, looked up by vocabulary and code. */
export interface CodeLabels {
  /** The label; the code itself when the codes table does not have it. */
  label(vocabulary: string, code: string): string;
  /** The codes of a vocabulary in display order. */
  codes(vocabulary: string): string[];
}

export function codeLabels(rows: readonly CodeRow[], lang: Lang): CodeLabels {
  const byVocab = new Map<string, CodeRow[]>();
  for (const r of rows) byVocab.set(r.vocabulary, [...(byVocab.get(r.vocabulary) ?? []), r]);
  for (const list of byVocab.values()) list.sort((a, b) => a.ord - b.ord);
  return {
    label: (vocabulary, code) => {
      const row = byVocab.get(vocabulary)?.find((r) => r.code === code);
      return row ? (lang === 'id' ? row.label_id : row.label_en) : code;
    },
    codes: (vocabulary) => (byVocab.get(vocabulary) ?? []).map((r) => r.code),
  };
}

// ---- Overview ----

export interface OverviewRow {
  area: string;
  institutions: number;
  accredited: number;
  accredited_pct: number | null;
  grade_a: number;
  grade_b: number;
  grade_c: number;
  not_accredited: number;
  licence_valid: number;
  licence_valid_pct: number | null;
  licence_lapsed: number;
  inspected_12m: number;
  inspected_12m_pct: number | null;
  with_finding: number;
  with_finding_pct: number | null;
  ratio_institutions: number;
  ratio_children: number | null;
  ratio_caregivers: number | null;
  children_per_caregiver: number | null;
  ratio_withheld: number;
}

export const toOverviewRows = (rows: readonly PlainRow[]): OverviewRow[] => rows.map((r) => ({
  area: str(r.area),
  institutions: int(r.institutions),
  accredited: int(r.accredited),
  accredited_pct: num(r.accredited_pct),
  grade_a: int(r.grade_a),
  grade_b: int(r.grade_b),
  grade_c: int(r.grade_c),
  not_accredited: int(r.not_accredited),
  licence_valid: int(r.licence_valid),
  licence_valid_pct: num(r.licence_valid_pct),
  licence_lapsed: int(r.licence_lapsed),
  inspected_12m: int(r.inspected_12m),
  inspected_12m_pct: num(r.inspected_12m_pct),
  with_finding: int(r.with_finding),
  with_finding_pct: num(r.with_finding_pct),
  ratio_institutions: int(r.ratio_institutions),
  ratio_children: num(r.ratio_children),
  ratio_caregivers: num(r.ratio_caregivers),
  children_per_caregiver: num(r.children_per_caregiver),
  ratio_withheld: int(r.ratio_withheld),
}));

/** The scope's row and Indonesia's row (the same row when the scope is Indonesia). */
export function overviewOf(rows: readonly OverviewRow[], scope: string): { scope: OverviewRow | null; national: OverviewRow | null } {
  const national = rows.find((r) => r.area === '00') ?? null;
  return { scope: rows.find((r) => r.area === scope) ?? null, national };
}

export type FigureKey = 'institutions' | 'accredited_pct' | 'licence_valid_pct' | 'children_per_caregiver' | 'inspected_12m_pct' | 'with_finding_pct';

export interface Figure {
  key: FigureKey;
  label: string;
  /** The number as the query gives it (per cent already rounded to 0.1), for tests and data attributes. */
  value: number | null;
  text: string;
  /** "n of total institutions" or another note. */
  detail: string | null;
  /** "Indonesia: x" when the scope is a province. */
  national: string | null;
}

const FIGURE_FORMAT: Record<FigureKey, (lang: Lang, v: number | null) => string> = {
  institutions: (lang, v) => formatNumber(lang, v),
  accredited_pct: (lang, v) => formatPercent(lang, v, 1),
  licence_valid_pct: (lang, v) => formatPercent(lang, v, 1),
  children_per_caregiver: (lang, v) => formatNumber(lang, v, 1),
  inspected_12m_pct: (lang, v) => formatPercent(lang, v, 1),
  with_finding_pct: (lang, v) => formatPercent(lang, v, 1),
};

/** How a figure is written on the page. */
export const formatFigure = (key: FigureKey, lang: Lang, v: number | null): string => FIGURE_FORMAT[key](lang, v);

/** The explanation of children per caregiver: which institutions count, and why the withheld ones do not. */
export function ratioNote(scope: OverviewRow, lang: Lang): string {
  const counted = fill(TEXT.childrenPerCaregiverNote[lang], { n: formatNumber(lang, scope.ratio_institutions) });
  return scope.ratio_withheld > 0 ? `${counted} ${fill(TEXT.withheldLeftOut[lang], { w: formatNumber(lang, scope.ratio_withheld) })}` : counted;
}

/** The headline figures of the scope, each with Indonesia's value when the scope is a province. */
export function overviewFigures(scope: OverviewRow, national: OverviewRow | null, lang: Lang): Figure[] {
  const compare = national !== null && national.area !== scope.area;
  const of = (n: number) => fill(TEXT.ofInstitutions[lang], { n: formatNumber(lang, n), total: formatNumber(lang, scope.institutions) });
  const figure = (key: FigureKey, label: string, detail: string | null): Figure => ({
    key,
    label,
    value: scope[key],
    text: formatFigure(key, lang, scope[key]),
    detail,
    national: compare ? fill(TEXT.nationalComparison[lang], { value: formatFigure(key, lang, national[key]) }) : null,
  });
  return [
    figure('institutions', TEXT.institutions[lang], null),
    figure('accredited_pct', TEXT.accredited[lang], of(scope.accredited)),
    figure('licence_valid_pct', TEXT.licenceValid[lang], of(scope.licence_valid)),
    figure('children_per_caregiver', TEXT.childrenPerCaregiver[lang],
      fill((scope.ratio_withheld > 0 ? TEXT.ratioDetailWithheld : TEXT.ratioDetail)[lang],
        { n: formatNumber(lang, scope.ratio_institutions), w: formatNumber(lang, scope.ratio_withheld) })),
    figure('inspected_12m_pct', TEXT.inspected[lang], of(scope.inspected_12m)),
    figure('with_finding_pct', TEXT.withFinding[lang], of(scope.with_finding)),
  ];
}

// ---- Breakdowns (accreditation, licence status, findings) ----

export interface BreakdownRow { area: string; dimension: string; code: string; ord: number | null; institutions: number; share_pct: number | null }

export const toBreakdownRows = (rows: readonly PlainRow[]): BreakdownRow[] => rows.map((r) => ({
  area: str(r.area), dimension: str(r.dimension), code: str(r.code), ord: num(r.ord), institutions: int(r.institutions), share_pct: num(r.share_pct),
}));

/** Okabe-Ito colours (colour-blind safe), from the best grade to none; the same on the map and in the bars. */
export const ACCREDITATION_COLOURS: Readonly<Record<string, string>> = { A: '#0072b2', B: '#56b4e9', C: '#e69f00', belum: '#d55e00' };
export const OTHER_COLOUR = '#999999';
const LICENCE_COLOURS: Readonly<Record<string, string>> = {
  berlaku: '#0072b2', berlaku_lapsed: '#56b4e9', kedaluwarsa: '#e69f00', dalam_proses: '#cc79a7', tidak_ada: '#d55e00',
};

export interface Segment {
  code: string;
  label: string;
  colour: string;
  /** Institutions of the scope and their share of the scope (per cent). */
  count: number;
  share: number | null;
  /** Indonesia's share (per cent); equal to share when the scope is Indonesia. */
  nationalShare: number | null;
}

const shareOf = (n: number, total: number): number | null => (total > 0 ? Math.round((1000 * n) / total) / 10 : null);

function segmentsOf(rows: readonly BreakdownRow[], dimension: string, scope: string): Map<string, { count: number; share: number | null; nat: number | null }> {
  const out = new Map<string, { count: number; share: number | null; nat: number | null }>();
  for (const r of rows) {
    if (r.dimension !== dimension) continue;
    const e = out.get(r.code) ?? { count: 0, share: null, nat: null };
    if (r.area === scope) { e.count = r.institutions; e.share = r.share_pct; }
    if (r.area === '00') e.nat = r.share_pct;
    out.set(r.code, e);
  }
  return out;
}

/** Institutions by accreditation grade, in the codes table's order. */
export function gradeSegments(rows: readonly BreakdownRow[], scope: string, labels: CodeLabels): Segment[] {
  const found = segmentsOf(rows, 'accreditation', scope);
  const order = labels.codes('accreditation');
  const codes = [...order, ...[...found.keys()].filter((c) => !order.includes(c))];
  return codes.map((code) => {
    const e = found.get(code) ?? { count: 0, share: null, nat: null };
    return { code, label: labels.label('accreditation', code), colour: ACCREDITATION_COLOURS[code] ?? OTHER_COLOUR, count: e.count, share: e.share, nationalShare: e.nat };
  });
}

/**
 * Institutions by licence status, with the recorded 'berlaku' split into valid on the reference date and lapsed (past
 * or without an expiry date), so that the first segment is exactly the "valid licence" figure.
 */
export function licenceSegments(
  rows: readonly BreakdownRow[], overview: { scope: OverviewRow; national: OverviewRow | null }, labels: CodeLabels, lang: Lang,
): Segment[] {
  const found = segmentsOf(rows, 'licence_status', overview.scope.area);
  const order = labels.codes('licence_status');
  const codes = [...order, ...[...found.keys()].filter((c) => !order.includes(c))];
  const { scope, national } = overview;
  const out: Segment[] = [];
  for (const code of codes) {
    const e = found.get(code) ?? { count: 0, share: null, nat: null };
    if (code === 'berlaku') {
      const natTotal = national?.institutions ?? 0;
      out.push({ code, label: labels.label('licence_status', code), colour: LICENCE_COLOURS.berlaku!, count: scope.licence_valid,
        share: shareOf(scope.licence_valid, scope.institutions), nationalShare: national ? shareOf(national.licence_valid, natTotal) : null });
      out.push({ code: 'berlaku_lapsed', label: TEXT.lapsedStatus[lang], colour: LICENCE_COLOURS.berlaku_lapsed!, count: scope.licence_lapsed,
        share: shareOf(scope.licence_lapsed, scope.institutions), nationalShare: national ? shareOf(national.licence_lapsed, natTotal) : null });
    } else {
      out.push({ code, label: labels.label('licence_status', code), colour: LICENCE_COLOURS[code] ?? OTHER_COLOUR, count: e.count, share: e.share, nationalShare: e.nat });
    }
  }
  return out;
}

/** Institutions by kind of finding (columns mapped to lksa_finding codes), in the vocabulary's order. */
export function findingSegments(rows: readonly BreakdownRow[], scope: string, labels: CodeLabels): Segment[] {
  const found = segmentsOf(rows, 'finding', scope);
  const listed = labels.codes('lksa_finding');
  const order = [...listed.filter((c): c is FindingCode => FINDING_CODES.includes(c as FindingCode)), ...FINDING_CODES.filter((c) => !listed.includes(c))];
  return order.map((code) => {
    const e = found.get(FINDING_COLUMNS[code]) ?? { count: 0, share: null, nat: null };
    return { code, label: labels.label('lksa_finding', code), colour: '#0072b2', count: e.count, share: e.share, nationalShare: e.nat };
  });
}

/** Breakdown rows whose finding column this page does not know (shown nowhere; reported by tests). */
export const unknownFindingColumns = (rows: readonly BreakdownRow[]): string[] =>
  [...new Set(rows.filter((r) => r.dimension === 'finding' && findingCode(r.code) === null).map((r) => r.code))];

// ---- Provinces compared ----

export interface ProvinceRow {
  region_code: string;
  name: string;
  institutions: number;
  accredited_pct: number | null;
  licence_valid_pct: number | null;
  inspected_12m_pct: number | null;
  with_finding_pct: number | null;
  children_per_caregiver: number | null;
  ratio_withheld: number;
}

export const toProvinceRows = (rows: readonly PlainRow[]): ProvinceRow[] => rows.map((r) => ({
  region_code: str(r.region_code),
  name: str(r.name),
  institutions: int(r.institutions),
  accredited_pct: num(r.accredited_pct),
  licence_valid_pct: num(r.licence_valid_pct),
  inspected_12m_pct: num(r.inspected_12m_pct),
  with_finding_pct: num(r.with_finding_pct),
  children_per_caregiver: num(r.children_per_caregiver),
  ratio_withheld: int(r.ratio_withheld),
}));

export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];
export const isMetric = (s: string): s is MetricKey => (METRIC_KEYS as string[]).includes(s);

/** A metric of a province row; provinces without institutions have no value (not 0). */
export const metricValue = (r: ProvinceRow, m: MetricKey): number | null => (m !== 'institutions' && r.institutions === 0 ? null : r[m]);

export function formatMetric(m: MetricKey, lang: Lang, v: number | null): string {
  if (m === 'institutions') return formatNumber(lang, v);
  if (m === 'children_per_caregiver') return formatNumber(lang, v, 1);
  return formatPercent(lang, v, 1);
}

/** Indonesia's value of a metric, from the overview row (none for the count of institutions). */
export function nationalMetric(national: OverviewRow | null, m: MetricKey): number | null {
  // Indonesia's count of institutions is no yardstick for a province's.
  if (!national || m === 'institutions') return null;
  return national[m];
}

/** Provinces sorted by a metric, highest first; those without a value last, by name. */
export function sortProvinces(rows: readonly ProvinceRow[], m: MetricKey, lang: Lang): ProvinceRow[] {
  return [...rows].sort((a, b) => {
    const x = metricValue(a, m);
    const y = metricValue(b, m);
    if (x === null && y === null) return a.name.localeCompare(b.name, lang);
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x || a.name.localeCompare(b.name, lang);
  });
}

export const HIGHLIGHT_COLOUR = '#d55e00';
const BAR_COLOUR = '#0072b2';

/** Horizontal bars of every province, sorted; the chosen province highlighted; Indonesia as a dashed line. */
export function provinceChartOption(
  rows: readonly ProvinceRow[], m: MetricKey, selected: string | null, national: number | null, lang: Lang,
): EChartsCoreOption {
  const sorted = sortProvinces(rows, m, lang);
  const label = METRICS[m][lang];
  const nationalText = `${t(lang, 'indonesia')}: ${formatMetric(m, lang, national)}`;
  return {
    grid: { left: 8, right: 64, top: 28, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'item',
      // Province names are data: escaped, as every tooltip text.
      formatter: (p: { name?: string; value?: number | null }) =>
        `${escapeHtml(p.name)}<br>${escapeHtml(label)}: ${escapeHtml(formatMetric(m, lang, p.value ?? null))}`,
    },
    xAxis: { type: 'value', name: label, nameLocation: 'middle', nameGap: 22, ...(m.endsWith('_pct') ? { max: 100 } : {}), axisLabel: { color: '#4a5563' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((r) => r.name),
      axisTick: { show: false },
      axisLabel: { fontSize: 11, color: '#1c2430' },
    },
    series: [{
      type: 'bar',
      name: label,
      barMaxWidth: 14,
      data: sorted.map((r) => ({
        value: metricValue(r, m),
        code: r.region_code,
        itemStyle: { color: r.region_code === selected ? HIGHLIGHT_COLOUR : BAR_COLOUR },
      })),
      label: {
        show: true,
        position: 'right',
        fontSize: 10,
        color: '#1c2430',
        formatter: (p: { value?: number | null }) => (p.value === null || p.value === undefined ? t(lang, 'missing') : formatMetric(m, lang, p.value)),
      },
      markLine: national === null ? undefined : {
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed', color: '#1c2430', width: 1.5 },
        // With the inverted category axis, 'start' is the top of the line, clear of the value axis labels.
        label: { formatter: nationalText, position: 'start', color: '#1c2430', fontSize: 11 },
        data: [{ xAxis: national }],
      },
    }],
  };
}

// ---- Institutions ----

export interface InstitutionRow {
  lksa_id: string;
  name: string;
  region_code: string;
  regency_name: string;
  province_code: string;
  accreditation: string;
  licence_status: string;
  licence_expiry: string | null;
  licence_valid: boolean;
  children_in_care: number | null;
  children_suppressed: boolean;
  caregivers: number | null;
  trained_social_workers: number | null;
  last_inspection: string | null;
  inspected_12m: boolean;
  finding_count: number;
  findings: FindingCode[];
  lat: number | null;
  lng: number | null;
}

export const toInstitutionRows = (rows: readonly PlainRow[]): InstitutionRow[] => rows.map((r) => ({
  lksa_id: str(r.lksa_id),
  name: str(r.name),
  region_code: str(r.region_code),
  regency_name: str(r.regency_name) || str(r.region_code),
  province_code: str(r.province_code),
  accreditation: str(r.accreditation),
  licence_status: str(r.licence_status),
  licence_expiry: strOrNull(r.licence_expiry),
  licence_valid: bool(r.licence_valid),
  children_in_care: num(r.children_in_care),
  children_suppressed: bool(r.children_suppressed),
  caregivers: num(r.caregivers),
  trained_social_workers: num(r.trained_social_workers),
  last_inspection: strOrNull(r.last_inspection),
  inspected_12m: bool(r.inspected_12m),
  finding_count: int(r.finding_count),
  findings: findingCodesOf(strOrNull(r.findings)),
  lat: num(r.lat),
  lng: num(r.lng),
}));

/** A date (YYYY-MM-DD) in the language's medium form ("1 Mar 2025"). */
export function shortDate(lang: Lang, iso: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  return formatDateMedium(lang, d.toISOString());
}

/** The text of the children-in-care cell: the count, "withheld" (1-4 children), or "–". */
export const childrenText = (r: InstitutionRow, lang: Lang): string =>
  r.children_suppressed ? t(lang, 'suppressed') : formatNumber(lang, r.children_in_care);

/** The text of the licence status cell; a recorded 'berlaku' that is not valid says so. */
export function licenceText(r: InstitutionRow, labels: CodeLabels, lang: Lang): string {
  const label = labels.label('licence_status', r.licence_status);
  return r.licence_status === 'berlaku' && !r.licence_valid ? `${label} (${TEXT.lapsedShort[lang]})` : label;
}

/** The text of the findings cell: their labels, or "none". */
export const findingsText = (r: InstitutionRow, labels: CodeLabels, lang: Lang): string =>
  (r.findings.length === 0 ? TEXT.none[lang] : r.findings.map((c) => labels.label('lksa_finding', c)).join('; '));

const rank = (list: readonly string[], code: string): number => { const i = list.indexOf(code); return i === -1 ? list.length : i; };

/**
 * The institution table's columns (src/app/components/DataTable.tsx). The first column is the kab/kota: the table
 * makes it the button that opens the kab/kota's profile. Every cell is text.
 */
export function institutionColumns(lang: Lang, labels: CodeLabels): Array<Column<InstitutionRow>> {
  const grades = labels.codes('accreditation').length ? labels.codes('accreditation') : ACCREDITATION_CODES;
  const statuses = labels.codes('licence_status').length ? labels.codes('licence_status') : LICENCE_CODES;
  return [
    { key: 'regency', label: TEXT.regency[lang], value: (r) => r.regency_name },
    { key: 'name', label: TEXT.name[lang], value: (r) => r.name },
    { key: 'accreditation', label: TEXT.accreditation[lang], value: (r) => rank(grades, r.accreditation),
      render: (r) => (r.accreditation === 'belum' ? labels.label('accreditation', r.accreditation) : r.accreditation) },
    // Valid licences sort before recorded-but-lapsed ones.
    { key: 'licence', label: TEXT.licence[lang], value: (r) => rank(statuses, r.licence_status) * 2 + (r.licence_status === 'berlaku' && !r.licence_valid ? 1 : 0),
      render: (r) => licenceText(r, labels, lang) },
    { key: 'licence_expiry', label: TEXT.licenceExpiry[lang], value: (r) => r.licence_expiry, render: (r) => shortDate(lang, r.licence_expiry) ?? '–' },
    { key: 'children', label: TEXT.childrenInCare[lang], value: (r) => r.children_in_care, render: (r) => childrenText(r, lang), numeric: true },
    { key: 'caregivers', label: TEXT.caregivers[lang], value: (r) => r.caregivers, render: (r) => formatNumber(lang, r.caregivers), numeric: true },
    { key: 'social_workers', label: TEXT.socialWorkers[lang], value: (r) => r.trained_social_workers, render: (r) => formatNumber(lang, r.trained_social_workers), numeric: true },
    { key: 'last_inspection', label: TEXT.lastInspection[lang], value: (r) => r.last_inspection, render: (r) => shortDate(lang, r.last_inspection) ?? TEXT.notRecorded[lang] },
    { key: 'findings', label: TEXT.findings[lang], value: (r) => r.finding_count, render: (r) => findingsText(r, labels, lang) },
  ];
}

// ---- Map ----

export interface PointProps { id: string; name: string; accreditation: string; colour: string }

/** Institutions with coordinates as GeoJSON points (colour by accreditation), and how many have none. */
export function institutionPoints(rows: readonly InstitutionRow[]): { points: FeatureCollection<Point, PointProps>; withoutCoordinates: number } {
  const features: Array<Feature<Point, PointProps>> = [];
  let withoutCoordinates = 0;
  for (const r of rows) {
    if (r.lat === null || r.lng === null || Math.abs(r.lat) > 90 || Math.abs(r.lng) > 180) { withoutCoordinates++; continue; }
    features.push({
      type: 'Feature',
      id: features.length,
      geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
      properties: { id: r.lksa_id, name: r.name, accreditation: r.accreditation, colour: ACCREDITATION_COLOURS[r.accreditation] ?? OTHER_COLOUR },
    });
  }
  return { points: { type: 'FeatureCollection', features }, withoutCoordinates };
}

/** The bounding box [west, south, east, north] of a geometry; null when it has no coordinates. */
export function bboxOf(geometry: Geometry | null): [number, number, number, number] | null {
  let w = Infinity; let s = Infinity; let e = -Infinity; let n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  const walk = (g: Geometry | null): void => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
    else visit(g.coordinates);
  };
  walk(geometry);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
