-- Indicator lksa-institutions.
-- Indicator family unit_count: the units of lksa (one row each, e.g. registered institutions) counted where they
-- are located. The table describes the snapshot reference date, so year is NULL. Every region of every level:
-- Indonesia ('00', national), provinces and kab/kota; a region without units has 0. Units are not children: never
-- withheld.
-- Tables: lksa, regions. Params: none.
-- Columns: year INTEGER (NULL), region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN,
--          numerator DOUBLE (NULL), denominator DOUBLE (NULL).
WITH placed AS (
  -- each unit counts in Indonesia, its province and its kab/kota
  SELECT unnest(['00', province_code, region_code]) AS area, lksa_id AS unit FROM lksa
)
SELECT
  NULL::INTEGER AS year,
  r.region_code::VARCHAR AS region_code,
  r.level::VARCHAR AS level,
  count(p.unit)::DOUBLE AS value,
  false AS suppressed,
  NULL::DOUBLE AS numerator,
  NULL::DOUBLE AS denominator
FROM regions r
LEFT JOIN placed p ON p.area = r.region_code
GROUP BY r.region_code, r.level
ORDER BY region_code
