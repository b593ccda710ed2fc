-- Retention (issue 12): when a released person's details were removed (name reduced to its masked form, sealed ID
-- number and phone, ID hash, address, link to the resident, check-in health data) and after how many days.
ALTER TABLE quarantine_person ADD COLUMN personal_purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE quarantine_person ADD COLUMN personal_kept_days INT;
