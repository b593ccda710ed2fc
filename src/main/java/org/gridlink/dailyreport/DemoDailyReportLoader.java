package org.gridlink.dailyreport;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.DemoData;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The demo district's daily report: one form of eight fields (three pre-filled) and 30 days of reports of every
 * community and village, in bulk (one transaction, batched inserts), only into an empty table. Most days are accepted; the last
 * days have reports still waiting for review, some were sent back, a few are missing or came in late; today is
 * partly filled in. Demo mode only.
 */
@DemoData
@Order(60)
class DemoDailyReportLoader implements ApplicationRunner {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoDailyReportLoader.class);

	static final String FORM_NAME = "每日疫情防控信息报送";
	static final int DAYS = 30;
	static final int ROWS_PER_STATEMENT = 200;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Jurisdictions jurisdictions;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	DemoDailyReportLoader(JdbcTemplate jdbc, TransactionTemplate transactions, Jurisdictions jurisdictions,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		transactions.executeWithoutResult(tx -> load());
		LOG.info("Demo daily reports: {} reports loaded in {} ms",
				jdbc.queryForObject("SELECT COUNT(*) FROM report_submission", Long.class),
				(System.nanoTime() - start) / 1_000_000);
	}

	void load() {
		Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM report_form", Long.class);
		if (existing != null && existing > 0) {
			return;
		}
		List<String> districts = jurisdictions.districtCodes();
		if (districts.isEmpty()) {
			return;
		}
		CurrentUser system = new CurrentUser(0, "system", "GridLink", Set.of(Role.CENTER), Scope.of(districts), null);
		List<JurisdictionNode> communities = jurisdictions
				.list(system, org.gridlink.shared.JurisdictionLevel.COMMUNITY, null, PageRequest.of(0, 5000)).getContent();
		OffsetDateTime now = OffsetDateTime.now(clock);
		ZoneId zone = clock.getZone();
		jdbc.update("INSERT INTO report_form (district_code, name, filler_level, deadline, created_by, created_at)"
				+ " VALUES (?, ?, 'COMMUNITY', '16:00', 'center', ?)", districts.get(0).substring(0, 6), FORM_NAME,
				Timestamp.from(now.minusDays(DAYS + 1).toInstant()));
		long formId = jdbc.queryForObject("SELECT MAX(id) FROM report_form", Long.class);
		Object[][] fields = {
				{ "screened", "今日排查户数", "INTEGER", null, "SCREENED_HOUSEHOLDS", true },
				{ "home_quarantine", "居家隔离人数", "INTEGER", null, "HOME_QUARANTINE", true },
				{ "new_cases", "今日新增事件数", "INTEGER", null, "NEW_CASES", true },
				{ "gate_checks", "卡口登记人次", "INTEGER", null, null, true },
				{ "fever", "发热人员数", "INTEGER", null, null, true },
				{ "supplies_rate", "生活物资保障率（%）", "DECIMAL", null, null, false },
				{ "risk_level", "风险等级", "CHOICE", "低\n中\n高", null, true },
				{ "notes", "其他需报告情况", "TEXT", null, null, false } };
		List<Object[]> fieldRows = new ArrayList<>();
		for (int i = 0; i < fields.length; i++) {
			Object[] f = fields[i];
			fieldRows.add(new Object[] { formId, i + 1, f[0], f[1], f[2], f[3], f[4], f[5] });
		}
		jdbc.batchUpdate("INSERT INTO report_field (form_id, position, field_key, label, kind, options, prefill,"
				+ " required) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", fieldRows, new int[] { Types.BIGINT, Types.INTEGER,
						Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN });

		Random random = new Random(16);
		LocalDate today = LocalDate.now(clock);
		List<Object[]> rows = new ArrayList<>();
		Map<String, String[]> steps = new HashMap<>();
		for (int back = DAYS - 1; back >= 0; back--) {
			LocalDate day = today.minusDays(back);
			OffsetDateTime deadline = day.atTime(16, 0).atZone(zone).toOffsetDateTime();
			for (JurisdictionNode c : communities) {
				int roll = random.nextInt(100);
				String state;
				if (back == 0) {
					state = roll < 45 ? "SUBMITTED" : roll < 55 ? "DRAFT" : null;
				}
				else if (back <= 2) {
					state = roll < 4 ? null : roll < 8 ? "RETURNED" : roll < 40 ? "SUBMITTED" : "ACCEPTED";
				}
				else {
					state = roll < 2 ? null : roll < 3 ? "RETURNED" : "ACCEPTED";
				}
				if (state == null) {
					continue;
				}
				boolean late = !"DRAFT".equals(state) && random.nextInt(100) < 6;
				OffsetDateTime submitted = late ? deadline.plusMinutes(20 + random.nextInt(180))
						: deadline.minusMinutes(10 + random.nextInt(300));
				if (submitted.isAfter(now)) {
					submitted = now.minusMinutes(1);
					late = submitted.isAfter(deadline);
				}
				Map<String, Object> values = new LinkedHashMap<>();
				values.put("screened", (long) random.nextInt(60));
				values.put("home_quarantine", (long) random.nextInt(8));
				values.put("new_cases", (long) random.nextInt(6));
				values.put("gate_checks", (long) (200 + random.nextInt(900)));
				values.put("fever", (long) (random.nextInt(10) < 8 ? 0 : random.nextInt(3)));
				values.put("supplies_rate", String.valueOf(90 + random.nextInt(100) / 10.0));
				values.put("risk_level", random.nextInt(20) == 0 ? "中" : "低");
				if (random.nextInt(10) == 0) {
					values.put("notes", "辖区内一处小区封控管理，物资配送正常。");
				}
				String text = json.writeValueAsString(values);
				boolean handed = !"DRAFT".equals(state);
				boolean reviewed = "ACCEPTED".equals(state) || "RETURNED".equals(state);
				rows.add(new Object[] { formId, c.code().substring(0, 6), c.code(), day, state, text, late,
						handed ? "community1" : null, handed ? submitted : null,
						reviewed ? "street1" : null, reviewed ? submitted.plusHours(1) : null,
						"RETURNED".equals(state) ? "发热人员数与卡口登记不一致，请核实后重报" : null, "community1",
						(handed ? submitted : deadline.minusHours(3)) });
				steps.put(c.code() + "|" + day, new String[] { state, text,
						handed ? submitted.toString() : deadline.minusHours(3).toString(), reviewed ? "1" : "" });
			}
		}
		insert("INSERT INTO report_submission (form_id, district_code, jurisdiction_code, report_date, state,"
				+ " field_values, late, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note, updated_by,"
				+ " updated_at) VALUES ", rows,
				new int[] { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
						Types.BOOLEAN, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR,
						Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE });
		List<Object[]> history = new ArrayList<>();
		jdbc.query("SELECT id, jurisdiction_code, report_date FROM report_submission WHERE form_id = ?", rs -> {
			String[] s = steps.get(rs.getString(2) + "|" + rs.getObject(3, LocalDate.class));
			OffsetDateTime at = OffsetDateTime.parse(s[2]);
			String first = "DRAFT".equals(s[0]) ? "SAVE" : "SUBMIT";
			history.add(new Object[] { rs.getLong(1), first, "DRAFT".equals(s[0]) ? "DRAFT" : "SUBMITTED", s[1], null,
					"community1", at });
			if (!s[3].isEmpty()) {
				boolean back = "RETURNED".equals(s[0]);
				history.add(new Object[] { rs.getLong(1), back ? "RETURN" : "ACCEPT", s[0], s[1],
						back ? "发热人员数与卡口登记不一致，请核实后重报" : null, "street1",
						at.plusHours(1) });
			}
		}, formId);
		List<Object[]> historyRows = new ArrayList<>();
		for (Object[] h : history) {
			historyRows.add(new Object[] { h[0], 1, h[1], h[2], h[3], h[4], h[5], h[6] });
		}
		insert("INSERT INTO report_submission_history (submission_id, revision, action, state, field_values, note,"
				+ " done_by, done_at) VALUES ", historyRows,
				new int[] { Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
						Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE });
	}

	/** Inserts rows with multi-row VALUES statements of up to {@value #ROWS_PER_STATEMENT} rows (typed, no lookups). */
	private void insert(String head, List<Object[]> rows, int[] types) {
		String one = "(" + String.join(", ", java.util.Collections.nCopies(types.length, "?")) + ")";
		for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
			Object[] args = new Object[chunk.size() * types.length];
			int[] argTypes = new int[args.length];
			for (int r = 0; r < chunk.size(); r++) {
				System.arraycopy(chunk.get(r), 0, args, r * types.length, types.length);
				System.arraycopy(types, 0, argTypes, r * types.length, types.length);
			}
			jdbc.update(head + String.join(", ", java.util.Collections.nCopies(chunk.size(), one)), args, argTypes);
		}
	}
}
