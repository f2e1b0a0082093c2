-- Parsing helpers shared by validation and cleaning, so that both read a raw cell the same way.
-- (The one file in queries/ with several statements: one macro each.)
CREATE OR REPLACE MACRO parse_date(s) AS coalesce(try_strptime(s, '%Y-%m-%d'), try_strptime(s, '%d/%m/%Y'))::DATE;
-- Numbers are read strictly: digits with an optional minus, and for decimals one '.' or ',' before the fraction.
-- Anything else is NULL (and an error in validate_cells.sql): never a rounded "5.5", a "1.200" read as 1, hex, "1_0" or "1e3".
CREATE OR REPLACE MACRO parse_integer(s) AS CASE WHEN regexp_full_match(s, '-?[0-9]{1,9}') THEN TRY_CAST(s AS INTEGER) END;
CREATE OR REPLACE MACRO parse_decimal(s) AS
  CASE WHEN regexp_full_match(s, '-?[0-9]{1,15}([.,][0-9]{1,15})?') THEN TRY_CAST(replace(s, ',', '.') AS DOUBLE) END;
-- "1.200", "12.345.678" or "1,200": digits in groups of three after the first, as Indonesian thousands are written.
CREATE OR REPLACE MACRO thousands_form(s) AS regexp_full_match(s, '-?[0-9]{1,3}([.][0-9]{3})+|-?[0-9]{1,3}(,[0-9]{3})+');
CREATE OR REPLACE MACRO without_separators(s) AS regexp_replace(s, '[.,]', '', 'g');
CREATE OR REPLACE MACRO split_list(s) AS list_sort(list_distinct(list_filter(list_transform(string_split(coalesce(s, ''), ';'), x -> trim(x)), x -> x <> '')));
CREATE OR REPLACE MACRO fmt_num(x) AS CASE WHEN x = round(x) THEN x::BIGINT::VARCHAR ELSE x::VARCHAR END;
-- Characters refused in names and ids: C0/C1 controls, bidirectional overrides, embeddings, isolates and marks
-- (a right-to-left override makes "exe.gnp" read as "png.exe"), and invisible zero-width spaces, word joiners and BOMs.
CREATE OR REPLACE MACRO forbidden_character(s) AS
  regexp_extract(s, '[\x00-\x1F\x7F-\x9F\x{061C}\x{200B}\x{200E}\x{200F}\x{202A}-\x{202E}\x{2060}\x{2066}-\x{2069}\x{FEFF}]');
CREATE OR REPLACE MACRO forbidden_character_name(code) AS CASE
  WHEN code < 32 OR code BETWEEN 127 AND 159 THEN 'karakter kontrol / control character'
  WHEN code = 1564 THEN 'ARABIC LETTER MARK' WHEN code = 8203 THEN 'ZERO WIDTH SPACE'
  WHEN code = 8206 THEN 'LEFT-TO-RIGHT MARK' WHEN code = 8207 THEN 'RIGHT-TO-LEFT MARK'
  WHEN code = 8234 THEN 'LEFT-TO-RIGHT EMBEDDING' WHEN code = 8235 THEN 'RIGHT-TO-LEFT EMBEDDING'
  WHEN code = 8236 THEN 'POP DIRECTIONAL FORMATTING' WHEN code = 8237 THEN 'LEFT-TO-RIGHT OVERRIDE'
  WHEN code = 8238 THEN 'RIGHT-TO-LEFT OVERRIDE' WHEN code = 8288 THEN 'WORD JOINER'
  WHEN code = 8294 THEN 'LEFT-TO-RIGHT ISOLATE' WHEN code = 8295 THEN 'RIGHT-TO-LEFT ISOLATE'
  WHEN code = 8296 THEN 'FIRST STRONG ISOLATE' WHEN code = 8297 THEN 'POP DIRECTIONAL ISOLATE'
  WHEN code = 65279 THEN 'ZERO WIDTH NO-BREAK SPACE (BOM)' END;
CREATE OR REPLACE MACRO forbidden_character_message(s) AS format(
  'karakter terlarang U+{} {} pada posisi {} / forbidden character U+{} {} at position {}',
  printf('%04X', unicode(forbidden_character(s))), forbidden_character_name(unicode(forbidden_character(s))), instr(s, forbidden_character(s)),
  printf('%04X', unicode(forbidden_character(s))), forbidden_character_name(unicode(forbidden_character(s))), instr(s, forbidden_character(s)));
-- A value made only of blanks and invisible characters (no-break, zero-width and Hangul filler spaces, soft hyphens).
CREATE OR REPLACE MACRO invisible_only(s) AS
  regexp_full_match(s, '[\s\x{00A0}\x{00AD}\x{115F}\x{1160}\x{2000}-\x{200D}\x{2060}\x{3000}\x{3164}\x{FEFF}]+');
-- A value as shown in an issue: forbidden characters replaced by U+FFFD, so a report never re-orders or hides text.
CREATE OR REPLACE MACRO shown_value(s) AS
  regexp_replace(s, '[\x00-\x1F\x7F-\x9F\x{061C}\x{200B}\x{200E}\x{200F}\x{202A}-\x{202E}\x{2060}\x{2066}-\x{2069}\x{FEFF}]', '�', 'g');
