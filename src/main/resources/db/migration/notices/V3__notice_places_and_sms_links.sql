-- Audiences by where people live and by a screening campaign's key persons, and SMS opt-out links.
-- jurisdictions stays the places chosen as such (residents living there, staff, groups; may now be empty);
-- compounds and buildings are ids of the jurisdiction module's compound and building; reach is every code the notice
-- reaches (the chosen places and the grids of its compounds, buildings and households): who may see and approve it.
ALTER TABLE notice ADD COLUMN compounds VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE notice ADD COLUMN buildings VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE notice ADD COLUMN campaign_id BIGINT;
ALTER TABLE notice ADD COLUMN reach VARCHAR(2000) NOT NULL DEFAULT '';
UPDATE notice SET reach = jurisdictions;

-- The households of the campaign's key persons as the writer saw them (inside the writer's scope), fixed when the
-- notice was written: the count shown is what will be sent.
CREATE TABLE notice_household
(
  notice_id    BIGINT NOT NULL REFERENCES notice (id),
  household_id BIGINT NOT NULL,
  PRIMARY KEY (notice_id, household_id)
);

-- Opt-out links: one unguessable token per phone (its lookup hash), reused by every SMS to that phone, so that a
-- link works until used and a second use only says it is done. The token is kept as its SHA-256 only.
CREATE TABLE notice_optout_link
(
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  phone_hash VARCHAR(64) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX notice_optout_link_by_phone ON notice_optout_link (phone_hash);
