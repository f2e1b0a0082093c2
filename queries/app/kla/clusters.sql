-- Average institutional and cluster I-V scores of the kab/kota evaluated in one year, for Indonesia ('00', first) and
-- each province with evaluated kab/kota. Each score is a percentage of its cluster's maximum (0-100).
-- Tables: kla, regions. Params: $year INTEGER.
-- Columns: region_code VARCHAR, name VARCHAR, evaluated INTEGER, score_institutional DOUBLE, score_cluster_1 DOUBLE,
--          score_cluster_2 DOUBLE, score_cluster_3 DOUBLE, score_cluster_4 DOUBLE, score_cluster_5 DOUBLE
--          (averages, 1 decimal).
WITH grouped AS (
  SELECT
    CASE WHEN grouping(province_code) = 1 THEN '00' ELSE province_code END AS region_code,
    count(*) AS evaluated,
    avg(score_institutional) AS score_institutional,
    avg(score_cluster_1) AS score_cluster_1,
    avg(score_cluster_2) AS score_cluster_2,
    avg(score_cluster_3) AS score_cluster_3,
    avg(score_cluster_4) AS score_cluster_4,
    avg(score_cluster_5) AS score_cluster_5
  FROM kla
  WHERE year = $year
  GROUP BY GROUPING SETS ((province_code), ())
)
SELECT
  g.region_code,
  r.name,
  g.evaluated::INTEGER AS evaluated,
  round(g.score_institutional, 1)::DOUBLE AS score_institutional,
  round(g.score_cluster_1, 1)::DOUBLE AS score_cluster_1,
  round(g.score_cluster_2, 1)::DOUBLE AS score_cluster_2,
  round(g.score_cluster_3, 1)::DOUBLE AS score_cluster_3,
  round(g.score_cluster_4, 1)::DOUBLE AS score_cluster_4,
  round(g.score_cluster_5, 1)::DOUBLE AS score_cluster_5
FROM grouped g
LEFT JOIN regions r USING (region_code)
ORDER BY g.region_code
