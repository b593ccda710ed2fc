-- Text indexes for the contains-search of the residents list (ResidentNameGrams): one row per character position
-- of a text, holding that character and the next one ('' after the last), so a search text of two or more characters
-- is found through its bigrams and a single character through the rows starting with it; the search then checks
-- each candidate with LIKE. The grid code (which begins with the district code) is in the search index, so the
-- caller's scope and a jurisdiction are index ranges. Names and addresses are plain text in this schema (only ID
-- numbers and phones are sealed), so the indexes disclose nothing the tables do not.

-- residents' names
CREATE TABLE resident_name_gram
(
  resident_id BIGINT      NOT NULL,
  c1          VARCHAR(2)  NOT NULL,
  c2          VARCHAR(2)  NOT NULL,
  grid_code   VARCHAR(15) NOT NULL,
  PRIMARY KEY (resident_id, c1, c2)
);
CREATE INDEX resident_name_gram_search ON resident_name_gram (c1, c2, grid_code, resident_id);

-- households' compound and address (households are never edited: a changed address is another household)
CREATE TABLE household_text_gram
(
  household_id BIGINT      NOT NULL,
  c1           VARCHAR(2)  NOT NULL,
  c2           VARCHAR(2)  NOT NULL,
  grid_code    VARCHAR(15) NOT NULL,
  PRIMARY KEY (household_id, c1, c2)
);
CREATE INDEX household_text_gram_search ON household_text_gram (c1, c2, grid_code, household_id);

-- character positions 1..200 (the longest indexed text, an address, has at most 200), to cut texts in SQL on both
-- databases
CREATE TABLE resident_text_position
(
  n INT NOT NULL PRIMARY KEY
);
INSERT INTO resident_text_position (n) VALUES
  (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16), (17), (18), (19), (20), (21),
  (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32), (33), (34), (35), (36), (37), (38), (39), (40),
  (41), (42), (43), (44), (45), (46), (47), (48), (49), (50), (51), (52), (53), (54), (55), (56), (57), (58), (59),
  (60), (61), (62), (63), (64), (65), (66), (67), (68), (69), (70), (71), (72), (73), (74), (75), (76), (77), (78),
  (79), (80), (81), (82), (83), (84), (85), (86), (87), (88), (89), (90), (91), (92), (93), (94), (95), (96), (97),
  (98), (99), (100), (101), (102), (103), (104), (105), (106), (107), (108), (109), (110), (111), (112), (113), (114),
  (115), (116), (117), (118), (119), (120), (121), (122), (123), (124), (125), (126), (127), (128), (129), (130),
  (131), (132), (133), (134), (135), (136), (137), (138), (139), (140), (141), (142), (143), (144), (145), (146),
  (147), (148), (149), (150), (151), (152), (153), (154), (155), (156), (157), (158), (159), (160), (161), (162),
  (163), (164), (165), (166), (167), (168), (169), (170), (171), (172), (173), (174), (175), (176), (177), (178),
  (179), (180), (181), (182), (183), (184), (185), (186), (187), (188), (189), (190), (191), (192), (193), (194),
  (195), (196), (197), (198), (199), (200);
