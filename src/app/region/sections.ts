// Pure transforms of the KLA and LKSA parts of the profile: rows of queries/app/profile/*.sql to what is shown.
import type { Row } from '../../db/sql.ts';
import { KLA_CATEGORIES, KLA_CLUSTERS } from '../../domain/kla.ts';
import type { Label } from '../../domain/label.ts';
import { ACCREDITATIONS, LICENCE_STATUSES, LKSA_FINDINGS } from '../../domain/vocab.ts';
import { TEXT } from './text.ts';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const labelOf = (list: ReadonlyArray<{ code: string; label: Label }>, code: string): Label =>
  list.find((c) => c.code === code)?.label ?? { id: code, en: code };

// ---- KLA ----

export interface KlaEvaluation {
  year: number;
  score: number | null;
  category: string;
  categoryLabel: Label;
  clusters: Array<{ label: Label; value: number | null }>;
}

/** Rows of profile/kla_history.sql, oldest first, with labels and the six component scores in the official order. */
export function klaHistory(rows: readonly Row[]): KlaEvaluation[] {
  return rows.map((r) => ({
    year: Number(r.year),
    score: num(r.score),
    category: String(r.category),
    categoryLabel: labelOf(KLA_CATEGORIES, String(r.category)),
    clusters: KLA_CLUSTERS.map((c) => ({ label: c.label, value: num(r[c.column]) })),
  })).sort((a, b) => a.year - b.year);
}

export interface KlaCategoryTable {
  years: number[];
  /** Every category in the code list's order, each with its count per year (same order as `years`). */
  categories: Array<{ code: string; label: Label; counts: number[] }>;
  notEvaluated: number[];
}

/** Rows of profile/kla_categories.sql as a year x category table. */
export function klaCategoryTable(rows: readonly Row[]): KlaCategoryTable {
  const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
  const count = (code: string) => years.map((y) => num(rows.find((r) => Number(r.year) === y && r.category === code)?.regencies) ?? 0);
  const codes = [...new Map(rows.filter((r) => r.category !== 'not_evaluated').map((r) => [String(r.category), num(r.ord) ?? 0])).entries()]
    .sort((a, b) => a[1] - b[1]).map(([code]) => code);
  return {
    years,
    categories: codes.map((code) => ({ code, label: labelOf(KLA_CATEGORIES, code), counts: count(code) })),
    notEvaluated: count('not_evaluated'),
  };
}

// ---- LKSA ----

export interface LksaCount { code: string; label: Label; institutions: number }

/** Rows of profile/lksa_summary.sql by dimension, with the code lists' labels, and the total. */
export function lksaSummary(rows: readonly Row[]): { accreditation: LksaCount[]; licence: LksaCount[]; total: number } {
  const of = (dimension: string, list: ReadonlyArray<{ code: string; label: Label }>) => rows
    .filter((r) => r.dimension === dimension)
    .sort((a, b) => (num(a.ord) ?? 0) - (num(b.ord) ?? 0))
    .map((r) => ({ code: String(r.code), label: labelOf(list, String(r.code)), institutions: num(r.institutions) ?? 0 }));
  const accreditation = of('accreditation', ACCREDITATIONS);
  return { accreditation, licence: of('licence_status', LICENCE_STATUSES), total: accreditation.reduce((s, c) => s + c.institutions, 0) };
}

export interface Institution {
  id: string;
  /** Data: rendered as text only. */
  name: string;
  regencyName: string;
  accreditation: Label;
  licence: Label;
  licenceValid: boolean | null;
  children: number | null;
  childrenWithheld: boolean;
  caregivers: number | null;
  lastInspection: string | null;
  findings: Label[];
}

/** Rows of profile/lksa_institutions.sql with labels for the codes. */
export function institutions(rows: readonly Row[]): Institution[] {
  return rows.map((r) => ({
    id: String(r.lksa_id),
    name: String(r.name ?? ''),
    regencyName: String(r.regency_name ?? r.region_code ?? ''),
    accreditation: labelOf(ACCREDITATIONS, String(r.accreditation)),
    licence: labelOf(LICENCE_STATUSES, String(r.licence_status)),
    licenceValid: typeof r.licence_valid === 'boolean' ? r.licence_valid : null,
    children: num(r.children_in_care),
    childrenWithheld: r.children_suppressed === true,
    caregivers: num(r.caregivers),
    lastInspection: typeof r.last_inspection === 'string' ? r.last_inspection : null,
    findings: String(r.findings ?? '').split(';').filter(Boolean).map((code) => labelOf(LKSA_FINDINGS, code)),
  }));
}

export const NOT_EVALUATED: Label = TEXT.notEvaluated;
