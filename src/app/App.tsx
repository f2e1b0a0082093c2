import { useEffect, useState } from 'react';
import { loadSnapshot, type Snapshot } from './snapshot.ts';
import { t, type Lang } from './i18n.ts';
import { Overview } from './views/Overview.tsx';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; snapshot: Snapshot };

export function App() {
  const [lang, setLang] = useState<Lang>('id');
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    loadSnapshot().then(
      (snapshot) => setState({ kind: 'ready', snapshot }),
      (e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  useEffect(() => { document.documentElement.lang = lang; }, [lang]);
  const synthetic = state.kind === 'ready' && state.snapshot.manifest.synthetic;
  return (
    <>
      {synthetic && state.kind === 'ready' && (
        <div className="synthetic-banner" role="note">
          {state.snapshot.manifest.synthetic_notice?.[lang] ?? t(lang, 'syntheticBadge')}
        </div>
      )}
      <header className="app-header">
        <div>
          <h1>{t(lang, 'appTitle')}</h1>
          <p className="tagline">{t(lang, 'tagline')}</p>
        </div>
        <button type="button" className="lang-switch" onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>{t(lang, 'language')}</button>
      </header>
      <main>
        {state.kind === 'loading' && <p role="status">{t(lang, 'loading')}</p>}
        {state.kind === 'error' && <p role="alert" className="error">{t(lang, 'loadFailed')}: {state.message}</p>}
        {state.kind === 'ready' && <Overview lang={lang} snapshot={state.snapshot} />}
      </main>
    </>
  );
}
