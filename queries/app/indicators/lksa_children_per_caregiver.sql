-- Indicator lksa-children-per-caregiver: children in care per caregiver, over the institutions in the region whose
-- children_in_care and caregivers are both published. value = numerator / denominator; numerator = sum of children in
-- care, denominator = sum of caregivers, both over those institutions only. Institutions whose count of children is
-- withheld (1 to k-1 children) are left out of both sums; when no value can be computed and at least one institution was
-- left out for that reason, value is NULL with suppressed = true. No institution, or no caregiver: NULL, not suppressed.
-- LKSA describe the snapshot reference date, so year is NULL. Every region of every level, as the other LKSA indicators.
-- Tables: lksa, regions. Params: none.
-- Columns: year INTEGER (NULL), region_code VARCHAR, level VARCHAR, value DOUBLE, suppressed BOOLEAN, numerator DOUBLE,
--          denominator DOUBLE.
WITH placed AS (
  -- each institution counts in Indonesia, its province and its kab/kota
  SELECT
    unnest(['00', province_code, region_code]) AS area,
    children_in_care,
    caregivers,
    children_in_care IS NOT NULL AND caregivers IS NOT NULL AS usable,
    coalesce(children_suppressed, false) AS withheld
  FROM lksa
),
summed AS (
  SELECT
    r.region_code,
    r.level,
    sum(p.children_in_care) FILTER (WHERE p.usable) AS children,
    sum(p.caregivers) FILTER (WHERE p.usable) AS carers,
    count(*) FILTER (WHERE p.withheld) AS withheld
  FROM regions r
  LEFT JOIN placed p ON p.area = r.region_code
  GROUP BY r.region_code, r.level
)
SELECT
  NULL::INTEGER AS year,
  region_code::VARCHAR AS region_code,
  level::VARCHAR AS level,
  (children / nullif(carers, 0))::DOUBLE AS value,
  coalesce(children / nullif(carers, 0) IS NULL AND withheld > 0, false) AS suppressed,
  children::DOUBLE AS numerator,
  carers::DOUBLE AS denominator
FROM summed
ORDER BY region_code
