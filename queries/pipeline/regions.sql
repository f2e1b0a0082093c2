-- The published regions table: Indonesia ('00'), 38 provinces and 514 kab/kota (Kemendagri 2025) with population
-- (Dukcapil Dec 2024) and the ESTIMATED child population 0-17 = population x the province's 0-17 share (SP2020).
-- Tables: ref_wilayah, ref_children_sp2020, ref_centroids (loaded by src/pipeline/reference.ts).
-- Columns: region_code, level, name, province_code, regency_type, population, child_population, lat, lng.
WITH share AS (
  SELECT kode_prov_kemendagri AS code, estimasi_umur_0_17::DOUBLE / penduduk_sp2020::DOUBLE AS share
  FROM ref_children_sp2020
  WHERE kode_prov_kemendagri <> '00'
),
province_share AS (
  -- SP2020 predates the 2022 Papua split: the new provinces take their parent's share
  -- (93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan <- 91 Papua; 96 Papua Barat Daya <- 92 Papua Barat).
  SELECT w.kode_kemendagri AS province_code, coalesce(own.share, parent.share) AS share
  FROM ref_wilayah w
  LEFT JOIN share own ON own.code = w.kode_kemendagri
  LEFT JOIN share parent ON parent.code = CASE WHEN w.kode_kemendagri IN ('93', '94', '95') THEN '91'
                                               WHEN w.kode_kemendagri = '96' THEN '92' END
  WHERE w.level = 'provinsi'
),
regency AS (
  SELECT w.kode_kemendagri AS region_code, 'regency' AS level, w.nama AS name, w.prov_kode AS province_code,
    w.level AS regency_type, w.penduduk_total::INTEGER AS population,
    round(w.penduduk_total::DOUBLE * s.share)::INTEGER AS child_population
  FROM ref_wilayah w
  JOIN province_share s ON s.province_code = w.prov_kode
  WHERE w.level IN ('kabupaten', 'kota')
),
province AS (
  SELECT w.kode_kemendagri AS region_code, 'province' AS level, w.nama AS name, w.kode_kemendagri AS province_code,
    NULL::VARCHAR AS regency_type, sum(r.population)::INTEGER AS population, sum(r.child_population)::INTEGER AS child_population
  FROM ref_wilayah w
  JOIN regency r ON r.province_code = w.kode_kemendagri
  WHERE w.level = 'provinsi'
  GROUP BY ALL
),
national AS (
  SELECT '00' AS region_code, 'national' AS level, 'Indonesia' AS name, NULL::VARCHAR AS province_code,
    NULL::VARCHAR AS regency_type, sum(population)::INTEGER AS population, sum(child_population)::INTEGER AS child_population
  FROM province
),
all_regions AS (
  SELECT * FROM national UNION ALL SELECT * FROM province UNION ALL SELECT * FROM regency
)
SELECT a.*, c.lat::DOUBLE AS lat, c.lng::DOUBLE AS lng
FROM all_regions a
LEFT JOIN ref_centroids c ON c.kode = a.region_code
ORDER BY a.region_code
