-- The institutions of Indonesia or one province, filtered, one row per institution with its kab/kota name and its
-- risk findings. Every filter is a bound parameter; NULL (or '' for $search) means no filter.
-- findings: the names of the finding_* columns that are true, joined by ';' (the app maps them to lksa_finding codes
-- in src/app/views/lksa/findings.ts); $finding is one such column name.
-- Tables: lksa, regions. Params: $province VARCHAR ('00' = Indonesia), $accreditation VARCHAR (A, B, C, belum),
--   $licence VARCHAR (a licence_status code), $finding VARCHAR (a finding column name, e.g. finding_trafficking_risk),
--   $search VARCHAR (part of the institution name, any case).
-- Columns: lksa_id, name, region_code, regency_name, province_code, accreditation, licence_status, licence_expiry,
--          licence_valid, children_in_care, children_suppressed, caregivers, trained_social_workers, last_inspection,
--          inspected_12m, finding_count, findings, lat, lng.
WITH flags AS (
  UNPIVOT (SELECT lksa_id, COLUMNS(c -> starts_with(c, 'finding_') AND c <> 'finding_count') FROM lksa)
  ON COLUMNS(* EXCLUDE (lksa_id))
  INTO NAME finding VALUE flagged
),
found AS (
  SELECT lksa_id, string_agg(finding, ';' ORDER BY finding) AS findings
  FROM flags
  WHERE flagged
  GROUP BY lksa_id
)
SELECT
  l.lksa_id,
  l.name,
  l.region_code,
  r.name AS regency_name,
  l.province_code,
  l.accreditation,
  l.licence_status,
  l.licence_expiry,
  l.licence_valid,
  l.children_in_care,
  l.children_suppressed,
  l.caregivers,
  l.trained_social_workers,
  l.last_inspection,
  l.inspected_12m,
  l.finding_count,
  coalesce(f.findings, '')::VARCHAR AS findings,
  l.lat,
  l.lng
FROM lksa l
LEFT JOIN regions r ON r.region_code = l.region_code
LEFT JOIN found f ON f.lksa_id = l.lksa_id
WHERE ($province::VARCHAR = '00' OR l.province_code = $province::VARCHAR)
  AND ($accreditation::VARCHAR IS NULL OR l.accreditation = $accreditation::VARCHAR)
  AND ($licence::VARCHAR IS NULL OR l.licence_status = $licence::VARCHAR)
  AND ($finding::VARCHAR IS NULL OR list_contains(string_split(coalesce(f.findings, ''), ';'), $finding::VARCHAR))
  AND (trim(coalesce($search::VARCHAR, '')) = '' OR contains(lower(l.name), lower(trim($search::VARCHAR))))
ORDER BY l.region_code, l.name, l.lksa_id
