import { describe, expect, it } from 'vitest';
import { indicatorById, type Indicator } from '../../src/domain/indicators.ts';
import { MISSING_STYLE, SUPPRESSED_STYLE, paletteFor } from '../../src/domain/palettes.ts';
import {
  DEFAULT_INDICATOR_ID, bboxOf, effectiveView, indicatorGroups, levelOptions, resolveIndicator, showsFraction, tableRows, valueText,
} from '../../src/app/views/map/transform.ts';
import { classifyRows, fillStates, formatValue, formatValueWithUnit, legendEntries } from '../../src/app/indicator/shading.ts';
import { landingResult } from '../../src/app/indicator/landing-result.ts';
import { coverageOf, resolveYear, toIndicatorRows, yearsOf, type IndicatorRow } from '../../src/domain/indicators/rows.ts';
import { TEXT } from '../../src/app/views/map/text.ts';

const ind = (id: string): Indicator => {
  const i = indicatorById(id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
};
const rate = ind('violence-victim-rate');

/** The rows of one year and level (what the indicator path returns for that filter), optionally of one province. */
const rowsFor = (all: readonly IndicatorRow[], year: number | null, level: string, province: string | null = null) =>
  all.filter((r) => r.year === year && r.level === level && (province === null || r.region_code.startsWith(`${province}.`)));
const latestYearWithData = (all: readonly IndicatorRow[], level?: IndicatorRow['level']) => resolveYear(coverageOf(all), null, level);

const row = (p: Partial<IndicatorRow> & Pick<IndicatorRow, 'region_code'>): IndicatorRow => ({
  year: 2024, level: p.region_code.includes('.') ? 'regency' : 'province', value: null, suppressed: false, numerator: null, denominator: null, ...p,
});

// Five provinces in 2024 and 2023; one withheld, one without data.
const rows: IndicatorRow[] = [
  row({ region_code: '11', value: 10, numerator: 10, denominator: 100000 }),
  row({ region_code: '12', value: 20, numerator: 40, denominator: 200000 }),
  row({ region_code: '13', value: 30, numerator: 30, denominator: 100000 }),
  row({ region_code: '14', value: null, suppressed: true, denominator: 50000 }),
  row({ region_code: '15', value: null }),
  row({ region_code: '11', year: 2023, value: 5 }),
  row({ region_code: '12', year: 2023, value: 6 }),
  row({ region_code: '11.01', value: 12 }),
  row({ region_code: '12.01', value: 8 }),
  row({ region_code: '00', level: 'national', value: 18 }),
];

describe('map transforms: rows and years', () => {
  it('types the runner rows', () => {
    expect(toIndicatorRows([{ year: 2024, region_code: '11', level: 'province', value: 1.5, suppressed: false, numerator: 3, denominator: 200 }]))
      .toEqual([{ year: 2024, region_code: '11', level: 'province', value: 1.5, suppressed: false, numerator: 3, denominator: 200 }]);
    expect(toIndicatorRows([{ year: null, region_code: '11.01', level: 'regency', value: null, suppressed: true, numerator: null, denominator: null }])[0])
      .toMatchObject({ year: null, value: null, suppressed: true });
  });

  it('lists years ascending and picks the latest year with data', () => {
    expect(yearsOf(rows)).toEqual([2023, 2024]);
    expect(latestYearWithData(rows)).toBe(2024);
    // 2025 exists but has no value anywhere (e.g. a change indicator's first year is the other way round)
    const withEmpty = [...rows, row({ region_code: '11', year: 2025, value: null }), row({ region_code: '12', year: 2025, value: null, suppressed: true })];
    expect(latestYearWithData(withEmpty)).toBe(2024);
    const cover = coverageOf(withEmpty);
    expect(resolveYear(cover, null)).toBe(2024);
    expect(resolveYear(cover, 2023)).toBe(2023);
    expect(resolveYear(cover, 2025)).toBe(2025); // asked for explicitly: shown, even if empty
    expect(resolveYear(cover, 1999)).toBe(2024); // not a year of the indicator
    // LKSA: no year at all
    expect(resolveYear(coverageOf([row({ region_code: '11', year: null, value: 3 })]), 2024)).toBeNull();
  });

  it('prefers the latest year with data at the level shown', () => {
    const r = [row({ region_code: '11', year: 2025, value: 3 }), row({ region_code: '11.01', year: 2025, value: null }), row({ region_code: '11.01', year: 2023, value: 4 })];
    expect(latestYearWithData(r, 'regency')).toBe(2023);
    expect(latestYearWithData(r, 'province')).toBe(2025);
  });

  it('filters one year and level, and the kab/kota of one province', () => {
    expect(rowsFor(rows, 2024, 'province').map((r) => r.region_code)).toEqual(['11', '12', '13', '14', '15']);
    expect(rowsFor(rows, 2024, 'regency', '12').map((r) => r.region_code)).toEqual(['12.01']);
    expect(rowsFor(rows, 2023, 'province')).toHaveLength(2);
  });
});

describe('map transforms: the landing slice', () => {
  it('reads the slice the pipeline made through the indicator path as that path\'s answer', () => {
    const map = [
      { year: 2024, region_code: '11', level: 'province', value: 312 * 100000 / 1862625, suppressed: false, numerator: 312, denominator: 1862625 },
      { year: 2024, region_code: '12', level: 'province', value: null, suppressed: true, numerator: null, denominator: 5134994 },
    ];
    const seeded = landingResult({ year: 2024, level: 'province', indicator: 'violence-victim-rate', map });
    expect(seeded).toMatchObject({ indicator: rate, year: 2024, years: [2024], filter: { year: 2024, level: 'province' }, rows: map });
    expect(landingResult({ year: 2024, level: 'province', indicator: 'no-such-indicator', map })).toBeNull();
    expect(landingResult({ year: 2024, level: 'province', indicator: 'violence-victim-rate', map: [] })).toBeNull();
  });
});

describe('map transforms: levels', () => {
  it('disables a level the indicator lacks, with a reason', () => {
    const sexual = ind('violence-sexual-share');
    const opts = levelOptions(sexual, null); // from the catalogue while loading
    expect(opts.map((o) => [o.level, o.available])).toEqual([['province', true], ['regency', false]]);
    expect(opts[1]!.reason).toBe(TEXT.unavailableRegency);
    // from the data: levels present in the rows win over the catalogue
    const fromData = levelOptions(sexual, new Set(['province', 'regency']));
    expect(fromData.every((o) => o.available)).toBe(true);
    const kla = levelOptions(ind('kla-category'), null);
    expect(kla.map((o) => o.available)).toEqual([false, true]);
    expect(kla[0]!.reason).toBe(TEXT.unavailableProvince);
    expect(levelOptions(ind('kla-awarded-share'), null)[1]!.reason).toBe(TEXT.unavailableRegencyKla);
  });

  it('falls back to an available level, and drops the drill-down at province level', () => {
    const provinceOnly = levelOptions(ind('violence-sexual-share'), null);
    expect(effectiveView('regency', '32', provinceOnly)).toEqual({ level: 'province', province: null, switched: true });
    const regencyOnly = levelOptions(ind('kla-category'), null);
    expect(effectiveView('province', null, regencyOnly)).toEqual({ level: 'regency', province: null, switched: true });
    const both = levelOptions(rate, null);
    expect(effectiveView('regency', '32', both)).toEqual({ level: 'regency', province: '32', switched: false });
    expect(effectiveView('province', '32', both)).toEqual({ level: 'province', province: null, switched: false });
  });
});

describe('map transforms: classes, fills and legend', () => {
  const year = rowsFor(rows, 2024, 'province');

  it('colours values by class, hatches the withheld and leaves the missing white', () => {
    const c = classifyRows(rate, year, 'quantile');
    expect(c.kind).toBe('classes');
    expect(c.bounds[0]).toBe(10);
    expect(c.bounds[c.bounds.length - 1]).toBe(30);
    expect(c.colors).toEqual(paletteFor(rate, c.bounds.length - 1));
    const states = fillStates(['11', '12', '13', '14', '15', '16'], year, c);
    expect(states.get('11')).toEqual({ kind: 'value', fill: c.colors[0], cls: 0 });
    expect(states.get('13')).toEqual({ kind: 'value', fill: c.colors[c.colors.length - 1], cls: c.colors.length - 1 });
    expect(states.get('14')).toEqual({ kind: 'suppressed', fill: SUPPRESSED_STYLE.fill, cls: -1 });
    expect(states.get('15')).toEqual({ kind: 'missing', fill: MISSING_STYLE.fill, cls: -1 });
    expect(states.get('16')).toEqual({ kind: 'missing', fill: MISSING_STYLE.fill, cls: -1 }); // no row at all
  });

  it('uses five classes from quantiles or natural breaks', () => {
    const many = Array.from({ length: 38 }, (_, i) => row({ region_code: String(11 + i), value: i * i }));
    const q = classifyRows(rate, many, 'quantile');
    const j = classifyRows(rate, many, 'jenks');
    expect(q.colors).toHaveLength(5);
    expect(j.colors).toHaveLength(5);
    expect(q.bounds).not.toEqual(j.bounds);
  });

  it('gives categorical indicators one colour per category, and changes classes around zero', () => {
    const kla = ind('kla-category');
    const c = classifyRows(kla, [row({ region_code: '11.01', value: 2 })], 'quantile');
    expect(c.kind).toBe('categories');
    expect(c.colors).toHaveLength(6);
    const s = fillStates(['11.01', '11.02'], [row({ region_code: '11.01', value: 2 })], c);
    expect(s.get('11.01')).toMatchObject({ kind: 'value', cls: 2, fill: c.colors[2] });
    expect(s.get('11.02')?.kind).toBe('missing');
    const change = classifyRows(ind('violence-victims-change'), [row({ region_code: '11', value: -20 }), row({ region_code: '12', value: 10 })], 'jenks');
    expect(change.kind).toBe('around-zero');
    expect(change.bounds[0]).toBe(-20);
    expect(change.bounds[change.bounds.length - 1]).toBe(20);
  });

  it('builds legend entries with locale-formatted bounds, then withheld and no data with counts', () => {
    const c = classifyRows(rate, year, 'quantile');
    const states = fillStates(year.map((r) => r.region_code), year, c);
    const id = legendEntries(rate, c, states, 'id');
    expect(id.slice(-2)).toEqual([
      { kind: 'suppressed', color: SUPPRESSED_STYLE.fill, label: 'Disembunyikan (kontrol pengungkapan)', count: 1 },
      { kind: 'missing', color: MISSING_STYLE.fill, label: 'Tidak ada data', count: 1 },
    ]);
    expect(id[0]!.label).toMatch(/^10,0 – /);
    expect(id.filter((e) => e.kind === 'value').reduce((n, e) => n + e.count, 0)).toBe(3);
    const big = [row({ region_code: '11', value: 1234.5 }), row({ region_code: '12', value: 5678.25 })];
    const cb = classifyRows(rate, big, 'quantile');
    const en = legendEntries(rate, cb, fillStates(['11', '12'], big, cb), 'en');
    expect(en.map((e) => e.label)).toEqual(['1,234.5 – 3,456.4', '3,456.4 – 5,678.3', 'Withheld (disclosure control)', 'No data']);
    expect(legendEntries(rate, cb, fillStates(['11', '12'], big, cb), 'id')[1]!.label).toBe('3.456,4 – 5.678,3');
  });
});

describe('map transforms: table and formats', () => {
  const names = new Map([['11', 'Aceh'], ['12', 'Sumatera Utara'], ['13', 'Sumatera Barat'], ['14', 'Riau'], ['15', 'Jambi']]);

  it('ranks values (1 = highest, ties share), keeps withheld and missing without a rank', () => {
    const t = tableRows([...rowsFor(rows, 2024, 'province'), row({ region_code: '16', value: 30 })], names);
    expect(t.map((r) => [r.code, r.rank])).toEqual([['11', 4], ['12', 3], ['13', 1], ['14', null], ['15', null], ['16', 1]]);
    expect(t[0]).toEqual({ code: '11', name: 'Aceh', rank: 4, value: 10, suppressed: false, numerator: 10, denominator: 100000 });
    expect(t[5]!.name).toBe('16'); // unknown name: the code
  });

  it('writes withheld and missing as words, values in the locale', () => {
    const words = { suppressed: 'disembunyikan', missing: 'tidak ada data' };
    expect(valueText(rate, { value: null, suppressed: true }, 'id', words)).toBe('disembunyikan');
    expect(valueText(rate, { value: null, suppressed: false }, 'id', words)).toBe('tidak ada data');
    expect(valueText(rate, { value: 16.75, suppressed: false }, 'id', words)).toBe('16,8');
    expect(formatValueWithUnit(rate, 16.75, 'id')).toBe('16,8 per 100.000 anak');
    expect(formatValueWithUnit(rate, 16.75, 'en')).toBe('16.8 per 100,000 children');
    expect(formatValue(ind('lksa-accredited-share'), 55.55, 'id')).toBe('55,6%');
    expect(formatValue(ind('violence-victims-change'), -8, 'en')).toBe('−8.0%');
    expect(formatValue(ind('kla-category'), 3, 'id')).toBe('Nindya');
    expect(formatValue(ind('kla-movement'), 2, 'en')).toBe('Moved up');
  });

  it('shows numerator and denominator only where they mean something', () => {
    expect(showsFraction(rate, rows)).toBe(true);
    expect(showsFraction(ind('violence-victims'), rows)).toBe(false);
    expect(showsFraction(ind('kla-category'), rows)).toBe(false);
    expect(showsFraction(rate, [row({ region_code: '11', value: 3 })])).toBe(false);
  });
});

describe('map transforms: indicators and geometry', () => {
  it('resolves the state\'s indicator id in the catalogue, falling back to the default', () => {
    expect(resolveIndicator(DEFAULT_INDICATOR_ID)).toMatchObject({ indicator: { id: DEFAULT_INDICATOR_ID }, known: true });
    expect(resolveIndicator('lksa-accredited-share').indicator.id).toBe('lksa-accredited-share');
    expect(resolveIndicator('kla-category').indicator.id).toBe('kla-category');
    expect(resolveIndicator('nonsense')).toMatchObject({ indicator: { id: DEFAULT_INDICATOR_ID }, known: false });
  });

  it('groups indicators by subject', () => {
    const groups = indicatorGroups();
    expect(groups.map((g) => g.subject)).toEqual(['violence', 'lksa', 'kla']);
    expect(groups[0]!.indicators.map((i) => i.id)).toContain(DEFAULT_INDICATOR_ID);
    expect(groups.every((g) => g.indicators.every((i) => i.subject === g.subject))).toBe(true);
  });

  it('computes the bounding box of polygons and multipolygons', () => {
    expect(bboxOf([
      { type: 'Polygon', coordinates: [[[95, 5], [96, 5], [96, 6], [95, 5]]] },
      { type: 'MultiPolygon', coordinates: [[[[100, -1], [101, -2], [100, -1]]]] },
      null,
    ])).toEqual([95, -2, 101, 6]);
    expect(bboxOf([])).toBeNull();
  });
});
