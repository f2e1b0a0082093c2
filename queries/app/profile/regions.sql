-- Every region for the profile's picker, breadcrumb and peer groups: Indonesia, 38 provinces, the kab/kota.
-- Tables: regions. Params: none.
-- Columns: region_code VARCHAR, level VARCHAR, name VARCHAR, province_code VARCHAR (NULL for Indonesia),
--          province_name VARCHAR (NULL for Indonesia), regency_type VARCHAR ('kabupaten' | 'kota', NULL above kab/kota),
--          population INTEGER, child_population INTEGER (an ESTIMATE).
SELECT
  r.region_code::VARCHAR AS region_code,
  r.level::VARCHAR AS level,
  r.name::VARCHAR AS name,
  r.province_code::VARCHAR AS province_code,
  p.name::VARCHAR AS province_name,
  r.regency_type::VARCHAR AS regency_type,
  r.population::INTEGER AS population,
  r.child_population::INTEGER AS child_population
FROM regions r
LEFT JOIN regions p ON p.region_code = r.province_code AND p.level = 'province'
ORDER BY r.region_code
