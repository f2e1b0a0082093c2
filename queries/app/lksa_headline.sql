-- Headline LKSA figures for Indonesia or one province/kab-kota (prefix match on the region code).
-- Tables: lksa. Params: $region VARCHAR ('00' = Indonesia, '32' = a province, '32.73' = a kab/kota).
-- Columns: institutions, accredited, accredited_pct, grade_a, grade_b, grade_c, not_accredited,
--          licence_valid_pct, inspected_12m_pct, with_risk_finding_pct.
SELECT
  count(*)::INTEGER AS institutions,
  count(*) FILTER (WHERE accreditation IN ('A', 'B', 'C'))::INTEGER AS accredited,
  round(100.0 * count(*) FILTER (WHERE accreditation IN ('A', 'B', 'C')) / nullif(count(*), 0), 1) AS accredited_pct,
  count(*) FILTER (WHERE accreditation = 'A')::INTEGER AS grade_a,
  count(*) FILTER (WHERE accreditation = 'B')::INTEGER AS grade_b,
  count(*) FILTER (WHERE accreditation = 'C')::INTEGER AS grade_c,
  count(*) FILTER (WHERE accreditation = 'belum')::INTEGER AS not_accredited,
  round(100.0 * count(*) FILTER (WHERE licence_valid) / nullif(count(*), 0), 1) AS licence_valid_pct,
  round(100.0 * count(*) FILTER (WHERE inspected_12m) / nullif(count(*), 0), 1) AS inspected_12m_pct,
  round(100.0 * count(*) FILTER (WHERE finding_count > 0) / nullif(count(*), 0), 1) AS with_risk_finding_pct
FROM lksa
WHERE $region = '00' OR region_code = $region OR province_code = $region
