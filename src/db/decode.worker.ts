// A Web Worker that decodes Parquet into Arrow IPC (src/db/arrow.ts parquetToIPC), so a large table does not block
// the page while it loads. Started by src/db/tables.ts; one worker serves every table.
import { parquetToIPC, type ColumnSpec } from './arrow.ts';

export interface DecodeRequest { id: number; bytes: Uint8Array; columns: ColumnSpec[] }
export type DecodeResponse =
  | { id: number; ok: true; ipc: Uint8Array; rows: number }
  | { id: number; ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeResponse, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { id, bytes, columns } = e.data;
  parquetToIPC(bytes, columns).then(
    ({ ipc, rows }) => scope.postMessage({ id, ok: true, ipc, rows }, [ipc.buffer]),
    (err: unknown) => scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
