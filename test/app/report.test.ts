import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { indicatorById, indicatorsOf } from '../../src/domain/indicators.ts';
import type { IndicatorRow, RegionInfo } from '../../src/app/region/model.ts';
import {
  allDone, caveatsOf, citation, indicatorIdsOf, keyFigure, keyFigureIds, kindOf, klaThresholdLines, mapIndicatorId, mapScope,
  reportTitle, subjectsOf, subjectSummaries, subRegionColumns, subRegionsOf, subRegionTable,
} from '../../src/app/views/report/model.ts';
import { featuresOf, projectMap, type BoundaryFeature } from '../../src/app/views/report/geo.ts';
import { countBarsOption } from '../../src/app/views/report/charts.ts';
import { TEXT, tx } from '../../src/app/views/report/text.ts';

// Pure parts of the printable report: what a report holds for each subject and level, its figures and tables from
// indicator rows (hand-made, values checked by hand), the map geometry on the real boundary files, texts.

const region = (code: string, level: RegionInfo['level'], name: string, provinceCode: string | null = null, regencyType: RegionInfo['regencyType'] = null): RegionInfo => ({
  code, level, name, provinceCode, provinceName: provinceCode === '32' ? 'Jawa Barat' : provinceCode === '33' ? 'Jawa Tengah' : null,
  regencyType, population: 1000, childPopulation: 300,
});

const REGIONS: RegionInfo[] = [
  region('00', 'national', 'Indonesia'),
  region('32', 'province', 'Jawa Barat', '32'),
  region('33', 'province', 'Jawa Tengah', '33'),
  region('32.01', 'regency', 'Kabupaten Bogor', '32', 'kabupaten'),
  region('32.73', 'regency', 'Kota Bandung', '32', 'kota'),
  region('33.01', 'regency', 'Kabupaten Cilacap', '33', 'kabupaten'),
];
const byCode = new Map(REGIONS.map((r) => [r.code, r]));
const R = (code: string) => byCode.get(code)!;

const row = (year: number | null, code: string, level: IndicatorRow['level'], value: number | null, suppressed = false): IndicatorRow =>
  ({ year, region_code: code, level, value, suppressed, numerator: null, denominator: null });

// Child victims: 2023 and 2024, every level; Kabupaten Bogor withheld in 2024.
const VICTIMS: IndicatorRow[] = [
  row(2023, '00', 'national', 900), row(2023, '32', 'province', 400), row(2023, '33', 'province', 500),
  row(2023, '32.01', 'regency', 150), row(2023, '32.73', 'regency', 250), row(2023, '33.01', 'regency', 500),
  row(2024, '00', 'national', 1000), row(2024, '32', 'province', 450), row(2024, '33', 'province', 550),
  row(2024, '32.01', 'regency', null, true), row(2024, '32.73', 'regency', 300), row(2024, '33.01', 'regency', 550),
];
// LKSA institutions: no year.
const LKSA: IndicatorRow[] = [
  row(null, '00', 'national', 12), row(null, '32', 'province', 7), row(null, '33', 'province', 5),
  row(null, '32.01', 'regency', 3), row(null, '32.73', 'regency', 4), row(null, '33.01', 'regency', 5),
];
const ROWS: Record<string, IndicatorRow[]> = { 'violence-victims': VICTIMS, 'lksa-institutions': LKSA };
const rowsOf = (id: string) => ROWS[id];

describe('what a report holds', () => {
  it('covers the subjects asked for, in the report order', () => {
    expect(subjectsOf('all')).toEqual(['violence', 'lksa', 'kla']);
    expect(subjectsOf('kla')).toEqual(['kla']);
    expect(indicatorIdsOf('lksa')).toEqual(indicatorsOf('lksa').map((i) => i.id));
    expect(indicatorIdsOf('all')).toHaveLength(indicatorsOf('violence').length + indicatorsOf('lksa').length + indicatorsOf('kla').length);
  });

  it('picks key figures and the mapped indicator from the catalogue, by level', () => {
    for (const s of ['violence', 'lksa', 'kla'] as const) {
      for (const level of ['national', 'province', 'regency'] as const) {
        for (const id of keyFigureIds(s, level)) {
          const i = indicatorById(id);
          expect(i?.subject, id).toBe(s);
          expect(i?.levels, id).toContain(level);
        }
      }
    }
    expect(keyFigureIds('kla', 'regency')).toEqual(['kla-category', 'kla-average-score']);
    expect(keyFigureIds('kla', 'province')).toEqual(['kla-average-score', 'kla-awarded-share']);
    expect(mapIndicatorId('all', 'national')).toBe('violence-victim-rate');
    expect(mapIndicatorId('lksa', 'regency')).toBe('lksa-accredited-share');
    expect(mapIndicatorId('kla', 'national')).toBe('kla-awarded-share'); // provinces: kla-category has no province level
    expect(mapIndicatorId('kla', 'province')).toBe('kla-category');
  });

  it('maps Indonesia by province, a province by its kab/kota, a kab/kota within its province', () => {
    expect(mapScope(R('00'))).toEqual({ level: 'province', province: null, highlight: null });
    expect(mapScope(R('32'))).toEqual({ level: 'regency', province: '32', highlight: null });
    expect(mapScope(R('32.73'))).toEqual({ level: 'regency', province: '32', highlight: '32.73' });
  });

  it('lists the regions one level down', () => {
    expect(subRegionsOf(R('00'), REGIONS).map((r) => r.code)).toEqual(['32', '33']);
    expect(subRegionsOf(R('32'), REGIONS).map((r) => r.code)).toEqual(['32.01', '32.73']);
    expect(subRegionsOf(R('32.73'), REGIONS).map((r) => r.code)).toEqual(['32.01', '32.73']);
  });
});

describe('key figures', () => {
  it('gives the region\'s value of the latest year with Indonesia\'s value the same year', () => {
    const f = keyFigure('id', indicatorById('violence-victims')!, VICTIMS, R('32.73'), REGIONS);
    expect(f).toEqual({ id: 'violence-victims', title: 'Anak korban kekerasan', year: 2024, value: '300', national: '1.000', withheld: false });
    const en = keyFigure('en', indicatorById('violence-victims')!, VICTIMS, R('32'), REGIONS);
    expect(en?.value).toBe('450');
    expect(en?.national).toBe('1,000');
  });

  it('says withheld in words, has no Indonesia comparison on Indonesia\'s report, and no year for the LKSA registry', () => {
    expect(keyFigure('id', indicatorById('violence-victims')!, VICTIMS, R('32.01'), REGIONS)).toMatchObject({ value: 'disembunyikan', withheld: true });
    expect(keyFigure('en', indicatorById('violence-victims')!, VICTIMS, R('00'), REGIONS)).toMatchObject({ value: '1,000', national: null });
    expect(keyFigure('id', indicatorById('lksa-institutions')!, LKSA, R('32.73'), REGIONS)).toMatchObject({ year: null, value: '4', national: '12' });
  });

  it('is null for an indicator without the region\'s level', () => {
    const provinceOnly = [row(2024, '00', 'national', 50), row(2024, '32', 'province', 40)];
    expect(keyFigure('id', indicatorById('violence-sexual-share')!, provinceOnly, R('32.73'), REGIONS)).toBeNull();
  });

  it('summarises the subject\'s indicators that have rows, with ranks among peers', () => {
    const s = subjectSummaries('violence', rowsOf, R('32.73'), REGIONS);
    expect(s.map((x) => x.indicator.id)).toEqual(['violence-victims']);
    // Kota Bandung (300) among Jawa Barat's kab/kota: Bogor withheld, so 1 of 1 with one unranked.
    expect(s[0]!.summary.standings[0]!.standing).toMatchObject({ kind: 'ranked', rank: 1, of: 1, unranked: 1 });
  });
});

describe('the sub-region table', () => {
  it('has columns by subject and level', () => {
    expect(subRegionColumns('all', 'province').map((c) => c.id)).toEqual(['violence-victims', 'violence-victim-rate', 'lksa-institutions', 'lksa-accredited-share', 'kla-average-score']);
    expect(subRegionColumns('kla', 'regency').map((c) => c.id)).toEqual(['kla-category', 'kla-average-score']);
    expect(subRegionColumns('kla', 'province').map((c) => c.id)).toEqual(['kla-average-score', 'kla-awarded-share']);
    expect(subRegionColumns('violence', 'regency').map((c) => c.id)).toEqual(['violence-victims', 'violence-victim-rate']);
  });

  it('shows each indicator at its latest year, withheld and missing in words, the report\'s own region marked', () => {
    const t = subRegionTable('id', R('32.73'), subRegionsOf(R('32.73'), REGIONS),
      [{ id: 'violence-victims', header: 'colVictimsYear' }, { id: 'lksa-institutions', header: 'colLksa' }, { id: 'kla-average-score', header: 'colKlaScore' }], rowsOf);
    expect(t.headers).toEqual(['Anak korban 2024', 'LKSA', 'Nilai KLA']);
    expect(t.rows).toEqual([
      { code: '32.01', name: 'Kabupaten Bogor', marked: false, cells: ['disembunyikan', '3', 'tidak ada data'] },
      { code: '32.73', name: 'Kota Bandung', marked: true, cells: ['300', '4', 'tidak ada data'] },
    ]);
  });
});

describe('methodology, citation, titles', () => {
  it('carries the reporting caveat and the estimated denominator for violence, the thresholds for KLA', () => {
    const v = caveatsOf('violence', ['violence-victims', 'violence-victim-rate']).map((c) => c.en);
    expect(v.some((c) => c.startsWith('Recorded cases show reporting as much as prevalence'))).toBe(true);
    expect(v.some((c) => c.includes('ESTIMATE'))).toBe(true);
    expect(new Set(v).size).toBe(v.length);
    expect(klaThresholdLines('id')).toEqual([
      'Belum berpredikat: di bawah 500 poin', 'Pratama: 500-600 poin', 'Madya: 601-700 poin', 'Nindya: 701-800 poin', 'Utama: 801-900 poin', 'KLA: 901-1000 poin',
    ]);
  });

  it('writes the title and the citation in both languages, with the synthetic warning', () => {
    expect(reportTitle('id', 'violence', 'Jawa Barat')).toBe('Laporan kekerasan terhadap anak: Jawa Barat');
    expect(reportTitle('en', 'all', 'Indonesia')).toBe('Child-protection report: Indonesia');
    const c = { title: 'Laporan LKSA', region: 'Kota Bandung', snapshot: 'demo', reference: '31 Desember 2025', printed: '1 Januari 2026', synthetic: true };
    expect(citation('id', c)).toBe('Pantau Anak. Laporan LKSA: Kota Bandung. Snapshot demo, tanggal acuan 31 Desember 2025. Dicetak 1 Januari 2026. DATA SINTETIS: bukan untuk dikutip sebagai statistik resmi.');
    expect(citation('en', { ...c, synthetic: false })).toBe('Pantau Anak. Laporan LKSA: Kota Bandung. Snapshot demo, reference date 31 Desember 2025. Printed 1 Januari 2026.');
    expect(kindOf('en', R('32.73'))).toBe('City (kota)');
    expect(kindOf('id', R('32'))).toBe('Provinsi');
  });

  it('has every text in both languages and the watermark in both whatever the language', () => {
    for (const [k, v] of Object.entries(TEXT)) {
      expect(v.id, k).not.toBe('');
      expect(v.en, k).not.toBe('');
    }
    expect([TEXT.watermark.id, TEXT.watermark.en]).toEqual(['DATA SINTETIS', 'SYNTHETIC DATA']);
    expect(tx('en', 'nationalValue', { value: '1,000' })).toBe('Indonesia: 1,000');
  });

  it('is ready only when every registered part is done', () => {
    expect(allDone(new Map())).toBe(false);
    expect(allDone(new Map([['map', true], ['chart:a', false]]))).toBe(false);
    expect(allDone(new Map([['map', true], ['chart:a', true]]))).toBe(true);
  });
});

describe('the static map geometry', () => {
  const topo = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'public', 'geo', file), 'utf8')) as Topology;
  const features = (file: string, object: string) =>
    (feature(topo(file), topo(file).objects[object] as GeometryCollection) as unknown as { features: BoundaryFeature[] }).features;

  it('draws the 38 provinces inside the box, cropped to Indonesia\'s shape', () => {
    const map = projectMap(featuresOf(features('provinces.topojson', 'provinsi'), null), 680, 300);
    expect(map.regions).toHaveLength(38);
    expect(map.width).toBeLessThanOrEqual(680.1);
    expect(map.height).toBeLessThanOrEqual(300.1);
    expect(map.width / map.height).toBeGreaterThan(2); // Indonesia is wide
    for (const r of map.regions) expect(r.d).toMatch(/^M[\d.-]/);
    expect(map.viewBox.split(' ').map(Number)).toHaveLength(4);
  });

  it('draws one province\'s kab/kota only', () => {
    const all = features('regencies.topojson', 'kabkota');
    const jabar = featuresOf(all, '32');
    expect(jabar.length).toBeGreaterThan(20);
    expect(jabar.every((f) => f.properties.kode.startsWith('32.'))).toBe(true);
    const map = projectMap(jabar, 680, 430);
    expect(map.regions.map((r) => r.code)).toContain('32.73');
    expect(map.height).toBeLessThanOrEqual(430.1);
  });

  it('gives an empty map for no features', () => {
    expect(projectMap([], 100, 50).regions).toEqual([]);
  });
});

describe('charts', () => {
  it('labels every bar with its number and escapes tooltip text', () => {
    const o = countBarsOption('id', [{ label: '<b>A</b>', value: 1234 }, { label: 'B', value: 5 }]) as {
      series: Array<{ data: number[]; label: { formatter: (p: { value: number }) => string } }>;
      tooltip: { formatter: (p: unknown) => string };
      yAxis: { data: string[] };
    };
    expect(o.series[0]!.data).toEqual([1234, 5]);
    expect(o.series[0]!.label.formatter({ value: 1234 })).toBe('1.234');
    expect(o.yAxis.data).toEqual(['<b>A</b>', 'B']);
    expect(o.tooltip.formatter({ dataIndex: 0 })).not.toContain('<b>');
  });
});
