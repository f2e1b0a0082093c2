// What went wrong while loading, in the user's language: one classification of every load failure (the engine, a
// table, the snapshot's files, a page's code) and its message. Pure: unit-tested in Node. The component that shows it
// is components/LoadFailure.tsx.
import type { Label } from '../domain/label.ts';
import { L } from '../domain/label.ts';
import { ENGINE_STALL_MS, EngineStartError, TableLoadError, TABLE_STALL_MS, type EngineFault, type TableFault } from '../db/load-errors.ts';
import { SnapshotLoadError } from '../db/snapshot.ts';

export interface Fault {
  /** The same failure has the same key wherever it shows (the page names it once). */
  key: string;
  kind: 'engine' | 'table' | 'snapshot' | 'code' | 'other';
  /** What happened, in both languages. */
  message: Label;
  /** The technical words (the browser's or DuckDB's, in English), for a report. */
  detail: string;
}

const seconds = (ms: number) => String(Math.round(ms / 1000));

const ENGINE: Record<EngineFault, Label> = {
  'worker-missing': L(
    'Mesin kueri tidak dapat dimulai: berkas pekerjanya (worker) tidak dapat dimuat dari server.',
    'The query engine could not start: its worker file could not be loaded from the server.'),
  'wasm-missing': L(
    'Mesin kueri tidak dapat dimulai: berkas mesinnya (.wasm) tidak ditemukan di server.',
    'The query engine could not start: its engine file (.wasm) was not found on the server.'),
  'wasm-type': L(
    'Mesin kueri tidak dapat dimulai: server mengirim berkas mesin (.wasm) bukan sebagai application/wasm (berkas hilang, atau tipe MIME salah; lihat docs/deploy.md).',
    'The query engine could not start: the server did not send the engine file (.wasm) as application/wasm (a missing file, or a wrong MIME type; see docs/deploy.md).'),
  'wasm-invalid': L(
    'Mesin kueri tidak dapat dimulai: berkas mesinnya (.wasm) rusak atau terpotong.',
    'The query engine could not start: its engine file (.wasm) is damaged or truncated.'),
  stalled: L(
    `Mesin kueri tidak dapat dimulai: unduhannya macet (tidak ada kemajuan selama ${seconds(ENGINE_STALL_MS)} detik).`,
    `The query engine could not start: its download stalled (no progress for ${seconds(ENGINE_STALL_MS)} seconds).`),
  unknown: L('Mesin kueri tidak dapat dimulai.', 'The query engine could not start.'),
};

const TABLE: Record<TableFault, (t: string, status: number | undefined) => Label> = {
  'unknown-table': (t) => L(`Tabel ${t} tidak ada dalam snapshot ini.`, `Table ${t} is not in this snapshot.`),
  'not-found': (t) => L(`Tabel ${t} tidak ditemukan di server (berkasnya hilang).`, `Table ${t} was not found on the server (its file is missing).`),
  http: (t, status) => L(`Server menolak mengirim tabel ${t} (HTTP ${status ?? '?'}).`, `The server refused to send table ${t} (HTTP ${status ?? '?'}).`),
  network: (t) => L(`Tabel ${t} tidak dapat diunduh: koneksi terputus.`, `Table ${t} could not be downloaded: the connection dropped.`),
  stalled: (t) => L(
    `Unduhan tabel ${t} macet: tidak ada data selama ${seconds(TABLE_STALL_MS)} detik.`,
    `The download of table ${t} stalled: no data for ${seconds(TABLE_STALL_MS)} seconds.`),
  corrupt: (t) => L(`Berkas tabel ${t} rusak atau tidak cocok dengan manifes snapshot.`, `The file of table ${t} is damaged or does not match the snapshot's manifest.`),
  insert: (t) => L(`Tabel ${t} tidak dapat dimasukkan ke mesin kueri.`, `Table ${t} could not be put into the query engine.`),
};

const CODE = L(
  'Bagian aplikasi ini tidak dapat dimuat: koneksi terputus sebelum kodenya tiba.',
  'This part of the app could not be loaded: the connection dropped before its code arrived.');

/** A failure to fetch a page's code (a lazy chunk or its stylesheet), as Chromium, Firefox, Safari and Vite word it. */
export function isCodeLoadError(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(m);
}

/** The failures inside an error (an AggregateError holds one per table). */
function flatten(e: unknown): unknown[] {
  return e instanceof AggregateError ? e.errors.flatMap(flatten) : [e];
}

/** One failure described. */
export function describeFault(e: unknown): Fault {
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof EngineStartError) return { key: 'engine', kind: 'engine', message: ENGINE[e.fault], detail };
  if (e instanceof TableLoadError) return { key: `table:${e.table}`, kind: 'table', message: TABLE[e.code](e.table, e.status), detail };
  if (e instanceof SnapshotLoadError) {
    const offline = e.code === 'network';
    return {
      key: 'snapshot', kind: 'snapshot', detail,
      message: offline
        ? L('Data snapshot tidak dapat dibuka: koneksi terputus.', 'The data snapshot could not be opened: the connection dropped.')
        : L('Data snapshot tidak dapat dibuka: daftar snapshot atau manifesnya hilang atau rusak.', 'The data snapshot could not be opened: its list or manifest is missing or damaged.'),
    };
  }
  if (e instanceof RenderError) {
    return { key: `render:${detail}`, kind: 'other', detail, message: L('Halaman ini gagal ditampilkan karena kesalahan aplikasi.', 'This page could not be shown because of an error in the app.') };
  }
  if (isCodeLoadError(e)) return { key: `code:${detail}`, kind: 'code', message: CODE, detail };
  return { key: `other:${detail}`, kind: 'other', message: L('Data tidak dapat dimuat.', 'The data could not be loaded.'), detail };
}

/** Every distinct failure inside an error, described (one per key). */
export function describeFaults(e: unknown): Fault[] {
  const seen = new Set<string>();
  return flatten(e).map(describeFault).filter((f) => !seen.has(f.key) && seen.add(f.key));
}

/** The engine's failure as the progress store holds it (its fault and the browser's words). */
export const engineFaultOf = (fault: EngineFault | null, detail: string | null): Fault =>
  describeFault(new EngineStartError(fault ?? 'unknown', detail ?? ''));

/** A view that threw while rendering (not a load failure): the boundary's wrapper around what was thrown. */
export class RenderError extends Error {
  override name = 'RenderError';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
