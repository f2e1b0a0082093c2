-- The KLA evaluations of one kab/kota, oldest first: total score, category and the six component scores.
-- Tables: kla. Params: $region VARCHAR (a kab/kota code, '32.73').
-- Columns: year INTEGER, score DOUBLE (0-1000), category VARCHAR (kla_category code), score_institutional DOUBLE,
--          score_cluster_1 .. score_cluster_5 DOUBLE (each 0-100).
SELECT
  year::INTEGER AS year,
  score::DOUBLE AS score,
  category::VARCHAR AS category,
  score_institutional::DOUBLE AS score_institutional,
  score_cluster_1::DOUBLE AS score_cluster_1,
  score_cluster_2::DOUBLE AS score_cluster_2,
  score_cluster_3::DOUBLE AS score_cluster_3,
  score_cluster_4::DOUBLE AS score_cluster_4,
  score_cluster_5::DOUBLE AS score_cluster_5
FROM kla
WHERE region_code = $region
ORDER BY year
