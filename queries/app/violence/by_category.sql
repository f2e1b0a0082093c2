-- Child victims by one categorical breakdown for one region and year: $breakdown 'place' (place of occurrence),
-- 'perpetrator' (relationship of the main perpetrator) or 'service' (services received, with the summaries
-- 'layanan_apa_pun', at least one service, and 'rujukan_perlindungan_sosial', at least one referral to PKH, PBI-JKN or
-- PIP). Code order of the codes table (the breakdown's vocabulary), labels in both languages, and the share of all
-- victims: place and perpetrator put each victim in exactly one category (shares sum to 100); a victim can receive
-- several services (they do not).
-- Withheld cells: victims NULL, suppressed = true; share_pct NULL when the cell or the total is withheld.
-- Tables: violence_by_place, violence_by_perpetrator, violence_by_service, violence_totals, codes.
-- Params: $breakdown VARCHAR ('place' | 'perpetrator' | 'service'), $year INTEGER,
--   $region VARCHAR ('00' = Indonesia, or a province code).
-- Columns: code VARCHAR, ord INTEGER, label_id VARCHAR, label_en VARCHAR, level VARCHAR, victims INTEGER,
--          suppressed BOOLEAN, share_pct DOUBLE (1 decimal), total_victims INTEGER.
WITH total AS (
  SELECT victims, suppressed FROM violence_totals WHERE year = $year AND region_code = $region
),
every_breakdown AS (
  SELECT 'place' AS breakdown, place AS code, year, region_code, level, victims, suppressed FROM violence_by_place
  UNION ALL
  SELECT 'perpetrator', perpetrator, year, region_code, level, victims, suppressed FROM violence_by_perpetrator
  UNION ALL
  SELECT 'service', service, year, region_code, level, victims, suppressed FROM violence_by_service
),
cells AS (
  SELECT code, level, victims, suppressed
  FROM every_breakdown
  WHERE breakdown = $breakdown AND year = $year AND region_code = $region
)
SELECT
  c.code,
  k.ord::INTEGER AS ord,
  coalesce(k.label_id, c.code) AS label_id,
  coalesce(k.label_en, c.code) AS label_en,
  c.level,
  c.victims::INTEGER AS victims,
  c.suppressed,
  CASE WHEN c.suppressed OR coalesce((SELECT suppressed FROM total), true) THEN NULL
       ELSE round(100.0 * c.victims / nullif((SELECT victims FROM total), 0), 1) END::DOUBLE AS share_pct,
  (SELECT victims FROM total)::INTEGER AS total_victims
FROM cells c
LEFT JOIN codes k ON k.vocabulary = $breakdown AND k.code = c.code
ORDER BY k.ord NULLS LAST, c.code
