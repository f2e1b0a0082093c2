// The LKSA page's institution table: typed rows, the text of its cells and its columns.
import type { Lang } from '../../../state/url.ts';
import { formatDateMedium, formatNumber } from '../../format.ts';
import { t } from '../../i18n.ts';
import type { Column } from '../../components/DataTable.tsx';
import { bool, int, num, str, strOrNull, type PlainRow } from './cells.ts';
import type { CodeLabels } from './codes.ts';
import { ACCREDITATION_CODES, LICENCE_CODES } from './filters.ts';
import { findingCodesOf, type FindingCode } from './findings.ts';
import { TEXT } from './text.ts';

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
