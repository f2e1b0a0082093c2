-- Institutions by accreditation grade, by recorded licence status and by kind of risk finding, for Indonesia ('00')
-- and, when $province is a province code, that province as well. Accreditation and licence categories come from the
-- `codes` table (zeros included); findings are the boolean finding_* columns of `lksa`, named by column (the app maps
-- columns to lksa_finding codes in src/app/views/lksa/findings.ts). share_pct is per cent of the area's institutions.
-- Tables: lksa, codes. Params: $province VARCHAR ('00' = Indonesia only; '32' = Indonesia and Jawa Barat).
-- Columns: area, dimension ('accreditation' | 'licence_status' | 'finding'), code, ord, institutions, share_pct.
WITH areas AS (
  SELECT DISTINCT unnest(['00', $province::VARCHAR]) AS area
),
placed AS (
  -- each institution counts in Indonesia and in its province
  SELECT unnest(['00', province_code]) AS area, * FROM lksa
),
scoped AS (
  SELECT p.* FROM placed p JOIN areas USING (area)
),
totals AS (
  SELECT a.area, count(s.lksa_id) AS n FROM areas a LEFT JOIN scoped s USING (area) GROUP BY a.area
),
categories AS (
  SELECT vocabulary AS dimension, code, ord FROM codes WHERE vocabulary IN ('accreditation', 'licence_status')
),
coded AS (
  SELECT area, 'accreditation' AS dimension, accreditation AS code FROM scoped
  UNION ALL
  SELECT area, 'licence_status' AS dimension, licence_status AS code FROM scoped
),
flags AS (
  UNPIVOT (SELECT area, COLUMNS(c -> starts_with(c, 'finding_') AND c <> 'finding_count') FROM scoped)
  ON COLUMNS(* EXCLUDE (area))
  INTO NAME code VALUE flagged
),
finding_columns AS (
  SELECT DISTINCT code FROM flags
),
counted AS (
  SELECT t.area, c.dimension, c.code, c.ord, count(x.code) AS institutions
  FROM totals t
  CROSS JOIN categories c
  LEFT JOIN coded x ON x.area = t.area AND x.dimension = c.dimension AND x.code = c.code
  GROUP BY t.area, c.dimension, c.code, c.ord
  UNION ALL
  SELECT t.area, 'finding' AS dimension, f.code, NULL AS ord, count(*) FILTER (WHERE g.flagged) AS institutions
  FROM totals t
  CROSS JOIN finding_columns f
  LEFT JOIN flags g ON g.area = t.area AND g.code = f.code
  GROUP BY t.area, f.code
)
SELECT
  c.area::VARCHAR AS area,
  c.dimension::VARCHAR AS dimension,
  c.code::VARCHAR AS code,
  c.ord::INTEGER AS ord,
  c.institutions::INTEGER AS institutions,
  round(100.0 * c.institutions / nullif(t.n, 0), 1) AS share_pct
FROM counted c
JOIN totals t USING (area)
ORDER BY c.area <> '00', c.area, c.dimension, c.ord NULLS LAST, c.code
