import { describe, expect, it } from 'vitest';
import {
  MISSING_STYLE, NEUTRAL_GREY, SUPPRESSED_STYLE, categoryPalette, hatchSvg, paletteFor, toHex, type Hex,
} from '../../src/domain/palettes.ts';
import { INDICATORS, indicatorById, type Indicator } from '../../src/domain/indicators.ts';

// Palettes: k hex colours, the worse end strong and warm, categories with a grey "none".

const HEX = /^#[0-9a-f]{6}$/;
const rgb = (hex: Hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
/** Relative luminance (WCAG). */
const luminance = (hex: Hex) => {
  const [r, g, b] = rgb(hex).map((c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const warm = (hex: Hex) => { const [r, , b] = rgb(hex); return r - b > 60; };
const cool = (hex: Hex) => { const [r, , b] = rgb(hex); return b - r > 60; };
const purple = (hex: Hex) => { const [r, g, b] = rgb(hex); return b > g && r > g; };
const spec = (format: Indicator['format'], better: Indicator['better']) => ({ format, better });

describe('paletteFor', () => {
  const combos = (['count', 'rate', 'percent', 'ratio', 'score', 'change'] as const)
    .flatMap((format) => (['higher', 'lower', 'neutral'] as const).map((better) => spec(format, better)));

  it.each(combos)('$format/$better: k hex colours for every k from 1 to 12', (s) => {
    for (let k = 1; k <= 12; k++) {
      const colours = paletteFor(s, k);
      expect(colours).toHaveLength(k);
      for (const c of colours) expect(c).toMatch(HEX);
      if (k >= 2) expect(new Set(colours).size).toBe(k);
    }
  });

  it('better = lower: light to strong red, the worst (highest) class darkest', () => {
    for (const k of [2, 3, 5, 7, 9, 11]) {
      const c = paletteFor(spec('percent', 'lower'), k);
      expect(warm(c[k - 1]!)).toBe(true);
      expect(luminance(c[k - 1]!)).toBeLessThan(luminance(c[0]!));
    }
  });

  it('better = higher: strong red at the lowest (worst) class, light at the highest', () => {
    for (const k of [2, 3, 5, 7, 9, 11]) {
      const c = paletteFor(spec('percent', 'higher'), k);
      expect(warm(c[0]!)).toBe(true);
      expect(luminance(c[0]!)).toBeLessThan(luminance(c[k - 1]!));
    }
  });

  it('better = neutral: a sequential blue, never an alarming red', () => {
    const c = paletteFor(spec('count', 'neutral'), 5);
    expect(c.every((x) => !warm(x))).toBe(true);
    expect(cool(c[4]!)).toBe(true);
    expect(luminance(c[4]!)).toBeLessThan(luminance(c[0]!));
  });

  it('change: diverging, red on the worse side; neutral changes purple (down) to orange (up)', () => {
    const higher = paletteFor(spec('change', 'higher'), 5);
    expect(warm(higher[0]!) && cool(higher[4]!)).toBe(true);
    const lower = paletteFor(spec('change', 'lower'), 5);
    expect(cool(lower[0]!) && warm(lower[4]!)).toBe(true);
    const neutral = paletteFor(spec('change', 'neutral'), 5);
    expect(purple(neutral[0]!) && warm(neutral[4]!)).toBe(true);
    // Odd k: a light middle class for values around 0.
    expect(luminance(neutral[2]!)).toBeGreaterThan(0.8);
  });

  it('every catalogue indicator gets k colours, or one per category', () => {
    for (const ind of INDICATORS) {
      const colours = paletteFor(ind, 5);
      expect(colours, ind.id).toHaveLength(ind.format === 'category' ? ind.categories!.length : 5);
      for (const c of colours) expect(c).toMatch(HEX);
    }
  });
});

describe('category palettes', () => {
  it('KLA categories: tidak_ada neutral grey, then darker with each higher category', () => {
    const kla = indicatorById('kla-category')!;
    const c = paletteFor(kla, 99);
    expect(c).toHaveLength(6);
    expect(c[0]).toBe(NEUTRAL_GREY);
    for (let i = 2; i < 6; i++) expect(luminance(c[i]!)).toBeLessThan(luminance(c[i - 1]!));
    expect(new Set(c).size).toBe(6);
    expect(c).not.toContain(MISSING_STYLE.fill);
    expect(c).not.toContain(SUPPRESSED_STYLE.fill);
  });

  it('KLA movement: down strong red, same grey, up blue', () => {
    const c = categoryPalette(indicatorById('kla-movement')!);
    expect(c).toHaveLength(3);
    expect(warm(c[0]!)).toBe(true);
    expect(c[1]).toBe(NEUTRAL_GREY);
    expect(cool(c[2]!)).toBe(true);
  });

  it('follows better = lower and handles trivial lists', () => {
    const cats = [{ code: 'a', label: { id: 'a', en: 'a' } }, { code: 'b', label: { id: 'b', en: 'b' } }];
    const c = categoryPalette({ better: 'lower', categories: cats });
    expect(cool(c[0]!) && warm(c[1]!)).toBe(true);
    expect(categoryPalette({ better: 'higher', categories: [] })).toEqual([]);
    expect(categoryPalette({ better: 'higher', categories: [cats[0]!] })).toEqual([NEUTRAL_GREY]);
  });
});

describe('suppressed and missing', () => {
  it('are told apart: hatched grey vs white with a grey outline', () => {
    expect(SUPPRESSED_STYLE.fill).toMatch(HEX);
    expect(MISSING_STYLE.fill).toMatch(HEX);
    expect(SUPPRESSED_STYLE.fill).not.toBe(MISSING_STYLE.fill);
    expect(SUPPRESSED_STYLE.fill).not.toBe(NEUTRAL_GREY);
    expect(SUPPRESSED_STYLE.hatch.id).toMatch(/^[a-z-]+$/);
    expect(MISSING_STYLE.outline).not.toBe(MISSING_STYLE.fill);
    for (const s of [SUPPRESSED_STYLE, MISSING_STYLE]) {
      expect(s.label.id && s.label.en && s.description.id && s.description.en).toBeTruthy();
    }
  });

  it('hatchSvg draws the hatch on the suppressed grey', () => {
    const svg = hatchSvg(12);
    expect(svg).toMatch(/^<svg [^>]*width="12" height="12"/);
    expect(svg).toContain(`fill="${SUPPRESSED_STYLE.hatch.background}"`);
    expect(svg).toContain(`stroke="${SUPPRESSED_STYLE.hatch.line}"`);
  });
});

describe('toHex', () => {
  it('converts d3 rgb() strings and normalises hex', () => {
    expect(toHex('rgb(253, 137, 60)')).toBe('#fd893c');
    expect(toHex('#ABCDEF')).toBe('#abcdef');
    expect(() => toHex('red')).toThrow(/not a colour/);
  });
});
