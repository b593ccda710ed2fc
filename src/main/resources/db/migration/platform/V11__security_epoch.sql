-- One counter for every change that can make an API token's cached principal wrong (a token revoked, an account
-- disabled, its roles or scope changed): bumped in the changing transaction, read by each instance at most every
-- half second (platform.SecurityEpoch), so a change applies on every instance within a second.
CREATE TABLE security_epoch
(
  id      INT    NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO security_epoch (id, version) VALUES (1, 0);
