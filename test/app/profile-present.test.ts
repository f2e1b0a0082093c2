import { describe, expect, it } from 'vitest';
import { gapYears, klaCategoryOption, klaClusterOption, trendOption } from '../../src/app/region/charts.ts';
import { cellText, formatValue, kindText, peerColumnLabel, spreadText, standingText } from '../../src/app/region/present.ts';
import { institutions, klaCategoryTable, klaHistory, lksaSummary } from '../../src/app/region/sections.ts';
import { TEXT, tx } from '../../src/app/region/text.ts';
import { indicatorById } from '../../src/domain/indicators.ts';

// The profile's texts, chart options and KLA/LKSA transforms (pure; no browser).

const victims = indicatorById('violence-victims')!;
const rate = indicatorById('violence-victim-rate')!;
const share = indicatorById('lksa-accredited-share')!;
const category = indicatorById('kla-category')!;

type Series = { data: Array<number | null>; connectNulls: boolean; yAxisIndex: number; name: string };

describe('values and ranks as text', () => {
  it('formats by the indicator: counts, rates, shares, categories; withheld and missing say so', () => {
    expect(formatValue('id', victims, 12345)).toBe('12.345');
    expect(formatValue('en', rate, 12.345)).toBe('12.3');
    expect(formatValue('id', share, 66.666)).toBe('66,7%');
    expect(formatValue('en', category, 4)).toBe('Utama');
    expect(cellText('id', victims, { value: null, suppressed: true })).toBe('disembunyikan');
    expect(cellText('en', victims, { value: null, suppressed: false })).toBe('no data');
    expect(cellText('en', victims, { value: 0, suppressed: false })).toBe('0');
  });

  it('a rank, ties and the unranked', () => {
    expect(standingText('en', { kind: 'ranked', rank: 3, of: 27, tied: 0, unranked: 0 })).toBe('rank 3 of 27');
    expect(standingText('id', { kind: 'ranked', rank: 2, of: 25, tied: 1, unranked: 2 }))
      .toBe('peringkat 2 dari 25 (sama dengan 1 wilayah lain; 2 tanpa nilai tidak diperingkat)');
    expect(standingText('en', { kind: 'withheld' })).toBe('not ranked: its value is withheld');
    expect(standingText('id', { kind: 'missing' })).toBe('tidak diperingkat: tidak ada data');
  });

  it("column labels, the provinces' spread and region kinds", () => {
    expect(peerColumnLabel('en', { kind: 'same-type', name: 'kota', codes: new Set() })).toBe('Rank among cities (kota) (1 = highest)');
    expect(peerColumnLabel('id', { kind: 'same-province', name: 'Jawa Barat', codes: new Set() })).toBe('Peringkat di provinsi (1 = tertinggi)');
    const names: Record<string, string> = { '11': 'Aceh', '32': 'Jawa Barat' };
    expect(spreadText('id', share, { min: { value: 10, code: '11', ties: 0 }, median: 50.25, max: { value: 90, code: '32', ties: 3 }, n: 36, without: 2 }, (c) => names[c]!))
      .toBe('10,0% (Aceh) / 50,3% / 90,0% (Jawa Barat +3); 2 provinsi tanpa nilai');
    expect(spreadText('en', share, null, String)).toBe('no province values');
    expect([kindText('id', 'regency', 'kota'), kindText('en', 'regency', 'kabupaten'), kindText('id', 'province', null)]).toEqual(['Kota', 'Regency (kabupaten)', 'Provinsi']);
  });

  it('every text exists in both languages and fills placeholders', () => {
    for (const label of Object.values(TEXT)) expect(label.id && label.en).toBeTruthy();
    expect(tx('en', 'rank', { rank: 1, of: 2 })).toBe('rank 1 of 2');
  });
});

describe('trend chart', () => {
  const region = { name: 'Kota <b>Bandung</b>', points: [{ year: 2022, value: 7, suppressed: false }, { year: 2023, value: null, suppressed: true }, { year: 2024, value: 10, suppressed: false }] };
  const national = { name: 'Indonesia', points: [{ year: 2022, value: 900, suppressed: false }, { year: 2023, value: 950, suppressed: false }, { year: 2024, value: null, suppressed: false }] };

  it('draws gaps as null with connectNulls off, the national line for comparison', () => {
    const o = trendOption('en', rate, region, national) as { series: Series[]; xAxis: { data: string[] }; yAxis: unknown[] };
    expect(o.xAxis.data).toEqual(['2022', '2023', '2024']);
    expect(o.series.map((s) => s.data)).toEqual([[7, null, 10], [900, 950, null]]);
    expect(o.series.every((s) => s.connectNulls === false)).toBe(true);
    expect(o.yAxis).toHaveLength(1);
    expect(gapYears([region, national])).toEqual([2023, 2024]);
  });

  it('counts put Indonesia on its own right-hand axis', () => {
    const o = trendOption('en', victims, region, national, true) as { series: Series[]; yAxis: unknown[] };
    expect(o.yAxis).toHaveLength(2);
    expect(o.series.map((s) => [s.name, s.yAxisIndex])).toEqual([['Kota <b>Bandung</b>', 0], ['Indonesia (right axis)', 1]]);
  });

  it('the tooltip escapes names and says withheld rather than zero', () => {
    const o = trendOption('en', rate, region, national) as { tooltip: { formatter: (p: unknown) => string } };
    const html = o.tooltip.formatter([{ dataIndex: 1 }]);
    expect(html).toContain('Kota &#60;b&#62;Bandung&#60;&#47;b&#62;: withheld');
    expect(html).not.toContain('<b>');
    expect(o.tooltip.formatter([{ dataIndex: 2 }])).toContain('Indonesia: no data');
  });
});

describe('KLA and LKSA transforms', () => {
  it('KLA history with labels and clusters; cluster bars', () => {
    const h = klaHistory([
      { year: 2025, score: 905, category: 'kla', score_institutional: 92, score_cluster_1: 90, score_cluster_2: 91, score_cluster_3: 89, score_cluster_4: 90, score_cluster_5: 91 },
      { year: 2023, score: 812.4, category: 'utama', score_institutional: 85, score_cluster_1: 80, score_cluster_2: 82, score_cluster_3: 79, score_cluster_4: 83, score_cluster_5: 81 },
    ]);
    expect(h.map((e) => [e.year, e.score, e.categoryLabel.id])).toEqual([[2023, 812.4, 'Utama'], [2025, 905, 'KLA']]);
    expect(h[1]!.clusters.map((c) => c.value)).toEqual([92, 90, 91, 89, 90, 91]);
    const o = klaClusterOption('en', h[1]!.clusters) as { series: Series[]; yAxis: { data: string[] } };
    expect(o.series[0]!.data).toEqual([92, 90, 91, 89, 90, 91]);
    expect(o.yAxis.data[0]).toBe('Institutional');
  });

  it('KLA categories per year, the not evaluated apart; stacked bars', () => {
    const rows = [2023, 2025].flatMap((year) => [
      ...['tidak_ada', 'pratama', 'madya', 'nindya', 'utama', 'kla'].map((category, ord) => ({ year, category, ord, regencies: year === 2023 ? ord : 0 })),
      { year, category: 'not_evaluated', ord: 6, regencies: 7 },
    ]);
    const table = klaCategoryTable(rows.reverse());
    expect(table.years).toEqual([2023, 2025]);
    expect(table.categories.map((c) => c.code)).toEqual(['tidak_ada', 'pratama', 'madya', 'nindya', 'utama', 'kla']);
    expect(table.categories.map((c) => c.counts)).toEqual([[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0]]);
    expect(table.notEvaluated).toEqual([7, 7]);
    const o = klaCategoryOption('id', table.years, table.categories) as { series: Array<Series & { stack: string }> };
    expect(o.series.map((s) => s.name)).toEqual(['Belum berpredikat', 'Pratama', 'Madya', 'Nindya', 'Utama', 'KLA']);
    expect(o.series.every((s) => s.stack === 'kla')).toBe(true);
  });

  it('LKSA counts by accreditation and licence, and institutions with withheld children and finding labels', () => {
    const s = lksaSummary([
      { dimension: 'licence_status', code: 'berlaku', ord: 0, institutions: 2 },
      { dimension: 'accreditation', code: 'B', ord: 1, institutions: 1 },
      { dimension: 'accreditation', code: 'A', ord: 0, institutions: 1 },
    ]);
    expect(s.total).toBe(2);
    expect(s.accreditation.map((c) => [c.code, c.label.en, c.institutions])).toEqual([['A', 'Accredited A', 1], ['B', 'Accredited B', 1]]);
    expect(s.licence[0]!.label.id).toBe('Izin berlaku');
    const [i] = institutions([{ lksa_id: 'LKSA-T-003', name: '<img src=x onerror=alert(1)>', region_code: '32.04', regency_name: 'Kabupaten Bandung',
      accreditation: 'C', licence_status: 'kedaluwarsa', licence_valid: false, children_in_care: null, children_suppressed: true, caregivers: 1,
      last_inspection: null, finding_count: 2, findings: 'tanpa_izin;rencana_pengasuhan_tidak_ada' }]);
    expect(i).toMatchObject({ id: 'LKSA-T-003', name: '<img src=x onerror=alert(1)>', children: null, childrenWithheld: true, lastInspection: null });
    expect(i!.findings.map((f) => f.en)).toEqual(['Operating without a licence', 'No individual care plan']);
  });
});
