import { describe, expect, it } from 'vitest';
import {
  fold, indicatorYear, peerGroups, rankAmong, regionPath, searchRegions, sharedCaveats, spreadOf, summarise, toRegions,
  trendSeries, type IndicatorRow, type RegionInfo,
} from '../../src/app/region/model.ts';
import { indicatorsOf } from '../../src/domain/indicators.ts';
import { toIndicatorRows } from '../../src/domain/indicators/rows.ts';

// The profile's pure transforms: regions and peers, ranks (ties, withheld, direction), spreads, years, trends.

const region = (code: string, level: RegionInfo['level'], name: string, province: string | null, type: RegionInfo['regencyType'] = null): RegionInfo => ({
  code, level, name, provinceCode: province, provinceName: province === '32' ? 'Jawa Barat' : province === '11' ? 'Aceh' : null,
  regencyType: type, population: null, childPopulation: null,
});

const REGIONS: RegionInfo[] = [
  region('00', 'national', 'Indonesia', null),
  region('11', 'province', 'Aceh', '11'),
  region('32', 'province', 'Jawa Barat', '32'),
  region('11.01', 'regency', 'Kabupaten Aceh Selatan', '11', 'kabupaten'),
  region('11.71', 'regency', 'Kota Banda Aceh', '11', 'kota'),
  region('32.04', 'regency', 'Kabupaten Bandung', '32', 'kabupaten'),
  region('32.73', 'regency', 'Kota Bandung', '32', 'kota'),
  region('32.77', 'regency', 'Kota Cimahi', '32', 'kota'),
];
const byCode = new Map(REGIONS.map((r) => [r.code, r]));
const get = (code: string) => byCode.get(code)!;

const row = (code: string, value: number | null, suppressed = false, year: number | null = 2024): IndicatorRow =>
  ({ year, region_code: code, level: code === '00' ? 'national' : code.length === 2 ? 'province' : 'regency', value, suppressed, numerator: null, denominator: null });

describe('regions', () => {
  it('reads profile/regions.sql rows', () => {
    expect(toRegions([{ region_code: '32.73', level: 'regency', name: 'Kota Bandung', province_code: '32', province_name: 'Jawa Barat',
      regency_type: 'kota', population: 2591763, child_population: 765057 }])).toEqual([{ code: '32.73', level: 'regency', name: 'Kota Bandung',
      provinceCode: '32', provinceName: 'Jawa Barat', regencyType: 'kota', population: 2591763, childPopulation: 765057 }]);
  });

  it('the breadcrumb runs Indonesia › province › kab/kota', () => {
    expect(regionPath(get('32.73'), byCode).map((r) => r.code)).toEqual(['00', '32', '32.73']);
    expect(regionPath(get('32'), byCode).map((r) => r.code)).toEqual(['00', '32']);
    expect(regionPath(get('00'), byCode).map((r) => r.code)).toEqual(['00']);
  });

  it('the search finds names without case, diacritics or kind, best matches first', () => {
    expect(fold('Kab. Bándung')).toBe('kab bandung');
    expect(searchRegions(REGIONS, 'bandung').map((r) => r.code)).toEqual(['32.04', '32.73']);
    expect(searchRegions(REGIONS, 'kota bandung').map((r) => r.code)).toEqual(['32.73']);
    // the province name matches its kab/kota too; the province itself comes first
    expect(searchRegions(REGIONS, 'jawa barat').map((r) => r.code)).toEqual(['32', '32.04', '32.73', '32.77']);
    expect(searchRegions(REGIONS, '32.73').map((r) => r.code)).toEqual(['32.73']);
    expect(searchRegions(REGIONS, 'aceh', 2)).toHaveLength(2);
    expect(searchRegions(REGIONS, 'zzz')).toEqual([]);
  });
});

describe('peer groups', () => {
  it('a kab/kota is compared with its province and with every kab/kota of its type', () => {
    const groups = peerGroups(get('32.73'), REGIONS);
    expect(groups.map((g) => [g.kind, g.name, [...g.codes].sort()])).toEqual([
      ['same-province', 'Jawa Barat', ['32.04', '32.73', '32.77']],
      ['same-type', 'kota', ['11.71', '32.73', '32.77']],
    ]);
    expect([...peerGroups(get('11.01'), REGIONS)[1]!.codes].sort()).toEqual(['11.01', '32.04']);
  });

  it('a province is compared with the provinces; Indonesia with nobody', () => {
    expect(peerGroups(get('32'), REGIONS).map((g) => [g.kind, [...g.codes].sort()])).toEqual([['provinces', ['11', '32']]]);
    expect(peerGroups(get('00'), REGIONS)).toEqual([]);
  });
});

describe('rankAmong', () => {
  const peers = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
  const rows = [row('a', 20), row('b', 10), row('c', 20), row('d', 5), row('e', null, true), row('f', null), row('x', 99)];

  it('one rule for every indicator: 1 = the highest value, standard competition ranking, ties share the rank', () => {
    expect(rankAmong(rows, 'a', peers)).toEqual({ kind: 'ranked', rank: 1, of: 4, tied: 1, unranked: 2 });
    expect(rankAmong(rows, 'c', peers)).toMatchObject({ rank: 1, tied: 1 });
    expect(rankAmong(rows, 'b', peers)).toMatchObject({ rank: 3, of: 4, tied: 0 });
    // The lowest value is last, never "best": a low recorded rate is not a safe region.
    expect(rankAmong(rows, 'd', peers)).toEqual({ kind: 'ranked', rank: 4, of: 4, tied: 0, unranked: 2 });
  });

  it('withheld and missing values are not ranked, and say which', () => {
    expect(rankAmong(rows, 'e', peers)).toEqual({ kind: 'withheld' });
    expect(rankAmong(rows, 'f', peers)).toEqual({ kind: 'missing' });
    expect(rankAmong(rows, 'nowhere', peers)).toEqual({ kind: 'missing' });
  });

  it('only peers count (x, outside the group, is ignored); equal shares computed differently tie', () => {
    expect(rankAmong(rows, 'a', new Set(['a', 'b']))).toMatchObject({ rank: 1, of: 2, unranked: 0 });
    const shares = [row('p', (1 * 100) / 3), row('q', (0.1 + 0.2) * 100 / 0.9), row('r', 50)];
    expect(rankAmong(shares, 'p', new Set(['p', 'q', 'r']))).toMatchObject({ rank: 2, tied: 1 });
  });
});

describe('summarise', () => {
  const rows: IndicatorRow[] = [
    // 2023 and 2024, every level; 2024: Kota Cimahi withheld
    row('00', 100, false, 2023), row('11', 40, false, 2023), row('32', 60, false, 2023),
    row('11.01', 10, false, 2023), row('11.71', 30, false, 2023), row('32.04', 20, false, 2023), row('32.73', 25, false, 2023), row('32.77', 15, false, 2023),
    row('00', 120), row('11', 50), row('32', 70),
    row('11.01', 12), row('11.71', 38), row('32.04', 30), row('32.73', 40), row('32.77', null, true),
  ];
  const indicator = { better: 'higher', timeAxis: 'violence', format: 'count' } as const;

  it('a kab/kota: its value, ranks in its province and among its type, and Indonesia, in the latest year', () => {
    const s = summarise(indicator, rows, get('32.73'), REGIONS, null)!;
    expect(s.year).toBe(2024);
    expect(s.own).toEqual({ value: 40, suppressed: false });
    expect(s.national).toEqual({ value: 120, suppressed: false });
    expect(s.standings.map((x) => [x.group.kind, x.standing])).toEqual([
      ['same-province', { kind: 'ranked', rank: 1, of: 2, tied: 0, unranked: 1 }],
      ['same-type', { kind: 'ranked', rank: 1, of: 2, tied: 0, unranked: 1 }],
    ]);
    expect(s.spread).toBeNull();
  });

  it('the picked violence year, and a withheld region', () => {
    const s = summarise(indicator, rows, get('32.73'), REGIONS, 2023)!;
    expect([s.year, s.own.value, s.national?.value]).toEqual([2023, 25, 100]);
    expect(s.standings[1]!.standing).toMatchObject({ rank: 2, of: 3 }); // kota: Banda Aceh 30, Bandung 25, Cimahi 15
    const w = summarise(indicator, rows, get('32.77'), REGIONS, null)!;
    expect(w.own).toEqual({ value: null, suppressed: true });
    expect(w.standings.map((x) => x.standing)).toEqual([{ kind: 'withheld' }, { kind: 'withheld' }]);
  });

  it('a province among the provinces, ranked by value whichever direction is better', () => {
    const s = summarise({ ...indicator, better: 'lower' }, rows, get('32'), REGIONS, null)!;
    expect(s.standings).toHaveLength(1);
    expect(s.standings[0]!.standing).toMatchObject({ kind: 'ranked', rank: 1, of: 2 }); // 70 before Aceh's 50
  });

  it("Indonesia: no ranks, the provinces' spread instead", () => {
    const s = summarise(indicator, rows, get('00'), REGIONS, null)!;
    expect(s.standings).toEqual([]);
    expect(s.national).toBeNull();
    expect(s.spread).toEqual({ min: { value: 50, code: '11', ties: 0 }, median: 60, max: { value: 70, code: '32', ties: 0 }, n: 2, without: 0 });
  });

  it('an indicator without rows at the level has no place on the page', () => {
    expect(summarise(indicator, rows.filter((r) => r.level !== 'regency'), get('32.73'), REGIONS, null)).toBeNull();
  });
});

describe('spreadOf and indicatorYear', () => {
  it('median of an odd and an even count, the lower median for categories, regions without a value counted apart', () => {
    const codes = new Set(['a', 'b', 'c', 'd']);
    expect(spreadOf([row('a', 3), row('b', 1), row('c', 2)], codes)).toEqual({ min: { value: 1, code: 'b', ties: 0 }, median: 2, max: { value: 3, code: 'a', ties: 0 }, n: 3, without: 1 });
    // ties at the ends: the first region by code is named, the others counted
    expect(spreadOf([row('d', 0), row('c', 0), row('b', 5), row('a', 5)], codes)).toMatchObject({ min: { value: 0, code: 'c', ties: 1 }, max: { value: 5, code: 'a', ties: 1 } });
    expect(spreadOf([row('a', 4), row('b', 1), row('c', 2), row('d', 3)], codes)!.median).toBe(2.5);
    expect(spreadOf([row('a', 4), row('b', 1), row('c', 2), row('d', 3)], codes, true)!.median).toBe(2);
    expect(spreadOf([row('a', null, true)], codes)).toBeNull();
  });

  it('LKSA have no year; violence follows the picker when it can; KLA its latest evaluation', () => {
    const rows = [row('a', 1, false, 2023), row('a', 2, false, 2025), row('a', 3, false, 2024)];
    expect(indicatorYear({ timeAxis: 'none' }, [row('a', 1, false, null)], 2023)).toBeNull();
    expect(indicatorYear({ timeAxis: 'violence' }, rows, 2023)).toBe(2023);
    expect(indicatorYear({ timeAxis: 'violence' }, rows, 2019)).toBe(2025);
    expect(indicatorYear({ timeAxis: 'violence' }, rows, null)).toBe(2025);
    expect(indicatorYear({ timeAxis: 'kla' }, rows, 2023)).toBe(2025);
  });
});

describe('trends', () => {
  it('a withheld or missing year is a gap (null), never a zero', () => {
    const rows = toIndicatorRows([
      { year: 2022, region_code: '32.73', level: 'regency', value: 7, suppressed: false, numerator: null, denominator: null },
      { year: 2023, region_code: '32.73', level: 'regency', value: null, suppressed: true, numerator: null, denominator: null },
      { year: 2024, region_code: '32.73', level: 'regency', value: 0, suppressed: false, numerator: null, denominator: null },
      { year: 2024, region_code: '32.04', level: 'regency', value: 9, suppressed: false, numerator: null, denominator: null },
    ]);
    expect(trendSeries(rows, '32.73', [2021, 2022, 2023, 2024])).toEqual([
      { year: 2021, value: null, suppressed: false },
      { year: 2022, value: 7, suppressed: false },
      { year: 2023, value: null, suppressed: true },
      { year: 2024, value: 0, suppressed: false },
    ]);
  });
});

describe('caveats', () => {
  it('the reporting-vs-prevalence caveat is shared by every violence indicator, shown once', () => {
    const shared = sharedCaveats(indicatorsOf('violence').map((i) => i.caveats));
    expect(shared.some((c) => /reporting as much as prevalence/.test(c.en))).toBe(true);
    expect(sharedCaveats([[{ id: 'a', en: 'a' }, { id: 'b', en: 'b' }], [{ id: 'b', en: 'b' }]])).toEqual([{ id: 'b', en: 'b' }]);
    expect(sharedCaveats([])).toEqual([]);
  });
});
