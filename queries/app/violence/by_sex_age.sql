-- Child victims by sex and age group for one region and year, with labels and code order of both vocabularies, and
-- the share of all victims (each victim falls in exactly one cell, so the shares sum to 100).
-- Withheld cells: victims NULL, suppressed = true; share_pct NULL when the cell or the total is withheld.
-- Tables: violence_by_sex_age, violence_totals, codes. Params: $year INTEGER, $region VARCHAR ('00' = Indonesia, or a province code).
-- Columns: sex VARCHAR, sex_ord INTEGER, sex_label_id VARCHAR, sex_label_en VARCHAR, age_group VARCHAR, age_ord INTEGER,
--          age_label_id VARCHAR, age_label_en VARCHAR, level VARCHAR, victims INTEGER, suppressed BOOLEAN,
--          share_pct DOUBLE (1 decimal), total_victims INTEGER.
WITH total AS (
  SELECT victims, suppressed FROM violence_totals WHERE year = $year AND region_code = $region
),
cells AS (
  SELECT sex, age_group, level, victims, suppressed
  FROM violence_by_sex_age
  WHERE year = $year AND region_code = $region
)
SELECT
  c.sex,
  s.ord::INTEGER AS sex_ord,
  coalesce(s.label_id, c.sex) AS sex_label_id,
  coalesce(s.label_en, c.sex) AS sex_label_en,
  c.age_group,
  a.ord::INTEGER AS age_ord,
  coalesce(a.label_id, c.age_group) AS age_label_id,
  coalesce(a.label_en, c.age_group) AS age_label_en,
  c.level,
  c.victims::INTEGER AS victims,
  c.suppressed,
  CASE WHEN c.suppressed OR coalesce((SELECT suppressed FROM total), true) THEN NULL
       ELSE round(100.0 * c.victims / nullif((SELECT victims FROM total), 0), 1) END::DOUBLE AS share_pct,
  (SELECT victims FROM total)::INTEGER AS total_victims
FROM cells c
LEFT JOIN codes s ON s.vocabulary = 'sex' AND s.code = c.sex
LEFT JOIN codes a ON a.vocabulary = 'age_group' AND a.code = c.age_group
ORDER BY s.ord NULLS LAST, c.sex, a.ord NULLS LAST, c.age_group
