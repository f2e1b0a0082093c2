-- Indicator kla-movement: the direction in which each kab/kota's KLA category moved since the previous evaluation,
-- regency level only. The previous evaluation of a year is the latest earlier year present in the kla table.
-- value = index into the indicator's categories: 0 turun (moved down at least one category), 1 tetap (same category),
-- 2 naik (moved up at least one category), i.e. sign(category now - category before) + 1. numerator = category position
-- now, denominator = category position at the previous evaluation (codes.ord of kla_category, 0 = tidak_ada .. 5 = kla).
-- The first evaluation year, or a kab/kota not evaluated in either year: NULL, not suppressed. Never withheld.
-- Tables: kla, codes, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE, denominator DOUBLE.
WITH years AS (
  SELECT year, lag(year) OVER (ORDER BY year) AS previous_year
  FROM (SELECT DISTINCT year FROM kla)
),
ranked AS (
  SELECT k.year, k.region_code, c.ord
  FROM kla k
  JOIN codes c ON c.vocabulary = 'kla_category' AND c.code = k.category
)
SELECT
  y.year::INTEGER AS year,
  r.region_code::VARCHAR AS region_code,
  r.level::VARCHAR AS level,
  (sign(now.ord - before.ord) + 1)::DOUBLE AS value,
  false AS suppressed,
  now.ord::DOUBLE AS numerator,
  before.ord::DOUBLE AS denominator
FROM years y
CROSS JOIN regions r
LEFT JOIN ranked now ON now.year = y.year AND now.region_code = r.region_code
LEFT JOIN ranked before ON before.year = y.previous_year AND before.region_code = r.region_code
WHERE r.level = 'regency'
ORDER BY year, region_code
