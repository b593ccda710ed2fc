#!/usr/bin/env bash
# Fills an H2 file database (made by the jar with the small demo district) with the residents registry of a
# full-scale PostgreSQL schema (made by bench/lists/run.sh DBS=pg): households, residents, tags, the text indexes
# and the per-grid counters, copied as CSV. Loading 928,700 residents through the demo loader on H2 takes more than
# 30 minutes on the shared 2-core machine. Each table goes in by chunks (CHUNK rows, 100,000), with the secondary
# indexes dropped during the load and built afterwards. HOUSEHOLD_GRAMS=0 leaves the households' text index
# (2.2 million rows) empty: faster, and the bench's texts (a resident's name, its surname) match no household.
# Other modules' demo rows that name residents keep
# their ids (which may then name other residents): for timing the lists only.
# (CSV without a header: H2 upper-cases header names, which DATABASE_TO_LOWER then does not find.)
# Usage: bench/lists/h2-from-pg.sh <pg schema> <h2 file path without .mv.db>   (the application must be stopped)
set -euo pipefail
SCHEMA=$1
H2=$(realpath -m "$2") # H2 wants an absolute path
DIR=$(mktemp -d)
H2JAR=$(ls ~/.m2/repository/com/h2database/h2/2.4.*/h2-2.4.*.jar | tail -1)
ts() { echo "to_char($1 AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00:00'"; }
export_csv() { psql -h 127.0.0.1 -U postgres -d test -q -c "\\copy ($2) TO '$DIR/$1.csv' WITH (FORMAT csv, HEADER false)"; }
S=$SCHEMA
export_csv household "SELECT id, district_code, grid_code, compound, building, entrance, room, address, $(ts created_at) AS created_at FROM $S.household ORDER BY id"
export_csv resident "SELECT id, district_code, grid_code, household_id, name, id_number_hash, id_number_enc, id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender, status, version, $(ts created_at) AS created_at, $(ts updated_at) AS updated_at FROM $S.resident ORDER BY id"
export_csv resident_tag "SELECT resident_id, district_code, tag, set_by, $(ts set_at) AS set_at, review_on FROM $S.resident_tag"
export_csv resident_name_gram "SELECT resident_id, c1, c2, grid_code FROM $S.resident_name_gram ORDER BY resident_id, c1, c2"
export_csv household_text_gram "SELECT household_id, c1, c2, grid_code FROM $S.household_text_gram ORDER BY household_id, c1, c2"
export_csv resident_grid_count "SELECT grid_code, district_code, residents, $(ts counted_at) AS counted_at FROM $S.resident_grid_count"
CHUNK=${CHUNK:-100000}
# each CSV in chunks of CHUNK rows, one INSERT (one transaction: RunScript commits every statement) per chunk: H2
# keeps a whole INSERT ... SELECT as one transaction, which for millions of rows grew the file past 11 GB
for t in household resident resident_tag resident_name_gram household_text_gram resident_grid_count; do
  split -l "$CHUNK" -d -a 4 "$DIR/$t.csv" "$DIR/$t.part." && rm "$DIR/$t.csv"
done
# insert TABLE COLUMNS SELECT-LIST CSV-COLUMNS: one INSERT per chunk of the table's CSV
insert() {
  local f
  for f in "$DIR/$1".part.*; do
    echo "INSERT INTO $1 ($2) SELECT $3 FROM CSVREAD('$f', '$4', 'charset=UTF-8');"
  done
}
{
cat <<SQL
SET REFERENTIAL_INTEGRITY FALSE;
DELETE FROM resident_tag; DELETE FROM resident_name_gram; DELETE FROM household_text_gram; DELETE FROM resident; DELETE FROM household;
DELETE FROM resident_grid_count;
-- secondary indexes off during the load: H2 then builds each once, sorted, instead of row by row
DROP INDEX resident_by_grid; DROP INDEX resident_by_household; DROP INDEX resident_by_name; DROP INDEX resident_by_phone;
DROP INDEX resident_name_gram_search; DROP INDEX household_text_gram_search;
SQL
insert household "id, district_code, grid_code, compound, building, entrance, room, address, created_at" \
  "CAST(id AS BIGINT), district_code, grid_code, COALESCE(compound, ''), COALESCE(building, ''),
  COALESCE(entrance, ''), COALESCE(room, ''), COALESCE(address, ''), CAST(created_at AS TIMESTAMP WITH TIME ZONE)" \
  "id,district_code,grid_code,compound,building,entrance,room,address,created_at"
insert resident "id, district_code, grid_code, household_id, name, id_number_hash, id_number_enc,
  id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender, status, version, created_at, updated_at" \
  "CAST(id AS BIGINT), district_code, grid_code, CAST(NULLIF(household_id, '') AS BIGINT), name, id_number_hash,
  id_number_enc, id_number_masked, NULLIF(phone_hash, ''), NULLIF(phone_enc, ''), NULLIF(phone_masked, ''),
  CAST(NULLIF(birth_date, '') AS DATE), CAST(NULLIF(gender, '') AS SMALLINT), status, CAST(version AS INT),
  CAST(created_at AS TIMESTAMP WITH TIME ZONE), CAST(updated_at AS TIMESTAMP WITH TIME ZONE)" \
  "id,district_code,grid_code,household_id,name,id_number_hash,id_number_enc,id_number_masked,phone_hash,phone_enc,phone_masked,birth_date,gender,status,version,created_at,updated_at"
insert resident_tag "resident_id, district_code, tag, set_by, set_at, review_on" \
  "CAST(resident_id AS BIGINT), district_code, tag, set_by, CAST(set_at AS TIMESTAMP WITH TIME ZONE),
  CAST(NULLIF(review_on, '') AS DATE)" "resident_id,district_code,tag,set_by,set_at,review_on"
insert resident_name_gram "resident_id, c1, c2, grid_code" "CAST(resident_id AS BIGINT), c1, COALESCE(c2, ''), grid_code" \
  "resident_id,c1,c2,grid_code"
[ "${HOUSEHOLD_GRAMS:-1}" = 1 ] && insert household_text_gram "household_id, c1, c2, grid_code" "CAST(household_id AS BIGINT), c1, COALESCE(c2, ''), grid_code" \
  "household_id,c1,c2,grid_code"
insert resident_grid_count "grid_code, district_code, residents, counted_at" \
  "grid_code, district_code, CAST(residents AS BIGINT), CAST(counted_at AS TIMESTAMP WITH TIME ZONE)" \
  "grid_code,district_code,residents,counted_at"
cat <<SQL
CREATE INDEX resident_by_grid ON resident (grid_code, id);
CREATE INDEX resident_by_household ON resident (household_id);
CREATE INDEX resident_by_name ON resident (name);
CREATE INDEX resident_by_phone ON resident (phone_hash);
CREATE INDEX resident_name_gram_search ON resident_name_gram (c1, c2, grid_code, resident_id);
CREATE INDEX household_text_gram_search ON household_text_gram (c1, c2, grid_code, household_id);
SET REFERENTIAL_INTEGRITY TRUE;
ALTER TABLE household ALTER COLUMN id RESTART WITH (SELECT MAX(id) + 1 FROM household);
ALTER TABLE resident ALTER COLUMN id RESTART WITH (SELECT MAX(id) + 1 FROM resident);
ANALYZE;
SELECT COUNT(*) FROM resident;
SQL
} > "$DIR/load.sql"
echo "$(date -u +%T) loading $(grep -c '^INSERT' "$DIR/load.sql") chunks into $H2"
java -Xmx3g -cp "$H2JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$H2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  -user sa -script "$DIR/load.sql" -showResults
rm -rf "$DIR"
echo "$(date -u +%T) done"
