-- NOT_VALID_HERE (a good pass outside its zones, issue 14) is longer than the 8 characters of the first results.
ALTER TABLE checkpoint_scan ALTER COLUMN result SET DATA TYPE VARCHAR(16);
