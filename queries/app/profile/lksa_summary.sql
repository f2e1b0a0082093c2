-- The LKSA of Indonesia, one province or one kab/kota counted by accreditation and by licence status: every code of
-- the two code lists (zeros included), in the code lists' order. Institutions are not children: never withheld.
-- Tables: lksa, codes. Params: $region VARCHAR ('00' = Indonesia, '32' = a province, '32.73' = a kab/kota).
-- Columns: dimension VARCHAR ('accreditation' | 'licence_status'), code VARCHAR, ord INTEGER, institutions INTEGER.
WITH here AS (
  SELECT accreditation, licence_status
  FROM lksa
  WHERE $region = '00' OR region_code = $region OR province_code = $region
),
counted AS (
  SELECT 'accreditation' AS dimension, accreditation AS code, count(*) AS n FROM here GROUP BY accreditation
  UNION ALL
  SELECT 'licence_status', licence_status, count(*) FROM here GROUP BY licence_status
)
SELECT
  c.vocabulary::VARCHAR AS dimension,
  c.code::VARCHAR AS code,
  c.ord::INTEGER AS ord,
  coalesce(n.n, 0)::INTEGER AS institutions
FROM codes c
LEFT JOIN counted n ON n.dimension = c.vocabulary AND n.code = c.code
WHERE c.vocabulary IN ('accreditation', 'licence_status')
ORDER BY dimension, ord
