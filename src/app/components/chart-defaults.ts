// What every chart gets unless its option says otherwise. Pure (no DOM, no React): the Chart component applies it in
// the browser and the chart snapshot tests (test/charts) apply it in Node, so snapshots show what users see.
import type { EChartsCoreOption } from 'echarts/core';

/**
 * No animation, ARIA on, and tooltips kept inside the chart with long names wrapped (a region's name can be 200
 * characters).
 */
export function withDefaults(option: EChartsCoreOption): EChartsCoreOption {
  const tooltip = option.tooltip;
  const style = 'max-width: min(22rem, 80vw); white-space: normal; overflow-wrap: anywhere;';
  return {
    aria: { enabled: true }, animation: false, ...option,
    ...(tooltip && typeof tooltip === 'object' && !Array.isArray(tooltip) ? { tooltip: { confine: true, extraCssText: style, ...tooltip } } : {}),
  };
}
