-- Retention (issue 12): when a closed case's personal parts were removed (reporter's sealed contact, description,
-- photos, public link, notes in the history) and after how many days; the rest stays for statistics.
ALTER TABLE case_file ADD COLUMN personal_purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_file ADD COLUMN personal_kept_days INT;
