-- Gauges: the last value the command center applied for a thing another module counts (a grid's screening progress
-- of the running campaigns, a site's free beds, a zone's valid passes, a checkpoint's scans on a day). A resync reads
-- the module's facts, and the difference to the stored value is added to command_count on the day, so the counts
-- stay a sum of changes and a resync (or a redelivered event) that finds nothing new changes nothing.
CREATE TABLE command_gauge
(
  measure VARCHAR(20) NOT NULL,
  item    VARCHAR(40) NOT NULL,
  code    VARCHAR(15) NOT NULL,
  amount  BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (measure, item)
);
