import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { linkLeavesOutSql, pickState, useStore } from '../state/store.ts';
import { encodeState, type Lang, type ViewId } from '../state/url.ts';
import { t, type MessageKey } from './i18n.ts';
import { formatDate } from './format.ts';
import { useSnapshot } from './hooks/use-snapshot.ts';
import { StatusBar } from './components/StatusBar.tsx';
import { EmbedContext, copyText, type EmbedState } from './components/Figure.tsx';
import { FIGURE_TEXT, figureSpec } from './components/figure-export.ts';
import { LoadFailure } from './components/LoadFailure.tsx';
import { lazyWithRetry } from './lazy-code.tsx';

const VIEWS: Record<ViewId, { label: MessageKey; component: ComponentType<{ lang: Lang; fallback?: ReactNode }> }> = {
  map: { label: 'viewMap', component: lazyWithRetry(() => import('./views/map/MapView.tsx')) },
  profile: { label: 'viewProfile', component: lazyWithRetry(() => import('./views/profile/ProfileView.tsx')) },
  violence: { label: 'viewViolence', component: lazyWithRetry(() => import('./views/violence/ViolenceView.tsx')) },
  lksa: { label: 'viewLksa', component: lazyWithRetry(() => import('./views/lksa/LksaView.tsx')) },
  kla: { label: 'viewKla', component: lazyWithRetry(() => import('./views/kla/KlaView.tsx')) },
  data: { label: 'viewData', component: lazyWithRetry(() => import('./views/data/DataView.tsx')) },
  console: { label: 'viewConsole', component: lazyWithRetry(() => import('./views/console/ConsoleView.tsx')) },
  report: { label: 'viewReport', component: lazyWithRetry(() => import('./views/report/ReportView.tsx')) },
};

/** The snapshot facts baked into index.html (scripts/vite-landing.ts), so the banner needs no fetch. */
const STATIC_INFO: { synthetic?: boolean; synthetic_notice?: { id: string; en: string } | null } = (() => {
  try {
    return JSON.parse(document.getElementById('snapshot-info')?.textContent ?? '{}') as typeof STATIC_INFO;
  } catch {
    return {};
  }
})();

/** Embed mode at load (`?embed=<figure id>`): the static first paint (landing map, banner) must not show. */
const EMBED_AT_LOAD = new URLSearchParams(window.location.search).has('embed');
if (EMBED_AT_LOAD) {
  document.getElementById('landing-map')?.remove(); // before main.tsx parks it: the map view then loads MapLibre at once
  document.documentElement.classList.add('embed-mode');
}

/** The synthetic-data banner painted with the page (outside #root), if the build had a snapshot. */
const STATIC_BANNER = document.getElementById('synthetic-banner');
if (EMBED_AT_LOAD && STATIC_BANNER) STATIC_BANNER.hidden = true;

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

  const embed = useStore((s) => s.embed);
  useEffect(() => {
    document.documentElement.classList.toggle('embed-mode', embed !== null);
    if (STATIC_BANNER) STATIC_BANNER.hidden = embed !== null;
  }, [embed]);
  if (embed !== null) return <EmbedShell lang={lang} id={embed} notice={synthetic ? (notice?.[lang] ?? t(lang, 'syntheticBadge')) : null} error={snap.status === 'error' ? snap.cause : null} />;

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
        <div className="header-actions">
          <CopyLink lang={lang} />
          <button type="button" className="lang-switch" lang={lang === 'id' ? 'en' : 'id'} onClick={() => set({ lang: lang === 'id' ? 'en' : 'id' })}>
            {t(lang, 'language')}
          </button>
        </div>
      </header>
      <StatusBar lang={lang} />
      <main id="main">
        {snap.status === 'error' && <LoadFailure lang={lang} error={snap.cause} />}
        {snap.status !== 'error' && <View key={view} lang={lang} fallback={<p role="status">{t(lang, 'loading')}</p>} />}
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

/** "Salin tautan": copies the page's URL (the URL is the state); without the Clipboard API, shows the URL selected. */
function CopyLink({ lang }: { lang: Lang }) {
  const [status, setStatus] = useState('');
  const [field, setField] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (field !== null) input.current?.select();
  }, [field]);
  const copy = async () => {
    const href = window.location.href;
    // A console statement too long for a link is left out of it (src/state/url.ts): say so rather than copy in silence.
    const leftOut = linkLeavesOutSql(useStore.getState());
    if (await copyText(href)) {
      setField(null);
      setStatus(leftOut ? FIGURE_TEXT.linkCopiedWithoutSql[lang] : FIGURE_TEXT.linkCopied[lang]);
      return;
    }
    setField(href);
    setStatus(leftOut ? FIGURE_TEXT.linkWithoutSql[lang] : '');
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>{FIGURE_TEXT.copyLink[lang]}</button>
      {field !== null && (
        <input ref={input} type="text" readOnly value={field} aria-label={FIGURE_TEXT.linkField[lang]} onFocus={(e) => e.currentTarget.select()} />
      )}
      <span className="copy-link-status" aria-live="polite">{status}</span>
    </div>
  );
}

/**
 * Embed mode: no header, navigation, status bar or footer; a one-line data notice and the one figure. The figure's view
 * renders hidden inside an EmbedContext: the figure with the id portals itself into #embed-root, the others render
 * nothing. The view comes from the figure registry, so a link still works if its `v` is missing.
 */
function EmbedShell({ lang, id, notice, error }: { lang: Lang; id: string; notice: string | null; error: unknown }) {
  const spec = figureSpec(id);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [shown, setShown] = useState(false);
  const onShown = useCallback(() => setShown(true), []);
  const context = useMemo((): EmbedState => ({ id, root, onShown }), [id, root, onShown]);
  const View = spec ? VIEWS[spec.view].component : null;

  return (
    <>
      <main id="main" className="embed-main" data-embed={id}>
        {notice && <p className="embed-notice" role="note" title={notice}>{notice}</p>}
        {!spec && (
          <p role="alert" className="error" data-embed-unknown="">
            {FIGURE_TEXT.unknownFigure[lang].replace('{id}', id)}{' '}
            <a href={`${window.location.pathname}${encodeState({ ...pickState(useStore.getState()), embed: null })}`} target="_blank" rel="noopener">{FIGURE_TEXT.openInApp[lang]}</a>
          </p>
        )}
        {error !== null && <LoadFailure lang={lang} error={error} />}
        {spec && !shown && error === null && <p role="status" className="meta">{FIGURE_TEXT.embedLoading[lang]}</p>}
        <div id="embed-root" ref={setRoot} />
      </main>
      {View && error === null && (
        <div className="embed-source" hidden>
          <EmbedContext.Provider value={context}>
            <View lang={lang} />
          </EmbedContext.Provider>
        </div>
      )}
    </>
  );
}
