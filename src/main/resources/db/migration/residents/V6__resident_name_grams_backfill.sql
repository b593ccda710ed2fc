-- The name index for the residents registered before V5 (new writes keep it current themselves).
INSERT INTO resident_name_gram (resident_id, c1, c2, grid_code)
SELECT DISTINCT r.id, SUBSTRING(r.name, p.n, 1), SUBSTRING(r.name, p.n + 1, 1), r.grid_code
FROM resident r JOIN resident_name_position p ON p.n <= CHAR_LENGTH(r.name);
