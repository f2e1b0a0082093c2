-- Typed victim rows from the validated raw violence file, regions harmonised to Kemendagri 2025: one compact row per
-- victim. Dates, regions, ages and lists are converted once per distinct value and joined on the raw table's
-- dictionary columns (raw-table.ts), never parsed or compared as text once per row. A case is keyed by a 64-bit hash
-- of its id (case ids differing only in letter case are refused, and check_violence_rules.sql refuses a build where
-- two ids share a hash), so counting cases groups numbers, not strings.
-- Stays inside the pipeline: no table derived row by row from this one is ever published. Used as a view: the rows
-- are computed while the cube is counted, never stored.
-- Tables: raw_violence, region_map_violence(raw_value, region_code), age_groups(age, code): one row per year of age
--         0-17, type_lists and service_lists (list_values.sql on jenis_kekerasan and layanan).
-- Columns: case_key UBIGINT, year, region_code, sex, age_group, type_key, place, perpetrator, disability, service_key
WITH dates AS (
  SELECT raw, year(parse_date(raw))::INTEGER AS year FROM (SELECT DISTINCT tanggal_lapor AS raw FROM raw_violence)
),
places AS (
  SELECT v.raw, m.region_code FROM (SELECT DISTINCT wilayah AS raw FROM raw_violence) v
  JOIN region_map_violence m ON m.raw_value = v.raw
),
ages AS (
  SELECT raw, a.code FROM (SELECT DISTINCT usia AS raw FROM raw_violence) JOIN age_groups a ON a.age = parse_integer(raw)
),
types AS (
  SELECT v.raw, t.key FROM (SELECT DISTINCT jenis_kekerasan AS raw FROM raw_violence) v JOIN type_lists t ON t.raw = coalesce(v.raw, '')
),
services AS (
  SELECT v.raw, s.key FROM (SELECT DISTINCT layanan AS raw FROM raw_violence) v JOIN service_lists s ON s.raw = coalesce(v.raw, '')
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
FROM raw_violence r
JOIN dates d ON d.raw = r.tanggal_lapor
JOIN places m ON m.raw = r.wilayah
JOIN ages g ON g.raw = r.usia
JOIN types t ON t.raw IS NOT DISTINCT FROM r.jenis_kekerasan
JOIN services s ON s.raw IS NOT DISTINCT FROM r.layanan
