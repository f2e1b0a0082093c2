// The console's refusals in words: the guard (src/db/console-guard.ts) says what kind of statement it refused and
// what it named; this page says it to the user, in both languages, naming that subject.
import type { Label } from '../../../domain/label.ts';
import { ALLOWED_TABLE_FUNCTIONS, type Refusal, type RefusalKind } from '../../../db/console-guard.ts';

const q = (s: string) => `"${s}"`;

const MESSAGES: Record<RefusalKind, (s: string) => Label> = {
  empty: () => ({ id: 'Tidak ada pernyataan SQL untuk dijalankan.', en: 'There is no SQL statement to run.' }),
  multiple: () => ({
    id: 'Ditolak: hanya satu pernyataan SELECT per kali jalan (ditemukan beberapa pernyataan yang dipisah titik koma).',
    en: 'Refused: only one SELECT statement per run (several statements separated by semicolons were found).',
  }),
  write: (s) => ({
    id: `Ditolak: ${s} mengubah data atau struktur (tulis/DDL). Konsol ini hanya-baca: gunakan SELECT.`,
    en: `Refused: ${s} changes data or structure (writes/DDL). This console is read-only: use SELECT.`,
  }),
  attach: (s) => ({
    id: `Ditolak: ${s} (memasang atau melepas basis data lain) tidak diizinkan; hanya tabel yang dipublikasikan.`,
    en: `Refused: ${s} (attaching or detaching another database) is not allowed; only the published tables.`,
  }),
  extension: (s) => ({
    id: `Ditolak: ${s} (memasang atau memuat ekstensi) tidak diizinkan; aplikasi ini tidak mengunduh apa pun.`,
    en: `Refused: ${s} (installing or loading an extension) is not allowed; this app downloads nothing.`,
  }),
  copy: (s) => ({
    id: `Ditolak: ${s} (menyalin ke atau dari berkas) tidak diizinkan. Gunakan tombol unduh hasil.`,
    en: `Refused: ${s} (copying to or from a file) is not allowed. Use the result's download buttons.`,
  }),
  config: (s) => ({
    id: `Ditolak: ${s} (mengubah atau membaca pengaturan mesin) tidak diizinkan.`,
    en: `Refused: ${s} (changing or reading engine settings) is not allowed.`,
  }),
  call: (s) => ({
    id: `Ditolak: ${s} (memanggil prosedur atau pernyataan tersiap) tidak diizinkan; gunakan SELECT.`,
    en: `Refused: ${s} (calling a procedure or prepared statement) is not allowed; use SELECT.`,
  }),
  'not-select': (s) => ({
    id: `Ditolak: hanya satu pernyataan SELECT yang diizinkan${s ? ` (ditemukan ${s})` : ''}.`,
    en: `Refused: only a single SELECT statement is allowed${s ? ` (found ${s})` : ''}.`,
  }),
  file: (s) => ({
    id: `Ditolak: akses berkas atau jaringan (${s}). Konsol hanya membaca tabel yang dipublikasikan.`,
    en: `Refused: file or network access (${s}). The console reads only the published tables.`,
  }),
  environment: (s) => ({
    id: `Ditolak: ${s} membaca lingkungan, pengaturan atau katalog mesin. Konsol hanya membaca tabel yang dipublikasikan.`,
    en: `Refused: ${s} reads the environment, settings or the engine's catalog. The console reads only the published tables.`,
  }),
  function: (s) => ({
    id: `Ditolak: fungsi ${s} tidak diizinkan di konsol.`,
    en: `Refused: the function ${s} is not allowed in the console.`,
  }),
  'table-function': (s) => ({
    id: `Ditolak: fungsi tabel ${s} tidak diizinkan; yang diizinkan: ${ALLOWED_TABLE_FUNCTIONS.join(', ')}.`,
    en: `Refused: the table function ${s} is not allowed; allowed: ${ALLOWED_TABLE_FUNCTIONS.join(', ')}.`,
  }),
  'unknown-table': (s) => ({
    id: `Ditolak: tabel tidak dikenal ${q(s)}. Hanya tabel yang dipublikasikan (lihat daftar) atau nama CTE dalam kueri.`,
    en: `Refused: unknown table ${q(s)}. Only the published tables (see the list) or a CTE named in the query.`,
  }),
  schema: (s) => ({
    id: `Ditolak: ${q(s)} merujuk katalog atau skema selain main.`,
    en: `Refused: ${q(s)} refers to a catalog or schema other than main.`,
  }),
};

/** The message of a refusal in both languages, naming what was refused. */
export const refusalMessage = (r: Refusal): Label => MESSAGES[r.kind](r.subject);
