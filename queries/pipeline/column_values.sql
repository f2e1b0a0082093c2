-- The distinct values of one column of raw_input and how many rows hold each: every check then runs once per
-- distinct value instead of once per cell.
-- Tables: raw_input. Params: $column VARCHAR (a column name of the contract).
-- Columns: column_name VARCHAR, value VARCHAR, n INTEGER.
SELECT $column AS column_name, value, count(*)::INTEGER AS n
FROM (SELECT COLUMNS(c -> c = $column) AS value FROM raw_input)
GROUP BY ALL
