-- Scheduled jobs claimed once across instances (platform.JobClaims): a job's run for a time slot (its interval,
-- counted from the epoch) is claimed by inserting its row; of several instances only the one whose insert wins runs
-- it, the others skip the slot. claimed_by names the instance (host/pid/uuid). Rows are kept a week (for checks such
-- as "no job ran twice") and then deleted.
CREATE TABLE job_claim
(
  job        VARCHAR(60)  NOT NULL,
  slot_start TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_by VARCHAR(100) NOT NULL,
  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (job, slot_start)
);
CREATE INDEX job_claim_by_time ON job_claim (claimed_at);

-- Versions of data that instances keep in memory (platform.SharedVersions), one row per name: bumped in the
-- changing transaction, compared by each instance every few seconds; a cache whose version moved is read again.
CREATE TABLE shared_version
(
  name    VARCHAR(60) NOT NULL PRIMARY KEY,
  version BIGINT      NOT NULL
);
