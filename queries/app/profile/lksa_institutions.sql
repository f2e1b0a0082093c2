-- The LKSA located in Indonesia, one province or one kab/kota, one row per institution (institutions, not children).
-- children_in_care is NULL with children_suppressed = true when withheld (1 to k-1 children); findings lists the codes
-- of the lksa_finding code list found at the last inspection, separated by ';' ('' = none).
-- Tables: lksa, regions. Params: $region VARCHAR ('00' = Indonesia, '32' = a province, '32.73' = a kab/kota).
-- Columns: lksa_id VARCHAR, name VARCHAR, region_code VARCHAR, regency_name VARCHAR, accreditation VARCHAR,
--          licence_status VARCHAR, licence_valid BOOLEAN, children_in_care INTEGER, children_suppressed BOOLEAN,
--          caregivers INTEGER, last_inspection DATE, finding_count INTEGER, findings VARCHAR.
SELECT
  l.lksa_id::VARCHAR AS lksa_id,
  l.name::VARCHAR AS name,
  l.region_code::VARCHAR AS region_code,
  r.name::VARCHAR AS regency_name,
  l.accreditation::VARCHAR AS accreditation,
  l.licence_status::VARCHAR AS licence_status,
  l.licence_valid AS licence_valid,
  l.children_in_care::INTEGER AS children_in_care,
  coalesce(l.children_suppressed, false) AS children_suppressed,
  l.caregivers::INTEGER AS caregivers,
  l.last_inspection AS last_inspection,
  l.finding_count::INTEGER AS finding_count,
  concat_ws(';',
    CASE WHEN l.finding_exploitation_risk THEN 'risiko_eksploitasi' END,
    CASE WHEN l.finding_trafficking_risk THEN 'risiko_tppo' END,
    CASE WHEN l.finding_no_licence THEN 'tanpa_izin' END,
    CASE WHEN l.finding_no_care_plan THEN 'rencana_pengasuhan_tidak_ada' END,
    CASE WHEN l.finding_caregiver_ratio THEN 'rasio_pengasuh_tidak_memadai' END,
    CASE WHEN l.finding_documents_incomplete THEN 'dokumen_anak_tidak_lengkap' END,
    CASE WHEN l.finding_violence THEN 'kekerasan_di_lembaga' END
  )::VARCHAR AS findings
FROM lksa l
LEFT JOIN regions r ON r.region_code = l.region_code
WHERE $region = '00' OR l.region_code = $region OR l.province_code = $region
ORDER BY l.region_code, l.lksa_id
