import { useSyncExternalStore } from 'react';
import { openSnapshot, type Snapshot } from '../../db/snapshot.ts';

// The current snapshot (manifest and landing slice), loaded once for the whole app.

type State = { status: 'loading' } | { status: 'ready'; snapshot: Snapshot } | { status: 'error'; error: string };

let state: State = { status: 'loading' };
const listeners = new Set<() => void>();
let started = false;

function start(): void {
  if (started) return;
  started = true;
  openSnapshot().then(
    (snapshot) => { state = { status: 'ready', snapshot }; listeners.forEach((l) => l()); },
    (e: unknown) => { state = { status: 'error', error: e instanceof Error ? e.message : String(e) }; listeners.forEach((l) => l()); },
  );
}

/** The snapshot's loading state; starts loading on first use. */
export function useSnapshot(): State {
  start();
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => state);
}
