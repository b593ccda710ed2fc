-- A campaign's steps (start, running, close) are written under its version, like a case's: a step read from an old
-- state changes nothing.
ALTER TABLE screening_campaign ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
