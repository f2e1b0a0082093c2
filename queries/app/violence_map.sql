-- Child victims, cases and victims per 100,000 children for every region of one level in one year.
-- The rate's denominator is an ESTIMATE (regions.child_population); a suppressed count gives a NULL rate.
-- Tables: violence_totals, regions. Params: $year INTEGER, $level VARCHAR ('province' | 'regency').
-- Columns: region_code, name, province_code, victims, cases, child_population, rate_per_100k, suppressed.
SELECT
  t.region_code,
  r.name,
  r.province_code,
  t.victims,
  t.cases,
  r.child_population,
  round(t.victims * 100000.0 / nullif(r.child_population, 0), 2) AS rate_per_100k,
  t.suppressed
FROM violence_totals t
JOIN regions r USING (region_code)
WHERE t.year = $year AND t.level = $level
ORDER BY t.region_code
