package org.gridlink.quarantine;

import java.time.OffsetDateTime;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Retention;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Retention in quarantine (issue 12): 180 days after a person's last release their details go (name kept masked,
 * ID number, phone, ID hash, address, check-in health data) and the person page still renders; 7 days after a
 * release the order's check-in link goes. An active person and a recent release are untouched.
 */
@WebTest
class QuarantineRetentionTest {

	static final CurrentUser ADMIN = new CurrentUser(-1, "admin", "admin", Set.of(Role.ADMIN), Scope.none(), null);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Retention retention;

	@Autowired
	MockMvc mvc;

	long personOf(long order) {
		return jdbc.sql("SELECT person_id FROM quarantine_order WHERE id = ?").param(order).query(Long.class).single();
	}

	void linkAndCheckIn(long order, OffsetDateTime at) {
		jdbc.sql("INSERT INTO quarantine_checkin_link (order_id, token_hash, district_code, issued_by, issued_at) "
				+ "VALUES (?, ?, '320819', 'test', ?)").params(order, "h" + order, at).update();
		jdbc.sql("""
				INSERT INTO quarantine_checkin (district_code, order_id, grid_code, checkin_date, kind, counted, abnormal,
				  health_enc, recorded_by, recorded_at) VALUES ('320819', ?, ?, ?, 'SELF', TRUE, FALSE, 'sealed', 'x', ?)""")
				.params(order, GRID1, at.toLocalDate(), at).update();
	}

	@Test
	void aPersonReleasedLongAgoLosesTheirDetailsAndTheLinkGoes() throws Exception {
		CheckInFixtures fixtures = new CheckInFixtures(jdbc);
		OffsetDateTime now = OffsetDateTime.now(CheckInFixtures.ZONE);
		long old = fixtures.homeOrder(GRID1, now.toLocalDate().minusDays(214), now.toLocalDate().minusDays(200),
				now.minusDays(215));
		linkAndCheckIn(old, now.minusDays(210));
		fixtures.release(old, now.minusDays(200));
		long week = fixtures.homeOrder(GRID1, now.toLocalDate().minusDays(24), now.toLocalDate().minusDays(10),
				now.minusDays(25));
		linkAndCheckIn(week, now.minusDays(20));
		fixtures.release(week, now.minusDays(10));
		long active = fixtures.homeOrder(GRID1);
		linkAndCheckIn(active, now.minusDays(1));

		Retention.Run run = retention.runNow(ADMIN);

		assertThat(run.purged().get("quarantine.released-persons")).isGreaterThanOrEqualTo(1);
		assertThat(run.purged().get("quarantine.check-in-links")).isGreaterThanOrEqualTo(2);
		var person = jdbc.sql("SELECT name, id_enc, id_hash, address, grid_code, personal_kept_days FROM "
				+ "quarantine_person WHERE id = ?").param(personOf(old)).query().singleRow();
		assertThat(person.get("name")).isEqualTo(CheckInFixtures.MASKED_NAME);
		assertThat(person.get("id_enc")).isEqualTo("");
		assertThat((String) person.get("id_hash")).startsWith("purged:");
		assertThat(person.get("grid_code")).isEqualTo(GRID1);
		assertThat(person.get("personal_kept_days")).isEqualTo(180);
		assertThat(jdbc.sql("SELECT health_enc FROM quarantine_checkin WHERE order_id = ?").param(old)
				.query(String.class).single()).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quarantine_checkin_link WHERE order_id IN (?, ?)").params(old, week)
				.query(Long.class).single()).isZero();
		// ten days after release: the link is gone (7 days), the person is not (180 days)
		assertThat(jdbc.sql("SELECT name FROM quarantine_person WHERE id = ?").param(personOf(week))
				.query(String.class).single()).isEqualTo(CheckInFixtures.FULL_NAME);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quarantine_checkin_link WHERE order_id = ?").param(active)
				.query(Long.class).single()).isOne();
		assertThat(jdbc.sql("SELECT name FROM quarantine_person WHERE id = ?").param(personOf(active))
				.query(String.class).single()).isEqualTo(CheckInFixtures.FULL_NAME);

		mvc.perform(get("/quarantine/persons/" + personOf(old)).with(as("center")))
				.andExpect(status().isOk()).andExpect(content().string(containsString("最后一次解除隔离 180 天后")))
				.andExpect(content().string(not(containsString(CheckInFixtures.FULL_NAME))));
		mvc.perform(get("/quarantine/orders/" + old).with(as("center"))).andExpect(status().isOk());
	}
}
