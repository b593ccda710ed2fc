-- Counts changes of a user's roles and scope, so that API token requests can keep the roles and scope they loaded
-- in memory and still see a change at once (the token look-up reads this number with the token, in one query).
ALTER TABLE app_user ADD COLUMN security_version BIGINT DEFAULT 0 NOT NULL;
