-- Indicator lksa-risk-finding-share.
-- Indicator family unit_share: the share of the units of lksa (one row each) meeting a condition, in per cent,
-- counted where they are located. Condition: p.finding_count > 0.
-- The table describes the snapshot reference date, so year is NULL. Every region of every level: Indonesia ('00',
-- national), provinces and kab/kota aggregate the units located in them. value = 100 x numerator / denominator;
-- numerator = units meeting the condition, denominator = units. No unit: NULL, not suppressed.
-- Tables: lksa, regions. Params: none.
-- Columns: year INTEGER (NULL), region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE,
--          denominator DOUBLE.
WITH placed AS (
  -- each unit counts in Indonesia, its province and its kab/kota
  SELECT unnest(['00', province_code, region_code]) AS area, * FROM lksa
),
counted AS (
  SELECT
    r.region_code,
    r.level,
    count(p.lksa_id) AS units,
    count(p.lksa_id) FILTER (WHERE p.finding_count > 0) AS meeting
  FROM regions r
  LEFT JOIN placed p ON p.area = r.region_code
  GROUP BY r.region_code, r.level
)
SELECT
  NULL::INTEGER AS year,
  region_code::VARCHAR AS region_code,
  level::VARCHAR AS level,
  (meeting * 100.0 / nullif(units, 0))::DOUBLE AS value,
  false AS suppressed,
  meeting::DOUBLE AS numerator,
  units::DOUBLE AS denominator
FROM counted
ORDER BY region_code
