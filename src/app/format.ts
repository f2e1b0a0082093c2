import type { Lang } from '../state/url.ts';

/** Escapes text for the few places where a library wants an HTML string (ECharts tooltips). Data text is never HTML. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'`=/]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** A number in the language's format; '–' for null. */
export function formatNumber(lang: Lang, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** A percentage (value already in per cent). */
export const formatPercent = (lang: Lang, n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : `${formatNumber(lang, n, digits)}%`;

/** A signed change in per cent ("+8,0%"). */
export function formatChange(lang: Lang, n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(lang, Math.abs(n), digits)}%`;
}

/** A date (ISO) in the language's long form. */
export const formatDate = (lang: Lang, iso: string): string =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

/** Bytes as KB/MB. */
export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 ** 2) return `${formatNumber(lang, bytes / 1024, 0)} KB`;
  return `${formatNumber(lang, bytes / 1024 ** 2, 1)} MB`;
}
