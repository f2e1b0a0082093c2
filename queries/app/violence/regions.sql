-- The scopes the violence page offers: Indonesia ('00') first, then the provinces by code.
-- Tables: regions. Params: none.
-- Columns: region_code VARCHAR, level VARCHAR, name VARCHAR.
SELECT region_code, level, name
FROM regions
WHERE level IN ('national', 'province')
ORDER BY region_code
