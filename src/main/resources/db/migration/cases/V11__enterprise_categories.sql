-- The category group of enterprise appeals (企业诉求, PRODUCT.md capability 12): an enterprise's appeal filed on its
-- public appeal page, by its liaison or at a reception day goes through the case loop with source ENTERPRISE and one
-- of these minor classes. Family S: appeals concern an enterprise's affairs and are never published (Open311). The
-- time limits are the ordinary ones; the green channel's shorter limits are kept by the enterprise module.
INSERT INTO case_category (code, major_code, family, name_zh, name_en, sort_order) VALUES
('S07', NULL, 'S', '企业诉求', 'Enterprise appeals', 150);

INSERT INTO case_category (code, major_code, family, name_zh, name_en, filing_condition, closing_condition, time_limit, time_unit, sort_order) VALUES
('S0701', 'S07', 'S', '融资贷款', 'Loans and credit', '企业反映贷款、续贷、融资困难', '对接金融机构，答复企业并经企业确认', 5, 'WORK_DAYS', 151),
('S0702', 'S07', 'S', '税费减免', 'Tax and fees', '企业反映税费缴纳、减免、退税问题', '依政策办理或答复，企业确认', 5, 'WORK_DAYS', 152),
('S0703', 'S07', 'S', '房租减免', 'Rent', '企业反映经营场所租金、减免问题', '协调出租方或答复政策，企业确认', 5, 'WORK_DAYS', 153),
('S0704', 'S07', 'S', '劳动争议', 'Labour disputes', '企业与职工之间的劳动关系争议', '调解完成或引导仲裁，企业确认', 10, 'WORK_DAYS', 154),
('S0705', 'S07', 'S', '合同纠纷', 'Contract disputes', '企业间合同履行纠纷', '调解完成或引导诉讼，企业确认', 10, 'WORK_DAYS', 155),
('S0706', 'S07', 'S', '法律咨询', 'Legal questions', '企业提出法律问题', '给出法律意见，企业确认', 3, 'WORK_DAYS', 156),
('S0707', 'S07', 'S', '审批许可', 'Permits', '企业反映审批、许可、证照办理问题', '办结或答复，企业确认', 5, 'WORK_DAYS', 157);
