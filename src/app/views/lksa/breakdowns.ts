// Breakdowns of the LKSA page: institutions by accreditation grade, licence status and kind of finding, as bar segments.
import type { Lang } from '../../../state/url.ts';
import { int, num, str, type PlainRow } from './cells.ts';
import type { CodeLabels } from './codes.ts';
import { ACCREDITATION_COLOURS, LICENCE_COLOURS, OTHER_COLOUR } from './colours.ts';
import { FINDING_CODES, FINDING_COLUMNS, findingCode, type FindingCode } from './findings.ts';
import type { OverviewRow } from './overview.ts';
import { TEXT } from './text.ts';

export interface BreakdownRow { area: string; dimension: string; code: string; ord: number | null; institutions: number; share_pct: number | null }

export const toBreakdownRows = (rows: readonly PlainRow[]): BreakdownRow[] => rows.map((r) => ({
  area: str(r.area), dimension: str(r.dimension), code: str(r.code), ord: num(r.ord), institutions: int(r.institutions), share_pct: num(r.share_pct),
}));

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
