-- The years with violence data, newest first.
-- Tables: violence_totals. Columns: year INTEGER.
SELECT DISTINCT year FROM violence_totals ORDER BY year DESC
