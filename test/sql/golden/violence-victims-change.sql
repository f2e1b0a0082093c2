-- Indicator violence-victims-change.
-- Indicator family change: the change in a published count (victims of violence_totals) from the previous calendar year,
-- in per cent, every year and level of violence_totals. value = 100 x numerator / denominator; numerator = the count this year
-- minus the year before, denominator = the count the year before. The first year (no previous year in the table):
-- NULL, not suppressed. Either count withheld: NULL, suppressed. Previous year 0: NULL, not suppressed.
-- Tables: violence_totals, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE, denominator DOUBLE.
WITH grid AS (
  SELECT y.year, r.region_code, r.level
  FROM (SELECT DISTINCT year, level FROM violence_totals) y
  JOIN regions r ON r.level = y.level
),
joined AS (
  SELECT
    g.year, g.region_code, g.level,
    c.victims AS current_count,
    p.victims AS previous_count,
    p.year IS NOT NULL AND (coalesce(c.suppressed, false) OR coalesce(p.suppressed, false)) AS withheld
  FROM grid g
  LEFT JOIN violence_totals c ON c.year = g.year AND c.region_code = g.region_code
  LEFT JOIN violence_totals p ON p.year = g.year - 1 AND p.region_code = g.region_code
)
SELECT
  year::INTEGER AS year,
  region_code::VARCHAR AS region_code,
  level::VARCHAR AS level,
  CASE WHEN withheld THEN NULL
       ELSE (current_count - previous_count) * 100.0 / nullif(previous_count, 0) END::DOUBLE AS value,
  withheld AS suppressed,
  (current_count - previous_count)::DOUBLE AS numerator,
  previous_count::DOUBLE AS denominator
FROM joined
ORDER BY year, region_code
