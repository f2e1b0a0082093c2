// The named chart cases of the snapshot tests (snapshots.test.ts) and the gallery (gallery.ts): every kind of chart the
// app draws, built by the app's own option builders from the fixed inputs of inputs.ts, at the height the app gives
// it. Edge cases: withheld values (gaps, never 0), a single year, empty data, and both languages where labels differ
// (Indonesian first). Every import of an option builder lives in this file, so a module that moves costs one line here.
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../../src/state/url.ts';
import { KLA_CATEGORIES, KLA_CLUSTERS } from '../../src/domain/kla.ts';
import { klaCategoryOption, klaClusterOption, trendOption as profileTrendOption, type TrendLine } from '../../src/app/region/charts.ts';
import { countBarsOption } from '../../src/app/views/report/charts.ts';
import {
  ANY_SERVICE, SOCIAL_PROTECTION, barsOption, byValue, orderServices, sexAgeOption, toCells, toSexAgeCells, toTrend,
  trendOption as violenceTrendOption, typeOption,
} from '../../src/app/views/violence/transform.ts';
import {
  categoriesFrom, categoriesOption, clusterBarsOption, clusterHeatmapOption, sankeyOption, toClusterRows, toMovements,
} from '../../src/app/views/kla/transform.ts';
import { provinceChartOption, toProvinceRows } from '../../src/app/views/lksa/provinces.ts';
import * as input from './inputs.ts';

export interface ChartCase {
  /** Kebab-case; the snapshot is test/charts/snapshots/<name>.svg. */
  name: string;
  option: () => EChartsCoreOption;
  /** Pixels; the width is WIDTH of render.ts unless given. */
  width?: number;
  height?: number;
}

// Indicators as region/charts.ts reads them (format, digits, unit); hand-written so the cases do not follow the catalogue.
const unit = { id: 'unit', en: 'unit' };
const COUNT = { format: 'count', digits: 0, unit } as const;
const RATE = { format: 'rate', digits: 1, unit } as const;
const CHANGE = { format: 'change', digits: 1, unit } as const;

const line = (name: string, points: TrendLine['points']): TrendLine => ({ name, points });
const profileClusters = KLA_CLUSTERS.map((c, i) => ({ label: c.label, value: input.klaClusterScores[i] ?? null }));
const profileCategories = KLA_CATEGORIES.map((c) => ({ code: c.code, label: c.label, counts: input.klaCategoryCounts[c.code]! }));

const klaNational = (rows: typeof input.klaNationalRow[]) => toClusterRows(rows)[0];
const klaSankey = (lang: Lang) => sankeyOption(toMovements(input.klaMovementRows), categoriesFrom(input.klaCategoryRows, lang), 2023, 2025, lang);
const lksaProvinces = toProvinceRows(input.lksaProvinceRows);

export const CASES: readonly ChartCase[] = [
  // Profile: trend lines (Indicators.tsx, height 260) and the KLA section (KlaSection.tsx).
  {
    name: 'profile-trend-rate-withheld-id', height: 260,
    option: () => profileTrendOption('id', RATE, line(input.REGION, input.rateRegion), line(input.NATIONAL, input.rateNational)),
  },
  {
    name: 'profile-trend-count-right-axis-id', height: 260,
    option: () => profileTrendOption('id', COUNT, line(input.REGION, input.countRegion), line(input.NATIONAL, input.countNational), true),
  },
  {
    name: 'profile-trend-count-right-axis-en', height: 260,
    option: () => profileTrendOption('en', COUNT, line(input.REGION, input.countRegion), line(input.NATIONAL, input.countNational), true),
  },
  { name: 'profile-trend-change-id', height: 260, option: () => profileTrendOption('id', CHANGE, line(input.REGION, input.changeRegion), null) },
  { name: 'profile-trend-single-year-id', height: 260, option: () => profileTrendOption('id', RATE, line(input.NATIONAL, input.singleYearNational), null) },
  {
    name: 'profile-trend-all-withheld-id', height: 260,
    option: () => profileTrendOption('id', RATE, line(input.REGION, input.allWithheld), line(input.NATIONAL, input.allWithheld)),
  },
  { name: 'profile-kla-clusters-id', height: 300, option: () => klaClusterOption('id', profileClusters) },
  { name: 'profile-kla-categories-id', height: 260, option: () => klaCategoryOption('id', input.klaYears, profileCategories) },

  // Report (ReportView.tsx): a trend at the report's height, LKSA by accreditation.
  {
    name: 'report-victims-trend-en', height: 230,
    option: () => profileTrendOption('en', COUNT, line(input.REGION, input.countRegion), line(input.NATIONAL, input.countNational), true),
  },
  { name: 'report-accreditation-bars-id', height: 190, option: () => countBarsOption('id', input.accreditationBars.map((b) => ({ label: b.label.id, value: b.value }))) },

  // Violence page (ViolenceView.tsx).
  { name: 'violence-type-withheld-id', height: 340, option: () => typeOption(toCells(input.violenceTypeRows, 'id'), 'id') },
  { name: 'violence-type-withheld-en', height: 340, option: () => typeOption(toCells(input.violenceTypeRows, 'en'), 'en') },
  { name: 'violence-sex-age-withheld-id', height: 300, option: () => sexAgeOption(toSexAgeCells(input.violenceSexAgeRows, 'id'), 'id') },
  { name: 'violence-place-id', height: 300, option: () => barsOption(byValue(toCells(input.violencePlaceRows, 'id')), 'id', 'victims') },
  {
    name: 'violence-services-share-en', height: 560,
    option: () => barsOption(orderServices(toCells(input.violenceServiceRows, 'en')), 'en', 'share', [ANY_SERVICE, SOCIAL_PROTECTION]),
  },
  { name: 'violence-trend-withheld-id', height: 300, option: () => violenceTrendOption(toTrend(input.violenceTrendRows), 'id', 2023) },
  { name: 'violence-trend-single-year-en', height: 300, option: () => violenceTrendOption(toTrend(input.violenceSingleYearRows), 'en', 2024) },

  // KLA page (KlaView.tsx).
  { name: 'kla-categories-id', height: 380, option: () => categoriesOption(input.klaCategoryRows, 'id') },
  { name: 'kla-categories-single-year-en', height: 380, option: () => categoriesOption(input.klaSingleYearRows, 'en') },
  { name: 'kla-movements-sankey-id', height: 440, option: () => klaSankey('id') },
  { name: 'kla-cluster-bars-id', height: 320, option: () => clusterBarsOption(klaNational([input.klaNationalRow]), 'id') },
  { name: 'kla-cluster-bars-empty-en', height: 320, option: () => clusterBarsOption(klaNational([]), 'en') },
  {
    name: 'kla-cluster-heatmap-id', height: Math.max(260, 80 + input.klaProvinceRows.length * 22),
    option: () => clusterHeatmapOption(toClusterRows(input.klaProvinceRows), 'id'),
  },

  // LKSA page (LksaView.tsx): provinces compared, the chosen one highlighted, Indonesia as a dashed line.
  {
    name: 'lksa-provinces-accredited-id', height: Math.max(320, lksaProvinces.length * 19 + 70),
    option: () => provinceChartOption(lksaProvinces, 'accredited_pct', '33', 62.4, 'id'),
  },
  {
    name: 'lksa-provinces-institutions-en', height: Math.max(320, lksaProvinces.length * 19 + 70),
    option: () => provinceChartOption(lksaProvinces, 'institutions', null, null, 'en'),
  },
];
