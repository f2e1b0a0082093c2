-- Typed victim rows from the validated raw violence file, regions harmonised to Kemendagri 2025.
-- Stays inside the pipeline: no table derived row by row from this one is ever published.
-- Tables: raw_input (violence), region_map, age_groups(age, code): one row per year of age 0-17.
-- Columns: case_id, year, region_code, province_code, sex, age_group, violence_types VARCHAR[], place,
--          perpetrator, disability, services VARCHAR[]
WITH type_lists AS (
  -- Lists are split once per distinct cell text (a few hundred), not once per row.
  SELECT raw, split_list(raw) AS items FROM (SELECT DISTINCT coalesce(jenis_kekerasan, '') AS raw FROM raw_input)
),
service_lists AS (
  SELECT raw, split_list(raw) AS items FROM (SELECT DISTINCT coalesce(layanan, '') AS raw FROM raw_input)
)
SELECT
  r.id_kasus AS case_id,
  year(parse_date(r.tanggal_lapor))::INTEGER AS year,
  m.region_code,
  left(m.region_code, 2) AS province_code,
  r.jenis_kelamin AS sex,
  a.code AS age_group,
  t.items AS violence_types,
  r.tempat_kejadian AS place,
  r.hubungan_pelaku AS perpetrator,
  r.disabilitas AS disability,
  s.items AS services
FROM raw_input r
JOIN region_map m ON m.raw_value = r.wilayah
JOIN age_groups a ON a.age = parse_integer(r.usia)
JOIN type_lists t ON t.raw = coalesce(r.jenis_kekerasan, '')
JOIN service_lists s ON s.raw = coalesce(r.layanan, '')
