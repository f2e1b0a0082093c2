// Renders an ECharts option to an SVG string in Node with ECharts' server-side renderer: the same registered charts
// (echarts-setup.ts) and the same defaults (chart-defaults.ts: no animation, ARIA) as the app's Chart component.
// In Node there is no canvas: zrender measures text with its built-in width table, the same on every machine.
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from '../../src/app/components/echarts-setup.ts';
import { withDefaults } from '../../src/app/components/chart-defaults.ts';

export const WIDTH = 640;
export const HEIGHT = 360;

export interface Size { width?: number; height?: number }

/**
 * zrender numbers things with counters global to the process: its SVG painters ("zr0-", "zr1-": the prefix of every
 * class and id, e.g. "zr1-c0" for a clip path) and its hover-style classes ("zr0-cls-17"). So the same chart rendered
 * twice gets other names. Every prefix becomes "zr0-" and the classes are renumbered in order of first appearance.
 */
export function normaliseIds(svg: string): string {
  const classes = new Map<string, number>();
  const classId = (n: string): number => classes.get(n) ?? classes.set(n, classes.size).get(n)!;
  return svg.replace(/\bzr\d+-/g, 'zr0-').replace(/\bzr0-cls-(\d+)\b/g, (_m, n: string) => `zr0-cls-${classId(n)}`);
}

/** The SVG of one option at a fixed size; deterministic (same option, same text). */
export function renderSvg(option: EChartsCoreOption, { width = WIDTH, height = HEIGHT }: Size = {}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(withDefaults(option), true);
    return `${normaliseIds(chart.renderToSVGString())}\n`;
  } finally {
    chart.dispose();
  }
}
