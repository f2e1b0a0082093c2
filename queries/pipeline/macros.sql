-- Parsing helpers shared by validation and cleaning, so that both read a raw cell the same way.
-- (The one file in queries/ with several statements: one macro each.)
CREATE OR REPLACE MACRO parse_date(s) AS coalesce(try_strptime(s, '%Y-%m-%d'), try_strptime(s, '%d/%m/%Y'))::DATE;
CREATE OR REPLACE MACRO parse_integer(s) AS TRY_CAST(s AS INTEGER);
CREATE OR REPLACE MACRO parse_decimal(s) AS TRY_CAST(replace(s, ',', '.') AS DOUBLE);
CREATE OR REPLACE MACRO split_list(s) AS list_sort(list_distinct(list_filter(list_transform(string_split(coalesce(s, ''), ';'), x -> trim(x)), x -> x <> '')));
CREATE OR REPLACE MACRO fmt_num(x) AS CASE WHEN x = round(x) THEN x::BIGINT::VARCHAR ELSE x::VARCHAR END;
