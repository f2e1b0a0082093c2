// Parquet -> Arrow IPC in a Web Worker (decode.worker.ts), shared by every table loader of the page (the dashboard's
// and the SQL console's), so a large table does not block the page while it loads.
import { parquetToIPC, type ColumnSpec } from './arrow.ts';
import type { DecodeRequest, DecodeResponse } from './decode.worker.ts';

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

/** Decodes a Parquet file's bytes (transferred, not copied) into Arrow IPC stream bytes. */
export function decodeParquet(bytes: Uint8Array, columns: ColumnSpec[]): Promise<{ ipc: Uint8Array; rows: number }> {
  const d = decodeWorker();
  if (!d) return parquetToIPC(bytes, columns);
  const id = d.next++;
  return new Promise((resolve, reject) => {
    d.pending.set(id, { resolve, reject });
    const message: DecodeRequest = { id, bytes, columns };
    d.worker.postMessage(message, [bytes.buffer]);
  });
}
