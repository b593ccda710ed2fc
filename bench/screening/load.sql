-- Bench-only data: synthetic households and residents for the screening benchmark, written straight into the
-- residents' tables of the bench schema (the application itself never does this; a fast resident import is another
-- piece of work). No personal data: names are numbers, the ID "hash" and "ciphertext" are placeholders.
-- :per_grid households in every grid of the demo district, :residents residents spread evenly over them.
INSERT INTO household (district_code, grid_code, compound, building, entrance, room, address, created_at)
SELECT '320819', g.code, '基准小区', (i / 24 + 1)::text || '栋', ((i / 6) % 4 + 1)::text || '单元',
       (i % 6 + 1)::text || '01', '', now()
FROM jurisdiction g CROSS JOIN generate_series(0, :per_grid - 1) AS i
WHERE g.level = 'GRID';

CREATE TEMPORARY TABLE bench_household AS
SELECT id, grid_code, row_number() OVER (ORDER BY id) - 1 AS k FROM household WHERE compound = '基准小区';
CREATE INDEX ON bench_household (k);
ANALYZE bench_household;

INSERT INTO resident (district_code, grid_code, household_id, name, id_number_hash, id_number_enc, id_number_masked,
                      birth_date, gender, status, created_at, updated_at)
SELECT '320819', h.grid_code, h.id, '居民' || s, md5(s::text) || md5('bench' || s::text), 'bench-placeholder',
       '110105**********' || lpad((s % 100)::text, 2, '0'), date '1980-01-01', 1 + s % 2, 'ACTIVE', now(), now()
FROM generate_series(0, :residents - 1) AS s
JOIN bench_household h ON h.k = s % (SELECT COUNT(*) FROM bench_household);

ANALYZE household;
ANALYZE resident;
SELECT (SELECT COUNT(*) FROM household) AS households, (SELECT COUNT(*) FROM resident) AS residents;
