import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/db/sql.ts';
import { NEUTRAL_GREY } from '../../src/domain/palettes.ts';
import {
  NONE, SERIES_ORDER, categoriesFrom, categoriesOption, categoriesTable, categoryColours, clusterBarsOption,
  clusterHeatmapOption, clusterNationalTable, clusterTable, consecutivePairs, legendName, movementSummary,
  movementsTable, pickPair, sankeyOption, thresholdsText, toClusterRows, toMovements, toProvinceRows,
} from '../../src/app/views/kla/transform.ts';

// Pure transforms of the KLA page. Rows as categories.sql / movements.sql / clusters.sql give them on the fixture:
// 2023 -> 2025 movements utama->kla, madya->madya, tidak_ada->madya, pratama->tidak_ada.

type Formatter = (params: unknown) => string;
type Series = Record<string, unknown> & { data: unknown[] };
const series = (o: unknown) => (o as { series: Series[] }).series;
const tooltipOf = (o: unknown) => (o as { tooltip: { formatter: Formatter } }).tooltip.formatter;

const LABELS: Record<string, [string, string]> = {
  tidak_ada: ['Belum berpredikat', 'No category'], pratama: ['Pratama', 'Pratama'], madya: ['Madya', 'Madya'],
  nindya: ['Nindya', 'Nindya'], utama: ['Utama', 'Utama'], kla: ['KLA', 'KLA'],
};
const COUNTS: Record<number, Record<string, number>> = {
  2023: { tidak_ada: 1, pratama: 1, madya: 1, nindya: 0, utama: 1, kla: 0 },
  2025: { tidak_ada: 1, pratama: 0, madya: 2, nindya: 0, utama: 0, kla: 1 },
};
const categoryRows: Row[] = [2023, 2025].flatMap((year) => Object.keys(LABELS).map((category, ord) => ({
  year, category, ord, label_id: LABELS[category]![0], label_en: LABELS[category]![1], regencies: COUNTS[year]![category]!, evaluated: 4,
})));
const moveRows: Row[] = [
  { from_category: 'madya', to_category: 'madya', regencies: 1 },
  { from_category: 'pratama', to_category: 'tidak_ada', regencies: 1 },
  { from_category: 'tidak_ada', to_category: 'madya', regencies: 1 },
  { from_category: 'utama', to_category: 'kla', regencies: 1 },
];

describe('KLA transforms', () => {
  it('categories carry labels from codes and the official thresholds', () => {
    const cats = categoriesFrom(categoryRows, 'en');
    expect(cats.map((c) => c.code)).toEqual(['tidak_ada', 'pratama', 'madya', 'nindya', 'utama', 'kla']);
    expect(cats.map((c) => legendName(c, 'en'))).toEqual([
      'No category (below 500)', 'Pratama (500-600)', 'Madya (601-700)', 'Nindya (701-800)', 'Utama (801-900)', 'KLA (901-1000)',
    ]);
    expect(legendName(cats[0]!, 'id')).toBe('No category (di bawah 500)');
    expect(thresholdsText('en', cats)).toBe('Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900, KLA 901-1000');
  });

  it('stacked bars: one series per category, Pratama..KLA then "not awarded" in grey, counts per year', () => {
    const o = categoriesOption(categoryRows, 'en');
    const s = series(o);
    expect(s.map((x) => x.name)).toEqual([
      'Pratama (500-600)', 'Madya (601-700)', 'Nindya (701-800)', 'Utama (801-900)', 'KLA (901-1000)', 'No category (below 500)',
    ]);
    expect(s.every((x) => x.type === 'bar' && x.stack === 'kla')).toBe(true);
    expect(s.map((x) => x.data)).toEqual([[1, 0], [1, 2], [0, 0], [1, 0], [0, 1], [1, 1]]);
    expect((o as { xAxis: { data: string[] } }).xAxis.data).toEqual(['2023', '2025']);
    const colours = (o as { color: string[] }).color;
    expect(colours[5]).toBe(NEUTRAL_GREY);
    expect(new Set(colours).size).toBe(6);
    expect(colours).toEqual(SERIES_ORDER.map((c) => categoryColours()[c]));
    const html = tooltipOf(o)(s.map((_x, i) => ({ dataIndex: 1, seriesIndex: i })));
    expect(html).toContain('<strong>2025: 4 kab&#47;kota</strong>');
    expect(html).toContain('Madya (601-700): 2 (50.0%)');
    expect(categoriesTable(categoryRows, 'en').rows).toEqual([
      { key: '2023', cells: ['2023', '1', '1', '0', '1', '0', '1', '4'] },
      { key: '2025', cells: ['2025', '0', '2', '0', '0', '1', '1', '4'] },
    ]);
  });

  it('the category palette is ordered: grey for none, then darker towards KLA', () => {
    const c = categoryColours();
    expect(c[NONE]).toBe(NEUTRAL_GREY);
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ramp = ['pratama', 'madya', 'nindya', 'utama', 'kla'].map((k) => lum(c[k]!));
    expect([...ramp].sort((a, b) => b - a)).toEqual(ramp);
  });

  it('Sankey: year-suffixed nodes per column, links = movements, ordered KLA first', () => {
    const cats = categoriesFrom(categoryRows, 'en');
    const moves = toMovements(moveRows);
    const o = sankeyOption(moves, cats, 2023, 2025, 'en');
    const [s] = series(o);
    expect(s!.type).toBe('sankey');
    const nodes = s!.data as Array<{ name: string; depth: number; itemStyle: { color: string } }>;
    expect(nodes.map((n) => [n.name, n.depth])).toEqual([
      ['Utama 2023', 0], ['Madya 2023', 0], ['Pratama 2023', 0], ['No category 2023', 0],
      ['KLA 2025', 1], ['Madya 2025', 1], ['No category 2025', 1],
    ]);
    expect(nodes.find((n) => n.name === 'No category 2025')!.itemStyle.color).toBe(NEUTRAL_GREY);
    expect(s!.links).toEqual([
      { source: 'Madya 2023', target: 'Madya 2025', value: 1 },
      { source: 'Pratama 2023', target: 'No category 2025', value: 1 },
      { source: 'No category 2023', target: 'Madya 2025', value: 1 },
      { source: 'Utama 2023', target: 'KLA 2025', value: 1 },
    ]);
    // Every link joins existing nodes; node names are unique.
    const names = new Set(nodes.map((n) => n.name));
    expect(names.size).toBe(nodes.length);
    for (const l of s!.links as Array<{ source: string; target: string }>) {
      expect(names.has(l.source) && names.has(l.target)).toBe(true);
    }
    expect(movementSummary(moves, cats)).toEqual({ up: 2, same: 1, down: 1 });
    expect(movementsTable(moves, cats, 2023, 2025, 'en').rows.map((r) => r.cells)).toEqual([
      ['Utama', 'KLA', '1'], ['Madya', 'Madya', '1'], ['Pratama', 'No category', '1'], ['No category', 'Madya', '1'],
    ]);
  });

  it('Sankey: not evaluated is a node of its own; the tooltip escapes names', () => {
    const cats = categoriesFrom(categoryRows.map((r) => (r.category === 'madya' ? { ...r, label_en: '<b>Madya</b>' } : r)), 'en');
    const moves = toMovements([{ from_category: null, to_category: 'madya', regencies: 2 }, { from_category: 'kla', to_category: null, regencies: 0 }]);
    expect(moves).toEqual([{ from: null, to: 'madya', regencies: 2 }]);
    const o = sankeyOption(moves, cats, 2024, 2025, 'en');
    const nodes = series(o)[0]!.data as Array<{ name: string }>;
    expect(nodes.map((n) => n.name)).toEqual(['Not evaluated 2024', '<b>Madya</b> 2025']);
    const f = tooltipOf(o);
    const edge = f({ dataType: 'edge', data: { source: 'Not evaluated 2024', target: '<b>Madya</b> 2025', value: 2 } });
    expect(edge).toBe('Not evaluated 2024 → &#60;b&#62;Madya&#60;&#47;b&#62; 2025: 2 kab&#47;kota');
    expect(f({ dataType: 'node', name: '<b>Madya</b> 2025' })).not.toContain('<b>');
    expect(movementSummary(moves, cats)).toEqual({ up: 0, same: 0, down: 0 });
  });

  it('pairs: consecutive evaluations, default the latest two, or the pair ending at the chosen year', () => {
    expect(consecutivePairs([2025, 2019, 2023, 2022])).toEqual([[2019, 2022], [2022, 2023], [2023, 2025]]);
    expect(pickPair([2019, 2022, 2023, 2025], null)).toEqual([2023, 2025]);
    expect(pickPair([2019, 2022, 2023, 2025], 2022)).toEqual([2019, 2022]);
    expect(pickPair([2019, 2022, 2023, 2025], 2019)).toEqual([2023, 2025]);
    expect(pickPair([2025], null)).toBeNull();
  });

  it('cluster scores: national bars 0-100 and a province heatmap with escaped tooltips', () => {
    const rows = toClusterRows([
      { region_code: '00', name: 'Indonesia', evaluated: 4, score_institutional: 61.3, score_cluster_1: 61.5, score_cluster_2: 62, score_cluster_3: 60, score_cluster_4: 63, score_cluster_5: 61.8 },
      { region_code: '11', name: 'Aceh <i>', evaluated: 1, score_institutional: 40, score_cluster_1: 45, score_cluster_2: 47, score_cluster_3: 44, score_cluster_4: 46, score_cluster_5: 45 },
      { region_code: '32', name: 'Jawa Barat', evaluated: 2, score_institutional: 77.5, score_cluster_1: 74.5, score_cluster_2: 75, score_cluster_3: 73, score_cluster_4: 76.5, score_cluster_5: 75 },
    ]);
    const bars = clusterBarsOption(rows[0], 'en');
    expect(series(bars)[0]!.data).toEqual([61.3, 61.5, 62, 60, 63, 61.8]);
    expect((bars as { yAxis: { data: string[] } }).yAxis.data[0]).toBe('Institutional');
    expect((bars as { xAxis: { max: number } }).xAxis.max).toBe(100);
    expect(clusterNationalTable(rows[0], 'en').rows[1]).toEqual({ key: 'score_cluster_1', cells: ['Cluster I: Civil rights and freedoms', '61.5'] });

    const heat = clusterHeatmapOption(rows.slice(1), 'en');
    const data = series(heat)[0]!.data as Array<{ value: [number, number, number] }>;
    expect(series(heat)[0]!.type).toBe('heatmap');
    expect(data).toHaveLength(12);
    expect(data[0]!.value).toEqual([0, 0, 40]);
    expect(data[11]!.value).toEqual([5, 1, 75]);
    expect((heat as { yAxis: { data: string[] } }).yAxis.data).toEqual(['Aceh <i>', 'Jawa Barat']);
    expect((heat as { xAxis: { data: string[] } }).xAxis.data).toEqual(['Institutional', 'Cluster I', 'Cluster II', 'Cluster III', 'Cluster IV', 'Cluster V']);
    const html = tooltipOf(heat)({ value: [1, 0, 45] });
    expect(html).toBe('<strong>Aceh &#60;i&#62;</strong><br/>Cluster I: Civil rights and freedoms: 45.0%<br/>1 kab&#47;kota');
    expect(clusterTable(rows, 'id', 'Indonesia').rows[0]!.cells).toEqual(['Indonesia', '4', '61,3', '61,5', '62,0', '60,0', '63,0', '61,8']);
  });

  it('province rows keep a missing share and average as null', () => {
    const [p] = toProvinceRows([{ region_code: '51', name: 'Bali', evaluated: 0, awarded: 0, awarded_pct: null, average_score: null, tidak_ada: 0, pratama: 0, madya: 0, nindya: 0, utama: 0, kla: 0 }]);
    expect(p).toEqual({ regionCode: '51', name: 'Bali', evaluated: 0, awarded: 0, awardedPct: null, averageScore: null, counts: { tidak_ada: 0, pratama: 0, madya: 0, nindya: 0, utama: 0, kla: 0 } });
  });
});
