-- Running totals of the stock measures: one row per jurisdiction and measure holding the sum of all its day changes in
-- command_count, kept in the same transaction as those changes (listeners, gauges) and recomputed by a rebuild. A
-- stock's value at a day is the total less the changes after that day, so today's figure reads one row.
CREATE TABLE command_total
(
  code    VARCHAR(15) NOT NULL,
  measure VARCHAR(20) NOT NULL,
  amount  BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (code, measure)
);
INSERT INTO command_total (code, measure, amount)
SELECT code, measure, SUM(amount) FROM command_count
WHERE measure IN ('OPEN', 'OVERDUE', 'QUARANTINED', 'ALERTS_OPEN', 'SCREENED', 'SCREENING_TOTAL', 'BEDS_FREE',
                  'PASSES_VALID')
GROUP BY code, measure;
-- The figures and the trend read a place's days from a date on (the day before, the last 30 days).
CREATE INDEX command_count_code_day ON command_count (code, on_day);
-- The rebuild's staging rows: one per case, order and alert as read from the modules' facts, from which the counts and
-- command_item are written with grouped INSERT ... SELECT statements; emptied in the rebuild's own transaction.
CREATE TABLE command_rebuild_item
(
  kind      VARCHAR(10) NOT NULL,
  item_id   BIGINT      NOT NULL,
  code      VARCHAR(15) NOT NULL,
  begun_on  DATE        NOT NULL,
  ended_on  DATE,
  closed_on DATE,
  on_time   BOOLEAN     NOT NULL DEFAULT FALSE,
  overdue   BOOLEAN     NOT NULL DEFAULT FALSE,
  lat       DOUBLE PRECISION,
  lng       DOUBLE PRECISION,
  PRIMARY KEY (kind, item_id)
);
-- A place and each of its ancestors (itself included), for the codes the rebuild meets.
CREATE TABLE command_rebuild_place
(
  code  VARCHAR(15) NOT NULL,
  place VARCHAR(15) NOT NULL,
  PRIMARY KEY (code, place)
);
