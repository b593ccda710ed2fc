-- Bulk issue (docs/passes.md "Bulk issue"): one row per accepted list; its passes point back to it with their row
-- number in the file, so the batch's printable PDF can be made again later.
CREATE TABLE pass_batch
(
  id            UUID         NOT NULL PRIMARY KEY,
  file_name     VARCHAR(200) NOT NULL,
  passes        INTEGER      NOT NULL,
  issued_by     VARCHAR(64)  NOT NULL,
  issued_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE pass ADD COLUMN batch_id UUID;
ALTER TABLE pass ADD COLUMN batch_row INTEGER;
CREATE INDEX pass_by_batch ON pass (batch_id, batch_row);
CREATE INDEX pass_by_issuer ON pass (issued_by, issued_at);
