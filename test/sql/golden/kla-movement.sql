-- Indicator kla-movement.
-- Indicator family category_movement: the direction in which each kab/kota's category (column category of kla,
-- vocabulary 'kla_category') moved since the previous evaluation, regency level only. The previous evaluation of a year
-- is the latest earlier year present in the table. value = 0 down (at least one category), 1 same, 2 up, i.e.
-- sign(category now - category before) + 1. numerator = category position now, denominator = category position at the
-- previous evaluation (codes.ord). The first year, or a kab/kota not evaluated in either year: NULL, not suppressed.
-- Never withheld.
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
