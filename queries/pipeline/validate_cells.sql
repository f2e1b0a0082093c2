-- Problems of single cell values against the dataset's contract rules, one row per (column, distinct value).
-- Tables: cell_values(column_name, value, n) (raw_<dataset>_values, see src/pipeline/read-raw.ts), contract_rules (see src/pipeline/validate.ts).
-- Params: $min_date DATE, $max_date DATE (the snapshot reference date; later dates are errors unless allow_future).
-- Columns: column_name VARCHAR, value VARCHAR, shown VARCHAR (the value with forbidden characters as U+FFFD), message VARCHAR.
WITH checked AS (
  SELECT
    c.column_name, c.value,
    CASE
      WHEN c.value IS NULL THEN
        CASE WHEN r.required THEN 'wajib diisi / required' END
      WHEN r.kind IN ('text', 'region') AND forbidden_character(c.value) <> '' THEN
        forbidden_character_message(c.value)
      WHEN r.kind IN ('text', 'region') AND invisible_only(c.value) THEN
        'hanya berisi karakter tak terlihat / holds only invisible characters'
      WHEN r.kind = 'text' AND length(c.value) > r.max_length THEN
        format('lebih dari {} karakter / longer than {} characters', r.max_length, r.max_length)
      WHEN r.kind = 'integer' AND parse_integer(c.value) IS NULL AND thousands_form(c.value) THEN
        format('pemisah ribuan tidak diterima; tulis {} / thousands separator not accepted; write {}', without_separators(c.value), without_separators(c.value))
      WHEN r.kind = 'integer' AND parse_integer(c.value) IS NULL AND regexp_full_match(c.value, '-?[0-9]+[.,][0-9]+') THEN
        'bukan bilangan bulat (ada pecahan; tidak dibulatkan) / not a whole number (has a fraction; never rounded)'
      WHEN r.kind = 'integer' AND parse_integer(c.value) IS NULL THEN
        'bukan bilangan bulat (hanya angka 0-9) / not a whole number (digits 0-9 only)'
      WHEN r.kind = 'integer' AND parse_integer(c.value) NOT BETWEEN r.min_value AND r.max_value THEN
        format('di luar rentang {}..{} / out of range {}..{}', fmt_num(r.min_value), fmt_num(r.max_value), fmt_num(r.min_value), fmt_num(r.max_value))
      WHEN r.kind = 'decimal' AND parse_decimal(c.value) IS NULL AND thousands_form(c.value) THEN
        format('bukan angka: pemisah ribuan tidak diterima; tulis {} / not a number: thousands separators are not accepted; write {}', without_separators(c.value), without_separators(c.value))
      WHEN r.kind = 'decimal' AND parse_decimal(c.value) IS NULL THEN
        'bukan angka (angka 0-9 dengan satu titik atau koma desimal) / not a number (digits 0-9 with one decimal point or comma)'
      WHEN r.kind = 'decimal' AND thousands_form(c.value)
          AND without_separators(c.value)::DOUBLE BETWEEN r.min_value AND r.max_value
          AND parse_decimal(c.value) BETWEEN r.min_value AND r.max_value THEN
        format('ambigu: {} atau {}? tulis tanpa pemisah ribuan / ambiguous: {} or {}? write numbers without a thousands separator',
          fmt_num(parse_decimal(c.value)), without_separators(c.value), fmt_num(parse_decimal(c.value)), without_separators(c.value))
      WHEN r.kind = 'decimal' AND parse_decimal(c.value) NOT BETWEEN r.min_value AND r.max_value THEN
        format('di luar rentang {}..{} / out of range {}..{}', fmt_num(r.min_value), fmt_num(r.max_value), fmt_num(r.min_value), fmt_num(r.max_value))
      WHEN r.kind = 'date' AND parse_date(c.value) IS NULL THEN
        'bukan tanggal (YYYY-MM-DD atau DD/MM/YYYY) / not a date (YYYY-MM-DD or DD/MM/YYYY)'
      WHEN r.kind = 'date' AND parse_date(c.value) < $min_date::DATE THEN
        format('tanggal sebelum {} / date before {}', $min_date, $min_date)
      WHEN r.kind = 'date' AND NOT r.allow_future AND parse_date(c.value) > $max_date::DATE THEN
        format('tanggal setelah tanggal acuan {} / date after the reference date {}', $max_date, $max_date)
      WHEN r.kind = 'enum' AND NOT list_contains(r.allowed, c.value) THEN
        'bukan salah satu dari / not one of: ' || array_to_string(r.allowed, ', ')
      WHEN r.kind = 'enum_list' AND len(list_filter(split_list(c.value), x -> NOT list_contains(r.allowed, x))) > 0 THEN
        'nilai tidak dikenal / unknown value(s) '
          || array_to_string(list_filter(split_list(c.value), x -> NOT list_contains(r.allowed, x)), ';')
          || '; yang boleh / allowed: ' || array_to_string(r.allowed, ', ')
      WHEN r.kind = 'enum_list' AND len(split_list(c.value)) < r.min_items THEN
        format('minimal {} nilai / at least {} value(s)', r.min_items, r.min_items)
    END AS message
  FROM cell_values c
  JOIN contract_rules r ON r.column_name = c.column_name
)
SELECT column_name, value, shown_value(value) AS shown, message
FROM checked
WHERE message IS NOT NULL
