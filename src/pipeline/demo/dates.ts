// Calendar helpers on whole UTC days (days since 1970-01-01), so no time zone can shift a date.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date "YYYY-MM-DD"; throws on anything else or an impossible date. */
export function isoToDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date (YYYY-MM-DD): "${iso}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`not a calendar date: "${iso}"`);
  }
  return Math.round(t / DAY_MS);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dayToIso(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The Indonesian day-first form "31/03/2024". */
export function dayToDmy(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Day of the week, 0 = Sunday. */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const yearStart = (year: number): number => Math.round(Date.UTC(year, 0, 1) / DAY_MS);

export const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
