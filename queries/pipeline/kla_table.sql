-- The published KLA table: one row per kab/kota per evaluation year; the category follows from the score
-- thresholds (kla_thresholds, from src/domain/kla.ts), never from the stated category.
-- Tables: raw_input (kla), region_map, kla_thresholds.
-- Columns: those of the `kla` table in src/domain/tables.ts.
SELECT
  parse_integer(r.tahun) AS year,
  m.region_code,
  left(m.region_code, 2) AS province_code,
  parse_decimal(r.nilai_total) AS score,
  t.code AS category,
  parse_decimal(r.nilai_kelembagaan) AS score_institutional,
  parse_decimal(r.nilai_klaster_1) AS score_cluster_1,
  parse_decimal(r.nilai_klaster_2) AS score_cluster_2,
  parse_decimal(r.nilai_klaster_3) AS score_cluster_3,
  parse_decimal(r.nilai_klaster_4) AS score_cluster_4,
  parse_decimal(r.nilai_klaster_5) AS score_cluster_5
FROM raw_input r
JOIN region_map m ON m.raw_value = r.wilayah
JOIN kla_thresholds t ON round(parse_decimal(r.nilai_total)) BETWEEN t.min_points AND t.max_points
ORDER BY year, region_code
