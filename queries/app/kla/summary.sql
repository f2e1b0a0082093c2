-- National KLA summary for one evaluation year: kab/kota evaluated, with any category (awarded), the share awarded,
-- the average total score, and the kab/kota of Indonesia not evaluated that year.
-- Tables: kla, regions. Params: $year INTEGER.
-- Columns: year INTEGER, evaluated INTEGER, awarded INTEGER, awarded_pct DOUBLE (1 decimal), average_score DOUBLE
--          (1 decimal), not_evaluated INTEGER.
WITH k AS (
  SELECT * FROM kla WHERE year = $year
)
SELECT
  $year::INTEGER AS year,
  count(*)::INTEGER AS evaluated,
  count(*) FILTER (WHERE category <> 'tidak_ada')::INTEGER AS awarded,
  round(100.0 * count(*) FILTER (WHERE category <> 'tidak_ada') / nullif(count(*), 0), 1)::DOUBLE AS awarded_pct,
  round(avg(score), 1)::DOUBLE AS average_score,
  ((SELECT count(*) FROM regions WHERE level = 'regency') - count(*))::INTEGER AS not_evaluated
FROM k
