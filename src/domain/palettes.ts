import {
  interpolateBlues, interpolatePuOr, interpolateRdBu, interpolateYlGnBu, interpolateYlOrRd,
  schemeBlues, schemePuOr, schemeRdBu, schemeYlGnBu, schemeYlOrRd,
} from 'd3-scale-chromatic';
import type { Indicator } from './indicators.ts';
import type { Label } from './label.ts';

/**
 * Map colours. All schemes are ColorBrewer schemes marked colour-blind safe, from d3-scale-chromatic:
 * - YlOrRd (sequential, warm): indicators where one direction is worse; the worse end is the strong red. It stays
 *   readable in grey and for deuteranopes because lightness changes monotonically.
 * - Blues (sequential, cool): 'neutral' indicators (e.g. recorded victims: more reporting is not more violence), so
 *   they are not painted as alarming.
 * - RdBu (diverging): changes with a better direction; the worse side is red. PuOr (diverging) for 'neutral' changes:
 *   orange for increases, purple for decreases, without a red alarm.
 * - KLA categories: a neutral grey for "no category", then YlGnBu from light green to dark blue for Pratama .. KLA.
 * Ordered categories without a "none" category (KLA movement: down, same, up) use the diverging scheme with a neutral
 * grey in the middle.
 */
export type Hex = string;

export const SCHEMES = {
  sequentialWarm: 'YlOrRd',
  sequentialNeutral: 'Blues',
  diverging: 'RdBu',
  divergingNeutral: 'PuOr',
  categoryRamp: 'YlGnBu',
} as const;

/** Grey for a category meaning "none" or "no change" (KLA tidak_ada, movement tetap). */
export const NEUTRAL_GREY: Hex = '#cccccc';

/** Category codes meaning "none": they get NEUTRAL_GREY, the others a sequential ramp. */
export const NONE_CATEGORY_CODES: readonly string[] = ['tidak_ada'];

/** Regions whose value is withheld by disclosure control (or computed from a withheld count): hatched grey. */
export const SUPPRESSED_STYLE = {
  fill: '#9e9e9e',
  outline: '#616161',
  hatch: { id: 'hatch-suppressed', background: '#9e9e9e', line: '#ffffff', angle: 45, spacing: 6, lineWidth: 1.5 },
  label: { id: 'Disembunyikan', en: 'Withheld' } satisfies Label,
  description: {
    id: 'Arsir abu-abu: angka disembunyikan untuk melindungi identitas anak (angka kecil atau penyembunyian sekunder).',
    en: 'Grey hatching: withheld to protect children\'s identity (small numbers or secondary suppression).',
  } satisfies Label,
} as const;

/** Regions with no value (no data, nothing to count, or a zero denominator): white with a grey outline. */
export const MISSING_STYLE = {
  fill: '#ffffff',
  outline: '#9e9e9e',
  outlineWidth: 1,
  label: { id: 'Tidak ada data', en: 'No data' } satisfies Label,
  description: {
    id: 'Putih bergaris tepi abu-abu: tidak ada data atau tidak dapat dihitung (mis. tidak ada lembaga atau penyebut nol).',
    en: 'White with a grey outline: no data or nothing to compute (e.g. no institution, or a zero denominator).',
  } satisfies Label,
} as const;

/** An SVG tile of the suppressed hatch (size x size px), for legends and as a map fill pattern image. */
export function hatchSvg(size = SUPPRESSED_STYLE.hatch.spacing * 2): string {
  const { background, line, lineWidth } = SUPPRESSED_STYLE.hatch;
  // Diagonal lines at 45 degrees that tile seamlessly: the main diagonal plus the two corner pieces.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`
    + `<rect width="${size}" height="${size}" fill="${background}"/>`
    + `<path d="M0,${size} L${size},0 M${-size / 2},${size / 2} L${size / 2},${-size / 2} M${size / 2},${size * 1.5} L${size * 1.5},${size / 2}" `
    + `stroke="${line}" stroke-width="${lineWidth}"/></svg>`;
}

type Scheme = ReadonlyArray<readonly string[]>;
type Interpolator = (t: number) => string;

/** k colours of a scheme, light/first to dark/last; sampled from its interpolator outside the scheme's sizes. */
function ramp(scheme: Scheme, interpolate: Interpolator, k: number): Hex[] {
  if (k <= 0) return [];
  const three = scheme[3]!;
  if (k === 1) return [three[1]!];
  if (k === 2) return [three[0]!, three[2]!];
  const fixed = scheme[k];
  if (fixed) return [...fixed];
  return Array.from({ length: k }, (_, i) => toHex(interpolate(i / (k - 1))));
}

/** '#rrggbb' from d3's 'rgb(r, g, b)' or '#rrggbb'. */
export function toHex(colour: string): Hex {
  if (/^#[0-9a-f]{6}$/i.test(colour)) return colour.toLowerCase();
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (!m) throw new Error(`not a colour: ${colour}`);
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}

const sequentialWarm = (k: number) => ramp(schemeYlOrRd, interpolateYlOrRd, k);
const sequentialNeutral = (k: number) => ramp(schemeBlues, interpolateBlues, k);
/** RdBu runs red (low) -> blue (high); PuOr purple (low) -> orange (high). */
const divergingRedLow = (k: number) => ramp(schemeRdBu, interpolateRdBu, k);
const divergingOrangeHigh = (k: number) => ramp(schemePuOr, interpolatePuOr, k);

/**
 * k colours for the classes of an indicator, from the lowest class to the highest, so that the worse end is the strong
 * warm colour:
 * - better 'lower': YlOrRd, light (low) -> red (high); 'higher': reversed, red (low) -> light (high); 'neutral': Blues;
 * - format 'change': diverging, meant for bounds centred on 0 (classifyAroundZero): RdBu with red on the worse side,
 *   PuOr (orange = increase) when 'neutral';
 * - format 'category': one colour per category, whatever k (see categoryPalette).
 */
export function paletteFor(indicator: Pick<Indicator, 'format' | 'better' | 'categories'>, k: number): Hex[] {
  if (indicator.format === 'category') return categoryPalette(indicator);
  if (indicator.format === 'change') {
    if (indicator.better === 'neutral') return divergingOrangeHigh(k);
    const colours = divergingRedLow(k);
    return indicator.better === 'higher' ? colours : colours.reverse();
  }
  if (indicator.better === 'neutral') return sequentialNeutral(k);
  const colours = sequentialWarm(k);
  return indicator.better === 'lower' ? colours : colours.reverse();
}

/**
 * One colour per category, in the order of `categories` (listed from worst to best when better = 'higher').
 * A "none" category (NONE_CATEGORY_CODES) is NEUTRAL_GREY and the others a YlGnBu ramp that darkens towards the best;
 * without a "none" category, a diverging palette with the worse end red and, for an odd count, NEUTRAL_GREY in the middle.
 */
export function categoryPalette(indicator: Pick<Indicator, 'better' | 'categories'>): Hex[] {
  const categories = indicator.categories ?? [];
  const n = categories.length;
  const none = categories.map((c) => NONE_CATEGORY_CODES.includes(c.code));
  if (none.some(Boolean)) {
    // Skip YlGnBu's lightest colour: it is too close to the white of missing values.
    const ordered = ramp(schemeYlGnBu, interpolateYlGnBu, n - none.filter(Boolean).length + 1).slice(1);
    if (indicator.better === 'lower') ordered.reverse();
    let next = 0;
    return none.map((isNone) => (isNone ? NEUTRAL_GREY : ordered[next++]!));
  }
  if (n <= 1) return n === 1 ? [NEUTRAL_GREY] : [];
  // Strong, well separated colours: pick n evenly spaced colours from a scheme of at least 5.
  const m = Math.max(n, 5);
  const full = indicator.better === 'neutral' ? divergingOrangeHigh(m) : divergingRedLow(m);
  if (indicator.better === 'lower') full.reverse();
  return Array.from({ length: n }, (_, i) => (n % 2 === 1 && i === (n - 1) / 2 ? NEUTRAL_GREY : full[Math.round((i * (m - 1)) / (n - 1))]!));
}
