-- The distinct texts of one list column of raw_input (jenis_kekerasan, layanan), each with a small key and its items:
-- a list is split once per distinct text (a few hundred), and a victim row carries only the key.
-- Tables: raw_input. Params: $column VARCHAR.
-- Columns: key INTEGER, raw VARCHAR ('' for an empty cell), items VARCHAR[].
SELECT (row_number() OVER (ORDER BY raw))::INTEGER AS key, raw, split_list(raw) AS items
FROM (SELECT DISTINCT coalesce(value::VARCHAR, '') AS raw FROM (SELECT DISTINCT COLUMNS(c -> c = $column) AS value FROM raw_input))
