import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

type ECharts = ReturnType<typeof import('echarts/core').init>;

/**
 * A dumb ECharts wrapper: create, update, dispose. Options come from pure transforms; any tooltip formatter
 * in them must escape data text (src/app/format.ts escapeHtml).
 */
export function Chart({ option, label, height = 320, onReady }: { option: EChartsCoreOption; label: string; height?: number; onReady?: (chart: ECharts) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts-setup.ts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      chart.current = echarts.init(el.current, undefined, { renderer: 'svg' });
      chart.current.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
      onReady?.(chart.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(el.current);
    }, (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The instance lives as long as the component; option changes are applied by the effect below.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
  }, [option]);

  if (failed) return <p role="alert" className="error">{failed}</p>;
  return <div ref={el} className="chart" role="img" aria-label={label} style={{ height }} data-chart={label} />;
}
