-- A pass's steps after issue (revoke) write under the version they read (optimistic locking, as cases do).
ALTER TABLE pass ADD COLUMN version INT DEFAULT 0 NOT NULL;
