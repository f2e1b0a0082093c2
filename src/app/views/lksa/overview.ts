// The LKSA page's overview: the scope's and Indonesia's rows and the headline figures written from them.
import type { Lang } from '../../../state/url.ts';
import { formatNumber, formatPercent } from '../../format.ts';
import { int, num, str, type PlainRow } from './cells.ts';
import { TEXT, fill } from './text.ts';

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
