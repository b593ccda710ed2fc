-- A text index of residents' names for the contains-search of the lists (ResidentNameGrams): one row per character
-- position of a name, holding that character and the next one ('' after the last), so a search text of two or more
-- characters is found through its bigrams and a single character through the rows starting with it. The grid code
-- (which begins with the district code) is in the search index, so the caller's scope and a jurisdiction are index
-- ranges and the matches come in list order. Names are plain text in this schema (only ID numbers and phones are
-- sealed), so the index discloses nothing the resident table does not.
CREATE TABLE resident_name_gram
(
  resident_id BIGINT      NOT NULL,
  c1          VARCHAR(2)  NOT NULL,
  c2          VARCHAR(2)  NOT NULL,
  grid_code   VARCHAR(15) NOT NULL,
  PRIMARY KEY (resident_id, c1, c2)
);
CREATE INDEX resident_name_gram_search ON resident_name_gram (c1, c2, grid_code, resident_id);

-- Character positions 1..50 (a name has at most 50 characters), to cut names into grams in SQL on both databases.
CREATE TABLE resident_name_position
(
  n INT NOT NULL PRIMARY KEY
);
INSERT INTO resident_name_position (n) VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13),
  (14), (15), (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32), (33),
  (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47), (48), (49), (50);
