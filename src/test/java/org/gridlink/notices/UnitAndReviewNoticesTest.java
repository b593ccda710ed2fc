package org.gridlink.notices;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.cases.CaseEvents;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A unit's duty phone: set on the unit's admin page (a mobile number, stored sealed, shown masked), it gets an urgent
 * SMS when a case is dispatched to the unit and when its time limit is close, once each; cleared, it gets nothing.
 * And the reporter hears again after the center's review of a "not satisfied" rating closes the case again: a second
 * closing SMS with the new answer and a new, working one-time rating link, one per review.
 */
@WebTest
class UnitAndReviewNoticesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organization organization;

	@Autowired
	Accounts accounts;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseNotices caseNotices;

	@Autowired
	ReporterUpdates updates;

	@Autowired
	PersonalDataCipher cipher;

	long unit;
	String handler;

	@BeforeEach
	void unitOfItsOwn() {
		String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
		unit = organization.createUnit("DP" + suffix, "值班测试单位" + suffix, "DEPARTMENT");
		handler = "duty" + suffix;
		accounts.create(new NewAccount(handler, "值班测试员", "Duty#Test2026", Set.of(Role.DEPT),
				Set.of(Demo.DISTRICT), unit));
	}

	record Row(String channel, String title, String body, String phoneHash, boolean urgent) {
	}

	Optional<Row> message(String key) {
		return jdbc.sql("""
				SELECT o.channel, o.title, o.body, o.phone_hash, o.urgent FROM notice_message_key k
				JOIN notice_outbox o ON o.id = k.outbox_id WHERE k.idem_key = ?""").param(key)
				.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBoolean(5)))
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

	static String randomMobile() {
		return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	void step(String who, long id, String action, String body) throws Exception {
		mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(as(who)).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
	}

	long reportedByGrid1() throws Exception {
		String json = mvc.perform(post("/api/v1/cases").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"E0101\",\"description\":\"值班电话测试" + UUID.randomUUID()
						+ "\",\"jurisdictionCode\":\"" + Demo.GRID1 + "\",\"address\":\"金桥路 1 号\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void theAdminSetsADutyPhoneWhichThenGetsAnSmsOnDispatchAndNearTheDeadline() throws Exception {
		String page = "/admin/units/" + unit;
		mvc.perform(get(page).with(as("admin")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"duty-phone-form\"")))
				.andExpect(content().string(containsString("None: the unit hears")));
		mvc.perform(get("/admin/units").with(as("admin")).param("q", "DP")).andExpect(status().isOk())
				.andExpect(content().string(containsString("href=\"" + page + "\"")));
		// not a mobile number (a landline cannot receive SMS; letters are no phone): the page says why, nothing stored
		for (String wrong : new String[] { "0512-8765432", "12345", "abc" }) {
			mvc.perform(post(page + "/duty-phone").with(as("admin")).with(csrf()).param("dutyPhone", wrong)
					.param("lang", "en")).andExpect(status().isOk())
					.andExpect(content().string(containsString("is not a mobile number that can receive SMS")));
		}
		assertThat(sealedDutyPhone()).isNull();
		// only an admin
		mvc.perform(post(page + "/duty-phone").with(as("center")).with(csrf()).param("dutyPhone", "13800001111"))
				.andExpect(status().isForbidden());

		String phone = randomMobile();
		String typed = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
		mvc.perform(post(page + "/duty-phone").with(as("admin")).with(csrf()).param("dutyPhone", typed))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		mvc.perform(get(page).with(as("admin")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString(masked)))
				.andExpect(content().string(not(containsString(phone))));
		assertThat(sealedDutyPhone()).isNotNull().doesNotContain(phone);
		assertThat(cipher.decrypt(sealedDutyPhone())).isEqualTo(phone);
		assertThat(organization.unit(unit).dutyPhoneMasked()).isEqualTo(masked);

		long id = reportedByGrid1();
		step("center", id, "file", "{}");
		step("center", id, "dispatch", "{\"unitId\":" + unit + "}");
		String number = cases.reporterContact(id).orElseThrow().caseNumber();
		Row dispatched = awaitMessage("case-dispatched:" + id + ":" + unit + ":duty");
		assertThat(dispatched.channel()).isEqualTo("SMS");
		assertThat(dispatched.title()).isEqualTo("SMS_CASE_DISPATCHED_DEMO");
		assertThat(dispatched.body()).contains(number);
		assertThat(dispatched.phoneHash()).isEqualTo(cipher.lookupHash(phone));
		assertThat(dispatched.urgent()).isTrue();
		long handlerId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(handler).query(Long.class).single();
		assertThat(message("case-dispatched:" + id + ":" + unit + ":" + handlerId)).isPresent();

		caseNotices.on(new CaseEvents.CaseDeadlineNear(id, unit));
		Row deadline = awaitMessage("case-deadline:" + id + ":" + unit + ":duty");
		assertThat(deadline.title()).isEqualTo("SMS_CASE_DEADLINE_DEMO");
		assertThat(deadline.phoneHash()).isEqualTo(cipher.lookupHash(phone));
		// a listener that runs again sends nothing more
		caseNotices.on(new CaseEvents.CaseDispatched(id, unit));
		caseNotices.on(new CaseEvents.CaseDeadlineNear(id, unit));
		assertThat(messages("case-dispatched:" + id + ":" + unit + ":duty")).isEqualTo(1);
		assertThat(messages("case-deadline:" + id + ":" + unit + ":duty")).isEqualTo(1);

		// cleared: the next dispatch reaches the inbox only
		mvc.perform(post(page + "/duty-phone").with(as("admin")).with(csrf()).param("clear", "true"))
				.andExpect(status().is3xxRedirection());
		assertThat(sealedDutyPhone()).isNull();
		long next = reportedByGrid1();
		step("center", next, "file", "{}");
		step("center", next, "dispatch", "{\"unitId\":" + unit + "}");
		awaitMessage("case-dispatched:" + next + ":" + unit + ":" + handlerId);
		assertThat(message("case-dispatched:" + next + ":" + unit + ":duty")).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'UNIT_DUTY_PHONE_SET' AND subject = ?")
				.param(organization.unit(unit).code()).query(Long.class).single()).isEqualTo(1);
	}

	String sealedDutyPhone() {
		return jdbc.sql("SELECT duty_phone_enc FROM unit WHERE id = ?").param(unit).query(String.class).optional()
				.orElse(null);
	}

	@Test
	void afterTheCentersReviewTheReporterGetsASecondClosingSmsWithTheNewAnswerAndANewRatingLink() throws Exception {
		String phone = randomMobile();
		long id = cases.reportAs("public", new NewCase("E0101", "垃圾没有清运" + UUID.randomUUID(), Demo.GRID1, null,
				null, null, CaseSource.RESIDENT, phone), "review-notices-" + UUID.randomUUID());
		step("center", id, "file", "{}");
		step("center", id, "dispatch", "{\"unitId\":" + unit + "}");
		step(handler, id, "accept", "{}");
		step(handler, id, "feedback", "{\"note\":\"已清运\"}");
		step("center", id, "verify", "{\"passed\":true}");
		step("center", id, "close", "{\"note\":\"已结案\"}");
		String first = link(awaitMessage("case-closed:" + id + ":sms"));

		// not satisfied: reopened for the center's review; the review sends it back for rework, the unit does it again
		mvc.perform(post(first).with(csrf()).param("satisfaction", "1").param("comment", "还有垃圾"))
				.andExpect(status().is3xxRedirection());
		step("center", id, "verify", "{\"passed\":false,\"note\":\"复核：返工\"}");
		step(handler, id, "feedback", "{\"note\":\"已彻底清理并消毒\"}");
		step("center", id, "verify", "{\"passed\":true}");
		step("center", id, "close", "{\"note\":\"复核后已彻底清理，垃圾桶已增加两个\"}");

		Row reviewed = awaitMessage("case-closed:" + id + ":review1:sms");
		assertThat(reviewed.title()).isEqualTo("SMS_CASE_REVIEWED_DEMO");
		assertThat(reviewed.phoneHash()).isEqualTo(cipher.lookupHash(phone));
		assertThat(reviewed.body()).contains(cases.reporterContact(id).orElseThrow().caseNumber())
				.contains("复核后已彻底清理，垃圾桶已增加两个");
		String second = link(reviewed);
		assertThat(second).isNotEqualTo(first);
		long links = ratingLinks(id);

		// the listener runs again: no third message, no further link
		updates.on(new CaseEvents.CaseClosed(id, true, 1));
		assertThat(messages("case-closed:" + id + ":")).isEqualTo(2);
		assertThat(ratingLinks(id)).isEqualTo(links);

		// the first link is used; the new one rates the reviewed handling once
		mvc.perform(get(second).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"rate-form\"")));
		mvc.perform(post(second).with(csrf()).param("satisfaction", "3")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT status || ':' || satisfaction FROM case_file WHERE id = ?").param(id)
				.query(String.class).single()).isEqualTo("EVALUATED:3");
	}

	@Test
	void aLongAnswerIsCutToWhatAnSmsVariableTakes() throws Exception {
		String phone = randomMobile();
		long id = cases.reportAs("public", new NewCase("E0101", "路灯不亮" + UUID.randomUUID(), Demo.GRID1, null,
				null, null, CaseSource.RESIDENT, phone), "review-notices-" + UUID.randomUUID());
		step("center", id, "file", "{}");
		step("center", id, "dispatch", "{\"unitId\":" + unit + "}");
		step(handler, id, "accept", "{}");
		step(handler, id, "feedback", "{\"note\":\"" + "已更换灯泡".repeat(20) + "\"}");
		updates.on(new CaseEvents.CaseClosed(id, true, 2));
		Row reviewed = awaitMessage("case-closed:" + id + ":review2:sms");
		String answer = reviewed.body().replaceAll(".*\"answer\":\"([^\"]*)\".*", "$1");
		assertThat(answer).hasSize(ReporterUpdates.MAX_ANSWER).endsWith("…").startsWith("已更换灯泡");
	}

	long ratingLinks(long caseId) {
		return jdbc.sql("SELECT COUNT(*) FROM case_rating_link WHERE case_id = ?").param(caseId).query(Long.class)
				.single();
	}

	static String link(Row sms) {
		String link = sms.body().replaceAll(".*\"link\":\"([^\"]+)\".*", "$1");
		assertThat(link).matches("http://localhost:\\d+/rate/[A-Za-z0-9_-]{43}");
		return link.replaceFirst("http://localhost:\\d+", "");
	}
}
