-- Movements of kab/kota between the KLA categories of two evaluations: how many went from each category in year
-- $year_a to each category in year $year_b. A kab/kota evaluated in only one of the two years has NULL for the other.
-- Tables: kla. Params: $year_a INTEGER (the earlier evaluation), $year_b INTEGER (the later evaluation).
-- Columns: from_category VARCHAR, to_category VARCHAR, regencies INTEGER.
WITH a AS (
  SELECT region_code, category FROM kla WHERE year = $year_a
),
b AS (
  SELECT region_code, category FROM kla WHERE year = $year_b
)
SELECT
  a.category AS from_category,
  b.category AS to_category,
  count(*)::INTEGER AS regencies
FROM a
FULL OUTER JOIN b USING (region_code)
GROUP BY a.category, b.category
ORDER BY from_category NULLS LAST, to_category NULLS LAST
