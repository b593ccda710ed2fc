package org.gridlink.notices;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.gridlink.cases.CaseEvents;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * People who reported hear back: a resident who left a phone gets an SMS with the case number when the case is filed
 * and, when it is closed, one with a working one-time rating link; staff who reported get inbox items. Each once,
 * however often the listener runs.
 */
@WebTest
class ReporterUpdatesTest {

	@Autowired
	CaseManagement cases;

	@Autowired
	ReporterUpdates updates;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	record Row(String channel, String title, String body, String phoneHash, Long recipientId, String link) {
	}

	Optional<Row> message(String key) {
		return jdbc.sql("""
				SELECT o.channel, o.title, o.body, o.phone_hash, o.recipient_id, o.link FROM notice_message_key k
				JOIN notice_outbox o ON o.id = k.outbox_id WHERE k.idem_key = ?""").param(key)
				.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						(Long) rs.getObject(5, Long.class), rs.getString(6)))
				.optional();
	}

	Row awaitMessage(String key) {
		await().atMost(Duration.ofSeconds(20)).until(() -> message(key).isPresent());
		return message(key).orElseThrow();
	}

	long messages(String keyPrefix) {
		return jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key LIKE ?").param(keyPrefix + "%")
				.query(Long.class).single();
	}

	@Test
	void aResidentWhoLeftAPhoneHearsWhenTheCaseIsFiledAndRatesItOnceClosed() throws Exception {
		String phone = "139" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000));
		long id = cases.reportAs("public", new NewCase("E0101", "路灯不亮，晚上很黑", Demo.GRID1, null, null, null,
				CaseSource.RESIDENT, phone), "reporter-updates-" + UUID.randomUUID());
		String number = cases.reporterContact(id).orElseThrow().caseNumber();

		Row filed = awaitMessage("case-filed:" + id + ":sms");
		assertThat(filed.channel()).isEqualTo("SMS");
		assertThat(filed.title()).isEqualTo("SMS_CASE_FILED_DEMO");
		assertThat(filed.body()).contains(number);
		assertThat(filed.phoneHash()).isEqualTo(cipher.lookupHash(phone));

		transactions.executeWithoutResult(tx -> events.publishEvent(new CaseEvents.CaseClosed(id, true)));
		Row closed = awaitMessage("case-closed:" + id + ":sms");
		assertThat(closed.title()).isEqualTo("SMS_CASE_CLOSED_DEMO");
		String link = closed.body().replaceAll(".*\"link\":\"([^\"]+)\".*", "$1");
		assertThat(link).matches("http://localhost:\\d+/rate/[A-Za-z0-9_-]{20,}");
		mvc.perform(get(link.replaceFirst("http://localhost:\\d+", ""))).andExpect(status().isOk());

		// the listener may run again (it runs asynchronously): nothing more is sent
		updates.on(new CaseEvents.CaseReported(id, "E0101", Demo.GRID1));
		updates.on(new CaseEvents.CaseClosed(id, true));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> messages("case-filed:" + id + ":") == 1 && messages("case-closed:" + id + ":") == 1);
	}

	@Test
	void staffWhoReportedGetInboxItems() {
		long id = cases.reportAs("grid1", new NewCase("E0101", "井盖缺失", Demo.GRID1, null, null, null,
				CaseSource.GRID_WORKER, null), "reporter-updates-" + UUID.randomUUID());
		long grid1 = jdbc.sql("SELECT id FROM app_user WHERE username = 'grid1'").query(Long.class).single();

		Row filed = awaitMessage("case-filed:" + id + ":inbox");
		assertThat(filed.channel()).isEqualTo("INBOX");
		assertThat(filed.recipientId()).isEqualTo(grid1);
		assertThat(filed.link()).isEqualTo("/cases/" + id);
		assertThat(message("case-filed:" + id + ":sms")).isEmpty();

		updates.on(new CaseEvents.CaseClosed(id, true));
		assertThat(awaitMessage("case-closed:" + id + ":inbox").link()).startsWith("/rate/");
	}

	@Test
	void nobodyToTellMeansNoMessage() {
		long id = cases.reportAs("public", new NewCase("E0101", "路面坑洼", Demo.GRID1, null, null, null,
				CaseSource.RESIDENT, null), "reporter-updates-" + UUID.randomUUID());
		updates.on(new CaseEvents.CaseReported(id, "E0101", Demo.GRID1));
		updates.on(new CaseEvents.CaseClosed(id, true));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> messages("case-filed:" + id + ":") == 0 && messages("case-closed:" + id + ":") == 0);
	}
}
