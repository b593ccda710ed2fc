-- The category group of supervision hand-offs (督查交办, PRODUCT.md capability 7): a finding of an inspection round
-- handed to the unit responsible goes through the case loop with source INSPECTION and one of these minor classes,
-- so it gets routing, a time limit, urging and KPIs like any case. The inspection module picks the minor class from
-- the check item's category; time limits are the usual rectification periods.
INSERT INTO case_category (code, major_code, family, name_zh, name_en, sort_order) VALUES
('S06', NULL, 'S', '督查交办', 'Supervision hand-offs', 140);

INSERT INTO case_category (code, major_code, family, name_zh, name_en, filing_condition, closing_condition, time_limit, time_unit, sort_order) VALUES
('S0601', 'S06', 'S', '防控措施落实', 'Prevention measures', '督查发现防控措施未落实', '整改到位，督导组复核通过', 3, 'WORK_DAYS', 141),
('S0602', 'S06', 'S', '台账与记录', 'Registers and records', '台账、登记、记录缺失或不实', '台账补齐，督导组复核通过', 5, 'WORK_DAYS', 142),
('S0603', 'S06', 'S', '宣传与公示', 'Notices and publicity', '宣传、公示、告示未张贴或过期', '张贴到位，督导组复核通过', 2, 'WORK_DAYS', 143),
('S0604', 'S06', 'S', '人员与值守', 'Staffing and duty', '值守、巡查人员不在岗', '人员到岗，督导组复核通过', 1, 'WORK_DAYS', 144);
