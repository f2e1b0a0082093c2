import { useSyncExternalStore } from 'react';
import { getSnapshot, subscribe } from '../../db/progress.ts';
import type { Lang } from '../../state/url.ts';
import { t } from '../i18n.ts';
import { formatBytes, formatNumber } from '../format.ts';

/** What the engine and the tables are doing: loading (what, how many bytes), ready, or what failed. */
export function StatusBar({ lang }: { lang: Lang }) {
  const p = useSyncExternalStore(subscribe, getSnapshot);
  const tables = Object.values(p.tables);
  const loading = tables.filter((x) => x.state === 'loading');
  const failed = tables.filter((x) => x.state === 'error');
  const e = p.engine;
  let text = '';
  if (e.state === 'loading') {
    text = `${t(lang, 'engine')}: ${t(lang, 'loading')}${e.bytesTotal ? ` ${formatBytes(lang, e.bytesLoaded)} / ${formatBytes(lang, e.bytesTotal)}` : ''}`;
  } else if (loading.length > 0) {
    text = loading.map((x) => `${x.name} ${formatBytes(lang, x.bytesLoaded)} / ${formatBytes(lang, x.bytesTotal)}`).join(' · ');
  } else if (e.state === 'ready') {
    const ready = tables.filter((x) => x.state === 'ready');
    text = `${t(lang, 'engineReady')}${e.ms !== null ? ` (${formatNumber(lang, e.ms / 1000, 1)} s)` : ''}${ready.length ? ` · ${ready.length} tabel` : ''}`;
  }
  return (
    <div className="status-bar">
      <span role="status" aria-live="polite" data-engine={e.state}>{text}</span>
      {e.state === 'error' && <span role="alert" className="error">{t(lang, 'engine')}: {t(lang, 'loadFailed')} — {e.message}</span>}
      {failed.map((x) => <span key={x.name} role="alert" className="error">{t(lang, 'loadFailed')}: {x.error}</span>)}
    </div>
  );
}
