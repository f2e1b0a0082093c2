-- Problems of one free-text column (ids, names), checked row by row: such columns have nearly as many distinct values
-- as rows, so one filtered scan is cheaper than grouping them. Plain printable ASCII of an allowed length is passed
-- by one cheap test; only the other cells go through the full checks (the same as validate_cells.sql for text).
-- Tables: raw_input. Params: $column VARCHAR, $required BOOLEAN, $max_length INTEGER.
-- Columns: row INTEGER, column_name VARCHAR, value VARCHAR, message VARCHAR.
SELECT * FROM (
  SELECT __row AS row, $column AS column_name, shown_value(v) AS value,
    CASE
      WHEN v IS NULL THEN CASE WHEN $required THEN 'wajib diisi / required' END
      WHEN forbidden_character(v) <> '' THEN forbidden_character_message(v)
      WHEN invisible_only(v) THEN 'hanya berisi karakter tak terlihat / holds only invisible characters'
      WHEN length(v) > $max_length THEN format('lebih dari {} karakter / longer than {} characters', $max_length, $max_length)
    END AS message
  FROM (SELECT __row, COLUMNS(c -> c = $column) AS v FROM raw_input)
  WHERE v IS NULL OR NOT regexp_full_match(v, '[\x20-\x7E]+') OR length(v) > $max_length
)
WHERE message IS NOT NULL
