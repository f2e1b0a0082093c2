-- Typed victim rows from the validated raw violence file, regions harmonised to Kemendagri 2025.
-- Stays inside the pipeline: no table derived row by row from this one is ever published.
-- Tables: raw_input (violence), region_map, age_groups(code, min_age, max_age).
-- Columns: case_id, year, region_code, province_code, sex, age_group, violence_types VARCHAR[], place,
--          perpetrator, disability, services VARCHAR[]
SELECT
  r.id_kasus AS case_id,
  year(parse_date(r.tanggal_lapor))::INTEGER AS year,
  m.region_code,
  left(m.region_code, 2) AS province_code,
  r.jenis_kelamin AS sex,
  a.code AS age_group,
  split_list(r.jenis_kekerasan) AS violence_types,
  r.tempat_kejadian AS place,
  r.hubungan_pelaku AS perpetrator,
  r.disabilitas AS disability,
  split_list(r.layanan) AS services
FROM raw_input r
JOIN region_map m ON m.raw_value = r.wilayah
JOIN age_groups a ON parse_integer(r.usia) BETWEEN a.min_age AND a.max_age
