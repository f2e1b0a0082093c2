-- Indicator kla-average-score.
-- Indicator family mean: a measure (score of kla, one row per kab/kota and year) for each kab/kota, and its
-- simple average over the kab/kota of a province or of Indonesia with a value, per year; regency, province and national
-- levels. value = numerator / denominator; numerator = sum of the measure, denominator = kab/kota with a value (1 for a
-- kab/kota). Every region of these levels for every year of the table; none with a value: NULL, not suppressed. Never
-- withheld (not counts of children).
-- Tables: kla, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE, denominator DOUBLE.
WITH placed AS (
  -- each row counts in Indonesia, its province and its kab/kota
  SELECT unnest(['00', province_code, region_code]) AS area, year, score AS measure FROM kla
),
summed AS (
  SELECT area, year, sum(measure) AS total, count(measure) AS evaluated
  FROM placed
  GROUP BY area, year
),
grid AS (
  SELECT y.year, r.region_code, r.level
  FROM (SELECT DISTINCT year FROM kla) y
  CROSS JOIN regions r
)
SELECT
  g.year::INTEGER AS year,
  g.region_code::VARCHAR AS region_code,
  g.level::VARCHAR AS level,
  (s.total / nullif(s.evaluated, 0))::DOUBLE AS value,
  false AS suppressed,
  s.total::DOUBLE AS numerator,
  s.evaluated::DOUBLE AS denominator
FROM grid g
LEFT JOIN summed s ON s.area = g.region_code AND s.year = g.year
ORDER BY year, region_code
