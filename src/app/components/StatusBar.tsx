import { useMemo, useSyncExternalStore } from 'react';
import { getSnapshot, subscribe } from '../../db/progress.ts';
import { EngineStartError } from '../../db/load-errors.ts';
import type { Lang } from '../../state/url.ts';
import { t } from '../i18n.ts';
import { formatBytes, formatNumber } from '../format.ts';
import { LoadFailure } from './LoadFailure.tsx';

/**
 * What the engine and the tables are doing: loading (what, how many bytes), ready, or why the engine did not start
 * (with a retry). A table that failed is named by the view that needed it, once (LoadFailure), not here again.
 */
export function StatusBar({ lang }: { lang: Lang }) {
  const p = useSyncExternalStore(subscribe, getSnapshot);
  const tables = Object.values(p.tables);
  const loading = tables.filter((x) => x.state === 'loading');
  const e = p.engine;
  const engineError = useMemo(() => (e.state === 'error' ? new EngineStartError(e.fault ?? 'unknown', e.message ?? '') : null), [e.state, e.fault, e.message]);
  // The .wasm's bytes are counted uncompressed while its Content-Length is the compressed size: a total smaller than
  // what arrived is not shown.
  const of = (loaded: number, total: number) => `${formatBytes(lang, loaded)}${total >= loaded ? ` / ${formatBytes(lang, total)}` : ''}`;
  let text = '';
  if (e.state === 'loading') {
    text = `${t(lang, 'engine')}: ${t(lang, 'loading')}${e.bytesLoaded ? ` ${of(e.bytesLoaded, e.bytesTotal)}` : ''}`;
  } else if (loading.length > 0) {
    text = loading.map((x) => `${x.name} ${of(x.bytesLoaded, x.bytesTotal)}`).join(' · ');
  } else if (e.state === 'ready') {
    const ready = tables.filter((x) => x.state === 'ready');
    text = `${t(lang, 'engineReady')}${e.ms !== null ? ` (${formatNumber(lang, e.ms / 1000, 1)} s)` : ''}${ready.length ? ` · ${ready.length} ${t(lang, 'tables')}` : ''}`;
  }
  return (
    <div className="status-bar">
      <span role="status" aria-live="polite" data-engine={e.state}>{text}</span>
      {engineError && <LoadFailure lang={lang} error={engineError} />}
    </div>
  );
}
