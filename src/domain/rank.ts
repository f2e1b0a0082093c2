// The one rank rule of the app, for every indicator and every page (map table, profile, report):
// 1 = the highest value. Standard competition ranking ("1, 2, 2, 4"): a region's rank is 1 + the number of regions
// with a strictly higher value, so ties share a rank. Withheld and missing values are not ranked and not counted.
//
// Never "1 = best": a low recorded rate of violence is not a safe region (recording reflects reporting and services
// as much as violence), so no rank may present it as the best one. Which direction is better stays in the
// indicator's palette and caveats, not in its rank.

/** Values equal to 12 significant digits tie (two shares 1/3 and 2/6 are the same share). */
export const tieKey = (v: number): number => Number(v.toPrecision(12));

export interface Rank {
  /** 1 = the highest value. */
  rank: number;
  /** Regions ranked (with a value), this one included. */
  of: number;
  /** Other regions with the same value (they share the rank). */
  tied: number;
}

/** Ranks of the regions with a value, by code; regions without one (withheld or missing) are left out. */
export function ranksByValue(rows: Iterable<{ code: string; value: number | null }>): Map<string, Rank> {
  const valued: Array<{ code: string; v: number }> = [];
  for (const r of rows) if (r.value !== null && Number.isFinite(r.value)) valued.push({ code: r.code, v: tieKey(r.value) });
  const sorted = valued.map((r) => r.v).sort((a, b) => b - a);
  const first = new Map<number, number>(); // value -> index of its first place
  const count = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!first.has(v)) first.set(v, i);
    count.set(v, (count.get(v) ?? 0) + 1);
  });
  return new Map(valued.map((r) => [r.code, { rank: first.get(r.v)! + 1, of: valued.length, tied: count.get(r.v)! - 1 }]));
}
