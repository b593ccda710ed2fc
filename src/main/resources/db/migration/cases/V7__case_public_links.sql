-- The residents' own links to the status of their report: a random token (256 bits) given once at submission,
-- stored only as its SHA-256. The case number alone opens nothing (numbers are sequential and guessable).
CREATE TABLE case_public_link
(
  token_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
  case_id       BIGINT       NOT NULL,
  district_code VARCHAR(6)   NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_public_link_by_case ON case_public_link (case_id);
