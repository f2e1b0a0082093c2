import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatDateMedium, formatNumber, formatNumberUpTo, formatPercent } from '../../src/app/format.ts';
import type { Lang } from '../../src/state/url.ts';

// format.ts writes numbers and dates by hand (no Intl on the first render's path): they must read exactly as Intl
// writes them for id-ID and en-GB.
const LOCALES: ReadonlyArray<[Lang, string]> = [['id', 'id-ID'], ['en', 'en-GB']];

/** Deterministic pseudo-random doubles over many magnitudes, with the awkward ones. */
function values(): number[] {
  const out = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.05, 0.15, 0.25, 1.005, 1.045, 2.675, 999.5, 999.95, 1000, 1234.5, -1234.5,
    9999.999, 99999.5, 123456789.123, -0.0001, -0.4, 0.0049, 1e15 + 0.5, 2 ** 53 - 1, -(2 ** 53 - 1), 1e20, 123.456e12];
  let seed = 42;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  for (let i = 0; i < 400; i++) {
    const magnitude = 10 ** Math.floor(rand() * 14 - 4);
    out.push((rand() - 0.3) * magnitude);
  }
  return out;
}

describe('formatNumber: as Intl.NumberFormat writes it', () => {
  for (const [lang, locale] of LOCALES) {
    for (const digits of [0, 1, 2, 3]) {
      it(`${locale}, ${digits} fraction digits`, () => {
        const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
        for (const v of values()) expect(formatNumber(lang, v, digits), String(v)).toBe(intl.format(v));
      });
    }
  }

  for (const [lang, locale] of LOCALES) {
    it(`${locale}, at most 0-4 fraction digits (formatNumberUpTo)`, () => {
      for (const digits of [0, 1, 2, 4]) {
        const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
        for (const v of values()) expect(formatNumberUpTo(lang, v, digits), `${v} (${digits})`).toBe(intl.format(v));
      }
      expect(formatNumberUpTo(lang, null, 4)).toBe('–');
    });
  }

  it('writes the separators of each language and a dash for no value', () => {
    expect(formatNumber('id', 1234567.891, 1)).toBe('1.234.567,9');
    expect(formatNumber('en', 1234567.891, 1)).toBe('1,234,567.9');
    expect(formatNumber('id', null)).toBe('–');
    expect(formatNumber('en', Number.NaN)).toBe('–');
    expect(formatNumber('id', Infinity)).toBe(new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(Infinity));
    expect(formatNumber('en', 1e22)).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(1e22));
  });

  it('builds percentages and signed changes on it', () => {
    expect(formatPercent('id', 12.345)).toBe('12,3%');
    expect(formatChange('en', 8)).toBe('+8.0%');
    expect(formatChange('id', -1234.5, 0)).toBe('−1.235%');
    expect(formatChange('en', 0)).toBe('±0.0%');
  });
});

describe('formatDate: as Intl.DateTimeFormat writes it (dateStyle long, UTC)', () => {
  for (const [lang, locale] of LOCALES) {
    it(locale, () => {
      const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
      for (let month = 0; month < 12; month++) {
        for (const day of [1, 9, 28]) {
          const iso = new Date(Date.UTC(2025, month, day)).toISOString();
          expect(formatDate(lang, iso)).toBe(intl.format(new Date(iso)));
        }
      }
      expect(formatDate(lang, '2025-12-31')).toBe(intl.format(new Date('2025-12-31')));
      expect(formatDate(lang, 'not a date')).toBe('not a date');
      const medium = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      expect(formatDateMedium(lang, '2025-12-31')).toBe(medium.format(new Date('2025-12-31')));
    });
  }
});
