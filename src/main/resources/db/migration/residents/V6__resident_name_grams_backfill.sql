-- The text indexes for the residents and households registered before V5 (new writes keep them current).
INSERT INTO resident_name_gram (resident_id, c1, c2, grid_code)
SELECT DISTINCT r.id, SUBSTRING(r.name, p.n, 1), SUBSTRING(r.name, p.n + 1, 1), r.grid_code
FROM resident r JOIN resident_text_position p ON p.n <= CHAR_LENGTH(r.name);

INSERT INTO household_text_gram (household_id, c1, c2, grid_code)
SELECT h.id, SUBSTRING(h.compound, p.n, 1), SUBSTRING(h.compound, p.n + 1, 1), h.grid_code
FROM household h JOIN resident_text_position p ON p.n <= CHAR_LENGTH(h.compound)
UNION
SELECT h.id, SUBSTRING(h.address, p.n, 1), SUBSTRING(h.address, p.n + 1, 1), h.grid_code
FROM household h JOIN resident_text_position p ON p.n <= CHAR_LENGTH(h.address);
