-- Kab/kota per KLA category in every evaluation year, zeros included, categories in the code order of the codes
-- table (tidak_ada = no category first) with labels in both languages. Categories follow the official thresholds
-- on the total score out of 1,000: Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900, KLA 901-1000.
-- Tables: kla, codes. Params: none.
-- Columns: year INTEGER, category VARCHAR, ord INTEGER, label_id VARCHAR, label_en VARCHAR, regencies INTEGER,
--          evaluated INTEGER (kab/kota evaluated that year).
WITH years AS (
  SELECT year, count(*) AS evaluated FROM kla GROUP BY year
),
categories AS (
  SELECT code, ord, label_id, label_en FROM codes WHERE vocabulary = 'kla_category'
)
SELECT
  y.year::INTEGER AS year,
  c.code AS category,
  c.ord::INTEGER AS ord,
  c.label_id,
  c.label_en,
  count(k.region_code)::INTEGER AS regencies,
  y.evaluated::INTEGER AS evaluated
FROM years y
CROSS JOIN categories c
LEFT JOIN kla k ON k.year = y.year AND k.category = c.code
GROUP BY y.year, c.code, c.ord, c.label_id, c.label_en, y.evaluated
ORDER BY y.year, c.ord
