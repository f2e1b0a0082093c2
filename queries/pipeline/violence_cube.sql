-- Cases and victims for every published violence table at national ('00'), province and regency level, for
-- every year x region x category with zeros included: the complete cube that disclosure control works on.
-- `dim` is the published table's name; `category` joins its category columns with '|' ('P|13-17').
-- Tables: violence_clean, regions (published), codes (published).
-- Columns: dim, year, region_code, level, category, cases, victims.
WITH regency_counts AS (
  -- Each branch aggregates one table's categories per kab/kota straight from violence_clean; cases only where published.
  SELECT 'violence_totals' AS dim, '' AS category, year, region_code, province_code,
    count(DISTINCT case_id) AS cases, count(*) AS victims
  FROM violence_clean GROUP BY ALL
  UNION ALL
  SELECT 'violence_by_type', category, year, region_code, province_code, count(DISTINCT case_id), count(*)
  FROM (SELECT unnest(violence_types) AS category, case_id, year, region_code, province_code FROM violence_clean) GROUP BY ALL
  UNION ALL
  SELECT 'violence_by_sex_age', sex || '|' || age_group, year, region_code, province_code, NULL, victims
  FROM (SELECT sex, age_group, year, region_code, province_code, count(*) AS victims FROM violence_clean GROUP BY ALL)
  UNION ALL
  SELECT 'violence_by_place', place, year, region_code, province_code, NULL, count(*) FROM violence_clean GROUP BY ALL
  UNION ALL
  SELECT 'violence_by_perpetrator', perpetrator, year, region_code, province_code, NULL, count(*) FROM violence_clean GROUP BY ALL
  UNION ALL
  SELECT 'violence_by_disability', disability, year, region_code, province_code, NULL, count(*) FROM violence_clean GROUP BY ALL
  UNION ALL
  SELECT 'violence_by_service', category, year, region_code, province_code, NULL, count(*)
  FROM (
    SELECT unnest(services) AS category, year, region_code, province_code FROM violence_clean
    UNION ALL
    SELECT 'layanan_apa_pun', year, region_code, province_code FROM violence_clean WHERE len(services) > 0
    UNION ALL
    SELECT 'rujukan_perlindungan_sosial', year, region_code, province_code
    FROM violence_clean WHERE list_has_any(services, ['pkh', 'pbi_jkn', 'pip'])
  ) GROUP BY ALL
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
  SELECT unnest(range(min(year), max(year) + 1))::INTEGER AS year FROM violence_clean
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
