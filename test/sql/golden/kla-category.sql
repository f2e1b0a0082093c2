-- Indicator kla-category.
-- Indicator family category: the category (column category of kla, a code of the vocabulary 'kla_category')
-- of each kab/kota in each year of kla, regency level only. value = the category's position in the code list
-- (codes.ord, 0 = the first); for KLA 0 tidak_ada, 1 pratama, 2 madya, 3 nindya, 4 utama, 5 kla, the order of
-- KLA_CATEGORIES in src/domain/kla.ts. Every kab/kota for every year of the table; not evaluated that year: NULL, not
-- suppressed. Categories are not counts of children: never withheld.
-- Tables: kla, codes, regions. Params: none.
-- Columns: year INTEGER, region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN,
--          numerator DOUBLE (NULL), denominator DOUBLE (NULL).
WITH grid AS (
  SELECT y.year, r.region_code, r.level
  FROM (SELECT DISTINCT year FROM kla) y
  CROSS JOIN regions r
  WHERE r.level = 'regency'
)
SELECT
  g.year::INTEGER AS year,
  g.region_code::VARCHAR AS region_code,
  g.level::VARCHAR AS level,
  c.ord::DOUBLE AS value,
  false AS suppressed,
  NULL::DOUBLE AS numerator,
  NULL::DOUBLE AS denominator
FROM grid g
LEFT JOIN kla k ON k.year = g.year AND k.region_code = g.region_code
LEFT JOIN codes c ON c.vocabulary = 'kla_category' AND c.code = k.category
ORDER BY year, region_code
