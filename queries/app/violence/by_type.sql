-- Child victims and cases by type of violence for one region and year, in the code order of the codes table, with
-- labels in both languages. A victim can suffer several types, so the types add up to more than the victims:
-- share_pct (victims of the type / all victims) can sum past 100, and victims_all_types is the sum over types
-- (NULL when any type is withheld).
-- Withheld cells: victims and cases NULL, suppressed = true; share_pct NULL when either count is withheld.
-- Tables: violence_by_type, violence_totals, codes. Params: $year INTEGER, $region VARCHAR ('00' = Indonesia, or a province code).
-- Columns: code VARCHAR, ord INTEGER, label_id VARCHAR, label_en VARCHAR, level VARCHAR, victims INTEGER,
--          cases INTEGER, suppressed BOOLEAN, share_pct DOUBLE (1 decimal), total_victims INTEGER,
--          victims_all_types INTEGER.
WITH total AS (
  SELECT victims, suppressed FROM violence_totals WHERE year = $year AND region_code = $region
),
cells AS (
  SELECT violence_type AS code, level, victims, cases, suppressed
  FROM violence_by_type
  WHERE year = $year AND region_code = $region
)
SELECT
  c.code,
  k.ord::INTEGER AS ord,
  coalesce(k.label_id, c.code) AS label_id,
  coalesce(k.label_en, c.code) AS label_en,
  c.level,
  c.victims::INTEGER AS victims,
  c.cases::INTEGER AS cases,
  c.suppressed,
  CASE WHEN c.suppressed OR coalesce((SELECT suppressed FROM total), true) THEN NULL
       ELSE round(100.0 * c.victims / nullif((SELECT victims FROM total), 0), 1) END::DOUBLE AS share_pct,
  (SELECT victims FROM total)::INTEGER AS total_victims,
  CASE WHEN bool_or(c.suppressed) OVER () THEN NULL ELSE sum(c.victims) OVER () END::INTEGER AS victims_all_types
FROM cells c
LEFT JOIN codes k ON k.vocabulary = 'violence_type' AND k.code = c.code
ORDER BY k.ord NULLS LAST, c.code
