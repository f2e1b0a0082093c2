-- The cases written on more than one row of the violence file, by case key (a 64-bit hash of the id in lower case, as
-- in clean_violence.sql; a collision only adds a key). One plain aggregation, which spills to disk whatever the number
-- of rows; the violence rules and the count of cases work on these cases' rows alone.
-- Tables: raw_input (violence).
-- Columns: k UBIGINT.
SELECT hash(lower(id_kasus)) AS k FROM raw_input WHERE id_kasus IS NOT NULL GROUP BY k HAVING count(*) > 1
