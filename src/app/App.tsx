import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useStore } from '../state/store.ts';
import type { Lang, ViewId } from '../state/url.ts';
import { t, type MessageKey } from './i18n.ts';
import { formatDate } from './format.ts';
import { useSnapshot } from './hooks/use-snapshot.ts';
import { StatusBar } from './components/StatusBar.tsx';

const VIEWS: Record<ViewId, { label: MessageKey; component: ComponentType<{ lang: Lang }> }> = {
  map: { label: 'viewMap', component: lazy(() => import('./views/map/MapView.tsx')) },
  profile: { label: 'viewProfile', component: lazy(() => import('./views/profile/ProfileView.tsx')) },
  violence: { label: 'viewViolence', component: lazy(() => import('./views/violence/ViolenceView.tsx')) },
  lksa: { label: 'viewLksa', component: lazy(() => import('./views/lksa/LksaView.tsx')) },
  kla: { label: 'viewKla', component: lazy(() => import('./views/kla/KlaView.tsx')) },
};

/** The snapshot facts baked into index.html (src/app/landing/vite-plugin.ts), so the banner needs no fetch. */
const STATIC_INFO: { synthetic?: boolean; synthetic_notice?: { id: string; en: string } | null } = (() => {
  try {
    return JSON.parse(document.getElementById('snapshot-info')?.textContent ?? '{}') as typeof STATIC_INFO;
  } catch {
    return {};
  }
})();

/** The synthetic-data banner painted with the page (outside #root), if the build had a snapshot. */
const STATIC_BANNER = document.getElementById('synthetic-banner');

/** The shell: synthetic-data banner, header and navigation, engine status, the current view, and the footer. */
export function App() {
  const lang = useStore((s) => s.lang);
  const view = useStore((s) => s.view);
  const set = useStore((s) => s.set);
  const snap = useSnapshot();
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);
  const manifest = snap.status === 'ready' ? snap.snapshot.manifest : null;
  const synthetic = manifest ? manifest.synthetic : STATIC_INFO.synthetic === true;
  const notice = manifest ? manifest.synthetic_notice : STATIC_INFO.synthetic_notice ?? null;
  useEffect(() => {
    if (STATIC_BANNER && notice) STATIC_BANNER.textContent = notice[lang];
  }, [lang, notice]);

  const View = VIEWS[view].component;
  return (
    <>
      {synthetic && !STATIC_BANNER && <div className="synthetic-banner" role="note">{notice?.[lang] ?? t(lang, 'syntheticBadge')}</div>}
      <header className="app-header">
        <div>
          <h1>{t(lang, 'appTitle')}</h1>
          <p className="tagline">{t(lang, 'tagline')}</p>
        </div>
        <nav aria-label={t(lang, 'nav')}>
          <ul className="nav">
            {(Object.keys(VIEWS) as ViewId[]).map((id) => (
              <li key={id}>
                <a href={`?v=${id}`} aria-current={id === view ? 'page' : undefined}
                  onClick={(e) => { e.preventDefault(); set({ view: id }); }}>{t(lang, VIEWS[id].label)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="lang-switch" lang={lang === 'id' ? 'en' : 'id'} onClick={() => set({ lang: lang === 'id' ? 'en' : 'id' })}>
          {t(lang, 'language')}
        </button>
      </header>
      <StatusBar lang={lang} />
      <main id="main">
        {snap.status === 'error' && <p role="alert" className="error">{t(lang, 'loadFailed')}: {snap.error}</p>}
        {snap.status !== 'error' && (
          <Suspense fallback={<p role="status">{t(lang, 'loading')}</p>}>
            <View lang={lang} />
          </Suspense>
        )}
      </main>
      {manifest && (
        <footer className="app-footer">
          <p>
            {t(lang, 'snapshot')} <code>{manifest.snapshot_id}</code> · {t(lang, 'referenceDate')} {formatDate(lang, manifest.reference_date)} ·{' '}
            {t(lang, 'builtAt')} {formatDate(lang, manifest.built_at)}
          </p>
          <p>{manifest.disclosure.rule[lang]}</p>
          <p>{t(lang, 'sources')}: {manifest.sources.map((s) => `${s.name} (${s.licence})`).join('; ')}. {manifest.licence[lang]}</p>
          <p>{t(lang, 'boundaryAttribution')}</p>
        </footer>
      )}
    </>
  );
}
