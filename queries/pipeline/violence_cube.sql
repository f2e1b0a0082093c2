-- Cases and victims for every published violence table at national ('00'), province and regency level, for
-- every year x region x category with zeros included: the complete cube that disclosure control works on.
-- `dim` is the published table's name; `category` joins its category columns with '|' ('P|13-17').
-- Tables: violence_victims, type_lists, service_lists (clean_violence.sql), violence_shared_cases (shared_cases.sql),
--         regions (published), codes (published).
-- Columns: dim, year, region_code, level, category, cases, victims.
WITH type_items AS (
  SELECT key, unnest(items) AS category FROM type_lists
),
service_items AS (
  SELECT key, unnest(items) AS category FROM service_lists
  UNION ALL
  SELECT key, 'layanan_apa_pun' FROM service_lists WHERE len(items) > 0
  UNION ALL
  SELECT key, 'rujukan_perlindungan_sosial' FROM service_lists WHERE list_has_any(items, ['pkh', 'pbi_jkn', 'pip'])
),
type_bits AS (
  SELECT code, (1::BIGINT << (row_number() OVER (ORDER BY ord) - 1)::INTEGER) AS bit FROM codes WHERE vocabulary = 'violence_type'
),
type_masks AS (
  SELECT i.key, bit_or(b.bit) AS mask FROM type_items i JOIN type_bits b ON b.code = i.category GROUP BY i.key
),
victim_counts AS (
  -- Every victim count in one scan of the victim rows.
  SELECT year, region_code, type_key, sex, age_group, place, perpetrator, disability, service_key,
    grouping(type_key) = 0 AS by_type, grouping(sex) = 0 AS by_sex_age, grouping(place) = 0 AS by_place,
    grouping(perpetrator) = 0 AS by_perpetrator, grouping(disability) = 0 AS by_disability, grouping(service_key) = 0 AS by_service,
    grouping(type_key, sex, age_group, place, perpetrator, disability, service_key) = 127 AS total,
    count(*) AS victims
  FROM violence_victims
  GROUP BY GROUPING SETS ((year, region_code), (year, region_code, type_key), (year, region_code, sex, age_group),
    (year, region_code, place), (year, region_code, perpetrator), (year, region_code, disability), (year, region_code, service_key))
),
shared_masks AS MATERIALIZED (
  -- The rows of the cases written on more than one row (violence_shared_cases, from shared_cases.sql), counted per
  -- case, year, kab/kota and set of types: the only rows where counting victims and counting cases differ.
  SELECT v.case_key, v.year, v.region_code, t.mask, count(*) AS n
  FROM violence_victims v JOIN type_masks t ON t.key = v.type_key
  WHERE v.case_key IN (SELECT k FROM violence_shared_cases)
  GROUP BY ALL
),
extra_rows AS (
  -- A case counts once per year and kab/kota (it lies in one kab/kota: check_violence_rules.sql), with the types of
  -- any of its victims that year: cases = victims minus, for each such case, its rows beyond the first (per type,
  -- its rows of that type beyond the first).
  SELECT 'violence_totals' AS dim, '' AS category, year, region_code, sum(n - 1) AS extra
  FROM (SELECT case_key, year, region_code, sum(n) AS n FROM shared_masks GROUP BY ALL)
  GROUP BY ALL
  UNION ALL
  SELECT 'violence_by_type', code, year, region_code, sum(n - 1)
  FROM (SELECT s.case_key, s.year, s.region_code, b.code, sum(s.n) AS n FROM shared_masks s JOIN type_bits b ON s.mask & b.bit <> 0 GROUP BY ALL)
  GROUP BY ALL
),
regency_victims AS (
  -- Each published table's categories per kab/kota.
  SELECT 'violence_totals' AS dim, '' AS category, year, region_code, victims FROM victim_counts WHERE total
  UNION ALL
  SELECT 'violence_by_type', i.category, year, region_code, sum(victims) FROM victim_counts v JOIN type_items i ON i.key = v.type_key WHERE by_type GROUP BY ALL
  UNION ALL
  SELECT 'violence_by_sex_age', sex || '|' || age_group, year, region_code, victims FROM victim_counts WHERE by_sex_age
  UNION ALL
  SELECT 'violence_by_place', place, year, region_code, victims FROM victim_counts WHERE by_place
  UNION ALL
  SELECT 'violence_by_perpetrator', perpetrator, year, region_code, victims FROM victim_counts WHERE by_perpetrator
  UNION ALL
  SELECT 'violence_by_disability', disability, year, region_code, victims FROM victim_counts WHERE by_disability
  UNION ALL
  SELECT 'violence_by_service', i.category, year, region_code, sum(victims) FROM victim_counts v JOIN service_items i ON i.key = v.service_key WHERE by_service GROUP BY ALL
),
regency_counts AS (
  -- Cases only where published (totals and types).
  SELECT v.dim, v.category, v.year, v.region_code, left(v.region_code, 2) AS province_code,
    CASE WHEN v.dim IN ('violence_totals', 'violence_by_type') THEN v.victims - coalesce(e.extra, 0) END AS cases, v.victims
  FROM regency_victims v
  LEFT JOIN extra_rows e ON e.dim = v.dim AND e.category = v.category AND e.year = v.year AND e.region_code = v.region_code
),
counted AS (
  -- Cases are counted per kab/kota and summed upwards: exact, because a case is recorded in one kab/kota
  -- (check_violence_rules.sql) and each year is counted on its own.
  SELECT
    dim, category, year,
    CASE WHEN grouping(province_code) = 1 THEN '00'
         WHEN grouping(region_code) = 1 THEN province_code
         ELSE region_code END AS region_code,
    sum(cases)::INTEGER AS cases,
    sum(victims)::INTEGER AS victims
  FROM regency_counts
  GROUP BY GROUPING SETS ((dim, category, year), (dim, category, year, province_code), (dim, category, year, province_code, region_code))
),
dim_categories AS (
  SELECT 'violence_totals' AS dim, '' AS category, 0 AS ord
  UNION ALL SELECT 'violence_by_type', code, ord FROM codes WHERE vocabulary = 'violence_type'
  UNION ALL
  SELECT 'violence_by_sex_age', s.code || '|' || a.code, s.ord * 100 + a.ord
  FROM codes s CROSS JOIN codes a WHERE s.vocabulary = 'sex' AND a.vocabulary = 'age_group'
  UNION ALL SELECT 'violence_by_place', code, ord FROM codes WHERE vocabulary = 'place'
  UNION ALL SELECT 'violence_by_perpetrator', code, ord FROM codes WHERE vocabulary = 'perpetrator'
  UNION ALL SELECT 'violence_by_disability', code, ord FROM codes WHERE vocabulary = 'disability'
  UNION ALL SELECT 'violence_by_service', code, ord FROM codes WHERE vocabulary = 'service'
),
years AS (
  SELECT unnest(range(min(year), max(year) + 1))::INTEGER AS year FROM victim_counts
)
SELECT
  d.dim, y.year, r.region_code, r.level, d.category,
  CASE WHEN d.dim IN ('violence_totals', 'violence_by_type') THEN coalesce(c.cases, 0) END::INTEGER AS cases,
  coalesce(c.victims, 0)::INTEGER AS victims
FROM dim_categories d
CROSS JOIN years y
CROSS JOIN regions r
LEFT JOIN counted c ON c.dim = d.dim AND c.category = d.category AND c.year = y.year AND c.region_code = r.region_code
ORDER BY d.dim, y.year, r.region_code, d.ord
