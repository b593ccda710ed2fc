-- The brakes of the public pages (platform.AttemptLimit: residents' reports, quarantine check-ins) count in the
-- database, so that every instance behind the balancer applies one limit: attempts per limit, key (the client address
-- or the session, as a SHA-256 hash: no address is stored) and time bucket (a tenth of the limit's window). A request
-- adds one to its buckets and sums the buckets of the window in one transaction; a refused attempt is rolled back.
-- Rows are deleted once expires_at (the bucket's end plus the window) has passed.
CREATE TABLE attempt_count
(
  limit_name  VARCHAR(40) NOT NULL,
  attempt_key VARCHAR(64) NOT NULL,
  bucket      BIGINT      NOT NULL,
  hits        INT         NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (limit_name, attempt_key, bucket)
);
CREATE INDEX attempt_count_expiry ON attempt_count (expires_at);
