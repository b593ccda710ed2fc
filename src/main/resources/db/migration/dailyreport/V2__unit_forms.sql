-- Forms filled in by units (FillerLevel.UNIT): a unit's report is kept under the unit's code (unit.code, up to 20
-- characters) where a community's or street's is kept under its jurisdiction code. The form's level tells which.
ALTER TABLE report_submission ALTER COLUMN jurisdiction_code SET DATA TYPE VARCHAR(20);
ALTER TABLE report_reminder ALTER COLUMN jurisdiction_code SET DATA TYPE VARCHAR(20);
