-- KLA roll-up per province in one evaluation year: every province, kab/kota evaluated, with any category (awarded),
-- the share awarded, the average total score and the count per category. A province with no evaluated kab/kota has
-- 0 evaluated and NULL share and average.
-- Tables: kla, regions. Params: $year INTEGER.
-- Columns: region_code VARCHAR, name VARCHAR, evaluated INTEGER, awarded INTEGER, awarded_pct DOUBLE (1 decimal),
--          average_score DOUBLE (1 decimal), tidak_ada INTEGER, pratama INTEGER, madya INTEGER, nindya INTEGER,
--          utama INTEGER, kla INTEGER.
SELECT
  r.region_code,
  r.name,
  count(k.region_code)::INTEGER AS evaluated,
  count(*) FILTER (WHERE k.category <> 'tidak_ada')::INTEGER AS awarded,
  round(100.0 * count(*) FILTER (WHERE k.category <> 'tidak_ada') / nullif(count(k.region_code), 0), 1)::DOUBLE AS awarded_pct,
  round(avg(k.score), 1)::DOUBLE AS average_score,
  count(*) FILTER (WHERE k.category = 'tidak_ada')::INTEGER AS tidak_ada,
  count(*) FILTER (WHERE k.category = 'pratama')::INTEGER AS pratama,
  count(*) FILTER (WHERE k.category = 'madya')::INTEGER AS madya,
  count(*) FILTER (WHERE k.category = 'nindya')::INTEGER AS nindya,
  count(*) FILTER (WHERE k.category = 'utama')::INTEGER AS utama,
  count(*) FILTER (WHERE k.category = 'kla')::INTEGER AS kla
FROM regions r
LEFT JOIN kla k ON k.province_code = r.region_code AND k.year = $year
WHERE r.level = 'province'
GROUP BY r.region_code, r.name
ORDER BY r.region_code
