-- Indicator violence-sexual-share.
-- Indicator family breakdown_share: the share of all child victims (violence_totals) counted under one value of a
-- breakdown (violence_by_type.violence_type = 'seksual'), in per cent, every year and level of violence_by_type (often province level only:
-- the levels are read from the data). value = 100 x numerator / denominator; numerator = violence_by_type victims for that
-- value, denominator = violence_totals victims. Either count withheld: NULL, suppressed (a published count is never
-- divided by a withheld one). Denominator 0: NULL, not suppressed.
-- Tables: violence_by_type, violence_totals, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE, denominator DOUBLE.
WITH grid AS (
  SELECT y.year, r.region_code, r.level
  FROM (SELECT DISTINCT year, level FROM violence_by_type) y
  JOIN regions r ON r.level = y.level
),
joined AS (
  SELECT
    g.year, g.region_code, g.level,
    s.victims AS part,
    t.victims AS total,
    coalesce(s.suppressed, false) OR coalesce(t.suppressed, false) AS withheld
  FROM grid g
  LEFT JOIN violence_by_type s ON s.year = g.year AND s.region_code = g.region_code AND s.violence_type = 'seksual'
  LEFT JOIN violence_totals t ON t.year = g.year AND t.region_code = g.region_code
)
SELECT
  year::INTEGER AS year,
  region_code::VARCHAR AS region_code,
  level::VARCHAR AS level,
  CASE WHEN withheld THEN NULL ELSE part * 100.0 / nullif(total, 0) END::DOUBLE AS value,
  withheld AS suppressed,
  part::DOUBLE AS numerator,
  total::DOUBLE AS denominator
FROM joined
ORDER BY year, region_code
