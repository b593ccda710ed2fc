-- bench/city: one more district of the city, a copy of the demo district's jurisdiction tree (6 streets and towns,
-- 99 communities and villages, 1,291 grids, the compounds and their buildings) under the district code :'d' (6 digits)
-- with the name :'name', and a district command center account center:'d' (the demo center's password) scoped to it.
-- Run with psql -v d=320821 -v name=河西区 -v n=1 (n: 1..9, keeps compound and building ids apart) on a database where
-- the demo district 320819 is loaded. Skips a district that exists.
\set ON_ERROR_STOP 1
SELECT EXISTS (SELECT 1 FROM jurisdiction WHERE district_code = :'d') AS present \gset
\if :present
  \echo district :d exists
\else
BEGIN;
INSERT INTO jurisdiction (code, prefix, name, level, kind, parent_code, district_code, boundary, center_lat, center_lng)
SELECT :'d' || substr(code, 7), :'d' || substr(prefix, 7),
       CASE WHEN code = '320819000000' THEN :'name' ELSE name END, level, kind,
       CASE WHEN parent_code LIKE '320819%' THEN :'d' || substr(parent_code, 7) ELSE parent_code END,
       :'d', boundary, center_lat, center_lng
FROM jurisdiction WHERE district_code = '320819';
INSERT INTO compound (id, name, grid_code, property_company_id, district_code)
SELECT id + :n * 10000000, name, :'d' || substr(grid_code, 7), property_company_id, :'d'
FROM compound WHERE district_code = '320819';
INSERT INTO building (id, compound_id, code, name, grid_code, floors, district_code)
SELECT id + :n * 10000000, compound_id + :n * 10000000, code, name, :'d' || substr(grid_code, 7), floors, :'d'
FROM building WHERE district_code = '320819';
INSERT INTO app_user (username, display_name, password_hash, district_code)
SELECT 'center' || :'d', :'name' || '联动指挥中心', password_hash, :'d' FROM app_user WHERE username = 'center';
INSERT INTO user_role (user_id, role) SELECT id, 'CENTER' FROM app_user WHERE username = 'center' || :'d';
INSERT INTO user_scope (user_id, jurisdiction_code) SELECT id, :'d' || '000000' FROM app_user WHERE username = 'center' || :'d';
COMMIT;
\endif
