import type { Label } from '../../../domain/label.ts';

// Example queries of the SQL console: each teaches something about the published tables, passes the guard and runs
// (test/db/console-guard.test.ts, test/e2e/console.e2e.test.ts). Every one orders its rows completely, so a result
// is the same in any engine.

export interface Example { id: string; title: Label; sql: string }

export const EXAMPLES: readonly Example[] = [
  {
    id: 'rate-by-province',
    title: { id: 'Korban per 100.000 anak menurut provinsi, tahun terakhir', en: 'Victims per 100,000 children by province, latest year' },
    sql: `-- Victims per 100,000 children (0-17, estimated) by province, latest year.
-- A withheld count (suppressed) gives no rate.
WITH latest AS (SELECT max(year) AS year FROM violence_totals)
SELECT r.name AS province, v.year, v.victims, r.child_population,
  round(100000.0 * v.victims / r.child_population, 1) AS victims_per_100k
FROM violence_totals v
JOIN latest USING (year)
JOIN regions r USING (region_code)
WHERE v.level = 'province'
ORDER BY victims_per_100k DESC NULLS LAST, province`,
  },
  {
    id: 'sexual-share',
    title: { id: 'Porsi kekerasan seksual per tahun (Indonesia)', en: 'Share of sexual violence by year (Indonesia)' },
    sql: `-- Share of child victims of sexual violence among all victims recorded by type, Indonesia, every year.
SELECT year,
  sum(victims) FILTER (WHERE violence_type = 'seksual') AS sexual,
  sum(victims) AS all_types,
  round(100.0 * sum(victims) FILTER (WHERE violence_type = 'seksual') / sum(victims), 1) AS sexual_pct
FROM violence_by_type
WHERE level = 'national'
GROUP BY year
ORDER BY year`,
  },
  {
    id: 'lksa-accreditation',
    title: { id: 'Akreditasi LKSA menurut provinsi', en: 'LKSA accreditation by province' },
    sql: `-- Child welfare institutions (LKSA) by accreditation grade, per province, with the accredited share.
SELECT r.name AS province,
  count(*) AS institutions,
  count(*) FILTER (WHERE l.accreditation = 'A') AS grade_a,
  count(*) FILTER (WHERE l.accreditation = 'B') AS grade_b,
  count(*) FILTER (WHERE l.accreditation = 'C') AS grade_c,
  count(*) FILTER (WHERE l.accreditation = 'belum') AS not_accredited,
  round(100.0 * count(*) FILTER (WHERE l.accreditation <> 'belum') / count(*), 1) AS accredited_pct
FROM lksa l
JOIN regions r ON r.region_code = l.province_code
GROUP BY r.name
ORDER BY accredited_pct DESC, province`,
  },
  {
    id: 'kla-movements',
    title: { id: 'Perpindahan kategori KLA antara dua evaluasi terakhir', en: 'KLA category movements between the last two evaluations' },
    sql: `-- How kab/kota moved between KLA categories from the previous evaluation to the latest one.
WITH years AS (SELECT DISTINCT year FROM kla ORDER BY year DESC LIMIT 2),
ranked AS (
  SELECT k.region_code, k.year, k.category, c.ord,
    row_number() OVER (PARTITION BY k.region_code ORDER BY k.year DESC) AS n
  FROM kla k
  JOIN codes c ON c.vocabulary = 'kla_category' AND c.code = k.category
  WHERE k.year IN (SELECT year FROM years)
)
SELECT p.category AS previous, l.category AS latest,
  CASE WHEN l.ord > p.ord THEN 'naik / up' WHEN l.ord < p.ord THEN 'turun / down' ELSE 'tetap / same' END AS movement,
  count(*) AS regencies
FROM ranked l JOIN ranked p ON p.region_code = l.region_code AND l.n = 1 AND p.n = 2
GROUP BY ALL
ORDER BY min(p.ord), min(l.ord)`,
  },
  {
    id: 'sex-age',
    title: { id: 'Korban menurut jenis kelamin dan kelompok umur', en: 'Victims by sex and age group' },
    sql: `-- Child victims by sex and age group, Indonesia, latest year, with labels from the codes table.
SELECT s.label_id AS sex, a.code AS age_group, v.victims
FROM violence_by_sex_age v
JOIN codes s ON s.vocabulary = 'sex' AND s.code = v.sex
JOIN codes a ON a.vocabulary = 'age_group' AND a.code = v.age_group
WHERE v.level = 'national' AND v.year = (SELECT max(year) FROM violence_by_sex_age)
ORDER BY s.ord, a.ord`,
  },
  {
    id: 'trend',
    title: { id: 'Tren korban dan perubahan tahunan (Indonesia)', en: 'Victims trend and yearly change (Indonesia)' },
    sql: `-- Child victims per year in Indonesia and the change from the year before (a window function).
SELECT year, cases, victims,
  victims - lag(victims) OVER (ORDER BY year) AS change,
  round(100.0 * (victims - lag(victims) OVER (ORDER BY year)) / lag(victims) OVER (ORDER BY year), 1) AS change_pct
FROM violence_totals
WHERE region_code = '00'
ORDER BY year`,
  },
  {
    id: 'withheld',
    title: { id: 'Sel yang disembunyikan per tabel', en: 'Withheld cells per table' },
    sql: `-- How many kab/kota cells are withheld (1-4 children, or secondary suppression), by table and year.
SELECT 'violence_totals' AS table_name, year, count(*) FILTER (WHERE suppressed) AS withheld, count(*) AS cells
FROM violence_totals WHERE level = 'regency' GROUP BY year
UNION ALL
SELECT 'violence_by_type', year, count(*) FILTER (WHERE suppressed), count(*)
FROM violence_by_type WHERE level = 'regency' GROUP BY year
ORDER BY table_name, year`,
  },
];
