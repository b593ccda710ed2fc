-- Several application instances may run against one database: an import job is run only by the instance that has
-- claimed it (claimed_by = hostname, process id and a random id of that process), which renews heartbeat_at after
-- every committed batch and periodically. A claim whose heartbeat is older than gridlink.imports.claim-timeout is
-- stale: another instance may take the job over and resume it after its last committed batch.
ALTER TABLE resident_import ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE resident_import ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
