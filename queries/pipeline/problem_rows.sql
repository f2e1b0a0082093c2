-- The rows of raw_input whose value in one column has a problem (from validate_cells.sql).
-- Tables: raw_input, cell_problems(column_name, value, shown, message). Params: $column VARCHAR.
-- Columns: row INTEGER, column_name VARCHAR, value VARCHAR, message VARCHAR.
SELECT r.__row AS row, p.column_name, p.shown AS value, p.message
FROM (SELECT __row, COLUMNS(c -> c = $column) AS value FROM raw_input) r
JOIN cell_problems p ON p.column_name = $column AND p.value IS NOT DISTINCT FROM r.value
