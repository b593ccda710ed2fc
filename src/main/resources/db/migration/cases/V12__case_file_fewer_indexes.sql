-- One index fewer to keep up on every case written (issue 11, case intake): case_file_unit (lead_unit_id, status)
-- served the lead unit's to-do counts (lead_unit_id = ? AND status ...), which case_file_unit_deadline
-- (lead_unit_id, deadline_at) serves as well (same leading column; the status is checked on the unit's few thousand
-- rows, or the planner ANDs it with case_file_status). Checked with EXPLAIN ANALYZE on PostgreSQL at 60,912 cases
-- (docs/cases.md "Indexes of case_file"). The other indexes each serve a query that is slower without them there.
DROP INDEX IF EXISTS case_file_unit;
