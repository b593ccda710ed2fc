package org.gridlink.quarantine;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Home quarantine orders for the check-in tests, written straight into the order spine's tables. */
final class CheckInFixtures {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final String FULL_NAME = "钱多多";
	static final String MASKED_NAME = "钱*多";

	private final JdbcClient jdbc;

	CheckInFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/** An active home order of a new person in {@code grid}, made {@code createdAt}. */
	long homeOrder(String grid, LocalDate start, LocalDate plannedEnd, OffsetDateTime createdAt) {
		return order(grid, "HOME", start, plannedEnd, createdAt);
	}

	/** An active home order made two days ago, running from yesterday to a week from today. */
	long homeOrder(String grid) {
		return homeOrder(grid, today().minusDays(1), today().plusDays(7), OffsetDateTime.now(ZONE).minusDays(2));
	}

	long order(String grid, String type, LocalDate start, LocalDate plannedEnd, OffsetDateTime createdAt) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		String unique = UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("""
				INSERT INTO quarantine_person (district_code, name, name_masked, id_kind, id_hash, id_enc, id_masked,
				grid_code, created_by, created_at) VALUES ('320819', ?, ?, 'PASSPORT', ?, 'x', 'E*******1', ?, 'test', ?)""")
				.params(FULL_NAME, MASKED_NAME, unique, grid, createdAt).update(keys, "id");
		long person = keys.getKeyAs(Long.class);
		keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO quarantine_order (person_id, type, active_person_id, last_exposure, start_date, planned_end,
				status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', 'test', ?)""")
				.params(person, type, person, start.minusDays(1), start, plannedEnd, createdAt).update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	void release(long orderId, OffsetDateTime at) {
		jdbc.sql("UPDATE quarantine_order SET status = 'RELEASED', active_person_id = NULL, release_kind = 'COMPLETED',"
				+ " released_at = ?, released_by = 'test' WHERE id = ?").params(at, orderId).update();
	}

	long alerts(long orderId, String kind) {
		return jdbc.sql("SELECT COUNT(*) FROM quarantine_alert WHERE order_id = ? AND kind = ?").params(orderId, kind)
				.query(Long.class).single();
	}

	/** The cases the quarantine reporter opened for an order in a category (S0301 health, S0302 missed). */
	long cases(long orderId, String category) {
		return jdbc.sql("SELECT COUNT(*) FROM case_file WHERE reporter = ? AND category_code = ? AND description LIKE ?")
				.params(QuarantineAlerts.REPORTER, category, "%隔离令 " + orderId + "，%").query(Long.class).single();
	}

	/** The case of an order's alert of a kind, once its listener opened it (it runs after the alert's commit). */
	long caseOf(long orderId, String kind) {
		return Awaitility.await("the case of order " + orderId + "'s " + kind + " alert").atMost(Duration.ofSeconds(20))
				.until(() -> linkedCase(orderId, kind), java.util.Objects::nonNull);
	}

	@Nullable
	Long linkedCase(long orderId, String kind) {
		return jdbc.sql("SELECT case_id FROM quarantine_alert WHERE order_id = ? AND kind = ?").params(orderId, kind)
				.query(Long.class).optional().orElse(null);
	}
}
