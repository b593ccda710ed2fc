package org.gridlink.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A hand-off whose case the center voids is cancelled (the cases module's CaseEnded event). */
@WebTest
class HandOffCancelledTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	@Test
	void aHandOffWhoseCaseIsVoidedIsCancelled() throws Exception {
		record Open(long id, long caseId, int version) {
		}
		Open h = jdbc.sql("SELECT h.id, h.case_id, h.version FROM inspection_hand_off h JOIN case_file c ON c.id ="
				+ " h.case_id WHERE h.state = 'OPEN' AND c.status IN ('FILED', 'DISPATCHED', 'ACCEPTED', 'HANDLED')"
				+ " ORDER BY h.id FETCH FIRST 1 ROWS ONLY")
				.query((rs, i) -> new Open(rs.getLong(1), rs.getLong(2), rs.getInt(3))).single();
		mvc.perform(post("/api/v1/cases/{id}/actions/void", h.caseId()).with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"重复交办，作废\"}"))
				.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT state FROM inspection_hand_off WHERE id = ?").param(h.id()).query(String.class).single())
				.isEqualTo("CANCELLED"));
		assertThat(jdbc.sql("SELECT version FROM inspection_hand_off WHERE id = ?").param(h.id()).query(Integer.class)
				.single()).isEqualTo(h.version() + 1);
	}
}
