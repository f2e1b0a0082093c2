import { L } from '../../../domain/label.ts';

// Texts of the SQL console page. The guard's refusals (src/db/console-guard.ts) are worded in refusals.ts.


export const TEXT = {
  heading: L('Konsol SQL', 'SQL console'),
  intro: L(
    'Tulis satu pernyataan SELECT (DuckDB SQL) atas tabel yang dipublikasikan. Konsol ini hanya-baca: tidak ada penulisan, berkas, jaringan atau ekstensi. Ctrl+Enter (⌘+Enter) menjalankan kueri; kueri disimpan di alamat halaman sehingga tautannya bisa dibagikan.',
    'Write one SELECT statement (DuckDB SQL) over the published tables. The console is read-only: no writes, files, network or extensions. Ctrl+Enter (⌘+Enter) runs the query; the query is kept in the page address, so its link can be shared.',
  ),
  editor: L('Pernyataan SQL', 'SQL statement'),
  run: L('Jalankan', 'Run'),
  cancel: L('Batalkan', 'Cancel'),
  running: L('Menjalankan… {s} dtk', 'Running… {s} s'),
  done: L('{n} baris dalam {s} dtk', '{n} rows in {s} s'),
  cancelled: L('Kueri dibatalkan.', 'Query cancelled.'),
  error: L('Kueri gagal', 'Query failed'),
  refused: L('Kueri ditolak', 'Query refused'),
  capped: L(
    'Hanya {cap} baris pertama yang diambil; kueri menghasilkan lebih banyak. Persempit dengan WHERE, GROUP BY atau LIMIT.',
    'Only the first {cap} rows were fetched; the query returns more. Narrow it with WHERE, GROUP BY or LIMIT.',
  ),
  cappedBytes: L(
    'Hanya {n} baris pertama yang diambil: hasilnya melebihi batas {mb} MB konsol. Persempit dengan WHERE, GROUP BY atau LIMIT, atau pilih kolom yang lebih sedikit.',
    'Only the first {n} rows were fetched: the result exceeds the console\'s {mb} MB cap. Narrow it with WHERE, GROUP BY or LIMIT, or select fewer columns.',
  ),
  errorAt: L('Baris {line}, kolom {column} dari pernyataan Anda:', 'Line {line}, column {column} of your statement:'),
  linkTooLong: L(
    'Pernyataan ini ({n} karakter) terlalu panjang untuk tautan (batas {max} karakter untuk seluruh alamat): alamat halaman tidak memuatnya, jadi tautan yang dibagikan tidak membawa kueri ini. Bagikan teksnya, atau query.sql dari unduhan hasil.',
    'This statement ({n} characters) is too long for a link (the limit is {max} characters for the whole address): the page address leaves it out, so a shared link does not carry this query. Share its text, or the query.sql of a result download.',
  ),
  shown: L('Menampilkan {shown} dari {n} baris.', 'Showing {shown} of {n} rows.'),
  result: L('Hasil kueri', 'Query result'),
  noRows: L('Kueri tidak menghasilkan baris.', 'The query returned no rows.'),
  tables: L('Tabel yang dipublikasikan', 'Published tables'),
  tablesHint: L('Klik nama tabel atau kolom untuk menyisipkannya ke editor.', 'Click a table or column name to insert it into the editor.'),
  rows: L('{n} baris', '{n} rows'),
  columns: L('{n} kolom', '{n} columns'),
  insert: L('Sisipkan {name}', 'Insert {name}'),
  examples: L('Contoh kueri', 'Example queries'),
  allowedFunctions: L('Fungsi tabel yang diizinkan: {list}.', 'Table functions allowed: {list}.'),
  downloads: L('Unduh hasil', 'Download the result'),
  downloadTitle: L('Hasil kueri konsol SQL', 'SQL console query result'),
} as const;
