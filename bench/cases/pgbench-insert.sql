\set v random(1, 1000000000)
INSERT INTO pgbench_rows (v, at) VALUES (:v, now());
