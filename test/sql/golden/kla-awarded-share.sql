-- Indicator kla-awarded-share.
-- Indicator family regency_share: the share of the kab/kota of a province (or of Indonesia) with a row of kla
-- meeting a condition in a year, in per cent; province and national levels. Condition: category <> 'tidak_ada'.
-- value = 100 x numerator / denominator; numerator = kab/kota meeting the condition that year, denominator = every
-- kab/kota of the region in `regions` (Kemendagri 2025), in the table or not: a kab/kota absent counts as not meeting it.
-- Every year of the table. Never withheld (not counts of children).
-- Tables: kla, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE, denominator DOUBLE.
WITH areas AS (
  -- every kab/kota counts in Indonesia and in its province
  SELECT area, count(*) AS regencies
  FROM (SELECT unnest(['00', province_code]) AS area FROM regions WHERE level = 'regency')
  GROUP BY area
),
awarded AS (
  SELECT area, year, count(*) AS awarded
  FROM (SELECT unnest(['00', province_code]) AS area, year FROM kla WHERE category <> 'tidak_ada')
  GROUP BY area, year
),
grid AS (
  SELECT y.year, r.region_code, r.level
  FROM (SELECT DISTINCT year FROM kla) y
  CROSS JOIN regions r
  WHERE r.level IN ('national', 'province')
)
SELECT
  g.year::INTEGER AS year,
  g.region_code::VARCHAR AS region_code,
  g.level::VARCHAR AS level,
  (coalesce(w.awarded, 0) * 100.0 / nullif(a.regencies, 0))::DOUBLE AS value,
  false AS suppressed,
  coalesce(w.awarded, 0)::DOUBLE AS numerator,
  coalesce(a.regencies, 0)::DOUBLE AS denominator
FROM grid g
LEFT JOIN areas a ON a.area = g.region_code
LEFT JOIN awarded w ON w.area = g.region_code AND w.year = g.year
ORDER BY year, region_code
