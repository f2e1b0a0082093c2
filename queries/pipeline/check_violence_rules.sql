-- Rules across rows of the violence file: a case (id_kasus) belongs to one regency/city; case ids that differ only in
-- letter case are refused (they would count as two cases); a row identical to an earlier one (the same export pasted
-- twice) is refused, and so is the same id_korban twice in one case. Two different ids with the same 64-bit hash (the
-- case key of clean_violence.sql; about one chance in 10^6 for 10^7 cases) stop the build rather than merge two cases.
-- Every rule concerns an id written on more than one row: table violence_shared_cases (shared_cases.sql) holds them
-- (by a hash of the id: a collision only adds rows to check). Plain aggregations, which spill to disk whatever the
-- number of rows, find the candidates among their rows: the exact ids in more than one region spelling, the case keys
-- with more than one spelling, and the rows sharing a hash of all their columns or of (id_kasus, id_korban). The exact
-- checks (lists, windows) then run on the rows of those candidates alone: a few in a valid file, so little memory.
-- Tables: raw_input (violence), violence_shared_cases(k), region_map(raw_value, region_code).
-- Columns: row INTEGER, column_name VARCHAR, value VARCHAR, message VARCHAR.
WITH shared AS MATERIALIZED (
  SELECT *, hash(lower(id_kasus)) AS k FROM raw_input
  WHERE id_kasus IS NOT NULL AND hash(lower(id_kasus)) IN (SELECT k FROM violence_shared_cases)
),
ids AS MATERIALIZED (
  -- One row per exact id written on more than one row: whether its rows name more than one region (in any spelling).
  SELECT id_kasus, any_value(k) AS k, min(wilayah) <> max(wilayah) AS regions_differ FROM shared GROUP BY id_kasus
),
spelled_keys AS (
  SELECT k FROM ids GROUP BY k HAVING count(*) > 1
),
row_twins AS (
  SELECT hash(id_kasus, id_korban, tanggal_lapor, wilayah, jenis_kelamin, usia, jenis_kekerasan, tempat_kejadian, hubungan_pelaku,
    disabilitas, layanan) AS h
  FROM shared GROUP BY h HAVING count(*) > 1
),
victim_twins AS (
  SELECT hash(id_kasus, id_korban) AS h FROM shared WHERE id_korban IS NOT NULL GROUP BY h HAVING count(*) > 1
),
multi AS MATERIALIZED (
  -- The rows of every candidate; each exact check below sees all the rows of each group it forms.
  SELECT * EXCLUDE (k) FROM shared
  WHERE id_kasus IN (SELECT id_kasus FROM ids WHERE regions_differ)
    OR k IN (SELECT k FROM spelled_keys)
    OR hash(id_kasus, id_korban, tanggal_lapor, wilayah, jenis_kelamin, usia, jenis_kekerasan, tempat_kejadian,
      hubungan_pelaku, disabilitas, layanan) IN (SELECT h FROM row_twins)
    OR (id_korban IS NOT NULL AND hash(id_kasus, id_korban) IN (SELECT h FROM victim_twins))
),
split_cases AS (
  SELECT r.id_kasus, string_agg(DISTINCT m.region_code, ', ' ORDER BY m.region_code) AS regions
  FROM multi r
  JOIN region_map m ON m.raw_value = r.wilayah
  GROUP BY r.id_kasus
  HAVING count(DISTINCT m.region_code) > 1
),
case_variants AS (
  -- Spellings of one id that differ only in letter case: each row is compared with the spelling seen first.
  SELECT __row, id_kasus, first_value(id_kasus) OVER w AS first_id, first_value(__row) OVER w AS first_row
  FROM multi
  WINDOW w AS (PARTITION BY lower(id_kasus) ORDER BY __row)
),
identical AS (
  -- Rows equal in every column: all but the first of each group are reported.
  SELECT id_kasus, list(__row ORDER BY __row) AS rows_
  FROM multi
  GROUP BY id_kasus, id_korban, tanggal_lapor, wilayah, jenis_kelamin, usia, jenis_kekerasan, tempat_kejadian,
    hubungan_pelaku, disabilitas, layanan
  HAVING count(*) > 1
),
identical_rows AS MATERIALIZED (
  SELECT unnest(rows_[2:]) AS row, id_kasus, rows_[1] AS first_row FROM identical
),
hash_collisions AS (
  SELECT hash(lower(id_kasus)) AS k, min(id_kasus) AS a, max(id_kasus) AS b FROM multi
  GROUP BY k HAVING count(DISTINCT lower(id_kasus)) > 1
),
same_victim AS (
  SELECT id_kasus, id_korban, list(__row ORDER BY __row) AS rows_
  FROM multi WHERE id_korban IS NOT NULL
  GROUP BY id_kasus, id_korban HAVING count(*) > 1
)
SELECT r.__row AS row, 'id_kasus' AS column_name, r.id_kasus AS value,
  'satu kasus tercatat di beberapa kabupaten/kota (' || s.regions || ') / one case recorded in several regencies' AS message
FROM multi r
JOIN split_cases s USING (id_kasus)
UNION ALL
SELECT __row, 'id_kasus', id_kasus,
  format('berbeda dengan "{}" (baris {}) hanya pada huruf besar/kecil; tulis sama / differs from "{}" (row {}) only in letter case; write it the same way',
    first_id, first_row, first_id, first_row)
FROM case_variants WHERE id_kasus <> first_id
UNION ALL
SELECT row, 'id_kasus', id_kasus,
  format('baris sama persis dengan baris {} (ekspor ditempel dua kali?); bila memang anak yang berbeda, beri nomor di id_korban / identical to row {} (the export pasted twice?); if these are different children, number them in id_korban',
    first_row, first_row)
FROM identical_rows
UNION ALL
SELECT row, 'id_korban', id_korban,
  format('id_korban yang sama sudah ada di kasus ini (baris {}) / the same id_korban already appears in this case (row {})', first_row, first_row)
FROM (SELECT unnest(rows_[2:]) AS row, id_kasus, id_korban, rows_[1] AS first_row FROM same_victim)
WHERE row NOT IN (SELECT row FROM identical_rows)
UNION ALL
SELECT NULL, 'id_kasus', a,
  format('id_kasus "{}" dan "{}" berbagi hash 64-bit; ubah salah satu / case ids "{}" and "{}" share a 64-bit hash; change one', a, b, a, b)
FROM hash_collisions
