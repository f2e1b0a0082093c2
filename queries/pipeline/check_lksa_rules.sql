-- Rules across columns and rows of the LKSA registry.
-- Tables: raw_input (lksa). Params: $reference_date DATE.
-- Columns: row INTEGER, column_name VARCHAR, value VARCHAR, message VARCHAR.
WITH dup AS (
  SELECT id_lksa FROM raw_input WHERE id_lksa IS NOT NULL GROUP BY id_lksa HAVING count(*) > 1
),
case_variants AS (
  -- Ids that differ only in letter case: each row is compared with the spelling seen first.
  SELECT __row, id_lksa, first_value(id_lksa) OVER w AS first_id, first_value(__row) OVER w AS first_row
  FROM raw_input WHERE id_lksa IS NOT NULL
  WINDOW w AS (PARTITION BY lower(id_lksa) ORDER BY __row)
)
SELECT __row AS row, 'id_lksa' AS column_name, id_lksa AS value,
  'id_lksa ganda / duplicate id_lksa' AS message
FROM raw_input WHERE id_lksa IN (SELECT id_lksa FROM dup)
UNION ALL
SELECT __row, 'id_lksa', id_lksa,
  format('berbeda dengan "{}" (baris {}) hanya pada huruf besar/kecil / differs from "{}" (row {}) only in letter case', first_id, first_row, first_id, first_row)
FROM case_variants WHERE id_lksa <> first_id AND lower(id_lksa) = lower(first_id)
UNION ALL
SELECT __row, 'izin_berlaku_sampai', izin_berlaku_sampai,
  'wajib diisi bila status_izin = berlaku / required when status_izin = berlaku'
FROM raw_input WHERE status_izin = 'berlaku' AND izin_berlaku_sampai IS NULL
UNION ALL
SELECT __row, 'tahun_akreditasi', tahun_akreditasi,
  'wajib diisi bila akreditasi A, B atau C / required for accreditation A, B or C'
FROM raw_input WHERE akreditasi IN ('A', 'B', 'C') AND tahun_akreditasi IS NULL
UNION ALL
SELECT __row, 'tahun_akreditasi', tahun_akreditasi,
  'harus kosong bila akreditasi = belum / must be empty when akreditasi = belum'
FROM raw_input WHERE akreditasi = 'belum' AND tahun_akreditasi IS NOT NULL
UNION ALL
SELECT __row, 'tahun_akreditasi', tahun_akreditasi,
  'setelah tahun acuan snapshot / after the snapshot reference year'
FROM raw_input WHERE parse_integer(tahun_akreditasi) > year($reference_date::DATE)
UNION ALL
SELECT __row, CASE WHEN lintang IS NULL THEN 'lintang' ELSE 'bujur' END, NULL,
  'lintang dan bujur diisi berdua atau dikosongkan berdua / give lintang and bujur together or neither'
FROM raw_input WHERE (lintang IS NULL) <> (bujur IS NULL)
ORDER BY row, column_name
