-- LKSA compliance overview: Indonesia ('00') and, when $province is a province code, that province as well; one row
-- per area, '00' first. Shares are per cent of the registered institutions of the area (NULL when there are none).
-- licence_lapsed: recorded as 'berlaku' but not valid on the snapshot reference date (past or without expiry date).
-- Children per caregiver = ratio_children / ratio_caregivers, both summed over the ratio_institutions whose
-- children_in_care and caregivers are both published; ratio_withheld institutions (1-4 children, withheld) are left out.
-- Tables: lksa. Params: $province VARCHAR ('00' = Indonesia only; '32' = Indonesia and Jawa Barat).
-- Columns: area, institutions, accredited, accredited_pct, grade_a, grade_b, grade_c, not_accredited, licence_valid,
--          licence_valid_pct, licence_lapsed, inspected_12m, inspected_12m_pct, with_finding, with_finding_pct,
--          ratio_institutions, ratio_children, ratio_caregivers, children_per_caregiver, ratio_withheld.
WITH areas AS (
  SELECT DISTINCT unnest(['00', $province::VARCHAR]) AS area
),
placed AS (
  -- each institution counts in Indonesia and in its province
  SELECT unnest(['00', province_code]) AS area, * FROM lksa
),
counted AS (
  SELECT
    a.area,
    count(p.lksa_id) AS n,
    count(p.lksa_id) FILTER (WHERE p.accreditation IN ('A', 'B', 'C')) AS accredited,
    count(p.lksa_id) FILTER (WHERE p.accreditation = 'A') AS grade_a,
    count(p.lksa_id) FILTER (WHERE p.accreditation = 'B') AS grade_b,
    count(p.lksa_id) FILTER (WHERE p.accreditation = 'C') AS grade_c,
    count(p.lksa_id) FILTER (WHERE p.accreditation = 'belum') AS not_accredited,
    count(p.lksa_id) FILTER (WHERE p.licence_valid) AS licence_valid,
    count(p.lksa_id) FILTER (WHERE p.licence_status = 'berlaku' AND NOT coalesce(p.licence_valid, false)) AS licence_lapsed,
    count(p.lksa_id) FILTER (WHERE p.inspected_12m) AS inspected_12m,
    count(p.lksa_id) FILTER (WHERE p.finding_count > 0) AS with_finding,
    count(p.lksa_id) FILTER (WHERE p.children_in_care IS NOT NULL AND p.caregivers IS NOT NULL) AS ratio_institutions,
    sum(p.children_in_care) FILTER (WHERE p.children_in_care IS NOT NULL AND p.caregivers IS NOT NULL) AS ratio_children,
    sum(p.caregivers) FILTER (WHERE p.children_in_care IS NOT NULL AND p.caregivers IS NOT NULL) AS ratio_caregivers,
    count(p.lksa_id) FILTER (WHERE p.children_suppressed) AS ratio_withheld
  FROM areas a
  LEFT JOIN placed p USING (area)
  GROUP BY a.area
)
SELECT
  area::VARCHAR AS area,
  n::INTEGER AS institutions,
  accredited::INTEGER AS accredited,
  round(100.0 * accredited / nullif(n, 0), 1) AS accredited_pct,
  grade_a::INTEGER AS grade_a,
  grade_b::INTEGER AS grade_b,
  grade_c::INTEGER AS grade_c,
  not_accredited::INTEGER AS not_accredited,
  licence_valid::INTEGER AS licence_valid,
  round(100.0 * licence_valid / nullif(n, 0), 1) AS licence_valid_pct,
  licence_lapsed::INTEGER AS licence_lapsed,
  inspected_12m::INTEGER AS inspected_12m,
  round(100.0 * inspected_12m / nullif(n, 0), 1) AS inspected_12m_pct,
  with_finding::INTEGER AS with_finding,
  round(100.0 * with_finding / nullif(n, 0), 1) AS with_finding_pct,
  ratio_institutions::INTEGER AS ratio_institutions,
  ratio_children::INTEGER AS ratio_children,
  ratio_caregivers::INTEGER AS ratio_caregivers,
  round(ratio_children / nullif(ratio_caregivers, 0), 1)::DOUBLE AS children_per_caregiver,
  ratio_withheld::INTEGER AS ratio_withheld
FROM counted
ORDER BY area <> '00', area
