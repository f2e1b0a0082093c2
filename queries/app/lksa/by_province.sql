-- LKSA compliance of every province (all 38, zeros included), for the comparison chart. Shares are per cent of the
-- province's registered institutions (NULL when it has none); children per caregiver as in lksa/overview.sql (over the
-- institutions whose children_in_care and caregivers are both published; ratio_withheld institutions left out).
-- Tables: lksa, regions. Params: none.
-- Columns: region_code, name, institutions, accredited_pct, licence_valid_pct, inspected_12m_pct, with_finding_pct,
--          children_per_caregiver, ratio_withheld.
WITH counted AS (
  SELECT
    r.region_code,
    r.name,
    count(l.lksa_id) AS n,
    count(l.lksa_id) FILTER (WHERE l.accreditation IN ('A', 'B', 'C')) AS accredited,
    count(l.lksa_id) FILTER (WHERE l.licence_valid) AS licence_valid,
    count(l.lksa_id) FILTER (WHERE l.inspected_12m) AS inspected_12m,
    count(l.lksa_id) FILTER (WHERE l.finding_count > 0) AS with_finding,
    sum(l.children_in_care) FILTER (WHERE l.children_in_care IS NOT NULL AND l.caregivers IS NOT NULL) AS ratio_children,
    sum(l.caregivers) FILTER (WHERE l.children_in_care IS NOT NULL AND l.caregivers IS NOT NULL) AS ratio_caregivers,
    count(l.lksa_id) FILTER (WHERE l.children_suppressed) AS ratio_withheld
  FROM regions r
  LEFT JOIN lksa l ON l.province_code = r.region_code
  WHERE r.level = 'province'
  GROUP BY r.region_code, r.name
)
SELECT
  region_code::VARCHAR AS region_code,
  name::VARCHAR AS name,
  n::INTEGER AS institutions,
  round(100.0 * accredited / nullif(n, 0), 1) AS accredited_pct,
  round(100.0 * licence_valid / nullif(n, 0), 1) AS licence_valid_pct,
  round(100.0 * inspected_12m / nullif(n, 0), 1) AS inspected_12m_pct,
  round(100.0 * with_finding / nullif(n, 0), 1) AS with_finding_pct,
  round(ratio_children / nullif(ratio_caregivers, 0), 1)::DOUBLE AS children_per_caregiver,
  ratio_withheld::INTEGER AS ratio_withheld
FROM counted
ORDER BY region_code
