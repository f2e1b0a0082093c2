import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/db/sql.ts';
import {
  ANY_SERVICE, COLOURS, SOCIAL_PROTECTION, axisTooltip, barsOption, byValue, cellsTable, countText, orderServices,
  sexAgeOption, sexAgeTable, toCells, toSexAgeCells, toTrend, trendOption, trendTable, typeOption,
  withheldLabels, withheldNote,
} from '../../src/app/views/violence/transform.ts';

// Pure transforms of the violence page: rows -> chart options and tables. Withheld cells are gaps (null), never 0;
// tooltips escape data text.

type Option = Record<string, unknown> & { series: Array<Record<string, unknown> & { data: unknown[] }> };
const opt = (o: unknown) => o as Option;
type Formatter = (params: unknown) => string;
const tooltipOf = (o: unknown) => (o as { tooltip: { formatter: Formatter } }).tooltip.formatter;
const yData = (o: unknown) => (o as { yAxis: { data: string[] } }).yAxis.data;
const xData = (o: unknown) => (o as { xAxis: { data: string[] } }).xAxis.data;

const typeRows: Row[] = [
  { code: 'fisik', ord: 0, label_id: 'Kekerasan fisik', label_en: 'Physical violence', level: 'national', victims: 5, cases: 5, suppressed: false, share_pct: 26.3 },
  { code: 'psikis', ord: 1, label_id: 'Kekerasan psikis', label_en: 'Psychological violence', level: 'national', victims: 8, cases: 7, suppressed: false, share_pct: 42.1 },
  { code: 'tppo', ord: 4, label_id: 'Perdagangan orang (TPPO)', label_en: 'Trafficking in persons', level: 'national', victims: null, cases: null, suppressed: true, share_pct: null },
  { code: 'lainnya', ord: 6, label_id: 'Lainnya', label_en: 'Other', level: 'national', victims: 0, cases: 0, suppressed: false, share_pct: 0 },
];

describe('violence transforms', () => {
  it('toCells reads labels in the chosen language and keeps withheld counts null', () => {
    const id = toCells(typeRows, 'id');
    expect(id.map((c) => c.label)).toEqual(['Kekerasan fisik', 'Kekerasan psikis', 'Perdagangan orang (TPPO)', 'Lainnya']);
    expect(toCells(typeRows, 'en')[2]).toEqual({ code: 'tppo', label: 'Trafficking in persons', level: 'national', victims: null, cases: null, share: null, suppressed: true });
  });

  it('typeOption: series victims then cases, codes order, withheld = gap (null) and an asterisk, zero stays 0', () => {
    const o = opt(typeOption(toCells(typeRows, 'en'), 'en'));
    expect(o.series.map((s) => s.name)).toEqual(['Child victims', 'Cases']);
    expect(o.series.map((s) => s.type)).toEqual(['bar', 'bar']);
    expect(o.series[0]!.data).toEqual([5, 8, null, 0]);
    expect(o.series[1]!.data).toEqual([5, 7, null, 0]);
    expect(yData(o)).toEqual(['Physical violence', 'Psychological violence', 'Trafficking in persons *', 'Other']);
    expect(o.color).toEqual([COLOURS.victims, COLOURS.cases]);
  });

  it('tooltips escape data text and say "withheld" for withheld cells', () => {
    const rows: Row[] = [{ ...typeRows[0]!, label_en: '<img src=x onerror=alert(1)>' }, typeRows[2]!];
    const f = tooltipOf(typeOption(toCells(rows, 'en'), 'en'));
    const html = f([{ dataIndex: 0, seriesIndex: 0 }, { dataIndex: 0, seriesIndex: 1 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src&#61;x onerror&#61;alert(1)&#62;');
    expect(html).toContain('Child victims: 5 (26.3%)');
    const withheld = f([{ dataIndex: 1, seriesIndex: 0 }, { dataIndex: 1, seriesIndex: 1 }]);
    expect(withheld).toContain('Child victims: withheld');
    expect(withheld).not.toMatch(/: 0\b/);
    // The shared helper escapes the series names too.
    const g = axisTooltip(() => 'a&b', ['<s>'], () => '"1"');
    expect(g([{ dataIndex: 0, seriesIndex: 0 }])).toBe('<strong>a&#38;b</strong><br/>&#60;s&#62;: &#34;1&#34;');
  });

  it('sexAgeOption: one series per sex in code order, age groups on the x axis, withheld cells are gaps', () => {
    const rows: Row[] = [
      ['L', 0, 'Laki-laki', 'Male', '0-5', 0, null, true], ['L', 0, 'Laki-laki', 'Male', '6-12', 1, 4, false], ['L', 0, 'Laki-laki', 'Male', '13-17', 2, 0, false],
      ['P', 1, 'Perempuan', 'Female', '0-5', 0, 9, false], ['P', 1, 'Perempuan', 'Female', '6-12', 1, 5, false], ['P', 1, 'Perempuan', 'Female', '13-17', 2, 7, false],
    ].map(([sex, sexOrd, sid, sen, age, ageOrd, victims, suppressed]) => ({
      sex, sex_ord: sexOrd, sex_label_id: sid, sex_label_en: sen, age_group: age, age_ord: ageOrd,
      age_label_id: `${String(age)} tahun`, age_label_en: `${String(age)} years`, level: 'province', victims, suppressed, share_pct: null,
    }) as Row);
    const cells = toSexAgeCells(rows, 'en');
    const o = opt(sexAgeOption(cells, 'en'));
    expect(o.series.map((s) => s.name)).toEqual(['Male', 'Female']);
    expect(o.series[0]!.data).toEqual([null, 4, 0]);
    expect(o.series[1]!.data).toEqual([9, 5, 7]);
    expect(xData(o)).toEqual(['0-5 years *', '6-12 years', '13-17 years']);
    expect(o.color).toEqual([COLOURS.male, COLOURS.female]);
    expect(sexAgeTable('en', cells)).toEqual({
      head: ['Age group', 'Male', 'Female'],
      rows: [
        { key: '0-5', cells: ['0-5 years', 'withheld', '9'] },
        { key: '6-12', cells: ['6-12 years', '4', '5'] },
        { key: '13-17', cells: ['13-17 years', '0', '7'] },
      ],
    });
    expect(tooltipOf(o)([{ dataIndex: 0, seriesIndex: 0 }, { dataIndex: 0, seriesIndex: 1 }])).toBe('<strong>0-5 years</strong><br/>Male: withheld<br/>Female: 9');
  });

  it('byValue puts the largest first and withheld cells last, ties in code order', () => {
    const cells = toCells([
      { code: 'a', label_en: 'A', victims: 3, suppressed: false }, { code: 'b', label_en: 'B', victims: null, suppressed: true },
      { code: 'c', label_en: 'C', victims: 9, suppressed: false }, { code: 'd', label_en: 'D', victims: 3, suppressed: false },
      { code: 'e', label_en: 'E', victims: null, suppressed: true },
    ], 'en');
    expect(byValue(cells).map((c) => c.code)).toEqual(['c', 'a', 'd', 'b', 'e']);
  });

  it('orderServices: any service first, then services, then the social-protection summary and its programmes', () => {
    const codes = ['pengaduan', 'kesehatan', 'mediasi', 'pkh', 'pbi_jkn', 'pip', ANY_SERVICE, SOCIAL_PROTECTION];
    const cells = toCells(codes.map((code) => ({ code, label_en: code, victims: 1, suppressed: false })), 'en');
    expect(orderServices(cells).map((c) => c.code)).toEqual([ANY_SERVICE, 'pengaduan', 'kesehatan', 'mediasi', SOCIAL_PROTECTION, 'pkh', 'pbi_jkn', 'pip']);
  });

  it('barsOption in shares: summary bars darker, withheld gaps, axis 0-100%', () => {
    const cells = toCells([
      { code: ANY_SERVICE, label_en: 'Any', victims: 14, share_pct: 73.7, suppressed: false },
      { code: 'pkh', label_en: 'PKH', victims: null, share_pct: null, suppressed: true },
      { code: 'mediasi', label_en: 'Mediation', victims: 0, share_pct: 0, suppressed: false },
    ], 'en');
    const o = opt(barsOption(cells, 'en', 'share', [ANY_SERVICE]));
    expect(o.series).toHaveLength(1);
    expect(o.series[0]!.data).toEqual([{ value: 73.7, itemStyle: { color: COLOURS.summary } }, null, 0]);
    expect(yData(o)).toEqual(['Any', 'PKH *', 'Mediation']);
    expect((o.xAxis as { max: number }).max).toBe(100);
    expect(tooltipOf(o)([{ dataIndex: 0, seriesIndex: 0 }])).toBe('<strong>Any</strong><br/>Per cent of child victims: 73.7% (14)');
    const counts = opt(barsOption(cells, 'id', 'victims'));
    expect(counts.series[0]!.data).toEqual([14, null, 0]);
  });

  it('trendOption: victims then cases as lines; withheld years are gaps, not zeros', () => {
    const points = toTrend([
      { year: 2019, level: 'national', victims: 12111, cases: 11057, victims_per_case: 1.1, suppressed: false },
      { year: 2020, level: 'national', victims: null, cases: null, victims_per_case: null, suppressed: true },
      { year: 2021, level: 'national', victims: 15901, cases: 14517, victims_per_case: 1.1, suppressed: false },
    ]);
    const o = opt(trendOption(points, 'en', 2021));
    expect(o.series.map((s) => [s.type, s.name])).toEqual([['line', 'Child victims'], ['line', 'Cases']]);
    expect(o.series[0]!.data).toEqual([12111, null, 15901]);
    expect(o.series[1]!.data).toEqual([11057, null, 14517]);
    expect(o.series.every((s) => s.connectNulls === false)).toBe(true);
    expect(xData(o)).toEqual(['2019', '2020 *', '2021']);
    expect(trendTable('id', points).rows[0]!.cells).toEqual(['2019', '12.111', '11.057', '1,10']);
    expect(trendTable('en', points).rows[1]!.cells).toEqual(['2020', 'withheld', 'withheld', 'withheld']);
  });

  it('tables and notes: withheld reads "withheld"/"disembunyikan", never 0; the note lists the gaps', () => {
    const cells = toCells(typeRows, 'id');
    const table = cellsTable('id', cells, 'Jenis', ['victims', 'cases', 'share']);
    expect(table.head).toEqual(['Jenis', 'Anak korban', 'Kasus', '% dari anak korban']);
    expect(table.rows[2]).toEqual({ key: 'tppo', cells: ['Perdagangan orang (TPPO)', 'disembunyikan', 'disembunyikan', 'disembunyikan'] });
    expect(table.rows[3]!.cells).toEqual(['Lainnya', '0', '0', '0,0%']);
    expect(withheldLabels(cells)).toEqual(['Perdagangan orang (TPPO)']);
    expect(withheldNote('en', ['A', 'B'])).toBe('Gaps in the chart (marked *) are withheld counts, not zeros: A, B.');
    expect(withheldNote('en', [])).toBeNull();
    expect(countText('en', null, false)).toBe('–');
    expect(countText('en', 0, false)).toBe('0');
  });
});

describe('violence bar labels', () => {
  it('label a published 0 as "0" and leave a withheld gap empty', () => {
    const o = opt(typeOption(toCells(typeRows, 'id'), 'id'));
    const label = o.series[0]!.label as { show: boolean; formatter: (p: { value?: unknown }) => string };
    expect(label.show).toBe(true);
    expect(label.formatter({ value: 0 })).toBe('0');
    expect(label.formatter({ value: null })).toBe('');
    expect(label.formatter({ value: 12976 })).toBe('12.976');
    const shares = opt(barsOption(toCells(typeRows, 'en'), 'en', 'share'));
    expect((shares.series[0]!.label as { formatter: (p: { value?: unknown }) => string }).formatter({ value: 73.7 })).toBe('73.7%');
  });
});
