-- Rules across rows of the violence file: a case (id_kasus) belongs to one regency/city.
-- Tables: raw_input (violence), region_map(raw_value, region_code).
-- Columns: row INTEGER, column_name VARCHAR, value VARCHAR, message VARCHAR.
WITH resolved AS (
  SELECT r.__row, r.id_kasus, m.region_code
  FROM raw_input r
  JOIN region_map m ON m.raw_value = r.wilayah
  WHERE r.id_kasus IS NOT NULL
),
split_ids AS (
  -- min <> max finds them with cheap aggregates; the list of regions is made for those cases only.
  SELECT id_kasus FROM resolved GROUP BY id_kasus HAVING min(region_code) <> max(region_code)
),
split_cases AS (
  SELECT id_kasus, string_agg(DISTINCT region_code, ', ' ORDER BY region_code) AS regions
  FROM resolved
  WHERE id_kasus IN (SELECT id_kasus FROM split_ids)
  GROUP BY id_kasus
)
SELECT r.__row AS row, 'id_kasus' AS column_name, r.id_kasus AS value,
  'satu kasus tercatat di beberapa kabupaten/kota (' || s.regions || ') / one case recorded in several regencies' AS message
FROM resolved r
JOIN split_cases s USING (id_kasus)
ORDER BY row
