-- Prints one line per table of the database's own schemas: schema.table|rows|md5 of the sorted md5s of its rows.
-- Used by ops/backup.sh (inside the backup's snapshot) and ops/restore.sh (on the restored copy) to prove a restore
-- brought back every row unchanged. Run with psql -At; \gexec runs the statement the first query builds.
-- Rows are compared as text in one fixed rendering, whatever the server's or session's defaults.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET extra_float_digits = 3;
SELECT string_agg(format(
         'SELECT %L || ''|'' || count(*) || ''|'' || md5(coalesce(string_agg(md5(t::text), '''' ORDER BY md5(t::text)), '''')) FROM %I.%I t',
         n.nspname || '.' || c.relname, n.nspname, c.relname),
       ' UNION ALL ' ORDER BY n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname NOT LIKE 'pg_temp%'
\gexec
