import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { syncStoreWithUrl } from '../state/store.ts';
import { adoptLanding } from './landing/adopt.ts';
import './styles.css';

// The static first paint (baked into index.html) is taken out of #root before React renders, so the map view
// can show it until its interactive map is ready.
adoptLanding();
syncStoreWithUrl();
// A transition: React renders the shell in small slices, so the page stays responsive on a slow phone while the
// static first paint is already on screen.
const root = createRoot(document.getElementById('root')!);
startTransition(() => root.render(<StrictMode><App /></StrictMode>));
// Start the engine as soon as the first view has rendered: it takes seconds to boot and every view needs it.
const startEngine = () => void import('../db/engine.ts').then((m) => m.openEngine()).catch(() => undefined); // errors show in the status bar
if ('requestIdleCallback' in window) requestIdleCallback(startEngine, { timeout: 1500 });
else setTimeout(startEngine, 0);
