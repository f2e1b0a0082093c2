-- KLA categories per evaluation year for Indonesia or one province: how many kab/kota earned each category, every
-- category of the kla_category code list (zeros included), plus the kab/kota not evaluated that year.
-- Tables: kla, codes, regions. Params: $region VARCHAR ('00' = Indonesia, or a province code).
-- Columns: year INTEGER, category VARCHAR (a kla_category code, or 'not_evaluated'), ord INTEGER (display order;
--          not_evaluated last), regencies INTEGER.
WITH years AS (
  SELECT DISTINCT year FROM kla
),
regencies AS (
  SELECT region_code FROM regions WHERE level = 'regency' AND ($region = '00' OR province_code = $region)
),
evaluated AS (
  SELECT k.year, k.category
  FROM kla k
  JOIN regencies g USING (region_code)
),
categories AS (
  SELECT code AS category, ord FROM codes WHERE vocabulary = 'kla_category'
)
SELECT
  y.year::INTEGER AS year,
  c.category::VARCHAR AS category,
  c.ord::INTEGER AS ord,
  (SELECT count(*) FROM evaluated e WHERE e.year = y.year AND e.category = c.category)::INTEGER AS regencies
FROM years y
CROSS JOIN categories c
UNION ALL
SELECT
  y.year::INTEGER,
  'not_evaluated',
  (SELECT count(*) FROM categories)::INTEGER,
  ((SELECT count(*) FROM regencies) - (SELECT count(*) FROM evaluated e WHERE e.year = y.year))::INTEGER
FROM years y
ORDER BY year, ord
