// Pure transforms of the region profile: regions and their peers, ranks, the provinces' spread, the year of each
// indicator. No React, no engine: rows in, plain objects out (tested in test/app/profile-model.test.ts).
import type { Indicator, IndicatorLevel } from '../../domain/indicators.ts';
import type { Row } from '../../db/sql.ts';
import { NATIONAL_CODE } from '../../domain/regions.ts';
import { ranksByValue, tieKey as key, type Rank } from '../../domain/rank.ts';
import { coverageOf, resolveYear, type IndicatorRow } from '../../domain/indicators/rows.ts';

export type { IndicatorRow };

// ---- Regions ----

export interface RegionInfo {
  code: string;
  level: IndicatorLevel;
  name: string;
  /** The province's code (a province's own code for a province); null for Indonesia. */
  provinceCode: string | null;
  provinceName: string | null;
  /** kabupaten or kota; null above kab/kota. */
  regencyType: 'kabupaten' | 'kota' | null;
  population: number | null;
  /** An ESTIMATE (see the regions table). */
  childPopulation: number | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Rows of queries/app/profile/regions.sql as RegionInfo. */
export function toRegions(rows: readonly Row[]): RegionInfo[] {
  return rows.map((r) => ({
    code: String(r.region_code),
    level: r.level as IndicatorLevel,
    name: String(r.name),
    provinceCode: str(r.province_code),
    provinceName: str(r.province_name),
    regencyType: r.regency_type === 'kabupaten' || r.regency_type === 'kota' ? r.regency_type : null,
    population: num(r.population),
    childPopulation: num(r.child_population),
  }));
}

/** The breadcrumb of a region: Indonesia, then its province, then itself (ancestors missing from the list are skipped). */
export function regionPath(region: RegionInfo, byCode: ReadonlyMap<string, RegionInfo>): RegionInfo[] {
  const path: RegionInfo[] = [];
  const national = byCode.get(NATIONAL_CODE);
  if (region.level !== 'national' && national) path.push(national);
  if (region.level === 'regency' && region.provinceCode) {
    const province = byCode.get(region.provinceCode);
    if (province) path.push(province);
  }
  path.push(region);
  return path;
}

/** Folds case and diacritics for the region search ("Kab. Bandung" finds "Kabupaten Bandung" via "bandung"). */
export const fold = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[.,'’`()-]/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The regions matching a search text, best first: every word must occur in the name, the province's name or the
 * code; names starting with the text come first, then Indonesia, provinces, kab/kota, then by name.
 */
export function searchRegions(regions: readonly RegionInfo[], text: string, limit = 50): RegionInfo[] {
  const words = fold(text).split(' ').filter(Boolean);
  const order = { national: 0, province: 1, regency: 2 } as const;
  const scored = regions
    .map((r) => {
      const name = fold(r.name);
      const hay = `${name} ${fold(r.provinceName ?? '')} ${r.code}`;
      if (!words.every((w) => hay.includes(w))) return null;
      const bare = name.replace(/^(kabupaten|kota) /, '');
      const starts = words.length > 0 && (name.startsWith(words.join(' ')) || bare.startsWith(words.join(' '))) ? 0 : 1;
      return { r, starts };
    })
    .filter((x): x is { r: RegionInfo; starts: number } => x !== null);
  scored.sort((a, b) => a.starts - b.starts || order[a.r.level] - order[b.r.level] || a.r.name.localeCompare(b.r.name, 'id'));
  return scored.slice(0, limit).map((x) => x.r);
}

// ---- Peers ----

export type PeerKind = 'provinces' | 'same-province' | 'same-type';

export interface PeerGroup {
  kind: PeerKind;
  /** The regions compared, the region itself included. */
  codes: ReadonlySet<string>;
  /** same-province: the province's name; same-type: kabupaten or kota. */
  name: string | null;
}

/**
 * Whom a region is ranked among: a province among the provinces; a kab/kota among the kab/kota of its province and
 * among every kab/kota of its type (kabupaten or kota). Indonesia has no peers (it shows the provinces' spread).
 */
export function peerGroups(region: RegionInfo, regions: readonly RegionInfo[]): PeerGroup[] {
  if (region.level === 'province') {
    return [{ kind: 'provinces', name: null, codes: new Set(regions.filter((r) => r.level === 'province').map((r) => r.code)) }];
  }
  if (region.level !== 'regency') return [];
  const regencies = regions.filter((r) => r.level === 'regency');
  const groups: PeerGroup[] = [{
    kind: 'same-province',
    name: region.provinceName,
    codes: new Set(regencies.filter((r) => r.provinceCode === region.provinceCode).map((r) => r.code)),
  }];
  if (region.regencyType) {
    groups.push({
      kind: 'same-type',
      name: region.regencyType,
      codes: new Set(regencies.filter((r) => r.regencyType === region.regencyType).map((r) => r.code)),
    });
  }
  return groups;
}

// ---- Indicator rows ----

/**
 * The year an indicator is shown for on a region's page, by the app's one rule (resolveYear): LKSA (timeAxis none) have
 * no year; violence indicators the page's year picker (`violenceYear`, null = latest) when they have it; KLA their
 * latest evaluation; a year without data at the region's level falls back to the latest year with data there.
 */
export function indicatorYear(indicator: Pick<Indicator, 'timeAxis'>, rows: readonly IndicatorRow[], violenceYear: number | null, level?: IndicatorLevel): number | null {
  if (indicator.timeAxis === 'none') return null;
  return resolveYear(coverageOf(rows), indicator.timeAxis === 'violence' ? violenceYear : null, level);
}

// ---- Ranks ----

export type Standing =
  | ({ kind: 'ranked' } & Rank & {
    /** Peers without a value (withheld or missing): not ranked. */
    unranked: number;
  })
  | { kind: 'withheld' }
  | { kind: 'missing' };

/**
 * The region's standing among peers, one year, by the app's one rank rule (src/domain/rank.ts: 1 = the highest value,
 * ties share a rank, withheld and missing values neither ranked nor counted). `rows` are the indicator's rows of that
 * year and level.
 */
export function rankAmong(rows: readonly IndicatorRow[], code: string, peers: ReadonlySet<string>): Standing {
  const own = rows.find((r) => r.region_code === code);
  if (!own || own.value === null) return own?.suppressed ? { kind: 'withheld' } : { kind: 'missing' };
  const members = new Set(peers).add(code); // the region counts among its peers even if the set forgot it
  const rank = ranksByValue(rows.filter((r) => members.has(r.region_code)).map((r) => ({ code: r.region_code, value: r.value }))).get(code)!;
  return { kind: 'ranked', ...rank, unranked: members.size - rank.of };
}

// ---- The provinces' spread (Indonesia's page) ----

export interface Spread {
  /** The lowest value, the first region (by code) having it, and how many others have it too. */
  min: { value: number; code: string; ties: number };
  median: number;
  max: { value: number; code: string; ties: number };
  /** Provinces with a value. */
  n: number;
  /** Provinces without a value (withheld or missing). */
  without: number;
}

/** Min, median and max over the regions in `codes` that have a value (for categories, the lower median). */
export function spreadOf(rows: readonly IndicatorRow[], codes: ReadonlySet<string>, lowerMedian = false): Spread | null {
  const valued = rows.filter((r) => codes.has(r.region_code) && r.value !== null) as Array<IndicatorRow & { value: number }>;
  if (valued.length === 0) return null;
  const sorted = [...valued].sort((a, b) => a.value - b.value || a.region_code.localeCompare(b.region_code));
  const n = sorted.length;
  const mid = Math.floor((n - 1) / 2);
  const median = n % 2 === 1 || lowerMedian ? sorted[mid]!.value : (sorted[mid]!.value + sorted[mid + 1]!.value) / 2;
  const first = sorted[0]!;
  const last = sorted.find((r) => key(r.value) === key(sorted[n - 1]!.value))!;
  const ties = (v: number) => sorted.filter((r) => key(r.value) === key(v)).length - 1;
  return {
    min: { value: first.value, code: first.region_code, ties: ties(first.value) },
    median,
    max: { value: last.value, code: last.region_code, ties: ties(last.value) },
    n,
    without: codes.size - n,
  };
}

// ---- One indicator on one region's page ----

export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export interface IndicatorSummary {
  year: number | null;
  /** The region's value. */
  own: Cell;
  /** Indonesia's value the same year (null on Indonesia's own page). */
  national: Cell | null;
  standings: Array<{ group: PeerGroup; standing: Standing }>;
  /** Indonesia's page: the provinces' spread. */
  spread: Spread | null;
}

const cellOf = (row: IndicatorRow | undefined): Cell => ({ value: row?.value ?? null, suppressed: row?.suppressed ?? false });

/** True when the indicator has rows at the region's level (it then has a place on the page, even if missing). */
export const hasLevel = (rows: readonly IndicatorRow[], level: string): boolean => rows.some((r) => r.level === level);

/** Everything the profile shows for one indicator and one region, or null when the indicator has no row at its level. */
export function summarise(
  indicator: Pick<Indicator, 'better' | 'timeAxis' | 'format'>,
  allRows: readonly IndicatorRow[],
  region: RegionInfo,
  regions: readonly RegionInfo[],
  violenceYear: number | null,
): IndicatorSummary | null {
  if (!hasLevel(allRows, region.level)) return null;
  const year = indicatorYear(indicator, allRows, violenceYear, region.level);
  const ofYear = allRows.filter((r) => r.year === year);
  const atLevel = ofYear.filter((r) => r.level === region.level);
  const own = cellOf(atLevel.find((r) => r.region_code === region.code));
  if (region.level === 'national') {
    const provinces = new Set(regions.filter((r) => r.level === 'province').map((r) => r.code));
    const spread = spreadOf(ofYear.filter((r) => r.level === 'province'), provinces, indicator.format === 'category');
    return { year, own, national: null, standings: [], spread };
  }
  const national = ofYear.find((r) => r.level === 'national');
  return {
    year,
    own,
    national: national ? cellOf(national) : null,
    standings: peerGroups(region, regions).map((group) => ({ group, standing: rankAmong(atLevel, region.code, group.codes) })),
    spread: null,
  };
}

// ---- Trends ----

export interface TrendPoint {
  year: number;
  /** null where withheld or missing: a gap in the line, never a zero. */
  value: number | null;
  suppressed: boolean;
}

/** One region's values over `years` (every year present, in order), gaps as null. */
export function trendSeries(rows: readonly IndicatorRow[], code: string, years: readonly number[]): TrendPoint[] {
  const byYear = new Map(rows.filter((r) => r.region_code === code && r.year !== null).map((r) => [r.year!, r]));
  return years.map((year) => {
    const r = byYear.get(year);
    return { year, value: r?.value ?? null, suppressed: r?.suppressed ?? false };
  });
}

/** The subject's caveats every one of its shown indicators carries (shown once, visibly); compared by their text. */
export function sharedCaveats<C extends { id: string; en: string }>(lists: ReadonlyArray<readonly C[]>): C[] {
  if (lists.length === 0) return [];
  const [first, ...rest] = lists;
  return first!.filter((c) => rest.every((l) => l.some((d) => d.id === c.id && d.en === c.en)));
}
