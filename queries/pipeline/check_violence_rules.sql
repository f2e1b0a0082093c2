-- Rules across rows of the violence file: a case (id_kasus) belongs to one regency/city; case ids that differ only in
-- letter case are refused (they would count as two cases); a row identical to an earlier one (the same export pasted
-- twice) is refused, and so is the same id_korban twice in one case.
-- Tables: raw_input (violence), region_map(raw_value, region_code).
-- Columns: row INTEGER, column_name VARCHAR, value VARCHAR, message VARCHAR.
WITH cases AS (
  -- One aggregation over all rows; everything below works on the few cases it singles out.
  SELECT id_kasus, count(*) AS n, min(wilayah) AS w_min, max(wilayah) AS w_max, min(__row) AS first_row
  FROM raw_input WHERE id_kasus IS NOT NULL GROUP BY id_kasus
),
split_cases AS (
  -- Cases written with more than one region spelling; a split is real only if the spellings map to several codes.
  SELECT r.id_kasus, string_agg(DISTINCT m.region_code, ', ' ORDER BY m.region_code) AS regions
  FROM raw_input r
  JOIN region_map m ON m.raw_value = r.wilayah
  WHERE r.id_kasus IN (SELECT id_kasus FROM cases WHERE w_min <> w_max)
  GROUP BY r.id_kasus
  HAVING count(DISTINCT m.region_code) > 1
),
case_variants AS (
  -- Spellings of one id that differ only in letter case: each is compared with the spelling seen first.
  SELECT id_kasus, first_value(id_kasus) OVER w AS first_id, first_value(first_row) OVER w AS first_id_row
  FROM cases
  WHERE lower(id_kasus) IN (SELECT lower(id_kasus) FROM cases GROUP BY lower(id_kasus) HAVING count(*) > 1)
  WINDOW w AS (PARTITION BY lower(id_kasus) ORDER BY first_row)
),
multi AS (
  SELECT * FROM raw_input WHERE id_kasus IN (SELECT id_kasus FROM cases WHERE n > 1)
),
identical AS (
  -- Rows equal in every column: all but the first of each group are reported.
  SELECT id_kasus, list(__row ORDER BY __row) AS rows_
  FROM multi
  GROUP BY id_kasus, id_korban, tanggal_lapor, wilayah, jenis_kelamin, usia, jenis_kekerasan, tempat_kejadian,
    hubungan_pelaku, disabilitas, layanan
  HAVING count(*) > 1
),
identical_rows AS (
  SELECT unnest(rows_[2:]) AS row, id_kasus, rows_[1] AS first_row FROM identical
),
same_victim AS (
  SELECT id_kasus, id_korban, list(__row ORDER BY __row) AS rows_
  FROM multi WHERE id_korban IS NOT NULL
  GROUP BY id_kasus, id_korban HAVING count(*) > 1
)
SELECT r.__row AS row, 'id_kasus' AS column_name, r.id_kasus AS value,
  'satu kasus tercatat di beberapa kabupaten/kota (' || s.regions || ') / one case recorded in several regencies' AS message
FROM raw_input r
JOIN split_cases s USING (id_kasus)
UNION ALL
SELECT r.__row, 'id_kasus', r.id_kasus,
  format('berbeda dengan "{}" (baris {}) hanya pada huruf besar/kecil; tulis sama / differs from "{}" (row {}) only in letter case; write it the same way',
    v.first_id, v.first_id_row, v.first_id, v.first_id_row)
FROM raw_input r
JOIN case_variants v ON v.id_kasus = r.id_kasus AND v.id_kasus <> v.first_id
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
