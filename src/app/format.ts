import type { Lang } from '../state/url.ts';

/** Escapes text for the few places where a library wants an HTML string (ECharts tooltips). Data text is never HTML. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'`=/]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

// Building an Intl formatter costs far more than formatting with one (it dominated the main thread of the first
// render and of every table re-render): one formatter per language and option set, made on first use.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the language's format; '–' for null. */
export function formatNumber(lang: Lang, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  const key = `${lang}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** A percentage (value already in per cent). */
export const formatPercent = (lang: Lang, n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : `${formatNumber(lang, n, digits)}%`;

/** A signed change in per cent ("+8,0%"). */
export function formatChange(lang: Lang, n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(lang, Math.abs(n), digits)}%`;
}

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A date (ISO) in the language's long form, in UTC: "31 Desember 2025", "31 December 2025" (what Intl.DateTimeFormat
 * gives for id-ID and en-GB with dateStyle 'long'). Written out by hand: the first Intl.DateTimeFormat of a page
 * loads the locale's calendar data, a long main-thread task on a phone (~150 ms at Lighthouse's mobile throttling)
 * in the middle of the first render.
 */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]!} ${d.getUTCFullYear()}`;
}

/** Bytes as KB/MB. */
export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 ** 2) return `${formatNumber(lang, bytes / 1024, 0)} KB`;
  return `${formatNumber(lang, bytes / 1024 ** 2, 1)} MB`;
}
