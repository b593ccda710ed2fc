-- The near-duplicate look-up of every new and filed case (same minor class, within 100 m, last 24 h) read all of the
-- class's reports of the day through (category_code, reported_at) and filtered them by place: about 500 index and
-- heap rows per answer at 20,000 reports a day (bench/cases). By class and place first, it reads the few reports
-- in the 100 m latitude band, and the longitude and time are checked in the index.
DROP INDEX IF EXISTS case_file_nearby;
CREATE INDEX case_file_nearby ON case_file (category_code, lat, lng, reported_at);
