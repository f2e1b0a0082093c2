// The one place that ties the lksa_finding codes (the `codes` table, the URL's `temuan=`) to the boolean columns of
// the published `lksa` table. The SQL files of this page work on column names (finding_*), never on codes.

/** lksa_finding code -> `lksa` column, in the vocabulary's order. */
export const FINDING_COLUMNS = {
  risiko_eksploitasi: 'finding_exploitation_risk',
  risiko_tppo: 'finding_trafficking_risk',
  tanpa_izin: 'finding_no_licence',
  rencana_pengasuhan_tidak_ada: 'finding_no_care_plan',
  rasio_pengasuh_tidak_memadai: 'finding_caregiver_ratio',
  dokumen_anak_tidak_lengkap: 'finding_documents_incomplete',
  kekerasan_di_lembaga: 'finding_violence',
} as const satisfies Record<string, `finding_${string}`>;

export type FindingCode = keyof typeof FINDING_COLUMNS;
export const FINDING_CODES = Object.keys(FINDING_COLUMNS) as FindingCode[];

const byColumn = new Map<string, FindingCode>(FINDING_CODES.map((code) => [FINDING_COLUMNS[code], code]));

export const isFindingCode = (s: string | null | undefined): s is FindingCode =>
  typeof s === 'string' && Object.hasOwn(FINDING_COLUMNS, s);

/** The column to filter on for a finding code from the URL; null for none or an unknown code. */
export const findingColumn = (code: string | null | undefined): string | null =>
  (isFindingCode(code) ? FINDING_COLUMNS[code] : null);

/** The code of a finding column; null for a column this page does not know. */
export const findingCode = (column: string): FindingCode | null => byColumn.get(column) ?? null;

/** The codes of a `findings` cell ('finding_a;finding_b'), in the vocabulary's order; unknown columns are dropped. */
export function findingCodesOf(cell: string | null | undefined): FindingCode[] {
  const columns = new Set((cell ?? '').split(';').filter(Boolean));
  return FINDING_CODES.filter((code) => columns.has(FINDING_COLUMNS[code]));
}
