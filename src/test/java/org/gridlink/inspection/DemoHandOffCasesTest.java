package org.gridlink.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.HandOffProgress;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's hand-off cases, written in bulk at the start: every demo hand-off has its case, placed at the time of its
 * finding within the round (not at the start), in the state the hand-off says, with a history that a case opened and
 * worked one step at a time would have.
 */
@WebTest
class DemoHandOffCasesTest {

	@Autowired
	JdbcClient jdbc;
	@Autowired
	CaseManagement cases;

	record Row(long id, long caseId, String state, int returned, Long unit, String community, OffsetDateTime created,
			java.time.LocalDate starts, java.time.LocalDate ends) {
	}

	/**
	 * The demo's size as the issue gives it: 3 groups drawn from 45 units, 15 past rounds each visiting the 87 urban
	 * communities with 7 check items (the test profile hands off 20 failures instead of about 800; the full count is
	 * in bench/RESULTS.md).
	 */
	@Test
	void theDemoHasThreeGroupsOf45UnitsAnd15PastRoundsOverThe87Communities() {
		List<Long> groups = jdbc.sql("SELECT id FROM inspection_group WHERE name IN ('第一督导组', '第二督导组', '第三督导组')")
				.query(Long.class).list();
		assertThat(groups).hasSize(3);
		String in = groups.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT unit_id) FROM inspection_group_member WHERE group_id IN (" + in + ")")
				.query(Long.class).single()).isEqualTo(45);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT community_code) FROM inspection_group_community WHERE group_id IN ("
				+ in + ")").query(Long.class).single()).isEqualTo(87);
		List<Long> rounds = jdbc.sql("SELECT id FROM inspection_round WHERE title LIKE '第%轮疫情防控督查' AND ends_on < ?")
				.param(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).query(Long.class).list();
		assertThat(rounds).hasSize(15);
		for (long round : rounds) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_target WHERE round_id = ? AND kind = 'COMMUNITY'")
					.param(round).query(Long.class).single()).isEqualTo(87);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_round_item WHERE round_id = ?").param(round)
					.query(Long.class).single()).isEqualTo(7);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_result WHERE round_id = ? AND client_id LIKE 'demo-%'")
					.param(round).query(Long.class).single()).isEqualTo(87 * 7);
		}
	}

	@Test
	void everyDemoHandOffHasItsCaseInItsStateAtTheTimeOfItsRound() {
		List<Row> rows = jdbc.sql("SELECT h.id, h.case_id, h.state, h.returned, h.unit_id, h.community_code,"
				+ " h.created_at, r.starts_on, r.ends_on FROM inspection_hand_off h JOIN inspection_round r ON r.id ="
				+ " h.round_id JOIN inspection_result x ON x.id = h.result_id WHERE x.client_id LIKE 'demo-%'")
				.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
						rs.getObject(5, Long.class), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
						rs.getObject(8, java.time.LocalDate.class), rs.getObject(9, java.time.LocalDate.class)))
				.list();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
		assertThat(rows).allSatisfy(r -> assertThat(r.caseId()).isPositive());
		Map<Long, HandOffProgress> progress = cases.progress(rows.stream().map(Row::caseId).toList());
		assertThat(progress).hasSize(rows.size());
		boolean someRectified = false;
		boolean someOpenWithUnit = false;
		for (Row r : rows) {
			HandOffProgress p = progress.get(r.caseId());
			record Case(String source, String status, OffsetDateTime reported, String place, int reworks) {
			}
			Case c = jdbc.sql("SELECT source, status, reported_at, jurisdiction_code, rework_count FROM case_file"
					+ " WHERE id = ?").param(r.caseId()).query((rs, i) -> new Case(rs.getString(1), rs.getString(2),
							rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getInt(5))).single();
			assertThat(c.source()).isEqualTo("INSPECTION");
			assertThat(c.place()).isEqualTo(r.community());
			assertThat(c.reported().toInstant()).isEqualTo(r.created().toInstant());
			assertThat(c.reported().toLocalDate()).isBetween(r.starts(), r.ends());
			assertThat(c.reworks()).isEqualTo(r.returned());
			// the key a repeated Inspections.openCase would find
			assertThat(jdbc.sql("SELECT case_id FROM case_idempotency WHERE idem_key = ?")
					.param(Inspections.caseKey(r.id())).query(Long.class).single()).isEqualTo(r.caseId());
			List<String> history = jdbc.sql("SELECT action FROM case_event WHERE case_id = ? ORDER BY occurred_at, id")
					.param(r.caseId()).query(String.class).list();
			assertThat(history).startsWith("report", "file");
			if ("CANCELLED".equals(r.state())) {
				continue; // another test voided its case
			}
			if ("RECTIFIED".equals(r.state())) {
				someRectified = true;
				assertThat(p.closed()).isTrue();
				assertThat(c.status()).isEqualTo("CLOSED");
				assertThat(history).containsSubsequence("dispatch", "accept", "feedback", "verify", "close");
			}
			else {
				assertThat(r.state()).isEqualTo("OPEN");
				assertThat(p.closed()).isFalse();
				if (r.unit() == null) {
					assertThat(c.status()).isEqualTo("FILED");
				}
				else {
					someOpenWithUnit = true;
					assertThat(p.leadUnitId()).isEqualTo(r.unit());
					assertThat(c.status()).isIn("DISPATCHED", "ACCEPTED", "HANDLED");
				}
			}
		}
		assertThat(someRectified).isTrue();
		assertThat(someOpenWithUnit).isTrue();
	}
}
