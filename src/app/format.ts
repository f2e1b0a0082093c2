import type { Lang } from '../state/url.ts';

/** Escapes text for the few places where a library wants an HTML string (ECharts tooltips). Data text is never HTML. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'`=/]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

// Building an Intl formatter costs far more than formatting with one, and the first Intl.NumberFormat of a page loads
// the locale's data: ~100 ms of main thread at Lighthouse's mobile throttling, inside the first render (the map's
// legend). Numbers are formatted by hand for the two locales the app speaks (a test checks them against Intl);
// a value toFixed cannot write (non-finite, or 1e21 and above) goes to a cached Intl formatter.
const numberFormats = new Map<string, Intl.NumberFormat>();
const SEPARATORS: Readonly<Record<Lang, { group: string; decimal: string }>> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** A number in the language's format (what Intl.NumberFormat gives for id-ID / en-GB with `digits` fraction digits); '–' for null. */
export function formatNumber(lang: Lang, n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return intlNumber(lang, n, digits);
  const fixed = toFixedShortest(Math.abs(n), digits);
  const dot = fixed.indexOf('.');
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  const { group, decimal } = SEPARATORS[lang];
  let grouped = '';
  for (let i = whole.length; i > 0; i -= 3) grouped = whole.slice(Math.max(0, i - 3), i) + (grouped ? group + grouped : '');
  // Intl writes the sign of a negative value even when it rounds to zero ("-0"), and of -0 itself.
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return sign + grouped + (dot < 0 ? '' : decimal + fixed.slice(dot + 1));
}

/** A number with at most `digits` fraction digits, trailing zeros dropped (Intl's maximumFractionDigits alone). */
export function formatNumberUpTo(lang: Lang, n: number | null | undefined, digits: number): string {
  const text = formatNumber(lang, n, digits);
  const { decimal } = SEPARATORS[lang];
  if (digits === 0 || !text.includes(decimal)) return text;
  const trimmed = text.replace(/0+$/, '');
  return trimmed.endsWith(decimal) ? trimmed.slice(0, -decimal.length) : trimmed;
}

/**
 * `x` (>= 0) with `digits` fraction digits, rounded half up from its shortest decimal form (String(x)), as Intl does:
 * 0.15 -> "0.2" and 1.005 -> "1.01", where toFixed rounds the double's exact binary value (0.1499...) down.
 */
function toFixedShortest(x: number, digits: number): string {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) return x.toFixed(digits);
  let ds = m[1]! + (m[2] ?? '');
  let point = m[1]!.length + Number(m[3] ?? 0); // digits before the decimal point
  if (point <= 0) { ds = '0'.repeat(1 - point) + ds; point = 1; }
  if (ds.length <= point + digits) ds += '0'.repeat(point + digits + 1 - ds.length);
  const kept = ds.slice(0, point + digits).split('');
  if (ds.charCodeAt(point + digits) - 48 >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') kept[i--] = '0';
    if (i >= 0) kept[i] = String(Number(kept[i]) + 1);
    else kept.unshift('1');
  }
  const all = kept.join('');
  const whole = all.slice(0, all.length - digits).replace(/^0+(?=\d)/, '');
  return digits > 0 ? `${whole}.${all.slice(all.length - digits)}` : whole;
}

function intlNumber(lang: Lang, n: number, digits: number): string {
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

const mediumDates = new Map<Lang, Intl.DateTimeFormat>();

/** A date (ISO) in the language's medium form, in UTC: "31 Des 2025", "31 Dec 2025" (one cached formatter per language). */
export function formatDateMedium(lang: Lang, iso: string): string {
  let f = mediumDates.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' });
    mediumDates.set(lang, f);
  }
  return f.format(new Date(iso));
}

/** Bytes as KB/MB. */
export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 ** 2) return `${formatNumber(lang, bytes / 1024, 0)} KB`;
  return `${formatNumber(lang, bytes / 1024 ** 2, 1)} MB`;
}

/** Characters of a name shown in a chart's axis or legend (SVG text cannot wrap); longer names end with "…". */
export const LABEL_MAX = 40;

/** A name cut to `max` characters with an ellipsis, for a chart label; the tooltip and the data table keep it whole. */
export function clipLabel(name: string, max = LABEL_MAX): string {
  const chars = [...name];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : name;
}
