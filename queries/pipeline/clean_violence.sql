-- Typed victim rows from the validated raw violence file, regions harmonised to Kemendagri 2025: one compact row per
-- victim. Dates, ages and lists are converted once per distinct text and joined, never parsed once per row. A case is
-- keyed by a 64-bit hash of its id (case ids differing only in letter case are refused, and check_violence_rules.sql
-- refuses a build where two ids share a hash), so counting cases groups numbers, not strings.
-- Stays inside the pipeline: no table derived row by row from this one is ever published.
-- Tables: raw_input (violence), region_map, age_groups(age, code): one row per year of age 0-17,
--         type_lists and service_lists (list_values.sql on jenis_kekerasan and layanan).
-- Columns: case_key UBIGINT, year, region_code, sex, age_group, type_key, place, perpetrator, disability, service_key
WITH dates AS (
  SELECT raw, year(parse_date(raw))::INTEGER AS year FROM (SELECT DISTINCT tanggal_lapor AS raw FROM raw_input)
),
ages AS (
  SELECT raw, a.code FROM (SELECT DISTINCT usia AS raw FROM raw_input) JOIN age_groups a ON a.age = parse_integer(raw)
)
SELECT
  hash(lower(r.id_kasus)) AS case_key,
  d.year,
  m.region_code,
  r.jenis_kelamin AS sex,
  g.code AS age_group,
  t.key AS type_key,
  r.tempat_kejadian AS place,
  r.hubungan_pelaku AS perpetrator,
  r.disabilitas AS disability,
  s.key AS service_key
FROM raw_input r
JOIN dates d ON d.raw = r.tanggal_lapor
JOIN region_map m ON m.raw_value = r.wilayah
JOIN ages g ON g.raw = r.usia
JOIN type_lists t ON t.raw = coalesce(r.jenis_kekerasan, '')
JOIN service_lists s ON s.raw = coalesce(r.layanan, '')
