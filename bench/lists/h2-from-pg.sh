#!/usr/bin/env bash
# Fills an H2 file database (made by the jar with the small demo district) with the residents registry of a
# full-scale PostgreSQL schema (made by bench/lists/run.sh DBS=pg): households, residents, tags, the text indexes
# and the per-grid counters, copied as CSV. Loading 928,700 residents through the demo loader on H2 takes more than
# 30 minutes on the shared 2-core machine; this takes a few. Other modules' demo rows that name residents keep
# their ids (which may then name other residents): for timing the lists only.
# (CSV without a header: H2 upper-cases header names, which DATABASE_TO_LOWER then does not find.)
# Usage: bench/lists/h2-from-pg.sh <pg schema> <h2 file path without .mv.db>   (the application must be stopped)
set -euo pipefail
SCHEMA=$1
H2=$2
DIR=$(mktemp -d)
H2JAR=$(ls ~/.m2/repository/com/h2database/h2/2.4.*/h2-2.4.*.jar | tail -1)
ts() { echo "to_char($1 AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00:00'"; }
export_csv() { psql -h 127.0.0.1 -U postgres -d test -q -c "\\copy ($2) TO '$DIR/$1.csv' WITH (FORMAT csv, HEADER false)"; }
S=$SCHEMA
export_csv household "SELECT id, district_code, grid_code, compound, building, entrance, room, address, $(ts created_at) AS created_at FROM $S.household"
export_csv resident "SELECT id, district_code, grid_code, household_id, name, id_number_hash, id_number_enc, id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender, status, version, $(ts created_at) AS created_at, $(ts updated_at) AS updated_at FROM $S.resident"
export_csv resident_tag "SELECT resident_id, district_code, tag, set_by, $(ts set_at) AS set_at, review_on FROM $S.resident_tag"
export_csv resident_name_gram "SELECT resident_id, c1, c2, grid_code FROM $S.resident_name_gram"
export_csv household_text_gram "SELECT household_id, c1, c2, grid_code FROM $S.household_text_gram"
export_csv resident_grid_count "SELECT grid_code, district_code, residents, $(ts counted_at) AS counted_at FROM $S.resident_grid_count"
cat > "$DIR/load.sql" <<SQL
SET REFERENTIAL_INTEGRITY FALSE;
DELETE FROM resident_tag; DELETE FROM resident_name_gram; DELETE FROM household_text_gram; DELETE FROM resident; DELETE FROM household;
DELETE FROM resident_grid_count;
INSERT INTO household (id, district_code, grid_code, compound, building, entrance, room, address, created_at)
  SELECT CAST(id AS BIGINT), district_code, grid_code, COALESCE(compound, ''), COALESCE(building, ''),
  COALESCE(entrance, ''), COALESCE(room, ''), COALESCE(address, ''), CAST(created_at AS TIMESTAMP WITH TIME ZONE)
  FROM CSVREAD('$DIR/household.csv', 'id,district_code,grid_code,compound,building,entrance,room,address,created_at', 'charset=UTF-8');
INSERT INTO resident (id, district_code, grid_code, household_id, name, id_number_hash, id_number_enc,
  id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender, status, version, created_at, updated_at)
  SELECT CAST(id AS BIGINT), district_code, grid_code, CAST(NULLIF(household_id, '') AS BIGINT), name, id_number_hash,
  id_number_enc, id_number_masked, NULLIF(phone_hash, ''), NULLIF(phone_enc, ''), NULLIF(phone_masked, ''),
  CAST(NULLIF(birth_date, '') AS DATE), CAST(NULLIF(gender, '') AS SMALLINT), status, CAST(version AS INT),
  CAST(created_at AS TIMESTAMP WITH TIME ZONE), CAST(updated_at AS TIMESTAMP WITH TIME ZONE)
  FROM CSVREAD('$DIR/resident.csv', 'id,district_code,grid_code,household_id,name,id_number_hash,id_number_enc,id_number_masked,phone_hash,phone_enc,phone_masked,birth_date,gender,status,version,created_at,updated_at', 'charset=UTF-8');
INSERT INTO resident_tag (resident_id, district_code, tag, set_by, set_at, review_on)
  SELECT CAST(resident_id AS BIGINT), district_code, tag, set_by, CAST(set_at AS TIMESTAMP WITH TIME ZONE),
  CAST(NULLIF(review_on, '') AS DATE) FROM CSVREAD('$DIR/resident_tag.csv', 'resident_id,district_code,tag,set_by,set_at,review_on', 'charset=UTF-8');
INSERT INTO resident_name_gram (resident_id, c1, c2, grid_code)
  SELECT CAST(resident_id AS BIGINT), c1, COALESCE(c2, ''), grid_code
  FROM CSVREAD('$DIR/resident_name_gram.csv', 'resident_id,c1,c2,grid_code', 'charset=UTF-8');
INSERT INTO household_text_gram (household_id, c1, c2, grid_code)
  SELECT CAST(household_id AS BIGINT), c1, COALESCE(c2, ''), grid_code
  FROM CSVREAD('$DIR/household_text_gram.csv', 'household_id,c1,c2,grid_code', 'charset=UTF-8');
INSERT INTO resident_grid_count (grid_code, district_code, residents, counted_at)
  SELECT grid_code, district_code, CAST(residents AS BIGINT), CAST(counted_at AS TIMESTAMP WITH TIME ZONE)
  FROM CSVREAD('$DIR/resident_grid_count.csv', 'grid_code,district_code,residents,counted_at', 'charset=UTF-8');
SET REFERENTIAL_INTEGRITY TRUE;
ALTER TABLE household ALTER COLUMN id RESTART WITH (SELECT MAX(id) + 1 FROM household);
ALTER TABLE resident ALTER COLUMN id RESTART WITH (SELECT MAX(id) + 1 FROM resident);
ANALYZE;
SELECT COUNT(*) FROM resident;
SQL
java -Xmx3g -cp "$H2JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$H2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  -user sa -script "$DIR/load.sql" -showResults
rm -rf "$DIR"
