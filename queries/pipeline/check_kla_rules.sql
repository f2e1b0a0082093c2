-- Rules across columns and rows of the KLA evaluation file: one row per region and year, and a stated
-- category that agrees with the score thresholds.
-- Tables: raw_input (kla), region_map(raw_value, region_code), kla_thresholds(code, min_points, max_points).
-- Columns: row INTEGER, column_name VARCHAR, value VARCHAR, message VARCHAR.
WITH resolved AS (
  SELECT r.*, m.region_code, round(parse_decimal(r.nilai_total)) AS points
  FROM raw_input r
  LEFT JOIN region_map m ON m.raw_value = r.wilayah
),
dup AS (
  SELECT tahun, region_code FROM resolved
  WHERE region_code IS NOT NULL AND tahun IS NOT NULL
  GROUP BY tahun, region_code HAVING count(*) > 1
)
SELECT r.__row AS row, 'wilayah' AS column_name, r.wilayah AS value,
  format('wilayah {} muncul lebih dari sekali untuk tahun {} / region appears more than once in year {}', r.region_code, r.tahun, r.tahun) AS message
FROM resolved r JOIN dup d ON d.tahun = r.tahun AND d.region_code = r.region_code
UNION ALL
SELECT r.__row, 'kategori', r.kategori,
  format('tidak sesuai nilai_total {} (seharusnya {}) / does not match nilai_total {} (should be {})', r.nilai_total, t.code, r.nilai_total, t.code)
FROM resolved r
JOIN kla_thresholds t ON r.points BETWEEN t.min_points AND t.max_points
WHERE r.kategori IS NOT NULL AND r.kategori <> t.code
  AND r.kategori IN (SELECT code FROM kla_thresholds)
ORDER BY row, column_name
