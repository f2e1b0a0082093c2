// Year choices shared by the pages.

/** The year to show: the chosen one when the data has it, else the latest; null when there is no year at all. */
export function pickYear(years: readonly number[], chosen: number | null): number | null {
  if (years.length === 0) return null;
  if (chosen !== null && years.includes(chosen)) return chosen;
  return Math.max(...years);
}
