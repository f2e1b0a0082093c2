import { useSyncExternalStore } from 'react';
import { openSnapshot, type Snapshot } from '../../db/snapshot.ts';

// The current snapshot (manifest and landing slice), loaded once for the whole app.

type State = { status: 'loading' } | { status: 'ready'; snapshot: Snapshot } | { status: 'error'; error: string; cause: unknown };

let state: State = { status: 'loading' };
const listeners = new Set<() => void>();
let started = false;

const publish = (next: State) => { state = next; listeners.forEach((l) => l()); };

function start(): void {
  if (started) return;
  started = true;
  openSnapshot().then(
    (snapshot) => publish({ status: 'ready', snapshot }),
    (e: unknown) => publish({ status: 'error', error: e instanceof Error ? e.message : String(e), cause: e }),
  );
}

/** Opens the snapshot again after a failure (openSnapshot forgets a failed open). */
export function retrySnapshot(): void {
  if (state.status !== 'error') return;
  started = false;
  publish({ status: 'loading' });
  start();
}

/** The snapshot's loading state; starts loading on first use. */
export function useSnapshot(): State {
  start();
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => state);
}
