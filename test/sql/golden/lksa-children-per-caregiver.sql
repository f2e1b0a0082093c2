-- Indicator lksa-children-per-caregiver.
-- Indicator family unit_ratio: the ratio of two sums over the units of lksa located in a region
-- (children_in_care / caregivers), over the units whose two numbers are both published. value = numerator /
-- denominator; numerator = sum of children_in_care, denominator = sum of caregivers, both over those units only. Units
-- whose children_in_care is withheld (children_suppressed) are left out of both sums; when no value can be computed and at least one
-- unit was left out for that reason, value is NULL with suppressed = true. No unit, or a zero denominator: NULL, not
-- suppressed. The table describes the snapshot reference date, so year is NULL. Every region of every level.
-- Tables: lksa, regions. Params: none.
-- Columns: year INTEGER (NULL), region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE,
--          denominator DOUBLE.
WITH placed AS (
  -- each unit counts in Indonesia, its province and its kab/kota
  SELECT
    unnest(['00', province_code, region_code]) AS area,
    children_in_care AS top,
    caregivers AS bottom,
    children_in_care IS NOT NULL AND caregivers IS NOT NULL AS usable,
    coalesce(children_suppressed, false) AS withheld
  FROM lksa
),
summed AS (
  SELECT
    r.region_code,
    r.level,
    sum(p.top) FILTER (WHERE p.usable) AS top,
    sum(p.bottom) FILTER (WHERE p.usable) AS bottom,
    count(*) FILTER (WHERE p.withheld) AS withheld
  FROM regions r
  LEFT JOIN placed p ON p.area = r.region_code
  GROUP BY r.region_code, r.level
)
SELECT
  NULL::INTEGER AS year,
  region_code::VARCHAR AS region_code,
  level::VARCHAR AS level,
  (top / nullif(bottom, 0))::DOUBLE AS value,
  coalesce(top / nullif(bottom, 0) IS NULL AND withheld > 0, false) AS suppressed,
  top::DOUBLE AS numerator,
  bottom::DOUBLE AS denominator
FROM summed
ORDER BY region_code
