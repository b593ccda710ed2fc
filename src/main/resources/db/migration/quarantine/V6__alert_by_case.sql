-- The command center asks for the alert of a closed case (open alerts end when their case closes).
CREATE INDEX quarantine_alert_by_case ON quarantine_alert (case_id);
