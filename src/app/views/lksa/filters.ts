// The LKSA page's scope and filters: the user's choices (from the URL) -> the bound parameters of the queries.
import { ACCREDITATIONS, LICENCE_STATUSES } from '../../../domain/vocab.ts';
import { findingColumn, type FindingCode } from './findings.ts';

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
