-- Child victims and cases by year for Indonesia or one province: every year of violence_totals (the headline and the
-- trend). A withheld count is NULL with suppressed = true; a year without a row for the region is NULL, not suppressed.
-- Tables: violence_totals. Params: $region VARCHAR ('00' = Indonesia, or a province code).
-- Columns: year INTEGER, level VARCHAR, victims INTEGER, cases INTEGER, victims_per_case DOUBLE (2 decimals),
--          suppressed BOOLEAN.
WITH years AS (
  SELECT DISTINCT year FROM violence_totals
),
totals AS (
  SELECT year, level, victims, cases, suppressed FROM violence_totals WHERE region_code = $region
)
SELECT
  y.year::INTEGER AS year,
  t.level,
  t.victims::INTEGER AS victims,
  t.cases::INTEGER AS cases,
  round(t.victims / nullif(t.cases, 0), 2)::DOUBLE AS victims_per_case,
  coalesce(t.suppressed, false) AS suppressed
FROM years y
LEFT JOIN totals t USING (year)
ORDER BY y.year
