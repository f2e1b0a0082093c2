-- The published LKSA table: one row per institution (institutions, not children) from the validated registry.
-- Children in care below k are withheld like any count of children.
-- Tables: raw_input (lksa), region_map. Params: $reference_date DATE, $k INTEGER.
-- Columns: those of the `lksa` table in src/domain/tables.ts.
SELECT
  r.id_lksa AS lksa_id,
  r.nama_lksa AS name,
  m.region_code,
  left(m.region_code, 2) AS province_code,
  r.status_izin AS licence_status,
  parse_date(r.izin_berlaku_sampai) AS licence_expiry,
  coalesce(r.status_izin = 'berlaku' AND parse_date(r.izin_berlaku_sampai) >= $reference_date::DATE, false) AS licence_valid,
  r.akreditasi AS accreditation,
  parse_integer(r.tahun_akreditasi) AS accreditation_year,
  CASE WHEN parse_integer(r.jumlah_anak) BETWEEN 1 AND $k - 1 THEN NULL ELSE parse_integer(r.jumlah_anak) END AS children_in_care,
  parse_integer(r.jumlah_anak) BETWEEN 1 AND $k - 1 AS children_suppressed,
  parse_integer(r.jumlah_pengasuh) AS caregivers,
  parse_integer(r.jumlah_peksos_terlatih) AS trained_social_workers,
  parse_date(r.tanggal_inspeksi_terakhir) AS last_inspection,
  coalesce(parse_date(r.tanggal_inspeksi_terakhir) > $reference_date::DATE - INTERVAL 12 MONTH, false) AS inspected_12m,
  len(split_list(r.temuan))::INTEGER AS finding_count,
  list_contains(split_list(r.temuan), 'risiko_eksploitasi') AS finding_exploitation_risk,
  list_contains(split_list(r.temuan), 'risiko_tppo') AS finding_trafficking_risk,
  list_contains(split_list(r.temuan), 'tanpa_izin') AS finding_no_licence,
  list_contains(split_list(r.temuan), 'rencana_pengasuhan_tidak_ada') AS finding_no_care_plan,
  list_contains(split_list(r.temuan), 'rasio_pengasuh_tidak_memadai') AS finding_caregiver_ratio,
  list_contains(split_list(r.temuan), 'dokumen_anak_tidak_lengkap') AS finding_documents_incomplete,
  list_contains(split_list(r.temuan), 'kekerasan_di_lembaga') AS finding_violence,
  parse_decimal(r.lintang) AS lat,
  parse_decimal(r.bujur) AS lng
FROM raw_input r
JOIN region_map m ON m.raw_value = r.wilayah
ORDER BY region_code, lksa_id
