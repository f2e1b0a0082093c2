import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { syncStoreWithUrl } from '../state/store.ts';
import { adoptLanding } from './landing/adopt.ts';
import './styles.css';

// The static first paint (baked into index.html) is taken out of #root before React renders, so the map view
// can show it until its interactive map is ready.
adoptLanding();
syncStoreWithUrl();
createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
// Start the engine now, while the first view renders: it takes seconds to boot and every view needs it.
void import('../db/engine.ts').then((m) => m.openEngine()).catch(() => undefined); // errors surface in the status bar
