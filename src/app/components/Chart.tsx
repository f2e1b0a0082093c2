import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useStore } from '../../state/store.ts';
import { reimport } from '../code-retry.ts';
import { retryLoads, useRetryEpoch } from '../retry.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { withDefaults } from './chart-defaults.ts';

type ECharts = ReturnType<typeof import('echarts/core').init>;

type Setup = typeof import('./echarts-setup.ts');
const loadSetup = (): Promise<Setup> => import('./echarts-setup.ts');
let setup: () => Promise<Setup> = loadSetup;

/**
 * A dumb ECharts wrapper: create, update, dispose. Options come from pure transforms; any tooltip formatter
 * in them must escape data text (src/app/format.ts escapeHtml). If ECharts' code does not arrive, the failure shows
 * with a retry.
 */
export function Chart({ option, label, height = 320, onReady }: { option: EChartsCoreOption; label: string; height?: number; onReady?: (chart: ECharts) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const lang = useStore((s) => s.lang);
  // A chart whose code did not arrive tries again when a retry is asked for (any chart's, or any other failure's).
  const epoch = useRetryEpoch();
  const [attempt, setAttempt] = useState(epoch);
  if (failed !== null && epoch !== attempt) {
    setFailed(null);
    setAttempt(epoch);
  }

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    setup().then(({ echarts }) => {
      if (disposed || !el.current) return;
      chart.current = echarts.init(el.current, undefined, { renderer: 'svg' });
      chart.current.setOption(withDefaults(option), true);
      onReady?.(chart.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(el.current);
    }, (e: unknown) => { if (!disposed) setFailed(e); });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The instance lives as long as the component (or until a retry); option changes are applied by the effect below.
  }, [attempt]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    chart.current?.setOption(withDefaults(option), true);
  }, [option]);

  if (failed !== null) {
    const retry = () => {
      // ECharts' code imported again (code-retry.ts); then every failed chart (and load) of the page tries again.
      reimport(loadSetup, failed, (m) => 'echarts' in m).then((m) => { setup = () => Promise.resolve(m); }, () => undefined)
        .finally(retryLoads);
    };
    return <LoadFailure lang={lang} error={failed} onRetry={retry} />;
  }
  return <div ref={el} className="chart" role="img" aria-label={label} style={{ height }} data-chart={label} />;
}
