-- Indicator violence-victim-rate.
-- Indicator family rate: a published count (victims of violence_totals) per 100000 of a population (regions.child_population),
-- every year and level of violence_totals. value = 100000 x numerator / denominator; numerator = the count, denominator = the
-- population (the same for every year when it is an estimate). A withheld count: NULL with suppressed = true; a zero or
-- unknown population: NULL with suppressed = false. Full precision (the app rounds).
-- Tables: violence_totals, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE, denominator DOUBLE.
WITH grid AS (
  SELECT y.year, r.region_code, r.level, r.child_population AS population
  FROM (SELECT DISTINCT year, level FROM violence_totals) y
  JOIN regions r ON r.level = y.level
)
SELECT
  g.year::INTEGER AS year,
  g.region_code::VARCHAR AS region_code,
  g.level::VARCHAR AS level,
  CASE WHEN coalesce(t.suppressed, false) THEN NULL
       ELSE t.victims * 100000.0 / nullif(g.population, 0) END::DOUBLE AS value,
  coalesce(t.suppressed, false) AS suppressed,
  t.victims::DOUBLE AS numerator,
  g.population::DOUBLE AS denominator
FROM grid g
LEFT JOIN violence_totals t ON t.year = g.year AND t.region_code = g.region_code
ORDER BY year, region_code
