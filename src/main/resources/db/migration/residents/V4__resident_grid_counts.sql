-- Residents per grid, kept by the residents module (ResidentCounts): every write recounts the grids it touched, and a
-- periodic sweep recounts all grids. The list of a district answers its total from here instead of counting a
-- million rows per page; below a threshold it still counts exactly.
CREATE TABLE resident_grid_count
(
  grid_code     VARCHAR(15) NOT NULL PRIMARY KEY,
  district_code VARCHAR(6)  NOT NULL,
  residents     BIGINT      NOT NULL,
  counted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO resident_grid_count (grid_code, district_code, residents, counted_at)
SELECT grid_code, MIN(district_code), COUNT(*), CURRENT_TIMESTAMP FROM resident GROUP BY grid_code;
