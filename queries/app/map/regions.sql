-- Region names for the map explorer's table and tooltips: every province and kab/kota, with its province.
-- Tables: regions. Params: none.
-- Columns: region_code VARCHAR, level VARCHAR, name VARCHAR, province_code VARCHAR.
SELECT
  region_code::VARCHAR AS region_code,
  level::VARCHAR AS level,
  name::VARCHAR AS name,
  province_code::VARCHAR AS province_code
FROM regions
WHERE level IN ('province', 'regency')
ORDER BY region_code
