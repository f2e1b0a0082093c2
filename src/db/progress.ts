// A tiny observable store of the engine's and the tables' loading state. subscribe/getSnapshot fit React's
// useSyncExternalStore (getSnapshot returns the same object until something changes); no React import here.

import type { EngineFault } from './load-errors.ts';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface EngineProgress {
  state: LoadState;
  /** The error message when state is 'error'. */
  message: string | null;
  /** Why the start failed (src/db/load-errors.ts), when state is 'error'. */
  fault: EngineFault | null;
  /** Bytes of the WebAssembly module loaded so far and in total (0 when unknown). */
  bytesLoaded: number;
  bytesTotal: number;
  /** 'eh' or 'mvp' once chosen. */
  bundle: string | null;
  /** Milliseconds from start to ready. */
  ms: number | null;
}

export interface TableProgress {
  name: string;
  state: LoadState;
  bytesLoaded: number;
  /** From the manifest (the size of the file). */
  bytesTotal: number;
  /** Rows loaded, once ready. */
  rows: number | null;
  error: string | null;
  /** Milliseconds from the start of the download to the table being queryable. */
  ms: number | null;
}

export interface DbProgress {
  engine: EngineProgress;
  tables: Readonly<Record<string, TableProgress>>;
}

export const INITIAL_PROGRESS: DbProgress = {
  engine: { state: 'idle', message: null, fault: null, bytesLoaded: 0, bytesTotal: 0, bundle: null, ms: null },
  tables: {},
};

type Listener = () => void;

/** A minimal external store: immutable snapshots, synchronous notification. */
export function createStore<T>(initial: T) {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getSnapshot: (): T => state,
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    set(next: T): void {
      if (Object.is(next, state)) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    update(fn: (s: T) => T): void { this.set(fn(state)); },
  };
}

const store = createStore<DbProgress>(INITIAL_PROGRESS);

/** Subscribes to changes; returns the unsubscribe function. */
export const subscribe = store.subscribe;
/** The current state (a new object after each change, the same object otherwise). */
export const getSnapshot = store.getSnapshot;

/** Updates the engine's state (internal to src/db). */
export function setEngine(patch: Partial<EngineProgress>): void {
  store.update((s) => ({ ...s, engine: { ...s.engine, ...patch } }));
}

/** Updates one table's state, creating it if new (internal to src/db). */
export function setTable(name: string, patch: Partial<TableProgress>): void {
  store.update((s) => {
    const prev: TableProgress = s.tables[name] ?? { name, state: 'idle', bytesLoaded: 0, bytesTotal: 0, rows: null, error: null, ms: null };
    return { ...s, tables: { ...s.tables, [name]: { ...prev, ...patch } } };
  });
}

/** Back to the initial state (when a different snapshot is opened, and in tests). */
export function resetProgress(keepEngine = true): void {
  store.update((s) => ({ engine: keepEngine ? s.engine : INITIAL_PROGRESS.engine, tables: {} }));
}
