-- Indicator violence-cases.
-- Indicator family count: a published count (cases of violence_totals) by year and region, every year and level of
-- violence_totals. value = the count; NULL and suppressed when withheld by disclosure control; regions absent from the
-- table: NULL, not suppressed.
-- Tables: violence_totals, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN,
--          numerator DOUBLE (NULL), denominator DOUBLE (NULL).
WITH grid AS (
  SELECT y.year, r.region_code, r.level
  FROM (SELECT DISTINCT year, level FROM violence_totals) y
  JOIN regions r ON r.level = y.level
)
SELECT
  g.year::INTEGER AS year,
  g.region_code::VARCHAR AS region_code,
  g.level::VARCHAR AS level,
  t.cases::DOUBLE AS value,
  coalesce(t.suppressed, false) AS suppressed,
  NULL::DOUBLE AS numerator,
  NULL::DOUBLE AS denominator
FROM grid g
LEFT JOIN violence_totals t ON t.year = g.year AND t.region_code = g.region_code
ORDER BY year, region_code
