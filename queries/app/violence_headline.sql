-- Headline violence figures for one region in one year, with the previous year for the change.
-- Tables: violence_totals, violence_by_type, regions. Params: $year INTEGER, $region VARCHAR ('00' = Indonesia).
-- Columns: year, region_code, victims, cases, rate_per_100k, victims_previous, change_pct, sexual_victims, sexual_share_pct.
WITH cur AS (
  SELECT * FROM violence_totals WHERE year = $year AND region_code = $region
),
prev AS (
  SELECT victims FROM violence_totals WHERE year = $year - 1 AND region_code = $region
),
sexual AS (
  SELECT victims FROM violence_by_type WHERE year = $year AND region_code = $region AND violence_type = 'seksual'
)
SELECT
  cur.year,
  cur.region_code,
  cur.victims,
  cur.cases,
  round(cur.victims * 100000.0 / nullif(r.child_population, 0), 2) AS rate_per_100k,
  (SELECT victims FROM prev) AS victims_previous,
  round((cur.victims - (SELECT victims FROM prev)) * 100.0 / nullif((SELECT victims FROM prev), 0), 1) AS change_pct,
  (SELECT victims FROM sexual) AS sexual_victims,
  round((SELECT victims FROM sexual) * 100.0 / nullif(cur.victims, 0), 1) AS sexual_share_pct
FROM cur
JOIN regions r USING (region_code)
