-- Indicator family count: a published count ({{measure}} of {{table}}) by year and region, every year and level of
-- {{table}}. value = the count; NULL and suppressed when withheld by disclosure control; regions absent from the
-- table: NULL, not suppressed.
-- Tables: {{table}}, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN,
--          numerator DOUBLE (NULL), denominator DOUBLE (NULL).
WITH grid AS (
  SELECT y.year, r.region_code, r.level
  FROM (SELECT DISTINCT year, level FROM {{table}}) y
  JOIN regions r ON r.level = y.level
)
SELECT
  g.year::INTEGER AS year,
  g.region_code::VARCHAR AS region_code,
  g.level::VARCHAR AS level,
  t.{{measure}}::DOUBLE AS value,
  coalesce(t.suppressed, false) AS suppressed,
  NULL::DOUBLE AS numerator,
  NULL::DOUBLE AS denominator
FROM grid g
LEFT JOIN {{table}} t ON t.year = g.year AND t.region_code = g.region_code
ORDER BY year, region_code
