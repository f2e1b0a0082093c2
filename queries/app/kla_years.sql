-- The KLA evaluation years, newest first.
-- Tables: kla. Columns: year INTEGER.
SELECT DISTINCT year FROM kla ORDER BY year DESC
