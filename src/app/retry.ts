// One "try again" for every load failure: the engine starts again if its start failed, the snapshot is opened again
// if that failed, and every query that failed runs again (useQuery reruns on a new retry epoch). Queries that
// succeeded are not touched. Light: the engine's code is imported only when it has to start again.
import { useSyncExternalStore } from 'react';
import { createStore, getSnapshot as getProgress } from '../db/progress.ts';
import { retrySnapshot } from './hooks/use-snapshot.ts';

const epoch = createStore(0);

/** Tries every failed load again. */
export function retryLoads(): void {
  if (getProgress().engine.state === 'error') {
    void import('../db/engine.ts').then((m) => m.openEngine()).catch(() => undefined); // a new failure shows again
  }
  retrySnapshot();
  epoch.update((n) => n + 1);
}

/** The number of retries asked for so far (a query in error runs again when it changes). */
export const useRetryEpoch = (): number => useSyncExternalStore(epoch.subscribe, epoch.getSnapshot);
