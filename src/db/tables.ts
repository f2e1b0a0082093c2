// The browser's table loader: tables of the current snapshot, decoded in a Web Worker and inserted into the page's
// DuckDB engine.
import { parquetToIPC, type ColumnSpec } from './arrow.ts';
import { openEngine } from './engine.ts';
import { createTableLoader } from './loader.ts';
import { resetProgress, setTable } from './progress.ts';
import { currentSnapshot, onSnapshot } from './snapshot.ts';
import type { DecodeRequest, DecodeResponse } from './decode.worker.ts';

export { TableLoadError } from './loader.ts';

type Pending = { resolve: (r: { ipc: Uint8Array; rows: number }) => void; reject: (e: Error) => void };
let decoder: { worker: Worker; pending: Map<number, Pending>; next: number } | null | undefined;

/** The decoding worker, started on first use; null when workers are unavailable (decode on this thread then). */
function decodeWorker() {
  if (decoder !== undefined) return decoder;
  try {
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'pantau-parquet' });
    const pending = new Map<number, Pending>();
    worker.onmessage = (e: MessageEvent<DecodeResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve({ ipc: e.data.ipc, rows: e.data.rows });
      else p.reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      // The worker itself failed (e.g. could not load): fail what waits, and decode on this thread from now on.
      e.preventDefault();
      for (const p of pending.values()) p.reject(new Error(`the Parquet decoding worker failed: ${e.message || 'could not start'}`));
      pending.clear();
      worker.terminate();
      decoder = null;
    };
    decoder = { worker, pending, next: 1 };
  } catch {
    decoder = null;
  }
  return decoder;
}

function decode(bytes: Uint8Array, columns: ColumnSpec[]): Promise<{ ipc: Uint8Array; rows: number }> {
  const d = decodeWorker();
  if (!d) return parquetToIPC(bytes, columns);
  const id = d.next++;
  return new Promise((resolve, reject) => {
    d.pending.set(id, { resolve, reject });
    const message: DecodeRequest = { id, bytes, columns };
    d.worker.postMessage(message, [bytes.buffer]);
  });
}

const loader = createTableLoader({
  engine: openEngine,
  snapshot: currentSnapshot,
  onProgress: setTable,
  decode,
});

let lastBase: string | null = null;
onSnapshot((s) => {
  // Another snapshot: its tables load afresh (replacing the old ones on first use), so their progress restarts.
  if (lastBase !== null && lastBase !== s.base) resetProgress();
  lastBase = s.base;
});

/**
 * Loads each named table of the current snapshot that is not loaded yet: in parallel, each once even when asked
 * concurrently, with progress in the progress store. Rejects with a TableLoadError naming the table and the file
 * (several failures: an AggregateError listing them); other tables and later queries are unaffected, and a failed
 * table is tried again on the next call.
 */
export function ensureTables(names: string[]): Promise<void> {
  return loader.ensureTables(names);
}

/** The tables loaded and queryable now. */
export const loadedTables = (): string[] => loader.loaded();
