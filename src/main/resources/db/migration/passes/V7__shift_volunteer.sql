-- A volunteer's shift may name a registered volunteer (the mobilization module's volunteer id, through
-- passes.VolunteerDirectory; no foreign key across modules) instead of a free-text name.
ALTER TABLE checkpoint_shift ADD COLUMN volunteer_id BIGINT;
