-- The victim rows with their lists spelled out: a readable view of violence_victims (clean_violence.sql) for checks.
-- Tables: violence_victims, type_lists, service_lists.
-- Columns: case_key, year, region_code, province_code, sex, age_group, violence_types VARCHAR[], place, perpetrator,
--          disability, services VARCHAR[]
SELECT v.case_key, v.year, v.region_code, left(v.region_code, 2) AS province_code, v.sex, v.age_group,
  t.items AS violence_types, v.place, v.perpetrator, v.disability, s.items AS services
FROM violence_victims v
JOIN type_lists t ON t.key = v.type_key
JOIN service_lists s ON s.key = v.service_key
