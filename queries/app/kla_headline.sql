-- KLA categories in one evaluation year for Indonesia or one province: evaluated kab/kota and awards per category.
-- Tables: kla. Params: $year INTEGER, $region VARCHAR ('00' = Indonesia, or a province code).
-- Columns: year, evaluated, awarded, pratama, madya, nindya, utama, kla, average_score.
SELECT
  $year::INTEGER AS year,
  count(*)::INTEGER AS evaluated,
  count(*) FILTER (WHERE category <> 'tidak_ada')::INTEGER AS awarded,
  count(*) FILTER (WHERE category = 'pratama')::INTEGER AS pratama,
  count(*) FILTER (WHERE category = 'madya')::INTEGER AS madya,
  count(*) FILTER (WHERE category = 'nindya')::INTEGER AS nindya,
  count(*) FILTER (WHERE category = 'utama')::INTEGER AS utama,
  count(*) FILTER (WHERE category = 'kla')::INTEGER AS kla,
  round(avg(score), 1) AS average_score
FROM kla
WHERE year = $year AND ($region = '00' OR province_code = $region)
